/// The rewrite passes, in order. Each is a function from a plan to a plan that gives the same rows
/// (`Tests/QueryLangTests/Plan` checks each on its own and against the unrewritten plan).
enum PlanOptimizer {
    static func optimize(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        var p = plan
        p = ConstantFoldingPass.run(p, context)
        p = PredicatePushdownPass.run(p, context)
        p = ProjectionPruningPass.run(p, context)
        p = TopNPass.run(p, context)
        p = LimitPushdownPass.run(p, context)
        p = IndexAccessPass.run(p, context)
        p = ColumnarPass.run(p, context)
        return p
    }
}
