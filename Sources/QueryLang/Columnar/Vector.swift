import Foundation

/// One column of a batch of rows, stored by type: the columnar executor's unit of data.
///
/// Nulls are a separate mask for numbers and booleans, code -1 for strings and references, the key no date
/// has for dates. Every vector
/// turns back into the `Value` the row executor would hold (``value(at:)``), so results are the same
/// whichever executor computed them.
enum Vector {
    case ints([Int64], valid: [Bool]?)
    case floats([Double], valid: [Bool]?)
    case bools([Bool], valid: [Bool]?)
    /// Codes into a pool of strings; -1 is null.
    case strings([Int32], StringPool)
    /// Indexes of documents, entities, mentions or facts; -1 is null.
    case refs(ReferenceKind, [Int32])
    /// Dates as their ``PartialDate/sortKey`` (first day, precision, approximate), which orders them as a
    /// sort does and rebuilds them whole; ``PartialDate/noSortKey`` is null.
    case dates([UInt32])

    var count: Int {
        switch self {
        case let .ints(v, _): return v.count
        case let .floats(v, _): return v.count
        case let .bools(v, _): return v.count
        case let .strings(c, _): return c.count
        case let .refs(_, r): return r.count
        case let .dates(d): return d.count
        }
    }

    var type: VectorType {
        switch self {
        case .ints: return .int
        case .floats: return .float
        case .bools: return .bool
        case .strings: return .string
        case let .refs(k, _): return .ref(k)
        case .dates: return .date
        }
    }

    func isNull(_ i: Int) -> Bool {
        switch self {
        case let .ints(_, v), let .floats(_, v), let .bools(_, v): return v.map { !$0[i] } ?? false
        case let .strings(c, _): return c[i] < 0
        case let .refs(_, r): return r[i] < 0
        case let .dates(d): return d[i] == PartialDate.noSortKey
        }
    }

    /// The value of row `i` as the row executor holds it.
    func value(at i: Int) -> Value {
        if isNull(i) { return .null }
        switch self {
        case let .ints(v, _): return .int(v[i])
        case let .floats(v, _): return .float(v[i])
        case let .bools(v, _): return .bool(v[i])
        case let .strings(c, pool): return .string(pool.strings[Int(c[i])])
        case let .refs(kind, r):
            switch kind {
            case .document: return .document(Int(r[i]))
            case .entity: return .entity(Int(r[i]))
            case .mention: return .mention(Int(r[i]))
            case .fact: return .fact(Int(r[i]))
            }
        case let .dates(d): return .date(PartialDate(sortKey: d[i]))
        }
    }

    /// The rows at these positions, in this order.
    func gathered(_ rows: [Int32]) -> Vector {
        func pick<T>(_ v: [T]) -> [T] { rows.map { v[Int($0)] } }
        switch self {
        case let .ints(v, valid): return .ints(pick(v), valid: valid.map(pick))
        case let .floats(v, valid): return .floats(pick(v), valid: valid.map(pick))
        case let .bools(v, valid): return .bools(pick(v), valid: valid.map(pick))
        case let .strings(c, pool): return .strings(pick(c), pool)
        case let .refs(k, r): return .refs(k, pick(r))
        case let .dates(d): return .dates(pick(d))
        }
    }

    /// A code per row that is equal exactly when the values are equal (as `==` and grouping compare
    /// values of one type), and whether the row is null.
    func key(_ i: Int) -> (code: Int64, null: Bool) {
        if isNull(i) { return (0, true) }
        switch self {
        case let .ints(v, _): return (v[i], false)
        case let .floats(v, _): return (Int64(bitPattern: (v[i] == 0 ? 0 : v[i]).bitPattern), false)
        case let .bools(v, _): return (v[i] ? 1 : 0, false)
        case let .strings(c, _): return (Int64(c[i]), false)
        case let .refs(_, r): return (Int64(r[i]), false)
        case let .dates(d): return (Int64(d[i] >> 1), false)
        }
    }
}

/// The type of a vector, known when a query is compiled.
enum VectorType: Equatable {
    case int, float, bool, string, date
    case ref(ReferenceKind)

    var isNumeric: Bool { self == .int || self == .float }

    /// The type's name as the language writes it (`explain`).
    var name: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .string: return "string"
        case .date: return "date"
        case let .ref(k): return k.rawValue
        }
    }
}

/// Distinct strings, each with a code; the strings of a column are codes into one pool. Pools of the
/// corpus's fields are built once per session (``CorpusColumns``); a query's own strings (literals, group
/// keys) may add to a pool of their own.
final class StringPool {
    private(set) var strings: [String] = []
    private var index: [String: Int32] = [:]

    init() {}

    init(unique strings: [String]) {
        self.strings = strings
        for (i, s) in strings.enumerated() where index[s] == nil { index[s] = Int32(i) }
    }

    func code(_ s: String) -> Int32 {
        if let c = index[s] { return c }
        let c = Int32(strings.count)
        strings.append(s)
        index[s] = c
        return c
    }

    func lookup(_ s: String) -> Int32? { index[s] }

    /// The rank of each code in string order (as `<` on strings orders them), computed once for the
    /// strings the pool has (a corpus field's pool is sorted once per session, not once per query).
    func ranks() -> [Int32] {
        rankLock.lock()
        defer { rankLock.unlock() }
        if let r = rankCache, r.count == strings.count { return r }
        let r = computeRanks()
        rankCache = r
        return r
    }
    private let rankLock = NSLock()
    private var rankCache: [Int32]?

    private func computeRanks() -> [Int32] {
        let order = strings.indices.sorted { strings[$0] < strings[$1] }
        var rank = [Int32](repeating: 0, count: strings.count)
        var r: Int32 = 0
        for (k, i) in order.enumerated() {
            if k > 0 && strings[order[k - 1]] != strings[i] { r += 1 }
            rank[i] = r
        }
        return rank
    }
}

/// Rows of a columnar stage: vectors by name, and the reference each row is (or extends), whose fields
/// names also resolve to.
struct Batch {
    var count: Int
    var vectors: [Vector]
    /// The references the rows are or extend (a scan's rows), if any.
    var base: Vector?

    /// The rows at these positions.
    func gathered(_ rows: [Int32]) -> Batch {
        Batch(count: rows.count, vectors: vectors.map { $0.gathered(rows) }, base: base?.gathered(rows))
    }
}
