/// An open-addressing hash table from byte strings to dense integer ids.
///
/// The matcher looks up every word of every document here, so it hashes and compares raw bytes
/// without building a `String` (FNV-1a, linear probing, one byte pool).
struct ByteTable: Sendable {
    private var slots: [Slot]
    private var pool: [UInt8] = []
    private var mask: Int
    private(set) var count = 0

    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = -1
        var value: Int32 = -1
    }

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        slots = Array(repeating: Slot(), count: c)
        mask = c - 1
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in p { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        lookup(p, hash: ByteTable.hash(p))
    }

    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { s in
            pool.withUnsafeBufferPointer { pl in
                while true {
                    let slot = s[i]
                    if slot.length < 0 { return -1 }
                    if slot.hash == h && Int(slot.length) == p.count {
                        var same = true
                        let o = Int(slot.offset)
                        for k in 0..<p.count where pl[o + k] != p[k] { same = false; break }
                        if same { return slot.value }
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    func lookup(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { lookup($0) }
    }

    /// Inserts or replaces the value for a key.
    mutating func insert(_ key: String, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        var k = key
        k.withUTF8 { p in
            let h = ByteTable.hash(p)
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                if slots[i].length < 0 {
                    slots[i] = Slot(hash: h, offset: Int32(pool.count), length: Int32(p.count), value: value)
                    pool.append(contentsOf: p)
                    count += 1
                    return
                }
                if slots[i].hash == h && Int(slots[i].length) == p.count
                    && pool[Int(slots[i].offset)..<Int(slots[i].offset) + p.count].elementsEqual(p) {
                    slots[i].value = value
                    return
                }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let old = slots
        let c = slots.count * 2
        slots = Array(repeating: Slot(), count: c)
        mask = c - 1
        for s in old where s.length >= 0 {
            var i = Int(truncatingIfNeeded: s.hash) & mask
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}

/// An open-addressing table from 64-bit keys to 32-bit values (the name trie's edges).
struct IntTable: Sendable {
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        keys = Array(repeating: -1, count: c)
        values = Array(repeating: -1, count: c)
        mask = c - 1
    }

    @inline(__always)
    private static func mix(_ k: Int64) -> Int {
        var x = UInt64(bitPattern: k)
        x ^= x >> 33; x = x &* 0xff51afd7ed558ccd; x ^= x >> 33
        return Int(truncatingIfNeeded: x)
    }

    @inline(__always)
    func get(_ k: Int64) -> Int32 {
        var i = IntTable.mix(k) & mask
        while true {
            let key = keys[i]
            if key == k { return values[i] }
            if key < 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ k: Int64, _ v: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = IntTable.mix(k) & mask
        while keys[i] >= 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] < 0 { count += 1 }
        keys[i] = k
        values[i] = v
    }

    private mutating func grow() {
        let ok = keys, ov = values
        let c = keys.count * 2
        keys = Array(repeating: -1, count: c)
        values = Array(repeating: -1, count: c)
        mask = c - 1
        count = 0
        for (k, v) in zip(ok, ov) where k >= 0 { set(k, v) }
    }
}
