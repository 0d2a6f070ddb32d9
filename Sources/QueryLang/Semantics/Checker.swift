import Foundation

/// Finds, without running, what can be known to be wrong: unknown sources, stages, fields, functions,
/// variables and entity names; wrong arity; aggregates outside summarize; recursion; invalid regexes;
/// type mismatches where both types are known. It goes on after an error, so several independent
/// errors are reported at once.
struct Checker {
    let corpus: Corpus
    let functions: FunctionRegistry
    private(set) var file: SourceFile
    /// Reads imported files, so that their definitions are known (the same rules as at run time).
    var imports = ImportResolver(loader: nil)
    /// The limits the program will run under (import depth, expression depth).
    var limits = Limits()
    var globals: [String: ValueType]
    var userFunctions: [String: Int]
    var diagnostics: [Diagnostic] = []

    init(corpus: Corpus, functions: FunctionRegistry, file: SourceFile, globals: [String: ValueType],
         userFunctions: [String: Int]) {
        self.corpus = corpus
        self.functions = functions
        self.file = file
        self.globals = globals
        self.userFunctions = userFunctions
    }

    struct Context {
        var row: Row?
        var locals: [String: ValueType] = [:]
        var inSummarize = false
        /// Inside a def body: rows are not known until the function is called.
        var inFunction = false
        /// Typing the right side of a comparison or text operator, where a bare word may be meant as text.
        var operand = false
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, _ span: Span, hints: [String] = []) {
        diagnostics.append(Diagnostic(code, message, at: span, in: file, hints: hints))
    }

    mutating func check(_ program: Program) {
        for st in program.statements {
            switch st.kind {
            case let .let(name, e):
                globals[name.name] = type(e, Context())
            case let .def(name, params, body):
                var seen = Set<String>()
                for p in params where !seen.insert(p.name).inserted {
                    error(.duplicateName, "parameter '\(p.name)' appears twice", p.span)
                }
                var ctx = Context(inFunction: true)
                for p in params { ctx.locals[p.name] = .any }
                defining = name.name
                _ = type(body, ctx)
                defining = nil
                userFunctions[name.name] = params.count
            case let .assert(cond, message):
                let t = type(cond, Context())
                if t != .any && t != .bool && t != .null {
                    error(.wrongType, "assert needs a condition that is true or false, got \(t)", cond.span)
                }
                if let message { _ = type(message, Context()) }
            case let .print(e), let .query(e), let .explain(e):
                _ = type(e, Context())
            case let .import(path, span):
                checkImport(path, span)
            }
        }
    }

    var defining: String?
    /// The plan of every pipeline checked, by its place (``Planner``, ``PlanOptimizer``).
    var plans = PlanSet()
    /// The corpus's vectors, for columnar plans (nil: none).
    var columns: CorpusColumns?

    /// Plans a checked pipeline. Its source is a corpus source when the name can mean nothing else here:
    /// not a parameter, a field of the row, or a variable, and not in a function body (whose rows are
    /// those of its callers).
    func plan(_ source: Expr, _ stages: [Stage], _ span: Span, _ schemas: [PlanSchema], _ ctx: Context) {
        var kind: ReferenceKind? = nil
        if case let .name(n, _) = source, let s = FieldCatalog.sources.first(where: { $0.name == n }),
           ctx.locals[n] == nil, !ctx.inFunction, !importFailed, globals[n] == nil,
           ctx.row.map({ $0.known && $0.type(of: n) == nil }) ?? true {
            kind = s.kind
        }
        let raw = Planner.plan(source: source, stages: stages, sourceKind: kind, schemas: schemas)
        let context = PlanContext(corpus: corpus, functions: functions, userFunctions: Set(userFunctions.keys),
                                  locals: Set(ctx.locals.keys), namesKnown: !ctx.inFunction && !importFailed, columns: columns,
                                  referenceRows: { [plans, file, globals, topLevel = ctx.row == nil && ctx.locals.isEmpty] e in
                                      // A source by its name (`join (entities)`), or a pipeline whose plan gives references.
                                      if case let .name(n, _) = e, topLevel, globals[n] == nil,
                                         let s = FieldCatalog.sources.first(where: { $0.name == n }) { return s.kind }
                                      guard case .pipeline = e, let p = plans.plan(at: e.span, in: file),
                                            p.schema.isReference else { return nil }
                                      return p.schema.reference
                                  },
                                  nestedPlan: { [plans, file, topLevel = ctx.row == nil && ctx.locals.isEmpty] e in
                                      guard topLevel, case .pipeline = e else { return nil }
                                      return plans.plan(at: e.span, in: file)
                                  })
        plans.add(PlanOptimizer.optimize(raw, context), at: PipelineSite(span, in: file))
        // In a function body, a source's name may mean a field of the row the function is called on (or a
        // variable defined later): the plan above takes the name as a value. Beside it, the plan for calls
        // where the name means the source, made knowing which names are the function's parameters.
        if case let .name(n, _) = source, let s = FieldCatalog.sources.first(where: { $0.name == n }),
           ctx.inFunction, ctx.locals[n] == nil, !importFailed, globals[n] == nil,
           ctx.row.map({ $0.known && $0.type(of: n) == nil }) ?? true {
            let scan = Planner.plan(source: source, stages: stages, sourceKind: s.kind, schemas: schemas)
            let known = PlanContext(corpus: corpus, functions: functions, userFunctions: Set(userFunctions.keys),
                                    locals: Set(ctx.locals.keys), namesKnown: true, columns: columns)
            plans.addSourcePlan(PlanOptimizer.optimize(scan, known), source: n, at: PipelineSite(span, in: file))
        }
    }

    /// `list of t`, except that lists of lists of ... more than 16 deep are `list of any`: a type is a hint,
    /// and `let a = [a]` repeated must not build a type thousands of levels deep (compared and freed
    /// recursively, statement after statement).
    static func list(of t: ValueType) -> ValueType {
        var inner = t
        for _ in 0..<16 {
            guard case let .list(next) = inner else { return .list(t) }
            inner = next
        }
        return .list(.any)
    }
    /// After an import that could not be read, names it might have defined are not reported.
    var importFailed = false

    /// Checks an imported file in place, so that its `let` and `def` names are known afterwards.
    private mutating func checkImport(_ path: String, _ span: Span) {
        switch imports.resolve(path, from: file, at: span, limits: limits) {
        case let .failure(failure):
            diagnostics += failure.diagnostics
            if failure.unread { importFailed = true }
        case let .success(imported):
            diagnostics += imported.warnings
            imports.enter(file.name)
            let saved = file
            file = imported.file
            check(imported.program)
            file = saved
            imports.leave()
        }
    }

    // MARK: Pipelines

    mutating func sourceRow(_ t: ValueType, _ span: Span) -> Row {
        switch t {
        case let .table(k): return row(of: k)
        case let .list(inner):
            switch inner {
            case .document: return .of(.document)
            case .entity: return .of(.entity)
            case .mention: return .of(.mention)
            case .fact: return .of(.fact)
            default: return .unknown
            }
        case .document: return .of(.document)
        case .entity: return .of(.entity)
        case .mention: return .of(.mention)
        case .fact: return .of(.fact)
        case .any: return .unknown
        default:
            error(.wrongInput, "a pipeline needs a table or a list to start from, got \(t)", span,
                  hints: ["start with docs, entities, mentions or facts"])
            return .unknown
        }
    }

    private func row(of k: RowKind) -> Row {
        switch k {
        case .documents: return .of(.document)
        case .entities: return .of(.entity)
        case .mentions: return .of(.mention)
        case .facts: return .of(.fact)
        case let .records(cols, base):
            guard let cols else { return Row(reference: base, columns: nil) }
            return Row(reference: base, columns: Dictionary(cols.map { ($0, ValueType.any) }, uniquingKeysWith: { a, _ in a }), order: cols)
        case .values: return .unknown
        }
    }

    func rowKind(_ r: Row) -> RowKind {
        if let ref = r.reference, r.columns?.isEmpty == true { return ref.rowKind }
        return .records(r.columns == nil ? nil : r.order, base: r.reference)
    }

    mutating func columns(_ cols: [Column], _ ctx: Context) -> [(String, ValueType)] {
        let names = Column.outputNames(cols)
        var out: [(String, ValueType)] = []
        for (n, c) in zip(names, cols) { out.append((n, type(c.expr, ctx))) }
        return out
    }

    func records(_ cols: [(String, ValueType)], base: ReferenceKind?) -> Row {
        Row(reference: base, columns: Dictionary(cols.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }), order: cols.map(\.0))
    }

    /// What a stage's check is given: the stage, its input rows, the context of expressions evaluated on
    /// each input row (`ctx`), and the context the pipeline stands in (`outer`, for arguments that do not
    /// see the row: a count, a join's right side).
    struct StageInput {
        let stage: Stage
        let row: Row
        let ctx: Context
        let outer: Context
    }

    /// E303 when the stage's input rows are known and are not references of `kind` (`cooccur` takes
    /// mentions, `timeline` entities).
    mutating func requireInput(_ kind: ReferenceKind, _ s: StageInput, example: String) {
        guard s.row.known, s.row.reference != kind else { return }
        error(.wrongInput, "\(s.stage.kind.name) works on \(kind.rowKind), not \(s.row.reference?.rawValue ?? "records")",
              s.stage.nameSpan, hints: [example])
    }

    /// Checks one stage (in `Stages/<Name>.swift`) and returns what its rows are.
    mutating func stage(_ st: Stage, _ input: Row, _ outer: Context) -> Row {
        var ctx = outer
        ctx.row = input
        ctx.operand = false
        let s = StageInput(stage: st, row: input, ctx: ctx, outer: outer)
        switch st.kind {
        case let .where(cond): return checkWhere(cond, s)
        case let .select(cols): return checkSelect(cols, s)
        case let .extend(cols): return checkExtend(cols, s)
        case let .sort(keys): return checkSort(keys, s)
        case let .take(n): return checkTake(n, s)
        case let .top(n, keys): return checkTop(n, keys, s)
        case let .distinct(cols): return checkDistinct(cols, s)
        case let .summarize(aggs, by): return checkSummarize(aggs, by, s)
        case let .join(kind, right, keys): return checkJoin(kind, right, keys, s)
        case let .union(right): return checkUnion(right, s)
        case let .expand(col): return checkExpand(col, s)
        case .count: return checkCount(s)
        case .cooccur: return checkCooccur(s)
        case let .kwic(term, width, regex): return checkKwic(term, width, regex: regex, s)
        case .timeline: return checkTimeline(s)
        case let .render(spec): return checkRender(spec, s)
        case let .neighbors(spec): return checkNeighbors(spec, s)
        case let .paths(spec): return checkPaths(spec, s)
        case .conflicts: return checkConflicts(s)
        case .corroboration: return checkCorroboration(s)
        case let .asof(date): return checkAsof(date, s)
        }
    }

    mutating func countArgument(_ e: Expr, _ ctx: Context, _ stage: String) {
        let t = type(e, ctx)
        if t != .any && t != .int { error(.wrongType, "\(stage) needs a whole number, got \(t)", e.span) }
        if case let .literal(.int(n), s) = e, n < 0 { error(.wrongType, "\(stage) needs a count of 0 or more", s) }
    }
}
