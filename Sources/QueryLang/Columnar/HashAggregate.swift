import Foundation

/// `summarize` (and `distinct`) on batches: each row's keys become a fixed-width code (one word per key,
/// and a word of null flags) looked up in an open-addressing table that numbers the groups in first-seen
/// order; each aggregate keeps one typed accumulator per group. The result is one batch: the keys, then
/// the aggregates.
enum HashAggregate {
    static func node(_ input: ColumnarNode, _ keys: [CompiledExpr], _ keyNames: [String], _ calls: [AggregateCall],
                     _ callNames: [String], _ span: Span, parallel: Bool = false, inRuns: Bool = false) -> ColumnarNode {
        let names = keyNames + callNames
        let types = keys.map(\.type) + calls.map(\.resultType)
        let schema = ColumnarSchema(names: names, types: types, base: nil, bare: false, display: names)
        return ColumnarNode(schema: schema) { ctx in
            return ColumnarNode.once {
                var part: Partial
                let cores = ProcessInfo.processInfo.activeProcessorCount
                if parallel && cores > 1 && ctx.partition == nil {
                    // Parts of the scan on the cores at once, merged in order: the groups come out in the
                    // order they are first seen in the whole input, and an error is the first part's.
                    let parts = min(cores, 4)
                    let contexts = (0..<parts).map { ctx.part($0, of: parts) }
                    var results = [Result<Partial, Error>?](repeating: nil, count: parts)
                    results.withUnsafeMutableBufferPointer { out in
                        // The compiled stages are pure functions of their batch; each part has its own state.
                        nonisolated(unsafe) let out = out, input = input, keys = keys, calls = calls
                        DispatchQueue.concurrentPerform(iterations: parts) { k in
                            out[k] = Result { try StopCheck.with(contexts[k].interpreter.stopCheck, meter: contexts[k].meter) {
                                try aggregate(input, keys, calls, contexts[k], span, inRuns)
                            } }
                        }
                    }
                    try ctx.interpreter.spend(contexts.reduce(0) { $0 + $1.localSteps }, span)
                    part = try results[0]!.get()
                    for k in 1..<parts { try part.merge(try results[k]!.get(), span, ctx.interpreter) }
                    try ctx.interpreter.checkRows(part.table.count, span, "the groups of 'summarize'")
                } else {
                    part = try aggregate(input, keys, calls, ctx, span, inRuns)
                }
                if keys.isEmpty && part.table.count == 0 {
                    // summarize with no keys gives one row even over no rows.
                    _ = part.table.groups([], 1)
                    for s in part.states.indices { part.states[s].grow(to: 1) }
                }
                guard part.table.count > 0 else { return nil }
                var vectors: [Vector] = []
                for (j, (k, column)) in zip(keys, part.table.keyColumns()).enumerated() {
                    vectors.append(rebuild(k.type, column.codes, column.nulls, part.pools[j]))
                }
                vectors += part.states.map { $0.result() }
                return Batch(count: part.table.count, vectors: vectors, base: nil)
            }
        }
    }

    /// The groups and accumulators of (a part of) the input.
    struct Partial {
        var table: Grouper
        var pools: [StringPool?]
        var states: [AggregateState]

        /// Adds another part's groups (after this part's, in their order) and accumulators.
        mutating func merge(_ other: Partial, _ span: Span, _ interpreter: Interpreter) throws {
            let n = other.table.count
            guard n > 0 else { return }
            let keys = table.width - 1
            let kc: [(codes: [Int64], nulls: [Bool]?)] = other.table.keyColumns().map { ($0.codes, $0.nulls.contains(true) ? $0.nulls : nil) }
            for j in 0..<keys where pools[j] == nil { pools[j] = other.pools[j] }
            let mapping = table.groups(kc, n, bounds: other.table.bounds)
            for s in states.indices {
                states[s].grow(to: table.count)
                if let f = states[s].merge(other.states[s], mapping) { throw f }
            }
        }
    }

    private static func aggregate(_ input: ColumnarNode, _ keys: [CompiledExpr], _ calls: [AggregateCall],
                                  _ ctx: ColumnarContext, _ span: Span, _ inRuns: Bool) throws -> Partial {
        let arguments = distinctArguments(calls)
        let next = try input.open(ctx)
        var part = Partial(table: Grouper(keys: keys.count, inRuns: inRuns), pools: Array(repeating: nil, count: keys.count),
                           states: calls.map { AggregateState($0) })
        while let batch = try next() {
            try ctx.spend(batch.count, span)
            // Keys, then each aggregate's argument, as the row executor evaluates them for a row; an
            // argument written the same way twice (`sum(end - start), max(end - start)`) once.
            let (b, evaluated, pending) = try ColumnarEval.evaluate(keys + arguments.exprs, on: batch)
            try ctx.spend(0, span)
            let kv = Array(evaluated.prefix(keys.count))
            let args = arguments.of.map { $0.map { evaluated[keys.count + $0] } }
            for (j, v) in kv.enumerated() where part.pools[j] == nil {
                if case let .strings(_, p) = v { part.pools[j] = p }
            }
            let before = part.table.count
            let groups = part.table.groups(vectors: kv, b.count, bounds: kv.map { bound($0, ctx.interpreter.corpus) })
            if part.table.count > before {
                if ctx.partition == nil { try ctx.interpreter.checkRows(part.table.count, span, "the groups of 'summarize'") }
                for s in part.states.indices { part.states[s].grow(to: part.table.count) }
            }
            // The first failure in row order (then in the order of the calls).
            var first = pending
            for s in part.states.indices {
                if let f = part.states[s].add(groups, args[s]), f.row < (first?.row ?? .max) { first = f }
            }
            if let first { throw first }
        }
        return part
    }

    /// The calls' arguments, each text once, and the place of each call's among them.
    private static func distinctArguments(_ calls: [AggregateCall]) -> (exprs: [CompiledExpr], of: [Int?]) {
        var exprs: [CompiledExpr] = []
        var texts: [String] = []
        let of = calls.map { c -> Int? in
            guard let a = c.argument else { return nil }
            if let t = c.argumentText, let i = texts.firstIndex(of: t) { return i }
            exprs.append(a)
            texts.append(c.argumentText ?? "\u{0}\(texts.count)")
            return exprs.count - 1
        }
        return (exprs, of)
    }

    /// A number the codes of a key vector are below, when its type bounds them (nil for numbers).
    static func bound(_ v: Vector, _ corpus: Corpus) -> Int64? {
        switch v {
        case let .strings(_, pool): return Int64(pool.strings.count)
        case let .refs(k, _): return Int64(corpus.count(of: k))
        case .bools: return 2
        default: return nil
        }
    }

    /// A key vector from its codes (the inverse of ``Vector/key(_:)``).
    static func rebuild(_ type: VectorType, _ codes: [Int64], _ nulls: [Bool], _ pool: StringPool?) -> Vector {
        let valid: [Bool]? = nulls.contains(true) ? nulls.map { !$0 } : nil
        switch type {
        case .int: return .ints(codes, valid: valid)
        case .float: return .floats(codes.map { Double(bitPattern: UInt64(bitPattern: $0)) }, valid: valid)
        case .bool: return .bools(codes.map { $0 != 0 }, valid: valid)
        case .string: return .strings(zip(codes, nulls).map { $1 ? -1 : Int32($0) }, pool ?? StringPool())
        case let .ref(k): return .refs(k, zip(codes, nulls).map { $1 ? -1 : Int32($0) })
        case .date: return .dates(zip(codes, nulls).map { $1 ? PartialDate.noSortKey : UInt32($0) << 1 })
        }
    }
}

/// An aggregate call of a columnar summarize: `count()`, `countif(c)`, `sum(x)`, `avg(x)`, `min(x)`,
/// `max(x)` on integers (avg also on floats), `dcount(x)` on any vector.
struct AggregateCall {
    let name: String
    let argument: CompiledExpr?
    let span: Span
    /// The argument as written (spaces aside): two calls whose arguments read the same are computed once.
    var argumentText: String? = nil

    var resultType: VectorType {
        switch name {
        case "avg": return .float
        case "min", "max": return argument!.type
        default: return .int
        }
    }

    static func compile(_ e: Expr, _ exprs: ExprCompiler, _ context: PlanContext) -> AggregateCall? {
        guard case let .call(name, args, span) = e, Aggregates.named[name.name] != nil,
              !context.userFunctions.contains(name.name) else { return nil }
        let call = compileCall(name.name, args, span, exprs)
        return args.count == 1 ? call.map { c in
            var c = c
            c.argumentText = Formatter().expr(args[0], indent: 0)
            return c
        } : call
    }

    private static func compileCall(_ name: String, _ args: [Expr], _ span: Span, _ exprs: ExprCompiler) -> AggregateCall? {
        switch (name, args.count) {
        case ("count", 0): return AggregateCall(name: "count", argument: nil, span: span)
        case ("countif", 1):
            guard let a = exprs.compile(args[0]), a.type == .bool else { return nil }
            return AggregateCall(name: "countif", argument: a, span: span)
        case ("sum", 1), ("min", 1), ("max", 1):
            guard let a = exprs.compile(args[0]), a.type == .int else { return nil }
            return AggregateCall(name: name, argument: a, span: span)
        case ("avg", 1):
            guard let a = exprs.compile(args[0]), a.type.isNumeric else { return nil }
            return AggregateCall(name: "avg", argument: a, span: span)
        case ("dcount", 1):
            guard let a = exprs.compile(args[0]) else { return nil }
            return AggregateCall(name: "dcount", argument: a, span: span)
        default:
            return nil
        }
    }
}

/// The accumulators of one aggregate call, one per group.
struct AggregateState {
    enum Kind { case count, countif, sum, avg, min, max, dcount }
    let call: AggregateCall
    let kind: Kind
    private var counts: [Int] = []
    private var ints: [Int64] = []
    private var floats: [Double] = []
    private var seen = Set<SIMD2<Int64>>()

    init(_ call: AggregateCall) {
        self.call = call
        switch call.name {
        case "count": kind = .count
        case "countif": kind = .countif
        case "sum": kind = .sum
        case "avg": kind = .avg
        case "min": kind = .min
        case "max": kind = .max
        default: kind = .dcount
        }
    }

    mutating func grow(to groups: Int) {
        let more = groups - counts.count
        guard more > 0 else { return }
        counts += repeatElement(0, count: more)
        ints += repeatElement(0, count: more)
        floats += repeatElement(0, count: more)
    }

    /// Adds the rows of a batch, row `i` to group `groups[i]`; the failure of the first row that overflows
    /// a sum, if any (the rows after it are not added).
    mutating func add(_ groups: [Int32], _ arg: Vector?) -> ColumnarFailure? {
        switch kind {
        case .count:
            counts.withUnsafeMutableBufferPointer { c in
                groups.withUnsafeBufferPointer { g in for x in g { c[Int(x)] += 1 } }
            }
        case .countif:
            let t = VectorKernels.truth(arg!)
            for (i, g) in groups.enumerated() where t[i] { counts[Int(g)] += 1 }
        case .sum:
            guard case let .ints(x, valid)? = arg else { preconditionFailure("integers") }
            for (i, g) in groups.enumerated() where valid?[i] != false {
                let (s, o) = ints[Int(g)].addingReportingOverflow(x[i])
                if o {
                    return ColumnarFailure(code: .integerOverflow, message: "integer overflow in sum", span: call.span,
                                           hints: ["sum floats: sum(float(x))"], row: i)
                }
                ints[Int(g)] = s
                counts[Int(g)] += 1
            }
        case .avg:
            let (x, valid) = VectorKernels.doubles(arg!)
            for (i, g) in groups.enumerated() where valid?[i] != false {
                floats[Int(g)] += x[i]
                counts[Int(g)] += 1
            }
        case .min, .max:
            guard case let .ints(x, valid)? = arg else { preconditionFailure("integers") }
            let isMin = kind == .min
            for (i, g) in groups.enumerated() where valid?[i] != false {
                let k = Int(g)
                if counts[k] == 0 || (isMin ? x[i] < ints[k] : x[i] > ints[k]) { ints[k] = x[i] }
                counts[k] += 1
            }
        case .dcount:
            let (c, nulls) = VectorKernels.codes(arg!)
            for (i, g) in groups.enumerated() where nulls?[i] != true {
                if seen.insert(SIMD2(Int64(g), c[i])).inserted { counts[Int(g)] += 1 }
            }
        }
        return nil
    }

    /// Adds `weights[i]` rows to group `groups[i]` of a `count()`.
    mutating func addCounts(_ groups: [Int32], _ weights: [Int]) {
        precondition(kind == .count, "weighted rows are counted only")
        for (i, g) in groups.enumerated() { counts[Int(g)] += weights[i] }
    }

    /// Adds another part's accumulators, its group `g` into group `mapping[g]`; the failure of a sum that
    /// overflows, if any.
    mutating func merge(_ other: AggregateState, _ mapping: [Int32]) -> ColumnarFailure? {
        var overflowed = false
        for (g, t) in mapping.enumerated() {
            let k = Int(t)
            switch kind {
            case .count, .countif: counts[k] += other.counts[g]
            case .sum:
                let (v, o) = ints[k].addingReportingOverflow(other.ints[g])
                if o { overflowed = true }
                ints[k] = v
                counts[k] += other.counts[g]
            case .avg: floats[k] += other.floats[g]; counts[k] += other.counts[g]
            case .min, .max:
                guard other.counts[g] > 0 else { continue }
                let x = other.ints[g]
                if counts[k] == 0 || (kind == .min ? x < ints[k] : x > ints[k]) { ints[k] = x }
                counts[k] += other.counts[g]
            case .dcount: break
            }
        }
        if kind == .dcount {
            for pair in other.seen where seen.insert(SIMD2(Int64(mapping[Int(pair.x)]), pair.y)).inserted {
                counts[Int(mapping[Int(pair.x)])] += 1
            }
        }
        return overflowed ? ColumnarFailure(code: .integerOverflow, message: "integer overflow in sum", span: call.span,
                                            hints: ["sum floats: sum(float(x))"], row: 0) : nil
    }

    func result() -> Vector {
        switch kind {
        case .count, .countif, .dcount: return .ints(counts.map(Int64.init), valid: nil)
        case .sum: return .ints(ints, valid: nil)
        case .avg:
            return .floats(zip(floats, counts).map { $1 == 0 ? 0 : $0 / Double($1) },
                           valid: counts.contains(0) ? counts.map { $0 > 0 } : nil)
        case .min, .max:
            return .ints(ints, valid: counts.contains(0) ? counts.map { $0 > 0 } : nil)
        }
    }
}
