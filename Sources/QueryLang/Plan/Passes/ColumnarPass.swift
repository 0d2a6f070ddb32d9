/// Hands to the columnar executor the largest subtrees, from a scan up, whose every stage and expression
/// it compiles (``ColumnarCompiler``): they then run on batches of typed vectors instead of one row of
/// values at a time. What does not compile (index paths, functions, dates, texts, joins for now) stays
/// on the row executor, which reads the columnar subtree's rows as values.
enum ColumnarPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        guard context.namesKnown, let columns = context.columns else { return plan }
        return wrap(wrapHeldInputs(plan, context, columns), context, columns)
    }

    /// The plan with the input of each `timeline` handed to the columnar executor where it compiles: the
    /// timeline reads its input whole before making a row, so that input is a subtree of its own.
    private static func wrapHeldInputs(_ node: PlanNode, _ context: PlanContext, _ columns: CorpusColumns) -> PlanNode {
        guard let input = node.inputs.first else { return node }
        if case .timeline = node.op { return node.replacingInput(wrap(input, context, columns)) }
        return node.replacingInput(wrapHeldInputs(input, context, columns))
    }

    private static func wrap(_ node: PlanNode, _ context: PlanContext, _ columns: CorpusColumns) -> PlanNode {
        let notes = ColumnarNotes()
        if !node.inputs.isEmpty || ColumnarCompiler.compilesSource(node), let compiled = ColumnarCompiler.compile(node, context, columns: columns, notes: notes) {
            var n = node
            n.op = .columnar(node, ColumnarProgram(compiled, notes: notes))
            return n
        }
        guard let input = node.inputs.first else { return node }
        return node.replacingInput(wrap(input, context, columns))
    }
}

/// A compiled columnar subtree, kept in the plan (its closures are made once, when the program is compiled).
@_spi(MQInternals) public final class ColumnarProgram: @unchecked Sendable {
    let node: ColumnarNode
    /// What `explain` says of the subtree's nodes.
    let notes: ColumnarNotes
    init(_ node: ColumnarNode, notes: ColumnarNotes) {
        self.node = node
        self.notes = notes
    }
}
