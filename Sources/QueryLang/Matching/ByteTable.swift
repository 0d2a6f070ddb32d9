import Foundation

/// An open-addressing hash table from byte strings to dense integer ids.
///
/// The matcher looks up every word of every document here, so it hashes and compares raw bytes
/// without building a `String` (FNV-1a, linear probing, one byte pool). Filled while a ``NameIndex`` is
/// built and only read afterwards, so it may be shared between threads.
final class ByteTable: @unchecked Sendable {
    private struct Slot {
        var hash: UInt64
        var offset: Int32
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

    static let seed: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3

    init(capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        self.capacity = c
        slots = .allocate(capacity: c)
        slots.initialize(repeating: Slot(hash: 0, offset: 0, length: -1, value: -1), count: c)
        mask = c - 1
        poolCapacity = 256
        pool = .allocate(capacity: poolCapacity)
    }

    deinit {
        slots.deallocate()
        pool.deallocate()
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        for b in p { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        lookup(p, hash: ByteTable.hash(p))
    }

    /// The id of `p`, whose FNV-1a hash the caller computed while reading it; -1 when absent.
    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot.length < 0 { return -1 }
            if slot.hash == h && Int(slot.length) == p.count
                && (p.count == 0 || memcmp(pool + Int(slot.offset), p.baseAddress!, p.count) == 0) {
                return slot.value
            }
            i = (i + 1) & mask
        }
    }

    func lookup(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { lookup($0) }
    }

    /// Inserts or replaces the value for a key.
    func insert(_ key: String, _ value: Int32) {
        if (count + 1) * 2 > capacity { grow() }
        var k = key
        k.withUTF8 { p in
            let h = ByteTable.hash(p)
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                if slots[i].length < 0 {
                    if poolCount + p.count > poolCapacity {
                        var c = poolCapacity * 2
                        while c < poolCount + p.count { c *= 2 }
                        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
                        bigger.update(from: pool, count: poolCount)
                        pool.deallocate()
                        pool = bigger
                        poolCapacity = c
                    }
                    if p.count > 0 { (pool + poolCount).update(from: p.baseAddress!, count: p.count) }
                    slots[i] = Slot(hash: h, offset: Int32(poolCount), length: Int32(p.count), value: value)
                    poolCount += p.count
                    count += 1
                    return
                }
                if slots[i].hash == h && Int(slots[i].length) == p.count
                    && (p.count == 0 || memcmp(pool + Int(slots[i].offset), p.baseAddress!, p.count) == 0) {
                    slots[i].value = value
                    return
                }
                i = (i + 1) & mask
            }
        }
    }

    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(hash: 0, offset: 0, length: -1, value: -1), count: capacity)
        for k in 0..<oldCapacity where old[k].length >= 0 {
            var i = Int(truncatingIfNeeded: old[k].hash) & mask
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
