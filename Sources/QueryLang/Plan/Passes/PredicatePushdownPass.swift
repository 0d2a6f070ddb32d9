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
            var filter = node
            filter.op = .filter(below, cond)
            filter.schema = below.schema
            var sort = input
            sort.op = .sort(push(filter), keys)
            return sort
        case let .extend(below, cols):
            let added = Set(Column.outputNames(cols))
            guard read.isDisjoint(with: added) else { return node }
            var filter = node
            filter.op = .filter(below, cond)
            filter.schema = below.schema
            var extend = input
            extend.op = .extend(push(filter), cols)
            return extend
        default:
            return node
        }
    }
}
