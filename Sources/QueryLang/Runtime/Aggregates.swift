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

extension Interpreter {
    /// Computes an aggregate over the rows of a group.
    func aggregate(_ agg: Aggregates.Aggregate, _ name: Identifier, _ args: [Expr], _ span: Span,
                   _ group: ArraySlice<Value>, _ env: Env) throws -> Value {
        guard args.count >= agg.minArgs && args.count <= agg.maxArgs else {
            let want = agg.minArgs == agg.maxArgs ? "\(agg.minArgs)" : "\(agg.minArgs) to \(agg.maxArgs)"
            throw fail("E208", "'\(agg.name)' takes \(want) argument\(agg.maxArgs == 1 ? "" : "s"), got \(args.count)", span,
                       hints: [agg.signature])
        }
        func values(_ e: Expr) throws -> [Value] {
            var out: [Value] = []
            out.reserveCapacity(group.count)
            for row in group {
                let v = try eval(e, Env(row: row, locals: env.locals))
                if !v.isNull { out.append(v) }
            }
            return out
        }
        switch agg.name {
        case "count": return .int(Int64(group.count))
        case "countif":
            var n: Int64 = 0
            for row in group where try truth(try eval(args[0], Env(row: row, locals: env.locals)), args[0].span, "countif") { n += 1 }
            return .int(n)
        case "dcount": return .int(Int64(Set(try values(args[0])).count))
        case "sum", "avg":
            let vs = try values(args[0])
            if vs.isEmpty { return agg.name == "sum" ? .int(0) : .null }
            var allInt = true
            var isum: Int64 = 0
            var fsum = 0.0
            for v in vs {
                switch v {
                case let .int(i):
                    let (s, o) = isum.addingReportingOverflow(i)
                    if o { throw fail("E406", "integer overflow in \(agg.name)", span, hints: ["sum floats: sum(float(x))"]) }
                    isum = s
                    fsum += Double(i)
                case let .float(f): allInt = false; fsum += f
                default: throw fail("E301", "\(agg.name) needs numbers, got \(v.typeName) \(preview(v))", args[0].span)
                }
            }
            if agg.name == "avg" { return .float(fsum / Double(vs.count)) }
            return allInt ? .int(isum) : .float(fsum)
        case "min", "max":
            let vs = try values(args[0])
            guard var best = vs.first else { return .null }
            for v in vs.dropFirst() {
                guard let c = try compare(v, best, .lt, args[0].span) else { continue }
                if (agg.name == "min" && c < 0) || (agg.name == "max" && c > 0) { best = v }
            }
            return best
        case "list":
            return .list(try values(args[0]))
        case "set":
            var seen = Set<Value>()
            return .list(try values(args[0]).filter { seen.insert($0).inserted })
        case "any":
            return try values(args[0]).first ?? .null
        default:  // arg_max, arg_min
            var best: (Value, Value)? = nil
            for row in group {
                let key = try eval(args[0], Env(row: row, locals: env.locals))
                if key.isNull { continue }
                if let b = best {
                    guard let c = try compare(key, b.0, .lt, args[0].span) else { continue }
                    if (agg.name == "arg_max" && c <= 0) || (agg.name == "arg_min" && c >= 0) { continue }
                }
                let v = args.count == 2 ? try eval(args[1], Env(row: row, locals: env.locals)) : row
                best = (key, v)
            }
            return best?.1 ?? .null
        }
    }
}
