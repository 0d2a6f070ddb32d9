/// Equality, hashing and ordering of values.
///
/// Equality is by value: `1 == 1.0`, references are equal when they point at the same thing, and a
/// reference equals a string holding its id (`entity == "kataib-hezbollah"`). Ordering sorts null last,
/// then booleans, numbers (NaN, which no query makes, after every number), dates (by first day, coarser first), strings, references, lists and records.
extension Value: Hashable {
    /// Equality as `==` in a query (see above).
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.int(x), .float(y)), let (.float(y), .int(x)): return Double(x) == y
        case let (.float(x), .float(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): return x == y
        case let (.date(x), .date(y)): return x.firstDay == y.firstDay && x.lastDay == y.lastDay
        case let (.list(x), .list(y)): return x == y
        case let (.record(x), .record(y)): return x.keys == y.keys && x.values == y.values
        case let (.document(x), .document(y)), let (.entity(x), .entity(y)), let (.mention(x), .mention(y)),
             let (.fact(x), .fact(y)):
            return x == y
        default: return false
        }
    }

    /// Hashes equal values alike (an entity and its id string too), for `distinct`, `summarize by` and joins.
    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case let .bool(v): h.combine(1); h.combine(v)
        case let .int(v): h.combine(2); h.combine(Double(v))
        case let .float(v):
            h.combine(2)
            if v.isNaN { h.combine("NaN") } else { h.combine(v) }
        case let .string(v): h.combine(3); h.combine(v)
        case let .date(d): h.combine(4); h.combine(d.firstDay); h.combine(d.lastDay)
        case let .list(v): h.combine(5); h.combine(v)
        case let .record(r): h.combine(6); h.combine(r.keys); h.combine(r.values)
        case let .document(i): h.combine(7); h.combine(i)
        case let .entity(i): h.combine(8); h.combine(i)
        case let .mention(i): h.combine(9); h.combine(i)
        case let .fact(i): h.combine(10); h.combine(i)
        case let .table(t): h.combine(11); h.combine(t.rows.count)
        }
    }

    private var rank: Int {
        switch self {
        case .bool: return 0
        case .int, .float: return 1
        case .date: return 2
        case .string: return 3
        case .document: return 4
        case .entity: return 5
        case .mention: return 6
        case .fact: return 7
        case .list: return 8
        case .record: return 9
        case .table: return 10
        case .null: return 11
        }
    }

    /// A total order for sorting (null last).
    @_spi(MQInternals) public static func sortsBefore(_ a: Value, _ b: Value) -> Bool {
        compareForSort(a, b) < 0
    }

    @_spi(MQInternals) public static func compareForSort(_ a: Value, _ b: Value) -> Int {
        let ra = a.rank, rb = b.rank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case let (.bool(x), .bool(y)): return x == y ? 0 : (!x ? -1 : 1)
        case let (.int(x), .int(y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.int, .float), (.float, .int), (.float, .float):
            let x = a.asDouble!, y = b.asDouble!
            if x.isNaN || y.isNaN { return x.isNaN ? (y.isNaN ? 0 : 1) : -1 }
            return x == y ? 0 : (x < y ? -1 : 1)
        case let (.date(x), .date(y)):
            if PartialDate.sortsBefore(x, y) { return -1 }
            if PartialDate.sortsBefore(y, x) { return 1 }
            return 0
        case let (.string(x), .string(y)): return x == y ? 0 : (x < y ? -1 : 1)
        case let (.document(x), .document(y)), let (.entity(x), .entity(y)), let (.mention(x), .mention(y)),
             let (.fact(x), .fact(y)):
            return x == y ? 0 : (x < y ? -1 : 1)
        case let (.list(x), .list(y)):
            for (p, q) in zip(x, y) {
                let c = compareForSort(p, q)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case let (.record(x), .record(y)):
            return compareForSort(.list(x.values), .list(y.values))
        default: return 0
        }
    }
}
