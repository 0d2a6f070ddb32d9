/// `sort by k | take N` becomes `top N by k`: the first N rows of the stable sort, kept in a bounded heap
/// instead of sorting every row.
enum TopNPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        plan.transformed { node in
            guard case let .take(input, count) = node.op, case let .sort(below, keys) = input.op else { return node }
            var n = node
            n.op = .top(below, count, keys)
            n.span = input.span.to(node.span)
            n.nameSpan = input.nameSpan
            return n
        }
    }
}
