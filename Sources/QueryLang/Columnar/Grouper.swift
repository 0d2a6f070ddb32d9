/// Numbers the groups of rows in first-seen order by their keys' codes. One key whose codes are small and
/// not negative (pool codes, references, booleans, small integers) is looked up in an array indexed by the
/// code; other keys in a hash table of fixed-width words (one per key, and one of null flags). Several
/// keys whose codes are bounded (strings of one pool, references, booleans) are packed into one word
/// first, a digit per key (0 for null, else the code + 1), and that word is looked up as one key is; a
/// batch whose bounds are larger (a pool that grew) turns the packed groups back into words. Packed keys
/// whose first key's rows arrive in runs (`inRuns`) are grouped run by run (``RunGroups``) until a row
/// shows they do not.
struct Grouper {
    let width: Int
    private var table: GroupTable
    /// One key, or keys packed: group + 1 by code (0: none yet), for codes below `directLimit`.
    private var direct: [Int32] = []
    static let directLimit: Int64 = 1 << 20
    /// The bound of each key's codes and its digit's place in a packed word; nil when not packed.
    private var packing: [(bound: Int64, stride: Int64)]?
    private var decided = false
    /// Whether the first key's rows are expected in runs (the plan says so; the rows may still not be).
    let inRuns: Bool
    /// The groups while the packed keys' rows arrive in runs of the first key.
    private var runs: RunGroups?

    init(keys: Int, inRuns: Bool = false) {
        width = keys + 1
        table = GroupTable(width: keys + 1)
        self.inRuns = inRuns
    }

    var count: Int { runs?.count ?? table.count }

    /// Whether the groups so far were made run by run.
    var groupedInRuns: Bool { runs != nil }

    /// The bounds of the keys' codes while packed.
    var bounds: [Int64?]? { packing.map { $0.map(\.bound) } }

    /// Key `j`'s code in group `group` (`j == keys`: the null flags, a bit per key).
    func word(_ group: Int, _ j: Int) -> Int64 {
        guard let packing else { return table.word(group, j) }
        let w = runs?.word(group) ?? table.word(group, 0)
        if j < packing.count {
            let digit = (w / packing[j].stride) % (packing[j].bound + 1)
            return digit == 0 ? 0 : digit - 1
        }
        var flags: Int64 = 0
        for (k, p) in packing.enumerated() where (w / p.stride) % (p.bound + 1) == 0 { flags |= 1 << Int64(k) }
        return flags
    }

    /// Every group's codes and null flags, key by key (what ``word(_:_:)`` reads one at a time).
    func keyColumns() -> [(codes: [Int64], nulls: [Bool])] {
        let n = count, keys = width - 1
        guard let packing else {
            return (0..<keys).map { j in
                ((0..<n).map { table.word($0, j) }, (0..<n).map { table.word($0, keys) & (1 << Int64(j)) != 0 })
            }
        }
        var out: [(codes: [Int64], nulls: [Bool])] = []
        // The digits of the keys, taken off each group's word (or the run grouping's parts) in turn.
        var left: [Int64]
        var from = 0
        if let runs {
            left = runs.rests.map { Int64($0) }
            out.append(RunGroups.column(runs.firsts.map { Int64($0) }))
            from = 1
        } else {
            left = (0..<n).map { table.word($0, 0) }
        }
        for j in from..<keys {
            if j == keys - 1 {
                out.append(RunGroups.column(left))
                break
            }
            let base = packing[j].bound + 1
            out.append(RunGroups.column(left.map { $0 % base }))
            for g in 0..<n { left[g] /= base }
        }
        return out
    }

    /// The bounds of the keys' codes as `packing` keeps them, if every key has one and all fit in a word.
    static func layout(_ bounds: [Int64?]) -> [(bound: Int64, stride: Int64)]? {
        var out: [(bound: Int64, stride: Int64)] = []
        var stride: Int64 = 1
        for b in bounds {
            guard let b, b >= 0 else { return nil }
            out.append((b, stride))
            let (next, overflow) = stride.multipliedReportingOverflow(by: b + 1)
            guard !overflow, next < Int64.max / 4 else { return nil }
            stride = next
        }
        return out
    }

    /// The group of each of `n` rows, new groups numbered as they are first seen. `bounds` holds, for
    /// each key, a number its codes are below (nil: unknown).
    mutating func groups(_ keys: [(codes: [Int64], nulls: [Bool]?)], _ n: Int, bounds: [Int64?]? = nil) -> [Int32] {
        if keys.count >= 2 {
            decide(bounds)
            if let p = packing {
                if fits(bounds) {
                    if runs != nil, let out = runs?.groups(keys, n) { return out }
                    leaveRuns()
                    return packedGroups(keys, n, p)
                }
                leaveRuns()
                unpack()
            }
        }
        var out = [Int32](repeating: 0, count: n)
        var word = [Int64](repeating: 0, count: width)
        if keys.count == 1 {
            let codes = keys[0].codes, nulls = keys[0].nulls
            var i = 0
            while i < n {
                // Rows whose code was met before, in one tight loop while there are no nulls.
                if nulls == nil {
                    direct.withUnsafeBufferPointer { d in
                        codes.withUnsafeBufferPointer { c in
                            out.withUnsafeMutableBufferPointer { o in
                                while i < n {
                                    let x = c[i]
                                    guard x >= 0 && x < d.count else { break }
                                    let g = d[Int(x)]
                                    if g == 0 { break }
                                    o[i] = g - 1
                                    i += 1
                                }
                            }
                        }
                    }
                    if i == n { break }
                }
                defer { i += 1 }
                let c = codes[i]
                // A code met before: its group straight from the direct array.
                if c >= 0 && c < direct.count && direct[Int(c)] != 0 && nulls?[i] != true {
                    out[i] = direct[Int(c)] - 1
                    continue
                }
                if nulls?[i] != true, c >= 0, c < Grouper.directLimit {
                    out[i] = directGroup(c) { word[0] = c; word[1] = 0; return word }
                    continue
                }
                word[0] = nulls?[i] == true ? 0 : c
                word[1] = nulls?[i] == true ? 1 : 0
                out[i] = Int32(word.withUnsafeBufferPointer { table.group($0).0 })
            }
            return out
        }
        word.withUnsafeMutableBufferPointer { w in
            for i in 0..<n {
                var flags: Int64 = 0
                for j in 0..<keys.count {
                    if keys[j].nulls?[i] == true { w[j] = 0; flags |= 1 << Int64(j) } else { w[j] = keys[j].codes[i] }
                }
                w[keys.count] = flags
                out[i] = Int32(table.group(UnsafeBufferPointer(w)).0)
            }
        }
        return out
    }

    /// As ``groups(_:_:bounds:)``, from the keys' vectors: strings and references grouped run by run are
    /// read as they stand, with no codes made.
    mutating func groups(vectors: [Vector], _ n: Int, bounds: [Int64?]) -> [Int32] {
        if vectors.count >= 2 {
            decide(bounds)
            if runs != nil, fits(bounds), vectors.allSatisfy({ if case .strings = $0 { true } else if case .refs = $0 { true } else { false } }) {
                if let out = runs?.groups(vectors: vectors, n) { return out }
                leaveRuns()
            }
        }
        return groups(vectors.map(VectorKernels.codes), n, bounds: bounds)
    }

    /// On the first batch of several keys: packs them if their bounds allow, run by run if asked.
    private mutating func decide(_ bounds: [Int64?]?) {
        guard !decided else { return }
        decided = true
        packing = bounds.flatMap(Grouper.layout)
        if let p = packing {
            table = GroupTable(width: 1)
            if inRuns { runs = RunGroups(p) }
        }
    }

    /// Whether a batch's bounds fit the packing.
    private func fits(_ bounds: [Int64?]?) -> Bool {
        guard let p = packing, let bounds, bounds.count == p.count else { return false }
        return zip(bounds, p).allSatisfy { b, kept in b.map { $0 <= kept.bound } ?? false }
    }

    /// The group of a code below `directLimit` by the direct array, numbered in the table (as `word()`).
    private mutating func directGroup(_ c: Int64, _ word: () -> [Int64]) -> Int32 {
        let k = Int(c)
        if k >= direct.count { direct += repeatElement(0, count: Swift.max(k + 1 - direct.count, direct.count)) }
        if direct[k] == 0 { direct[k] = Int32(word().withUnsafeBufferPointer { table.group($0).0 }) + 1 }
        return direct[k] - 1
    }

    private mutating func packedGroups(_ keys: [(codes: [Int64], nulls: [Bool]?)], _ n: Int,
                                       _ packing: [(bound: Int64, stride: Int64)]) -> [Int32] {
        var packed = [Int64](repeating: 0, count: n)
        for (j, key) in keys.enumerated() {
            let stride = packing[j].stride
            key.codes.withUnsafeBufferPointer { codes in
                if let nulls = key.nulls {
                    for i in 0..<n where !nulls[i] { packed[i] &+= (codes[i] &+ 1) &* stride }
                } else {
                    for i in 0..<n { packed[i] &+= (codes[i] &+ 1) &* stride }
                }
            }
        }
        var out = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let w = packed[i]
            if w < direct.count && direct[Int(w)] != 0 {
                out[i] = direct[Int(w)] - 1
            } else if w < Grouper.directLimit {
                out[i] = directGroup(w) { [w] }
            } else {
                out[i] = Int32(table.group(single: w))
            }
        }
        return out
    }

    /// Puts the groups made run by run in the hash table (and the direct array), numbered as they were.
    private mutating func leaveRuns() {
        guard let r = runs else { return }
        runs = nil
        for g in 0..<r.count {
            let w = r.word(g)
            if w < Grouper.directLimit { _ = directGroup(w) { [w] } } else { _ = table.group(single: w) }
        }
    }

    /// Turns packed groups back into words of codes and flags, numbered as they were.
    private mutating func unpack() {
        guard packing != nil else { return }
        let keys = width - 1
        var words = GroupTable(width: width)
        var w = [Int64](repeating: 0, count: width)
        for g in 0..<table.count {
            for j in 0...keys { w[j] = word(g, j) }
            _ = w.withUnsafeBufferPointer { words.group($0) }
        }
        table = words
        packing = nil
        direct = []
    }
}

/// Groups numbered in first-seen order by fixed-width keys of 64-bit words (open addressing, linear
/// probing, grown at half full).
struct GroupTable {
    let width: Int
    private var keys: [Int64] = []
    private var slots: [Int32]
    private(set) var count = 0

    init(width: Int) {
        self.width = width
        slots = [Int32](repeating: -1, count: 1024)
    }

    func word(_ group: Int, _ j: Int) -> Int64 { keys[group * width + j] }

    private func hash(_ k: UnsafeBufferPointer<Int64>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for w in k {
            h = (h ^ UInt64(bitPattern: w)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return Int(truncatingIfNeeded: h)
    }

    /// The group of a key, and whether it is new.
    mutating func group(_ k: UnsafeBufferPointer<Int64>) -> (Int, Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = hash(k) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 {
                slots[i] = Int32(count)
                keys.append(contentsOf: k)
                count += 1
                return (count - 1, true)
            }
            var same = true
            for j in 0..<width where keys[s * width + j] != k[j] { same = false; break }
            if same { return (s, false) }
            i = (i + 1) & mask
        }
    }

    /// The group of a key of one word (a table of width 1).
    mutating func group(single k: Int64) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var h = (UInt64(bitPattern: k) ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 {
                slots[i] = Int32(count)
                keys.append(k)
                count += 1
                return count - 1
            }
            if keys[s] == k { return s }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        keys.withUnsafeBufferPointer { all in
            for g in 0..<count {
                let k = UnsafeBufferPointer(rebasing: all[(g * width)..<((g + 1) * width)])
                var i = hash(k) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(g)
            }
        }
    }
}
