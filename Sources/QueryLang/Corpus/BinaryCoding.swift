/// A compact binary writer and a bounds-checked reader, for the corpus cache.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func int(_ v: Int) {
        var x = UInt64(bitPattern: Int64(v))
        for _ in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: x)); x >>= 8 }
    }

    mutating func int32(_ v: Int32) {
        var x = UInt32(bitPattern: v)
        for _ in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: x)); x >>= 8 }
    }

    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func double(_ v: Double) { int(Int(Int64(bitPattern: v.bitPattern))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { p in
            int(p.count)
            bytes.append(contentsOf: p)
        }
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func optionalInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    /// An array of Int32 as one little-endian block (copied in bulk).
    mutating func int32s(_ a: [Int32]) {
        int(a.count)
        a.withUnsafeBytes { raw in
            if Int32(1).littleEndian == 1 { bytes.append(contentsOf: raw) } else { for v in a { int32(v) } }
        }
    }

    mutating func date(_ d: PartialDate?) {
        guard let d else { int(0); return }
        int(d.year)
        int(d.month ?? 0)
        int(d.day ?? 0)
        bool(d.approximate)
    }
}

struct BinaryReader {
    struct Corrupt: Error {}
    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { i == bytes.count }

    mutating func int() throws -> Int {
        guard i + 8 <= bytes.count else { throw Corrupt() }
        var x: UInt64 = 0
        for k in 0..<8 { x |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        i += 8
        return Int(Int64(bitPattern: x))
    }

    mutating func int32() throws -> Int32 {
        guard i + 4 <= bytes.count else { throw Corrupt() }
        var x: UInt32 = 0
        for k in 0..<4 { x |= UInt32(bytes[i + k]) << (8 * UInt32(k)) }
        i += 4
        return Int32(bitPattern: x)
    }

    mutating func count(max: Int = 1 << 31) throws -> Int {
        let n = try int()
        guard n >= 0, n <= max, n <= bytes.count - i + (1 << 20) else { throw Corrupt() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard i < bytes.count else { throw Corrupt() }
        i += 1
        return bytes[i - 1] != 0
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

    mutating func string() throws -> String {
        let n = try int()
        guard n >= 0, i + n <= bytes.count else { throw Corrupt() }
        defer { i += n }
        guard let s = String(validating: bytes[i..<(i + n)], as: UTF8.self) else { throw Corrupt() }
        return s
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func int32s() throws -> [Int32] {
        let n = try int()
        guard n >= 0, n <= (bytes.count - i) / 4 else { throw Corrupt() }
        if Int32(1).littleEndian != 1 {
            var out = [Int32](repeating: 0, count: n)
            for k in 0..<n { out[k] = try int32() }
            return out
        }
        let start = i
        i += 4 * n
        return [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + 4 * n)]))
            }
            count = n
        }
    }

    mutating func date() throws -> PartialDate? {
        let y = try int()
        if y == 0 { return nil }
        let m = try int(), d = try int()
        let approx = try bool()
        guard let date = PartialDate(year: y, month: m == 0 ? nil : m, day: d == 0 ? nil : d, approximate: approx) else { throw Corrupt() }
        return date
    }
}
