/// The columnar form of ``PlanNode/Op/countsByEntity(aggregates:by:)``: `mentions | summarize count() ...
/// by <keys that read only the mention's entity>`. The keys are the same for every mention of an entity,
/// so they are evaluated, as compiled expressions, on one batch of representatives: the first mention of
/// each entity (and of the mentions attributed to none), in mention order. Each representative stands for
/// its entity's mentions: grouped as the general `summarize` groups them, it adds their number to its
/// group's `count()`. The groups come out in the order the general operator gives (first seen in mention
/// order), and an error of a key is the one it meets first.
enum EntityCounts {
    /// What `explain` says of the node.
    static let note = "keys on a batch of one mention per entity, each counted as its entity's mentions"

    /// The node, or nil when a key does not compile or an aggregate column is not a plain `count()` (the
    /// row executor's stage then runs it, evaluating the keys one representative at a time).
    static func node(_ aggs: [Column], _ by: [Column], _ exprs: ExprCompiler, _ context: PlanContext, _ span: Span) -> ColumnarNode? {
        let keys = by.map { exprs.compile($0.expr) }
        guard !keys.isEmpty, keys.allSatisfy({ $0 != nil }) else { return nil }
        for a in aggs {
            guard let call = AggregateCall.compile(a.expr, exprs, context), call.name == "count" else { return nil }
        }
        let compiled = keys.map { $0! }
        let keyNames = Column.outputNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        let types = compiled.map(\.type) + aggs.map { _ in VectorType.int }
        let schema = ColumnarSchema(names: names, types: types, base: nil, bare: false, display: names)
        return ColumnarNode(schema: schema) { ctx in
            return ColumnarNode.once {
                return try count(compiled, aggs.count, ctx, span)
            }
        }
    }

    private static func count(_ keys: [CompiledExpr], _ calls: Int, _ ctx: ColumnarContext, _ span: Span) throws -> Batch? {
        let corpus = ctx.interpreter.corpus
        let (mentions, weights) = representatives(corpus)
        guard !mentions.isEmpty else { return nil }
        try ctx.spend(mentions.count, span)
        let (b, kv, pending) = try ColumnarEval.evaluate(keys, on: Batch(count: mentions.count, vectors: [], base: .refs(.mention, mentions)))
        if let pending { throw pending }
        var table = Grouper(keys: keys.count)
        let groups = table.groups(vectors: kv, b.count, bounds: kv.map { HashAggregate.bound($0, corpus) })
        try ctx.interpreter.checkRows(table.count, span, "the groups of 'summarize'")
        var counts = [Int64](repeating: 0, count: table.count)
        for (g, w) in zip(groups, weights) { counts[Int(g)] += Int64(w) }
        var vectors: [Vector] = []
        for (j, (k, column)) in zip(keys, table.keyColumns()).enumerated() {
            var pool: StringPool? = nil
            if case let .strings(_, p) = kv[j] { pool = p }
            vectors.append(HashAggregate.rebuild(k.type, column.codes, column.nulls, pool))
        }
        vectors += repeatElement(Vector.ints(counts, valid: nil), count: calls)
        return Batch(count: table.count, vectors: vectors, base: nil)
    }

    /// The first mention of each entity that has any, and the first of the mentions attributed to none,
    /// in mention order, each with the number of mentions it stands for.
    static func representatives(_ corpus: Corpus) -> (mentions: [Int32], weights: [Int]) {
        // A mention's index in the high half and its entity's list (or -1) below: sorted, mention order.
        var order: [Int64] = []
        order.reserveCapacity(corpus.entityMentions.count + 1)
        var resolved = 0
        for (e, list) in corpus.entityMentions.enumerated() where !list.isEmpty {
            order.append(Int64(list[0]) << 32 | Int64(e))
            resolved += list.count
        }
        var unattributed = 0
        if resolved < corpus.mentions.count, let first = corpus.mentions.firstIndex(where: { $0.entity < 0 }) {
            order.append(Int64(first) << 32 | 0xFFFF_FFFF)
            unattributed = corpus.mentions.count - resolved
        }
        order.sort()
        var mentions: [Int32] = [], weights: [Int] = []
        mentions.reserveCapacity(order.count)
        weights.reserveCapacity(order.count)
        for o in order {
            mentions.append(Int32(truncatingIfNeeded: o >> 32))
            let e = o & 0xFFFF_FFFF
            weights.append(e == 0xFFFF_FFFF ? unattributed : corpus.entityMentions[Int(e)].count)
        }
        return (mentions, weights)
    }
}
