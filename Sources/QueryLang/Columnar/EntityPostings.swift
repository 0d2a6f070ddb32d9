/// The columnar form of ``PlanNode/Op/entityMentions(_:)``: the mentions of one entity, read from its
/// postings (``Corpus/entityMentions``, in mention order) in batches of references, split by position when
/// parts run on several cores. Conditions after the first `and` are then tested on those mentions only,
/// as the row executor tests them (it does not read the rest of an `and` whose first part is false).
enum EntityPostings {
    static func node(_ access: EntityMentionsAccess, _ exprs: (ColumnarSchema) -> ExprCompiler,
                     _ span: Span) -> ColumnarNode? {
        var source = postings(access.entity)
        if let rest = access.rest {
            guard let c = exprs(source.schema).compilePredicate(rest) else { return nil }
            source = ColumnarStages.filter(source, c, span)
            source.streams = true
        }
        return source
    }

    /// Identifies a node's list among the values the parts of one run share.
    private final class ListKey {}

    private static func postings(_ entity: EntityMentionsAccess.Entity) -> ColumnarNode {
        let key = ListKey()
        var node = ColumnarNode(schema: .scan(.mention)) { ctx in
            // Parts of a run on several cores evaluate the entity once, the first part to open for all.
            let list = ctx.partition == nil ? try ctx.interpreter.mentionList(entity, ctx.env.locals)
                : try ctx.shared.value(for: key) { try ctx.interpreter.mentionList(entity, ctx.env.locals) }
            var position = 0, end = list.count
            if let p = ctx.partition {
                position = list.count * p.index / p.count
                end = list.count * (p.index + 1) / p.count
            }
            return {
                guard position < end else { return nil }
                let stop = min(end, position + ColumnarCompiler.batchSize)
                defer { position = stop }
                return Batch(count: stop - position, vectors: [], base: .refs(.mention, Array(list[position..<stop])))
            }
        }
        node.streams = true
        return node
    }
}
