/// Moves a `where` below the stages it does not depend on, so fewer rows reach them:
///
/// - below a `sort` (a stable sort keeps the kept rows in the same order);
/// - below an `extend` whose new columns the condition does not read.
///
/// A condition holding a nested query is left in place (its source may read the row in ways the pass
/// does not follow).
enum PredicatePushdownPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        plan.transformed { node in push(node) }
    }

    private static func push(_ node: PlanNode) -> PlanNode {
        guard case let .filter(input, cond) = node.op, let read = NamesRead.of(cond) else { return node }
        switch input.op {
        case let .sort(below, keys):
            return swapped(node, input, below) { .sort($0, keys) }
        case let .extend(below, cols):
            guard read.isDisjoint(with: Set(Column.outputNames(cols))) else { return node }
            return swapped(node, input, below) { .extend($0, cols) }
        default:
            return node
        }
    }

    /// The filter `node` moved from above `stage` to above `below` (the stage's input), pushed further
    /// down from there, with `stage` rebuilt on top by `rebuild`.
    private static func swapped(_ node: PlanNode, _ stage: PlanNode, _ below: PlanNode,
                                _ rebuild: (PlanNode) -> PlanNode.Op) -> PlanNode {
        guard case let .filter(_, cond) = node.op else { return node }
        var filter = node
        filter.op = .filter(below, cond)
        filter.schema = below.schema
        var top = stage
        top.op = rebuild(push(filter))
        return top
    }
}
