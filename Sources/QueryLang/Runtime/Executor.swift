/// Runs a plan: each node opens a ``RowStream`` over the streams of its inputs. Stages that keep one row
/// for one row stream (`where`, `select`, `extend`, `expand`, `take`, `union`, `kwic`, `distinct`, the
/// probe side of `join`); only what must hold its input holds it (`sort`, `top`, `summarize`, a join's
/// right side, `cooccur`, `timeline`, the result). The row limit bounds what is held, not what flows.
///
/// Each stage's execution is in `Stages/`, one file per stage; the access paths the passes chose are run
/// by the stage they stand for.
extension Interpreter {
    /// The table a pipeline gives: its plan run, and its rows collected.
    func runPipeline(_ source: Expr, _ stages: [Stage], _ span: Span, _ env: Env) throws -> Table {
        let plan = planFor(source, stages, span, env)
        let stream = try open(plan, env)
        let what = stages.last.map { "the result of '\($0.kind.name)'" } ?? "the table"
        let rows = try stream.collect { try checkRows($0, plan.span, what) }
        return try finish(Table(rows: rows, columns: stream.columns), plan)
    }

    /// The plan the checker made for this pipeline, or (for a pipeline it did not see: a program run
    /// without being compiled) one made now without its knowledge of names, so with no access path.
    /// In a function body, given the environment of the call, the plan made for its source's name meaning
    /// the corpus source, when it does there (``PlanSet/sourcePlan(at:in:)``).
    func planFor(_ source: Expr, _ stages: [Stage], _ span: Span, _ env: Env? = nil) -> PlanNode {
        if let env, let set = plans, !set.sourcePlans.isEmpty, let p = set.sourcePlan(at: span, in: file),
           meansSource(p.source, env) { return p.plan }
        if let p = plans?.plan(at: span, in: file) { return p }
        if let p = fallbackPlans.plan(at: span, in: file) { return p }
        let raw = Planner.plan(source: source, stages: stages, sourceKind: nil, schemas: [])
        let context = PlanContext(corpus: corpus, functions: functions, userFunctions: Set(userFunctions.keys),
                                  locals: [], namesKnown: false)
        let p = PlanOptimizer.optimize(raw, context)
        fallbackPlans.add(p, at: PipelineSite(span, in: file))
        return p
    }

    /// Whether a corpus source's name means that source in `env`: no parameter, field of the row or
    /// variable of that name comes before it (``lookup(_:_:_:)``).
    func meansSource(_ name: String, _ env: Env) -> Bool {
        env.locals[name] == nil && env.row.map({ fields.field($0, name) == nil }) ?? true && globals[name] == nil
    }

    /// Opens the stream of a plan node: one line per stage (its execution is in `Stages/<Name>.swift`).
    func open(_ p: PlanNode, _ env: Env) throws -> RowStream {
        switch p.op {
        case let .scan(kind): return scan(kind)
        case let .rows(r): return RowStream(columns: r.columns, pull: r.pull)
        case let .value(e):
            let t = try tableValue(try eval(e, env), e.span)
            return RowStream(rows: t.rows, columns: t.columns)
        case let .filter(input, cond): return try openWhere(try open(input, env), cond, env)
        case let .indexedFilter(input, cond): return try openIndexedWhere(try open(input, env), cond, env)
        case let .lookupByID(kind, key): return try openLookup(kind, key, p.span, env)
        case let .entityMentions(access): return try openEntityMentions(access, env)
        case let .select(input, cols): return try openSelect(input, cols, p, env)
        case let .extend(input, cols): return try openExtend(try open(input, env), cols, env)
        case let .sort(input, keys): return try openSort(try open(input, env), keys, nil, p, env)
        case let .top(input, count, keys): return try openTop(try open(input, env), count, keys, p, env)
        case let .take(input, count): return try openTake(try open(input, env), count, env)
        case let .distinct(input, cols): return try openDistinct(try open(input, env), cols, env)
        case let .summarize(input, aggs, by): return try openSummarize(try open(input, env), aggs, by, p, env)
        case let .countsByEntity(aggs, by): return try openCountsByEntity(aggs, by, env)
        case let .join(input, kind, right, keys): return try openJoin(try open(input, env), kind, right, keys, p.span, env)
        case let .union(input, right): return try openUnion(try open(input, env), right, p.span, env)
        case let .expand(input, col): return try openExpand(try open(input, env), col, p.span, env)
        case let .count(input): return try openCount(try open(input, env))
        case let .cooccur(input, scope, all):
            return try openCooccur(try open(input, env), scope, all, p.span, limit: p.rowCap ?? .max)
        case let .pairsByDocument(all, limit): return try openPairsByDocument(all, limit: limit ?? p.rowCap, p.span)
        case let .kwic(input, term, width, regex):
            return try openKwic(try open(input, env), term, width, regex: regex, p.span, env, limit: p.rowCap ?? .max)
        case let .columnar(_, program): return openColumnar(program.node, env)
        case let .render(input, _): return try open(input, env)
        case let .timeline(input): return try openTimeline(try open(input, env), p.span)
        case let .neighbors(input, spec): return try openNeighbors(input, spec, p, env)
        case let .paths(input, spec): return try openPaths(input, spec, p, env)
        case let .conflicts(input): return try openConflicts(try open(input, env), p.span)
        case let .corroboration(input): return try openCorroboration(try open(input, env), p.span)
        case let .asof(input, date): return try openAsof(try open(input, env), date, p.span, env)
        }
    }

    /// Every reference of a source, in corpus order, made as they are pulled.
    func scan(_ kind: ReferenceKind) -> RowStream {
        let count: Int
        let make: (Int) -> Value
        switch kind {
        case .document: count = corpus.documents.count; make = Value.document
        case .entity: count = corpus.entities.count; make = Value.entity
        case .mention: count = corpus.mentions.count; make = Value.mention
        case .fact: count = corpus.facts.count; make = Value.fact
        }
        var position = 0
        return RowStream(columns: FieldCatalog.columns(of: kind)) { max in
            let end = Swift.min(count, position + max)
            defer { position = end }
            return (position..<end).map(make)
        }
    }

    func countArgument(_ e: Expr, _ env: Env, _ stage: String) throws -> Int {
        let v = try eval(e, env)
        guard case let .int(n) = v, n >= 0 else {
            throw fail(.wrongType, "\(stage) needs a count that is a whole number, 0 or more, got \(v.typeName) \(preview(v))", e.span)
        }
        return Int(clamping: n)
    }
}
