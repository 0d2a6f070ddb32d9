/// Drops the columns of an `extend` that nothing after it reads before a `select` (and the `extend`
/// itself when none is left), so they are never computed. Between the two may stand stages that keep
/// rows as they are (`where`, `sort`, `take`, `top`); what their expressions read counts as read.
enum ProjectionPruningPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        plan.transformed { node in
            guard case let .select(input, selected) = node.op, var read = names(selected.map(\.expr)) else { return node }
            guard let pruned = prune(input, &read) else { return node }
            return node.replacingInput(pruned)
        }
    }

    /// `node` with the unread columns of the extend below it removed, or nil when there is nothing to drop.
    private static func prune(_ node: PlanNode, _ read: inout Set<String>) -> PlanNode? {
        switch node.op {
        case let .filter(input, cond):
            return through(node, input, [cond], &read)
        case let .sort(input, keys):
            return through(node, input, keys.map(\.expr), &read)
        case let .take(input, count):
            return through(node, input, [count], &read)
        case let .top(input, count, keys):
            return through(node, input, [count] + keys.map(\.expr), &read)
        case let .extend(below, cols):
            let names = Column.outputNames(cols)
            let kept = zip(names, cols).filter { read.contains($0.0) }
            if kept.count == cols.count { return nil }
            if kept.isEmpty { return below }
            var e = node
            e.op = .extend(below, kept.map(\.1))
            let dropped = Set(names).subtracting(kept.map(\.0))
            e.schema.columns = e.schema.columns?.filter { !dropped.contains($0.name) }
            return e
        default:
            return nil
        }
    }

    /// A stage that keeps rows as they are: what it reads counts as read, and its schema follows its input's.
    private static func through(_ node: PlanNode, _ input: PlanNode, _ exprs: [Expr], _ read: inout Set<String>) -> PlanNode? {
        guard let more = names(exprs) else { return nil }
        read.formUnion(more)
        guard let pruned = prune(input, &read) else { return nil }
        var n = node.replacingInput(pruned)
        n.schema = pruned.schema
        return n
    }

    private static func names(_ exprs: [Expr]) -> Set<String>? {
        var out = Set<String>()
        for e in exprs {
            guard let n = NamesRead.of(e) else { return nil }
            out.formUnion(n)
        }
        return out
    }
}
