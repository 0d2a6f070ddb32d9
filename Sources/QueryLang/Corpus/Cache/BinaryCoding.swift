#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compact binary writer and a bounds-checked reader, for the corpus cache.
///
/// Numbers are little-endian 64-bit words; strings are a length and their UTF-8 bytes. Arrays of plain
/// values (`BitwiseCopyable`: mentions, offsets, postings) are stored raw, as they lie in memory, after a
/// count and padding to an 8-byte boundary, so that reading one is a bounds check and one copy; a list of
/// lists is one array of offsets and one of values. Raw arrays are only read back by the binary that
/// wrote them (the cache checks it), which is what makes their memory layout a stable format.
///
/// The writer hands its bytes to `sink` in pieces of about `pieceSize` (the cache checksums each one).
struct BinaryWriter {
    private var buffer: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) -> Void
    private let pieceSize: Int
    /// Bytes written so far, the buffered ones included.
    private(set) var position = 0

    init(pieceSize: Int = 1 << 20, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.pieceSize = pieceSize
        self.sink = sink
        buffer.reserveCapacity(pieceSize + 4096)
    }

    /// Hands every buffered byte to the sink.
    mutating func flush() {
        if buffer.isEmpty { return }
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends bytes as they are.
    mutating func bytes(_ raw: UnsafeRawBufferPointer) {
        position += raw.count
        if raw.count >= pieceSize / 4 {
            flush()
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + pieceSize)
                sink(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
            return
        }
        buffer.append(contentsOf: raw)
        if buffer.count >= pieceSize { flush() }
    }

    mutating func int(_ v: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(v)).littleEndian) { bytes($0) }
    }

    mutating func bool(_ v: Bool) { withUnsafeBytes(of: UInt8(v ? 1 : 0)) { bytes($0) } }

    mutating func double(_ v: Double) { int(Int(Int64(bitPattern: v.bitPattern))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { p in
            int(p.count)
            bytes(UnsafeRawBufferPointer(p))
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

    mutating func date(_ d: PartialDate?) {
        guard let d else { int(0); return }
        int(d.year)
        int(d.month ?? 0)
        int(d.day ?? 0)
        bool(d.approximate)
    }

    /// Zero bytes up to the next multiple of 8 (raw arrays start there).
    private mutating func align() {
        let pad = (8 - position % 8) % 8
        if pad > 0 { withUnsafeBytes(of: UInt64(0)) { bytes(UnsafeRawBufferPointer(rebasing: $0[0..<pad])) } }
    }

    /// An array of plain values, raw.
    mutating func raw<T: BitwiseCopyable>(_ a: [T]) {
        a.withUnsafeBufferPointer { raw($0) }
    }

    mutating func raw<T: BitwiseCopyable>(_ a: UnsafeBufferPointer<T>) {
        int(a.count)
        align()
        bytes(UnsafeRawBufferPointer(a))
    }

    /// A list of lists of plain values: the offset of each list in the values (one more than there are
    /// lists), then every value.
    mutating func lists<T: BitwiseCopyable>(_ lists: [[T]]) {
        var offsets = [Int](repeating: 0, count: lists.count + 1)
        for (k, l) in lists.enumerated() { offsets[k + 1] = offsets[k] + l.count }
        raw(offsets)
        int(offsets[lists.count])
        align()
        for l in lists { l.withUnsafeBytes { bytes($0) } }
    }
}

/// Reads what ``BinaryWriter`` wrote, from memory it does not own (the mapped cache file), checking
/// every length against the bytes there are: a truncated or garbled stream throws ``Corrupt``, never
/// reads out of bounds.
///
/// Strings are validated as UTF-8 unless `validatesUTF8` is false: then they are taken as they are, which
/// is for bytes whose checksum is verified before any of those strings is used (validating the texts of a
/// corpus cost half the time of re-opening it).
struct BinaryReader {
    struct Corrupt: Error {}
    let base: UnsafeRawPointer
    let count: Int
    private(set) var position = 0
    var validatesUTF8 = true

    init(_ bytes: UnsafeRawBufferPointer) {
        // An empty buffer may have no address; any valid one will do, nothing is read from it.
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!
        count = bytes.count
    }

    var atEnd: Bool { position == count }

    mutating func seek(to offset: Int) throws {
        guard offset >= 0, offset <= count else { throw Corrupt() }
        position = offset
    }

    mutating func int() throws -> Int {
        guard count - position >= 8 else { throw Corrupt() }
        let v = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Int(Int64(bitPattern: UInt64(littleEndian: v)))
    }

    /// A count of things each at least `size` bytes long, so no larger than the bytes left allow.
    mutating func count(size: Int = 1) throws -> Int {
        let n = try int()
        guard n >= 0, n <= (count - position) / max(1, size) else { throw Corrupt() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard position < count else { throw Corrupt() }
        let b = base.load(fromByteOffset: position, as: UInt8.self)
        guard b <= 1 else { throw Corrupt() }
        position += 1
        return b == 1
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

    mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        let bytes = UnsafeBufferPointer(start: (base + position).assumingMemoryBound(to: UInt8.self), count: n)
        if !validatesUTF8 { return String(copying: UTF8Span(unchecked: bytes.span)) }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw Corrupt() }
        return s
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func date() throws -> PartialDate? {
        let y = try int()
        if y == 0 { return nil }
        let m = try int(), d = try int()
        let approx = try bool()
        guard let date = PartialDate(year: y, month: m == 0 ? nil : m, day: d == 0 ? nil : d, approximate: approx) else { throw Corrupt() }
        return date
    }

    private mutating func align() throws {
        let pad = (8 - position % 8) % 8
        guard count - position >= pad else { throw Corrupt() }
        position += pad
    }

    /// Where a raw array lies, to be copied later (from any thread).
    mutating func raw<T: BitwiseCopyable>(_: T.Type = T.self) throws -> RawArray<T> {
        let n = try int()
        try align()
        guard n >= 0, n <= (count - position) / MemoryLayout<T>.stride else { throw Corrupt() }
        let a = RawArray<T>(start: base + position, count: n)
        position += n * MemoryLayout<T>.stride
        return a
    }

    /// Where a list of lists lies: its offsets are checked (from 0, never decreasing, up to the number of values).
    mutating func lists<T: BitwiseCopyable>(_: T.Type = T.self, count n: Int) throws -> RawLists<T> {
        let offsets = try raw(Int.self)
        let values = try raw(T.self)
        guard offsets.count == n + 1, offsets[0] == 0, offsets[n] == values.count else { throw Corrupt() }
        for k in 0..<n where offsets[k] > offsets[k + 1] { throw Corrupt() }
        return RawLists(offsets: offsets, values: values)
    }
}

/// An array of plain values lying raw in memory that the reader checked the bounds of.
struct RawArray<T: BitwiseCopyable>: @unchecked Sendable {
    let start: UnsafeRawPointer
    let count: Int

    var buffer: UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self), count: count)
    }

    subscript(k: Int) -> T { start.loadUnaligned(fromByteOffset: k * MemoryLayout<T>.stride, as: T.self) }

    /// The values `range` as an array: one copy.
    func array(_ range: Range<Int>) -> [T] {
        // Not through the initialiser when empty: it would write the shared empty array's count.
        if range.isEmpty { return [] }
        return [T](unsafeUninitializedCapacity: range.count) { out, n in
            ProcessMemory.tuning.willFill(UnsafeMutableRawPointer(out.baseAddress!), bytes: range.count * MemoryLayout<T>.stride)
            UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: start + range.lowerBound * MemoryLayout<T>.stride,
                                                                 byteCount: range.count * MemoryLayout<T>.stride)
            n = range.count
        }
    }

    func array() -> [T] { array(0..<count) }
}

/// A list of lists of plain values lying raw in memory (offsets checked by the reader).
struct RawLists<T: BitwiseCopyable>: Sendable {
    let offsets: RawArray<Int>
    let values: RawArray<T>

    var count: Int { offsets.count - 1 }

    func range(_ k: Int) -> Range<Int> { offsets[k]..<offsets[k + 1] }

    func list(_ k: Int) -> [T] { values.array(range(k)) }

    func lists() -> [[T]] { (0..<count).map(list) }
}

extension RawLists where T: FixedWidthInteger {
    /// Whether every value is in `0..<bound`.
    func allBelow(_ bound: Int) -> Bool {
        var lo = T.max, hi = T.min
        for v in values.buffer { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        return values.count == 0 || (lo >= 0 && Int(hi) < bound)
    }
}
