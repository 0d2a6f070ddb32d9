/// Aggregate functions of `summarize`. Each skips nulls (count() counts rows).
public enum Aggregates {
    public struct Aggregate: Sendable {
        public let name: String
        public let minArgs: Int
        public let maxArgs: Int
        public let signature: String
        public let help: String
    }

    public static let all: [Aggregate] = [
        Aggregate(name: "count", minArgs: 0, maxArgs: 0, signature: "count()", help: "number of rows"),
        Aggregate(name: "countif", minArgs: 1, maxArgs: 1, signature: "countif(condition)", help: "number of rows where the condition is true"),
        Aggregate(name: "dcount", minArgs: 1, maxArgs: 1, signature: "dcount(x)", help: "number of distinct non-null values"),
        Aggregate(name: "sum", minArgs: 1, maxArgs: 1, signature: "sum(x)", help: "sum of the values (int if all are ints)"),
        Aggregate(name: "avg", minArgs: 1, maxArgs: 1, signature: "avg(x)", help: "mean of the values"),
        Aggregate(name: "min", minArgs: 1, maxArgs: 1, signature: "min(x)", help: "smallest value"),
        Aggregate(name: "max", minArgs: 1, maxArgs: 1, signature: "max(x)", help: "largest value"),
        Aggregate(name: "list", minArgs: 1, maxArgs: 1, signature: "list(x)", help: "the values, in row order"),
        Aggregate(name: "set", minArgs: 1, maxArgs: 1, signature: "set(x)", help: "the distinct values, in first-seen order"),
        Aggregate(name: "arg_max", minArgs: 1, maxArgs: 2, signature: "arg_max(by, x?)", help: "x (or the row) where by is largest"),
        Aggregate(name: "arg_min", minArgs: 1, maxArgs: 2, signature: "arg_min(by, x?)", help: "x (or the row) where by is smallest"),
        Aggregate(name: "any", minArgs: 1, maxArgs: 1, signature: "any(x)", help: "the first non-null value"),
    ]

    public static let named: [String: Aggregate] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

/// The running state of one aggregate call over one group: rows are added one at a time, so a
/// summarize holds one accumulator per group and call, never the group's rows.
struct Accumulator {
    let name: String
    var count = 0
    var intSum: Int64 = 0
    var floatSum = 0.0
    var allInt = true
    var best: Value? = nil
    var bestKey: Value? = nil
    var items: [Value] = []
    var seen: Set<Value> = []

    init(_ name: String) { self.name = name }
}

extension Interpreter {
    /// The aggregate calls in an expression (not those nested inside another aggregate's arguments).
    func aggregateCalls(_ e: Expr) -> [(Identifier, [Expr], Span)] {
        switch e {
        case let .call(n, args, span):
            if Aggregates.named[n.name] != nil && userFunctions[n.name] == nil { return [(n, args, span)] }
            return args.flatMap(aggregateCalls)
        case let .binary(_, l, r, _): return aggregateCalls(l) + aggregateCalls(r)
        case let .unary(_, x, _): return aggregateCalls(x)
        case let .field(b, _, _): return aggregateCalls(b)
        case let .index(b, i, _): return aggregateCalls(b) + aggregateCalls(i)
        case let .list(items, _): return items.flatMap(aggregateCalls)
        case let .record(fs, _): return fs.flatMap { aggregateCalls($0.value) }
        default: return []
        }
    }

    static func siteKey(_ span: Span) -> Int { span.start << 24 | (span.end & 0xFFFFFF) }

    /// Adds one row to an accumulator.
    func accumulate(_ acc: inout Accumulator, _ name: Identifier, _ args: [Expr], _ span: Span, _ env: Env) throws {
        guard let agg = Aggregates.named[acc.name] else { return }
        guard args.count >= agg.minArgs && args.count <= agg.maxArgs else {
            let want = agg.minArgs == agg.maxArgs ? "\(agg.minArgs)" : "\(agg.minArgs) to \(agg.maxArgs)"
            throw fail("E208", "'\(agg.name)' takes \(want) argument\(agg.maxArgs == 1 ? "" : "s"), got \(args.count)", span,
                       hints: [agg.signature])
        }
        switch acc.name {
        case "count":
            acc.count += 1
        case "countif":
            if try truth(try eval(args[0], env), args[0].span, "countif") { acc.count += 1 }
        case "arg_max", "arg_min":
            let key = try eval(args[0], env)
            if key.isNull { return }
            if let b = acc.bestKey {
                guard let c = try compare(key, b, .lt, args[0].span) else { return }
                if (acc.name == "arg_max" && c <= 0) || (acc.name == "arg_min" && c >= 0) { return }
            }
            acc.bestKey = key
            acc.best = args.count == 2 ? try eval(args[1], env) : env.row
        default:
            let v = try eval(args[0], env)
            if v.isNull { return }
            acc.count += 1
            switch acc.name {
            case "dcount": acc.seen.insert(v)
            case "sum", "avg":
                switch v {
                case let .int(i):
                    let (s, o) = acc.intSum.addingReportingOverflow(i)
                    if o && acc.name == "sum" && acc.allInt {
                        throw fail("E406", "integer overflow in \(acc.name)", span, hints: ["sum floats: sum(float(x))"])
                    }
                    acc.intSum = s
                    acc.floatSum += Double(i)
                case let .float(f): acc.allInt = false; acc.floatSum += f
                default: throw fail("E301", "\(acc.name) needs numbers, got \(v.typeName) \(preview(v))", args[0].span)
                }
            case "min", "max":
                if let b = acc.best {
                    guard let c = try compare(v, b, .lt, args[0].span) else { return }
                    if (acc.name == "min" && c < 0) || (acc.name == "max" && c > 0) { acc.best = v }
                } else {
                    acc.best = v
                }
            case "list":
                try checkRows(acc.items.count + 1, span, "list()")
                acc.items.append(v)
            case "set":
                if acc.seen.insert(v).inserted { acc.items.append(v) }
            case "any":
                if acc.best == nil { acc.best = v }
            default: break
            }
        }
    }

    /// The value of a finished accumulator.
    func result(_ acc: Accumulator) -> Value {
        switch acc.name {
        case "count", "countif": return .int(Int64(acc.count))
        case "dcount": return .int(Int64(acc.seen.count))
        case "sum": return acc.count == 0 ? .int(0) : (acc.allInt ? .int(acc.intSum) : .float(acc.floatSum))
        case "avg": return acc.count == 0 ? .null : .float(acc.floatSum / Double(acc.count))
        case "list", "set": return .list(acc.items)
        default: return acc.best ?? .null
        }
    }
}
