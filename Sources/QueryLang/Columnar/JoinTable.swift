/// The right side of a columnar join, built once from its key vectors: each distinct key is a group, and
/// the right side's references of a group are kept together in their order (offsets into one array).
/// The key space follows the left key's type, so that a probe compares as `==` does:
/// - a reference of kind `k`: the group is the index of the reference whose id the right key holds (a
///   string or a reference), so the left side's codes index the groups directly, with no hashing; the
///   ids of `k` in the corpus's own pool (``CorpusColumns``) are the indexes themselves;
/// - a string: a reference's id or a string, hashed once per distinct string of each pool;
/// - an integer: integers, and floats holding a whole number;
/// - a boolean: two groups.
/// A null key is in no group and matches nothing.
struct JoinTable {
    enum Space {
        case ordinal(ReferenceKind)
        case strings([String: Int32])
        case ints([Int64: Int32])
        case bools
    }

    let space: Space
    /// Group `g`'s references are `refs[offsets[g]..<offsets[g + 1]]`.
    let offsets: [Int32]
    let refs: [Int32]
    /// Whether no group has more than one reference (each left row then matches at most once).
    let unique: Bool

    var groups: Int { offsets.count - 1 }

    /// Groups the right side's references by their keys (`keys[i]` is the key of `rows[i]`, as a vector of
    /// the right key's type, or as values where the key did not compile to vectors).
    static func build(left: VectorType, rows: [Int32], keys: JoinKeys, interpreter: Interpreter, columns: CorpusColumns) -> JoinTable {
        var group = [Int32](repeating: -1, count: rows.count)
        let space: Space
        var count = 0
        switch left {
        case let .ref(kind):
            space = .ordinal(kind)
            count = interpreter.corpus.count(of: kind)
            switch keys {
            case let .vector(.refs(k, r)) where k == kind:
                group = r
            case let .vector(.strings(codes, pool)):
                let table = OrdinalTranslation(kind: kind, pool: pool, interpreter: interpreter, columns: columns)
                for (i, c) in codes.enumerated() where c >= 0 { group[i] = table.index(c) }
            case let .vector(v):
                for i in 0..<v.count { group[i] = interpreter.index(ofID: v.value(at: i), kind: kind).map(Int32.init) ?? -1 }
            case let .values(vs):
                for (i, v) in vs.enumerated() { group[i] = interpreter.index(ofID: v, kind: kind).map(Int32.init) ?? -1 }
            }
        case .string:
            var byString: [String: Int32] = [:]
            func add(_ s: String?) -> Int32 {
                guard let s else { return -1 }
                if let g = byString[s] { return g }
                byString[s] = Int32(byString.count)
                return Int32(byString.count - 1)
            }
            switch keys {
            case let .vector(.strings(codes, pool)):
                var seen = [Int32](repeating: -2, count: pool.strings.count)
                for (i, c) in codes.enumerated() where c >= 0 {
                    if seen[Int(c)] == -2 { seen[Int(c)] = add(pool.strings[Int(c)]) }
                    group[i] = seen[Int(c)]
                }
            case let .vector(v):
                for i in 0..<v.count { group[i] = add(interpreter.idString(v.value(at: i))) }
            case let .values(vs):
                for (i, v) in vs.enumerated() { group[i] = add(interpreter.idString(v)) }
            }
            space = .strings(byString)
            count = byString.count
        case .int:
            var byInt: [Int64: Int32] = [:]
            func add(_ v: Value) -> Int32 {
                let n: Int64
                switch v {
                case let .int(x): n = x
                case let .float(f) where f.rounded() == f && abs(f) < 9e18: n = Int64(f)
                default: return -1
                }
                if let g = byInt[n] { return g }
                byInt[n] = Int32(byInt.count)
                return Int32(byInt.count - 1)
            }
            switch keys {
            case let .vector(v): for i in 0..<v.count { group[i] = add(v.value(at: i)) }
            case let .values(vs): for (i, v) in vs.enumerated() { group[i] = add(v) }
            }
            space = .ints(byInt)
            count = byInt.count
        default:
            space = .bools
            count = 2
            func bit(_ v: Value) -> Int32 { if case let .bool(b) = v { return b ? 1 : 0 } else { return -1 } }
            switch keys {
            case let .vector(v): for i in 0..<v.count { group[i] = bit(v.value(at: i)) }
            case let .values(vs): for (i, v) in vs.enumerated() { group[i] = bit(v) }
            }
        }
        // A counting sort of the rows by group, stable: a group's references stay in the right side's order.
        var offsets = [Int32](repeating: 0, count: count + 1)
        for g in group where g >= 0 { offsets[Int(g) + 1] += 1 }
        var unique = true
        for g in 0..<count {
            if offsets[g + 1] > 1 { unique = false }
            offsets[g + 1] += offsets[g]
        }
        var refs = [Int32](repeating: 0, count: Int(offsets[count]))
        var fill = offsets
        for (i, g) in group.enumerated() where g >= 0 {
            refs[Int(fill[Int(g)])] = rows[i]
            fill[Int(g)] += 1
        }
        return JoinTable(space: space, offsets: offsets, refs: refs, unique: unique)
    }

    /// The group of each row of a left key vector (-1: none, for a null key or a key not on the right).
    /// `cache` keeps the translation of a string pool's codes between batches.
    func probe(_ keys: Vector, _ cache: ProbeCache) -> [Int32] {
        let n = keys.count
        var out = [Int32](repeating: -1, count: n)
        switch (space, keys) {
        case let (.ordinal, .refs(_, r)):
            let limit = Int32(groups)
            for i in 0..<n where r[i] >= 0 && r[i] < limit { out[i] = r[i] }
        case let (.strings(byString), .strings(codes, pool)):
            let table = cache.table(for: pool)
            for i in 0..<n {
                let c = codes[i]
                guard c >= 0 else { continue }
                var g = table.codes[Int(c)]
                if g == -2 {
                    g = byString[pool.strings[Int(c)]] ?? -1
                    table.codes[Int(c)] = g
                }
                out[i] = g
            }
        case let (.ints(byInt), .ints(x, valid)):
            for i in 0..<n where valid?[i] != false { out[i] = byInt[x[i]] ?? -1 }
        case let (.bools, .bools(x, valid)):
            for i in 0..<n where valid?[i] != false { out[i] = x[i] ? 1 : 0 }
        default:
            preconditionFailure("a join key of another type than the table's")
        }
        return out
    }
}

/// The right side's keys: a vector, or the values the row executor computed where the key expression
/// does not compile to vectors.
enum JoinKeys {
    case vector(Vector)
    case values([Value])
}

/// The group of each code of a string pool, filled as codes are met (-2: not yet looked up).
final class ProbeCache {
    final class Table {
        let pool: StringPool
        var codes: [Int32]
        init(_ pool: StringPool) { self.pool = pool; codes = [Int32](repeating: -2, count: pool.strings.count) }
    }
    private var tables: [Table] = []

    func table(for pool: StringPool) -> Table {
        if let t = tables.first(where: { $0.pool === pool && $0.codes.count == pool.strings.count }) { return t }
        tables.removeAll { $0.pool === pool }
        let t = Table(pool)
        tables.append(t)
        return t
    }
}

/// The index of the reference of one kind whose id each code of a pool holds: the identity for the
/// corpus's own pool of that kind's ids (they are in index order), a look-up per distinct code otherwise.
struct OrdinalTranslation {
    private let identity: Bool
    private var looked: [Int32] = []

    init(kind: ReferenceKind, pool: StringPool, interpreter: Interpreter, columns: CorpusColumns) {
        identity = columns.isIndexOrderedIDPool(pool, of: kind)
        if !identity {
            looked = pool.strings.map { interpreter.index(ofID: .string($0), kind: kind).map(Int32.init) ?? -1 }
        }
    }

    func index(_ code: Int32) -> Int32 { identity ? code : looked[Int(code)] }
}
