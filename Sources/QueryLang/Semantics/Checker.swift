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

    private var defining: String?
    /// The plan of every pipeline checked, by its place (``Planner``, ``PlanOptimizer``).
    var plans = PlanSet()
    /// The corpus's vectors, for columnar plans (nil: none).
    var columns: CorpusColumns?

    /// Plans a checked pipeline. Its source is a corpus source when the name can mean nothing else here:
    /// not a parameter, a field of the row, or a variable, and not in a function body (whose rows are
    /// those of its callers).
    private func plan(_ source: Expr, _ stages: [Stage], _ span: Span, _ schemas: [PlanSchema], _ ctx: Context) {
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
    private var importFailed = false

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

    // MARK: Expressions

    mutating func type(_ e: Expr, _ ctx: Context) -> ValueType {
        switch e {
        case let .literal(l, _):
            return ValueType.of(l.value)
        case let .name(n, span):
            return name(n, span, ctx)
        case let .field(base, f, _):
            return field(type(base, ctx), f)
        case let .index(base, i, _):
            let bt = type(base, ctx)
            _ = type(i, ctx)
            switch bt {
            case let .list(t): return t
            case .string: return .string
            // A row of records made from references (`extend`, `corroboration`) has its own columns too.
            case .table(.records(_?, _)): return .record
            case let .table(k): return k.reference?.valueType ?? .any
            default: return .any
            }
        case let .call(name, args, span):
            return call(name, args, span, ctx)
        case let .unary(op, x, span):
            let t = type(x, ctx)
            if op == .not && t != .any && t != .bool && t != .null { error(.wrongType, "'not' needs a bool, got \(t)", span) }
            if op == .negate && t != .any && !t.isNumeric && t != .null { error(.wrongType, "'-' needs a number, got \(t)", span) }
            return op == .not ? .bool : t
        case let .binary(op, l, r, span):
            return binary(op, l, r, span, ctx)
        case let .list(items, _):
            let ts = items.map { type($0, ctx) }
            if let first = ts.first, ts.allSatisfy({ $0 == first }) { return Checker.list(of: first) }
            return .list(.any)
        case let .record(fs, _):
            var seen = Set<String>()
            for f in fs where !seen.insert(f.name.name).inserted { error(.duplicateName, "field '\(f.name.name)' appears twice", f.name.span) }
            for f in fs { _ = type(f.value, ctx) }
            return .record
        case let .pipeline(source, stages, span):
            var row = sourceRow(type(source, ctx), source.span)
            var schemas = [row.planSchema]
            for st in stages {
                row = stage(st, row, ctx)
                schemas.append(row.planSchema)
            }
            plan(source, stages, span, schemas, ctx)
            return .table(rowKind(row))
        }
    }

    private mutating func name(_ n: String, _ span: Span, _ ctx: Context) -> ValueType {
        if let t = ctx.locals[n] { return t }
        if let row = ctx.row {
            if let t = row.type(of: n) { return t }
            if !row.known { return .any }
        }
        if let t = globals[n] { return t }
        if let s = FieldCatalog.sources.first(where: { $0.name == n }) { return .table(s.kind.rowKind) }
        if ctx.inFunction && ReferenceKind.allCases.contains(where: { FieldCatalog.field(n, of: $0) != nil }) {
            return .any  // a field of the row the function will be called on
        }
        if importFailed { return .any }
        var candidates = Array(ctx.locals.keys) + Array(globals.keys) + FieldCatalog.sources.map(\.name)
        if let row = ctx.row { candidates += row.names }
        var hints = [Suggestions.hint(for: n, in: candidates)].compactMap { $0 }
        if ctx.row == nil, ReferenceKind.allCases.contains(where: { FieldCatalog.field(n, of: $0) != nil }) {
            hints.append("'\(n)' is a field: use it inside a stage, e.g. docs | where \(n) ...")
        } else if StageKind.names.contains(n) {
            hints.append("'\(n)' is a stage: put '|' before it")
        } else if n.hasPrefix("$") {
            hints.append("'\(n)' is a parameter: give it a value with mq run --arg \(n.dropFirst())=VALUE")
        } else if hints.isEmpty && ctx.operand {
            // A bare word meant as text (`where type == armed_group`), when it is close to no name.
            hints.append("a text needs quotes: \"\(n)\"")
        }
        error(.unknownName, "unknown name '\(n)'", span, hints: hints)
        return .any
    }

    private mutating func field(_ base: ValueType, _ f: Identifier) -> ValueType {
        let kind: ReferenceKind?
        switch base {
        case .any, .record, .null: return .any
        case .document: kind = .document
        case .entity: kind = .entity
        case .mention: kind = .mention
        case .fact: kind = .fact
        case let .list(inner):
            if inner == .any { return .list(.any) }
            return .list(field(inner, f))
        case let .table(k):
            if let r = k.reference, FieldCatalog.field(f.name, of: r) != nil {
                error(.unknownField, "a table has no field '\(f.name)'", f.span,
                      hints: ["take a row first: (...)[0].\(f.name), or use the field in a stage: | select \(f.name)"])
            } else {
                error(.unknownField, "a table has no field '\(f.name)'", f.span)
            }
            return .any
        default:
            error(.unknownField, "\(base) has no field '\(f.name)'", f.span)
            return .any
        }
        guard let k = kind else { return .any }
        if let field = FieldCatalog.field(f.name, of: k) { return field.type }
        let names = FieldCatalog.fields(of: k).map(\.name)
        error(.unknownField, "\(k.rawValue) has no field '\(f.name)'", f.span,
              hints: [Suggestions.hint(for: f.name, in: names) ?? "fields: " + names.joined(separator: ", ")])
        return .any
    }

    private mutating func call(_ name: Identifier, _ args: [Expr], _ span: Span, _ ctx: Context) -> ValueType {
        if let agg = Aggregates.named[name.name] {
            // In a def body an aggregate is checked where the function is used (inside summarize).
            if ctx.inSummarize || ctx.inFunction {
                checkArity(name, agg.minArgs, agg.maxArgs, args.count, span, agg.signature)
                var inner = ctx
                inner.inSummarize = false
                let ts = args.map { type($0, inner) }
                switch agg.name {
                case "count", "countif", "dcount": return .int
                case "avg": return .float
                case "list", "set": return Checker.list(of: ts.first ?? .any)
                case "min", "max", "any": return ts.first ?? .any
                case "sum": return ts.first == .int ? .int : .any
                default: return args.count == 2 ? ts[1] : .any
                }
            }
            if functions[name.name] == nil && userFunctions[name.name] == nil {
                error(.aggregateOutsideSummarize, "'\(name.name)' is an aggregate: use it in summarize", name.span,
                      hints: ["... | summarize \(name.name)(...) by ..."])
                for a in args { _ = type(a, ctx) }
                return .any
            }
        }
        let argTypes = args.map { type($0, ctx) }
        if let special = FunctionRegistry.special[name.name] {
            checkArity(name, special.min, special.max, args.count, span, special.signature)
            return name.name == "if" && argTypes.count == 3 && argTypes[1] == argTypes[2] ? argTypes[1] : .any
        }
        if name.name == defining {
            error(.recursiveFunction, "'\(name.name)' calls itself; functions may not be recursive", name.span,
                  hints: ["every mq program terminates: write the repetition as a pipeline"])
            return .any
        }
        if let n = userFunctions[name.name] {
            checkArity(name, n, n, args.count, span, nil)
            return .any
        }
        if let f = functions[name.name] {
            checkArity(name, f.minArgs, f.maxArgs, args.count, span, f.signature)
            checkLiteralArguments(name, args)
            return f.returns
        }
        if importFailed { return .any }
        let known = Array(functions.functions.keys) + Array(userFunctions.keys) + Array(FunctionRegistry.special.keys)
        var hints = [Suggestions.hint(for: name.name, in: known)].compactMap { $0 }
        if StageKind.names.contains(name.name) { hints.append("'\(name.name)' is a stage: put '|' before it") }
        error(.unknownFunction, "unknown function '\(name.name)'", name.span, hints: hints)
        return .any
    }

    private mutating func checkArity(_ name: Identifier, _ lo: Int, _ hi: Int, _ got: Int, _ span: Span, _ sig: String?) {
        guard got < lo || got > hi else { return }
        diagnostics.append(Diagnostic.arity(name.name, lo, hi, got: got, at: span, in: file, signature: sig))
    }

    /// `ent("...")`, `doc("...")` and `fact("...")` with literal arguments are resolved now.
    private mutating func checkLiteralArguments(_ name: Identifier, _ args: [Expr]) {
        guard args.count == 1, case let .literal(.string(s), span) = args[0] else { return }
        switch name.name {
        case "ent":
            let found = corpus.entities(named: s)
            if found.isEmpty {
                error(.notFound, "no entity is named '\(s)'", span, hints: EntitySuggestions.hints(for: s, in: corpus))
            } else if found.count > 1 {
                error(.ambiguousName, "'\(s)' names \(found.count) entities", span,
                      hints: ["write one of: " + found.map { "ent(\"\($0.id)\")" }.joined(separator: ", ")])
            }
        case "doc":
            let matches = corpus.documents.filter { $0.id.hasPrefix(s) }
            if corpus.document(id: s) == nil && matches.count != 1 {
                if matches.isEmpty {
                    error(.notFound, "no document '\(s)'", span, hints: [Suggestions.hint(for: s, in: corpus.documents.map(\.id))].compactMap { $0 })
                } else {
                    error(.ambiguousName, "'\(s)' is the start of \(matches.count) document ids", span,
                          hints: ["candidates: " + matches.prefix(5).map(\.id).joined(separator: ", ")])
                }
            }
        case "fact":
            if corpus.fact(id: s) == nil {
                error(.notFound, "no fact '\(s)'", span, hints: [Suggestions.hint(for: s, in: corpus.facts.map(\.id))].compactMap { $0 })
            }
        default: break
        }
    }

    private mutating func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span, _ ctx: Context) -> ValueType {
        var rctx = ctx
        rctx.operand = op != .and && op != .or
        let a = type(l, ctx), b = type(r, rctx)
        func known(_ t: ValueType) -> Bool { t != .any && t != .null }
        switch op {
        case .and, .or:
            for (t, e) in [(a, l), (b, r)] where known(t) && t != .bool {
                error(.wrongType, "'\(op.rawValue)' needs bools, got \(t)", e.span)
            }
            return .bool
        case .eq, .ne: return .bool
        case .lt, .le, .gt, .ge:
            if known(a) && known(b) && !(a.isNumeric && b.isNumeric) && a != b {
                error(.wrongType, "cannot compare \(a) with \(b)", span)
            }
            return .bool
        case .matches:
            if case let .literal(.string(p), ps) = r { checkRegex(p, ps) }
            return .bool
        case .has, .contains, .startswith, .endswith:
            if known(b) && b != .string && !(op == .contains || op == .has) { error(.wrongType, "'\(op.rawValue)' needs a string on the right, got \(b)", r.span) }
            return .bool
        case .in, .notIn, .within: return .bool
        case .add, .sub, .mul, .div, .mod:
            if known(a) && known(b) {
                if a.isNumeric && b.isNumeric { return a == .float || b == .float ? .float : a }
                if op == .add && a == .string && b == .string { return .string }
                if op == .add, case .list = a, case .list = b { return a }
                error(.wrongType, "cannot apply '\(op.rawValue)' to \(a) and \(b)", span)
            }
            return .any
        }
    }

    private mutating func checkRegex(_ pattern: String, _ span: Span) {
        if let problem = RegexSafety.problem(pattern) {
            error(.invalidRegex, "regular expression may take exponential time: \(problem)", span,
                  hints: ["rewrite without a repeated group that itself repeats, e.g. (a+)+ -> a+"])
        } else if (try? NSRegularExpression(pattern: pattern)) == nil {
            error(.invalidRegex, "invalid regular expression '\(pattern)'", span,
                  hints: ["check brackets and escapes; write r\"...\" to avoid doubling backslashes"])
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

    private func rowKind(_ r: Row) -> RowKind {
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
    private mutating func stage(_ st: Stage, _ input: Row, _ outer: Context) -> Row {
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
