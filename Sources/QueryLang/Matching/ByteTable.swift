import Foundation

/// An open-addressing hash table from byte strings to dense integer ids.
///
/// The matcher looks up every word of every document here, so it hashes and compares raw bytes
/// without building a `String` (linear probing, keys in one byte pool). Made for lookups that mostly
/// miss, of keys that are mostly short:
/// - the hash reads eight bytes at a time and ignores ASCII case (``hash(_:)``), so the scanner hashes
///   a word once, as it reads it, for its lookups both as written and lowercased;
/// - a 4 KB bitmap of the hashes present (a one-hash Bloom filter) answers most misses with one load;
/// - each 16-byte slot keeps the first eight bytes of its key (its *head*, zero-padded), so a key of up
///   to eight bytes is compared in one integer comparison.
/// Filled while a ``NameIndex`` is built and only read afterwards, so it may be shared between threads.
final class ByteTable: @unchecked Sendable {
    fileprivate struct Slot {
        var head: UInt64
        /// -1 for an empty slot.
        var length: Int32
        var value: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    /// Where each slot's key starts in the pool (needed only for keys longer than their head).
    private var offsets: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var mask: Int
    /// The slot of a hash is its top bits: `hash >> shift`.
    private var shift: UInt64
    private let filter: UnsafeMutablePointer<UInt64>
    private var pool: UnsafeMutablePointer<UInt8>
    private var poolCapacity: Int
    private var poolCount = 0
    private(set) var count = 0

    private static let filterBits: UInt64 = 15

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        self.capacity = c
        mask = c - 1
        shift = UInt64(64 - c.trailingZeroBitCount)
        slots = .allocate(capacity: c)
        slots.initialize(repeating: ByteTable.empty, count: c)
        offsets = .allocate(capacity: c)
        filter = .allocate(capacity: 1 << (ByteTable.filterBits - 6))
        filter.initialize(repeating: 0, count: 1 << (ByteTable.filterBits - 6))
        poolCapacity = 256
        pool = .allocate(capacity: poolCapacity)
    }

    deinit {
        slots.deallocate()
        offsets.deallocate()
        filter.deallocate()
        pool.deallocate()
    }

    private static let empty = Slot(head: 0, length: -1, value: -1)

    // MARK: Hashing

    /// The hash of a key: its bytes eight at a time (the last group zero-padded), each byte with the
    /// ASCII case bit (0x20) set, multiplied in (``mix(_:_:)``). Keys that differ only in the case of
    /// ASCII letters hash alike. Only the top bits are well mixed, and only they are used.
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        var k = 0
        while k < p.count {
            let n = min(8, p.count - k)
            let group = n == 8 ? ByteLanes.load(p.baseAddress! + k) : ByteLanes.load(p.baseAddress! + k, count: n)
            h = mix(h, (group | ByteLanes.caseBits) & ByteLanes.lowBytes(n))
            k += 8
        }
        return h
    }

    static let seed: UInt64 = 0

    /// Adds one group of eight bytes (case bits set, zero-padded) to a hash.
    @inline(__always)
    static func mix(_ h: UInt64, _ group: UInt64) -> UInt64 {
        (h ^ group) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The first eight bytes of a key, zero-padded: what a slot compares first.
    @inline(__always)
    static func head(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = p.baseAddress else { return 0 }
        return p.count >= 8 ? ByteLanes.load(base) : ByteLanes.load(base, count: p.count)
    }

    /// The filter word and bit of a hash.
    @inline(__always)
    fileprivate static func filterPosition(_ hash: UInt64) -> (word: Int, bit: UInt64) {
        let b = hash >> (64 - filterBits)
        return (Int(truncatingIfNeeded: b >> 6), 1 &<< (b & 63))
    }

    // MARK: Lookup

    /// Whether a key of this hash may be present (false: it is not).
    @inline(__always)
    func mayContain(hash: UInt64) -> Bool { reader.mayContain(hash: hash) }

    /// The id of `key`, whose ``head(_:)`` and ``hash(_:)`` the caller computed; -1 when absent.
    ///
    /// With `foldingCase`, `key` holds ASCII letters and digits as written, `head` is lowercased, and
    /// the key found is the word lowercased (the scanner's fast path, which copies no word).
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, head: UInt64, hash: UInt64, foldingCase: Bool) -> Int32 {
        reader.lookup(key, head: head, hash: hash, foldingCase: foldingCase)
    }

    /// The table as it stands, for lookups in a hot loop: its storage in plain values, read without
    /// going through the object. Valid while the table lives and is not changed (a ``NameIndex``'s
    /// tables are complete once it is built).
    var reader: Reader {
        Reader(slots: slots, offsets: offsets, pool: pool, filter: filter, mask: mask, shift: shift)
    }

    struct Reader: @unchecked Sendable {
        fileprivate let slots: UnsafeMutablePointer<Slot>
        fileprivate let offsets: UnsafeMutablePointer<Int32>
        fileprivate let pool: UnsafeMutablePointer<UInt8>
        fileprivate let filter: UnsafeMutablePointer<UInt64>
        fileprivate let mask: Int
        fileprivate let shift: UInt64

        /// Whether a key of this hash may be present (false: it is not).
        @inline(__always)
        func mayContain(hash: UInt64) -> Bool {
            let (word, bit) = ByteTable.filterPosition(hash)
            return filter[word] & bit != 0
        }

        /// See ``ByteTable/lookup(_:head:hash:foldingCase:)``.
        @inline(__always)
        func lookup(_ key: UnsafeBufferPointer<UInt8>, head: UInt64, hash: UInt64, foldingCase: Bool) -> Int32 {
            if !mayContain(hash: hash) { return -1 }
            var i = Int(truncatingIfNeeded: hash &>> shift)
            while true {
                let slot = slots[i]
                if slot.length < 0 { return -1 }
                if slot.head == head && Int(slot.length) == key.count
                    && (key.count <= 8 || ByteTable.tailEquals(key, pool + Int(offsets[i]), foldingCase: foldingCase)) {
                    return slot.value
                }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Whether the bytes after the head of `key` (longer than eight bytes) equal those of the pooled key
    /// at `stored`.
    @inline(never)
    fileprivate static func tailEquals(_ key: UnsafeBufferPointer<UInt8>, _ stored: UnsafePointer<UInt8>, foldingCase: Bool) -> Bool {
        let p = key.baseAddress!
        if !foldingCase { return memcmp(stored + 8, p + 8, key.count - 8) == 0 }
        for k in 8..<key.count where p[k] | 0x20 != stored[k] { return false }
        return true
    }

    /// The id of `p` (compared exactly), whose ``hash(_:)`` the caller computed; -1 when absent.
    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        lookup(p, head: ByteTable.head(p), hash: hash, foldingCase: false)
    }

    /// Inlined: the scanner's general path and the uncertain-mention test call it for words of text.
    @inline(__always)
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
            let head = ByteTable.head(p), hash = ByteTable.hash(p)
            var i = Int(truncatingIfNeeded: hash &>> shift)
            while slots[i].length >= 0 {
                if slots[i].head == head && Int(slots[i].length) == p.count
                    && (p.count <= 8 || ByteTable.tailEquals(p, pool + Int(offsets[i]), foldingCase: false)) {
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
            slots[i] = Slot(head: head, length: Int32(p.count), value: value)
            offsets[i] = Int32(poolCount)
            let (word, bit) = ByteTable.filterPosition(hash)
            filter[word] |= bit
            poolCount += p.count
            count += 1
        }
    }

    private func grow() {
        let oldSlots = slots, oldOffsets = offsets, oldCapacity = capacity
        capacity *= 2
        mask = capacity - 1
        shift -= 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: ByteTable.empty, count: capacity)
        offsets = .allocate(capacity: capacity)
        for k in 0..<oldCapacity where oldSlots[k].length >= 0 {
            let key = UnsafeBufferPointer(start: pool + Int(oldOffsets[k]), count: Int(oldSlots[k].length))
            var i = Int(truncatingIfNeeded: ByteTable.hash(key) &>> shift)
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = oldSlots[k]
            offsets[i] = oldOffsets[k]
        }
        oldSlots.deallocate()
        oldOffsets.deallocate()
    }
}

/// An open-addressing table from 64-bit keys to 32-bit values (the name trie's edges).
///
/// Each key sits beside its value, so a lookup touches one cache line.
struct IntTable: Sendable {
    private struct Entry {
        /// -1 for an empty entry.
        var key: Int64
        var value: Int32
    }

    private var entries: [Entry]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        entries = Array(repeating: Entry(key: -1, value: -1), count: c)
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
        entries.withUnsafeBufferPointer { e in
            var i = IntTable.mix(k) & mask
            while true {
                let entry = e[i]
                if entry.key == k { return entry.value }
                if entry.key < 0 { return -1 }
                i = (i + 1) & mask
            }
        }
    }

    mutating func set(_ k: Int64, _ v: Int32) {
        if (count + 1) * 2 > entries.count { grow() }
        var i = IntTable.mix(k) & mask
        while entries[i].key >= 0 && entries[i].key != k { i = (i + 1) & mask }
        if entries[i].key < 0 { count += 1 }
        entries[i] = Entry(key: k, value: v)
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: -1, value: -1), count: old.count * 2)
        mask = entries.count - 1
        count = 0
        for e in old where e.key >= 0 { set(e.key, e.value) }
    }
}
