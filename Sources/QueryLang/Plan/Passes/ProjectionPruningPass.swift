/// Drops the columns of an `extend` that a `select` right after it never reads (and the `extend` itself
/// when none is left), so they are never computed.
enum ProjectionPruningPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        plan.transformed { node in
            guard case let .select(input, selected) = node.op, case let .extend(below, cols) = input.op else { return node }
            var read = Set<String>()
            for c in selected {
                guard let names = NamesRead.of(c.expr) else { return node }
                read.formUnion(names)
            }
            let names = Column.outputNames(cols)
            // Columns the select reads, and any column a kept column might read (extend evaluates each
            // column on the input row, so columns do not read each other; kept as written regardless).
            let kept = zip(names, cols).filter { read.contains($0.0) }.map(\.1)
            if kept.count == cols.count { return node }
            var n = node
            if kept.isEmpty {
                n.op = .select(below, selected)
            } else {
                var e = input
                e.op = .extend(below, kept)
                n.op = .select(e, selected)
            }
            return n
        }
    }
}
