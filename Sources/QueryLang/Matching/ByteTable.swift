import Foundation

/// An open-addressing hash table from byte strings to dense integer ids.
///
/// The matcher looks up every word of every document here, so it hashes and compares raw bytes
/// without building a `String` (linear probing, one byte pool). Each slot keeps the first eight bytes
/// of its key (its *head*, zero-padded), so a key of up to eight bytes, as most words are, is compared
/// in one integer comparison. The hash reads eight bytes at a time and ignores ASCII case (see
/// ``hash(_:)``): the scanner hashes a word once and looks it up both as written and lowercased.
/// Filled while a ``NameIndex`` is built and only read afterwards, so it may be shared between threads.
final class ByteTable: @unchecked Sendable {
    private struct Slot {
        var head: UInt64
        var offset: Int32
        /// -1 for an empty slot.
        var length: Int32
        var value: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    private var pool: UnsafeMutablePointer<UInt8>
    private var poolCapacity: Int
    private var poolCount = 0
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        self.capacity = c
        slots = .allocate(capacity: c)
        slots.initialize(repeating: ByteTable.empty, count: c)
        mask = c - 1
        poolCapacity = 256
        pool = .allocate(capacity: poolCapacity)
    }

    deinit {
        slots.deallocate()
        pool.deallocate()
    }

    private static let empty = Slot(head: 0, offset: 0, length: -1, value: -1)

    // MARK: Hashing

    /// The hash of a key: its bytes eight at a time (the last group zero-padded), each byte with the
    /// ASCII case bit (0x20) set, then its length. Keys that differ only in the case of ASCII letters
    /// hash alike; ``mix(_:_:)`` and ``finish(_:count:)`` let the scanner hash a word as it reads it.
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        var k = 0
        while k < p.count {
            let n = min(8, p.count - k)
            let group = n == 8 ? ByteLanes.load(p.baseAddress! + k) : ByteLanes.load(p.baseAddress! + k, count: n)
            h = mix(h, (group | ByteLanes.caseBits) & ByteLanes.lowBytes(n))
            k += 8
        }
        return finish(h, count: p.count)
    }

    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Adds one group of eight bytes (case bits set, zero-padded) to a hash.
    @inline(__always)
    static func mix(_ h: UInt64, _ group: UInt64) -> UInt64 {
        let m = (h ^ group) &* 0xBF58_476D_1CE4_E5B9
        return m ^ (m >> 31)
    }

    @inline(__always)
    static func finish(_ h: UInt64, count: Int) -> UInt64 {
        let m = (h ^ UInt64(truncatingIfNeeded: count)) &* 0x94D0_49BB_1331_11EB
        return m ^ (m >> 29)
    }

    /// The first eight bytes of a key, zero-padded: what a slot compares first.
    @inline(__always)
    static func head(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = p.baseAddress else { return 0 }
        return p.count >= 8 ? ByteLanes.load(base) : ByteLanes.load(base, count: p.count)
    }

    // MARK: Lookup

    /// The id of `key`, whose ``head(_:)`` and ``hash(_:)`` the caller computed; -1 when absent.
    ///
    /// With `foldingCase`, `key` holds ASCII letters and digits as written, `head` is lowercased, and
    /// the key found is the word lowercased (the scanner's fast path, which copies no word).
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, head: UInt64, hash: UInt64, foldingCase: Bool) -> Int32 {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.length < 0 { return -1 }
            if slot.head == head && Int(slot.length) == key.count
                && (key.count <= 8 || tailEquals(key, at: Int(slot.offset), foldingCase: foldingCase)) {
                return slot.value
            }
            i = (i + 1) & mask
        }
    }

    /// Whether the bytes after the head of `key` (longer than eight bytes) equal those of the pooled key
    /// at `offset`.
    private func tailEquals(_ key: UnsafeBufferPointer<UInt8>, at offset: Int, foldingCase: Bool) -> Bool {
        let p = key.baseAddress!, stored = pool + offset
        if !foldingCase { return memcmp(stored + 8, p + 8, key.count - 8) == 0 }
        for k in 8..<key.count where p[k] | 0x20 != stored[k] { return false }
        return true
    }

    /// The id of `p` (compared exactly), whose ``hash(_:)`` the caller computed; -1 when absent.
    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        lookup(p, head: ByteTable.head(p), hash: hash, foldingCase: false)
    }

    func lookup(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        lookup(p, hash: ByteTable.hash(p))
    }

    func lookup(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { lookup($0) }
    }

    // MARK: Building

    /// Inserts or replaces the value for a key.
    func insert(_ key: String, _ value: Int32) {
        if (count + 1) * 2 > capacity { grow() }
        var k = key
        k.withUTF8 { p in
            let head = ByteTable.head(p)
            var i = Int(truncatingIfNeeded: ByteTable.hash(p)) & mask
            while slots[i].length >= 0 {
                if slots[i].head == head && Int(slots[i].length) == p.count
                    && (p.count <= 8 || tailEquals(p, at: Int(slots[i].offset), foldingCase: false)) {
                    slots[i].value = value
                    return
                }
                i = (i + 1) & mask
            }
            if poolCount + p.count > poolCapacity {
                var c = poolCapacity * 2
                while c < poolCount + p.count { c *= 2 }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
                bigger.update(from: pool, count: poolCount)
                pool.deallocate()
                pool = bigger
                poolCapacity = c
            }
            if let base = p.baseAddress { (pool + poolCount).update(from: base, count: p.count) }
            slots[i] = Slot(head: head, offset: Int32(poolCount), length: Int32(p.count), value: value)
            poolCount += p.count
            count += 1
        }
    }

    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: ByteTable.empty, count: capacity)
        for k in 0..<oldCapacity where old[k].length >= 0 {
            let key = UnsafeBufferPointer(start: pool + Int(old[k].offset), count: Int(old[k].length))
            var i = Int(truncatingIfNeeded: ByteTable.hash(key)) & mask
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = old[k]
        }
        old.deallocate()
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
