/// Aggregate functions of `summarize`. Each skips nulls (count() counts rows).
@_spi(MQInternals) public enum Aggregates {
    @_spi(MQInternals) public struct Aggregate: Sendable {
        @_spi(MQInternals) public let name: String
        @_spi(MQInternals) public let minArgs: Int
        @_spi(MQInternals) public let maxArgs: Int
        @_spi(MQInternals) public let signature: String
        @_spi(MQInternals) public let help: String

        /// An aggregate described by its signature: its name, then its parameters, `?` marking those
        /// that may be left out (`arg_max(by, x?)`).
        init(_ signature: String, _ help: String) {
            let open = signature.firstIndex(of: "(")!
            let params = signature[signature.index(after: open)...].dropLast().split(separator: ",")
            name = String(signature[..<open])
            maxArgs = params.count
            minArgs = params.filter { !$0.hasSuffix("?") }.count
            self.signature = signature
            self.help = help
        }
    }

    @_spi(MQInternals) public static let all: [Aggregate] = [
        Aggregate("count()", "number of rows"),
        Aggregate("countif(condition)", "number of rows where the condition is true"),
        Aggregate("dcount(x)", "number of distinct non-null values"),
        Aggregate("sum(x)", "sum of the values (int if all are ints)"),
        Aggregate("avg(x)", "mean of the values"),
        Aggregate("min(x)", "smallest value"),
        Aggregate("max(x)", "largest value"),
        Aggregate("list(x)", "the values, in row order"),
        Aggregate("set(x)", "the distinct values, in first-seen order"),
        Aggregate("arg_max(by, x?)", "x (or the row) where by is largest"),
        Aggregate("arg_min(by, x?)", "x (or the row) where by is smallest"),
        Aggregate("any(x)", "the first non-null value"),
    ]

    @_spi(MQInternals) public static let named: [String: Aggregate] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The aggregate calls written in expressions, left to right, not those nested inside another
    /// aggregate's arguments, nor inside the bodies of `def` functions they call.
    static func calls(in exprs: [Expr]) -> [(name: Identifier, args: [Expr], span: Span)] {
        var out: [(Identifier, [Expr], Span)] = []
        func walk(_ e: Expr) {
            if case let .call(n, args, span) = e, named[n.name] != nil { out.append((n, args, span)) } else { e.children.forEach(walk) }
        }
        exprs.forEach(walk)
        return out
    }
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

/// One aggregate call of a summarize, possibly inside the body of a function from `def`.
struct AggregateSite {
    let name: Identifier
    let args: [Expr]
    let span: Span
    /// The file the call is written in (a def may come from an import).
    let file: SourceFile
    /// Parameters of the functions the call is inside, outermost first, with the argument expressions
    /// that give them their values for a row.
    let bindings: [(String, Expr)]

    var key: String { Interpreter.siteKey(span, file) }
}

extension Interpreter {
    /// The aggregate calls in an expression, including those in the bodies of the `def` functions it
    /// calls (not those nested inside another aggregate's arguments).
    func aggregateCalls(_ e: Expr, bindings: [(String, Expr)] = [], depth: Int = 0) -> [AggregateSite] {
        func walk(_ x: Expr) -> [AggregateSite] { aggregateCalls(x, bindings: bindings, depth: depth) }
        switch e {
        case let .call(n, args, span):
            if let f = userFunctions[n.name], depth < limits.maxDepth {
                let inner = bindings + zip(f.params, args).map { ($0, $1) }
                let saved = file
                file = f.file
                defer { file = saved }
                return args.flatMap(walk) + aggregateCalls(f.body, bindings: inner, depth: depth + 1)
            }
            if Aggregates.named[n.name] != nil {
                return [AggregateSite(name: n, args: args, span: span, file: file, bindings: bindings)]
            }
            return args.flatMap(walk)
        default: return e.children.flatMap(walk)
        }
    }

    static func siteKey(_ span: Span, _ file: SourceFile) -> String { "\(file.name):\(span.start):\(span.end)" }

    /// Adds one row to the accumulator of a site.
    func accumulate(_ acc: inout Accumulator, _ site: AggregateSite, _ env: Env) throws {
        var env = env
        if !site.bindings.isEmpty {
            // The parameters of the enclosing functions, for this row.
            for (name, expr) in site.bindings { env.locals[name] = try eval(expr, env) }
        }
        let saved = file
        file = site.file
        defer { file = saved }
        try accumulate(&acc, site.name, site.args, site.span, env)
    }

    /// Adds one row to an accumulator.
    func accumulate(_ acc: inout Accumulator, _ name: Identifier, _ args: [Expr], _ span: Span, _ env: Env) throws {
        guard let agg = Aggregates.named[acc.name] else { return }
        guard args.count >= agg.minArgs && args.count <= agg.maxArgs else {
            throw Diagnostic.arity(agg.name, agg.minArgs, agg.maxArgs, got: args.count, at: span, in: file, signature: agg.signature)
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
                        throw fail(.integerOverflow, "integer overflow in \(acc.name)", span, hints: ["sum floats: sum(float(x))"])
                    }
                    acc.intSum = s
                    acc.floatSum += Double(i)
                case let .float(f):
                    acc.allInt = false
                    acc.floatSum += f
                    if acc.floatSum.isNaN { throw Value.notANumber("\(acc.name) of inf and -inf", span, file) }
                default: throw fail(.wrongType, "\(acc.name) needs numbers, got \(v.typeName) \(preview(v))", args[0].span)
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
