/// Builds the logical plan of a pipeline from its syntax and what the checker found: how its source
/// resolves (a corpus source, or a value) and the schema of the rows after each stage. The plan is the
/// language one for one; the passes (``PlanOptimizer``) then choose access paths and push work down.
enum Planner {
    /// The plan of `source | stages`. `sourceKind` is the corpus source the source names, when the
    /// checker knows that it names one (not a variable, parameter or field of the current row);
    /// `schemas` holds the schema of the source's rows and then of each stage's (or is empty when unknown).
    static func plan(source: Expr, stages: [Stage], sourceKind: ReferenceKind?, schemas: [PlanSchema]) -> PlanNode {
        func schema(_ i: Int) -> PlanSchema { i < schemas.count ? schemas[i] : .unknown }
        var node: PlanNode
        if let kind = sourceKind {
            node = PlanNode(.scan(kind), schema: .of(kind), span: source.span)
        } else {
            node = PlanNode(.value(source), schema: schema(0), span: source.span)
        }
        for (i, st) in stages.enumerated() {
            node = PlanNode(op(st.kind, node), schema: schema(i + 1), span: st.span, nameSpan: st.nameSpan)
        }
        return node
    }

    /// The plan operator of one stage over `input`: one line per stage, the stage's own node (or, where
    /// planning takes more than that, a function in `Stages/<Name>.swift`).
    private static func op(_ kind: StageKind, _ input: PlanNode) -> PlanNode.Op {
        switch kind {
        case let .where(c): return .filter(input, c)
        case let .select(cols): return planSelect(input, cols)
        case let .extend(cols): return .extend(input, cols)
        case let .sort(keys): return .sort(input, keys)
        case let .take(n): return .take(input, n)
        case let .top(n, keys): return .top(input, n, keys)
        case let .distinct(cols): return .distinct(input, cols)
        case let .summarize(aggs, by): return .summarize(input, aggregates: aggs, by: by)
        case let .join(k, right, on): return .join(input, k, right: right, on: on)
        case let .union(right): return .union(input, right)
        case let .expand(col): return .expand(input, col)
        case .count: return .count(input)
        case let .cooccur(scope, all): return .cooccur(input, scope, all: all)
        case let .kwic(term, width, regex): return .kwic(input, term: term, width: width, regex: regex)
        case .timeline: return .timeline(input)
        case let .render(spec): return .render(input, spec)
        case let .neighbors(spec): return .neighbors(input, spec)
        case let .paths(spec): return .paths(input, spec)
        case .conflicts: return .conflicts(input)
        case .corroboration: return .corroboration(input)
        case let .asof(date): return .asof(input, date)
        }
    }
}

/// Where a pipeline stands in the program: its file and span. Plans are looked up by it at run time.
struct PipelineSite: Hashable, Sendable {
    let file: String
    let start: Int
    let end: Int

    init(_ span: Span, in file: SourceFile) {
        self.file = file.name
        self.start = span.start
        self.end = span.end
    }
}

/// The plans of every pipeline of a compiled program (and of the files it imports), after the passes.
@_spi(MQInternals) public final class PlanSet: @unchecked Sendable {
    // Written only while the program is compiled, read only after: no lock needed.
    private(set) var plans: [PipelineSite: PlanNode] = [:]

    init() {}

    func add(_ plan: PlanNode, at site: PipelineSite) { plans[site] = plan }

    func plan(at span: Span, in file: SourceFile) -> PlanNode? { plans[PipelineSite(span, in: file)] }

    /// Plans of pipelines in function bodies whose source is the name of a corpus source: planned as that
    /// source, with the access paths the passes choose when they know what the body's names are (the
    /// function's parameters are the same on every row, as variables are). A call uses it when the name
    /// means that source there (no parameter, field of the caller's row or variable of that name).
    private(set) var sourcePlans: [PipelineSite: (source: String, plan: PlanNode)] = [:]

    func addSourcePlan(_ plan: PlanNode, source: String, at site: PipelineSite) { sourcePlans[site] = (source, plan) }

    func sourcePlan(at span: Span, in file: SourceFile) -> (source: String, plan: PlanNode)? {
        sourcePlans[PipelineSite(span, in: file)]
    }

    /// Every plan, in the order of the sites in their files.
    var all: [(site: PipelineSite, plan: PlanNode)] {
        plans.sorted { ($0.key.file, $0.key.start, -$0.key.end) < ($1.key.file, $1.key.start, -$1.key.end) }
            .map { ($0.key, $0.value) }
    }
}
