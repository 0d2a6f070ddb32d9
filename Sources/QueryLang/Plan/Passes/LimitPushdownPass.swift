/// Tells the stages below a `take N` (or `top N`) how many rows will be kept, through the stages that
/// keep one row for one row (`select`, `extend`): `cooccur` then ranks only the top N pairs and `kwic`
/// stops after N hits. Row-by-row stages need no hint: rows are pulled, so they stop by themselves.
enum LimitPushdownPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        plan.transformed { node in
            guard case let .take(input, count) = node.op, case let .literal(.int(n), _) = count, n >= 0 else { return node }
            var out = node
            out.op = .take(cap(input, Int(clamping: n)), count)
            return out
        }
    }

    private static func cap(_ node: PlanNode, _ n: Int) -> PlanNode {
        var out = node
        switch node.op {
        case let .select(input, _), let .extend(input, _):
            out = node.replacingInput(cap(input, n))
        case .cooccur, .kwic, .pairsByDocument:
            out.rowCap = min(node.rowCap ?? .max, n)
        default:
            break
        }
        return out
    }
}
