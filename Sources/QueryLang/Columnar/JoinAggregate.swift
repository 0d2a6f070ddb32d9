/// `summarize` right after an inner or left `join` whose keys and aggregate arguments read only the right
/// side's fields (`mentions | join (entities) on entity == id | summarize n = count() by type`): no joined
/// row is made. The left side's rows are counted by the join group they probe to, with the first row of
/// each group; then each right reference of a group that was met stands for `count` joined rows, met
/// first at that row. Those references, in the order their joined rows first come, are grouped as the
/// joined rows would be: the groups come out in the same first-seen order, `count()` adds the weights,
/// and `min`, `max` and `dcount` (which a repeated row does not change) read each reference once. A left
/// row with no match (a left join) stands for a reference that is null. The left side runs in parts on
/// the cores when it streams from a scan, the parts' counts added in order.
enum JoinAggregate {
    /// The right-side-only form of a summarize's keys and calls, or nil when they read anything else or
    /// their aggregates depend on how many times a row repeats (other than `count()`).
    static func compile(join: ColumnarSchema, hidden: Int, by: [Expr], aggregates: [Expr], _ context: PlanContext,
                        _ exprs: (ColumnarSchema) -> ExprCompiler) -> (keys: [CompiledExpr], calls: [AggregateCall])? {
        guard case .ref = join.types[hidden] else { return nil }
        var right = ColumnarSchema(names: [join.names[hidden]], types: [join.types[hidden]], base: nil, bare: false, display: [])
        for (n, f) in join.fieldColumns where f.vector == hidden && join.column(n) == nil { right.fieldColumns[n] = (0, f.field) }
        for e in by + aggregates {
            guard let names = NamesRead.of(e), names.allSatisfy({ right.fieldColumns[$0] != nil })
            else { return nil }
        }
        var keys: [CompiledExpr] = []
        for e in by {
            guard let k = exprs(right).compile(e), !k.canFail else { return nil }
            keys.append(k)
        }
        var calls: [AggregateCall] = []
        for e in aggregates {
            guard let c = AggregateCall.compile(e, exprs(right), context), ["count", "min", "max", "dcount"].contains(c.name),
                  c.argument?.canFail != true else { return nil }
            calls.append(c)
        }
        return (keys, calls)
    }

    static func node(_ left: ColumnarNode, _ kind: JoinKind, _ plan: ColumnarJoin.Plan, _ keys: [CompiledExpr], _ keyNames: [String],
                     _ calls: [AggregateCall], _ callNames: [String], joinSpan: Span, _ span: Span, parallel: Bool) -> ColumnarNode {
        let names = keyNames + callNames
        let schema = ColumnarSchema(names: names, types: keys.map(\.type) + calls.map(\.resultType), base: nil, bare: false, display: names)
        return ColumnarNode(schema: schema) { ctx in
            return ColumnarNode.once {
                let table = try plan.table(ctx, joinSpan)
                var weight: [Int], first: [Int], unmatched: (weight: Int, first: Int)
                if parallel, let parts = try ctx.inParts({ try weigh(left, kind, plan, table, $0, joinSpan) }, joinSpan) {
                    // The parts in order: a row of part k comes after every row of the parts before it.
                    (weight, first, unmatched) = parts[0]
                    for k in 1..<parts.count {
                        let (w, f, u) = parts[k]
                        let offset = k << 40
                        for g in 0..<table.groups where w[g] > 0 {
                            if weight[g] == 0 { first[g] = f[g] + offset }
                            weight[g] += w[g]
                        }
                        if u.weight > 0 {
                            if unmatched.weight == 0 { unmatched.first = u.first + offset }
                            unmatched.weight += u.weight
                        }
                    }
                } else {
                    (weight, first, unmatched) = try weigh(left, kind, plan, table, ctx, joinSpan)
                }
                // Each right reference of a group met, and the unmatched rows, in the order their joined rows come.
                var events: [(row: Int, pos: Int32, ref: Int32, weight: Int)] = []
                var joined = unmatched.weight
                for g in 0..<table.groups where weight[g] > 0 {
                    let start = table.offsets[g]
                    for m in start..<table.offsets[g + 1] { events.append((first[g], m - start, table.refs[Int(m)], weight[g])) }
                    joined += weight[g] * Int(table.offsets[g + 1] - start)
                }
                if unmatched.weight > 0 { events.append((unmatched.first, 0, -1, unmatched.weight)) }
                events.sort { ($0.row, $0.pos) < ($1.row, $1.pos) }
                // The joined rows, counted as the join and the summarize would count them.
                try ctx.spend(joined, joinSpan)
                try ctx.spend(joined, span)
                var grouper = Grouper(keys: keys.count)
                var pools = [StringPool?](repeating: nil, count: keys.count)
                var states = calls.map { AggregateState($0) }
                for start in stride(from: 0, to: events.count, by: ColumnarCompiler.batchSize) {
                    let chunk = events[start..<min(events.count, start + ColumnarCompiler.batchSize)]
                    let batch = Batch(count: chunk.count, vectors: [.refs(plan.rightKind, chunk.map(\.ref))], base: nil)
                    let kv = try keys.map { try $0.eval(batch) }
                    for (j, v) in kv.enumerated() where pools[j] == nil { if case let .strings(_, p) = v { pools[j] = p } }
                    let groups = grouper.groups(kv.map(VectorKernels.codes), batch.count,
                                                bounds: kv.map { HashAggregate.bound($0, ctx.interpreter.corpus) })
                    try ctx.interpreter.checkRows(grouper.count, span, "the groups of 'summarize'")
                    let weights = chunk.map(\.weight)
                    for s in states.indices {
                        states[s].grow(to: grouper.count)
                        if calls[s].name == "count" {
                            states[s].addCounts(groups, weights)
                        } else if let f = states[s].add(groups, try calls[s].argument!.eval(batch)) {
                            throw f
                        }
                    }
                }
                if keys.isEmpty && grouper.count == 0 {
                    _ = grouper.groups([], 1)
                    for s in states.indices { states[s].grow(to: 1) }
                }
                guard grouper.count > 0 else { return nil }
                var vectors: [Vector] = []
                for (j, (k, column)) in zip(keys, grouper.keyColumns()).enumerated() {
                    vectors.append(HashAggregate.rebuild(k.type, column.codes, column.nulls, pools[j]))
                }
                vectors += states.map { $0.result() }
                return Batch(count: grouper.count, vectors: vectors, base: nil)
            }
        }
    }

    /// How many left rows probe to each group that has matches, the first of them, and the rows with no
    /// match (counted for a left join only).
    private static func weigh(_ left: ColumnarNode, _ kind: JoinKind, _ plan: ColumnarJoin.Plan, _ table: JoinTable,
                              _ ctx: ColumnarContext, _ span: Span) throws -> ([Int], [Int], (weight: Int, first: Int)) {
        var weight = [Int](repeating: 0, count: table.groups)
        var first = [Int](repeating: 0, count: table.groups)
        var unmatched = (weight: 0, first: 0)
        let next = try left.open(ctx)
        let cache = ProbeCache()
        var row = 0
        while let batch = try next() {
            try ctx.spend(batch.count, span)
            let (b, v, failure) = try ColumnarEval.evaluate([plan.leftKey], on: batch)
            if let failure { throw failure }
            let groups = table.probe(v[0], cache)
            table.offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<b.count {
                    let g = Int(groups[i])
                    if g >= 0 && offsets[g + 1] > offsets[g] {
                        if weight[g] == 0 { first[g] = row + i }
                        weight[g] += 1
                    } else if kind == .left {
                        if unmatched.weight == 0 { unmatched.first = row + i }
                        unmatched.weight += 1
                    }
                }
            }
            row += b.count
        }
        return (weight, first, unmatched)
    }
}
