import Foundation

/// Finds, without running, what can be known to be wrong: unknown sources, stages, fields, functions,
/// variables and entity names; wrong arity; aggregates outside summarize; recursion; invalid regexes;
/// type mismatches where both types are known. It goes on after an error, so several independent
/// errors are reported at once.
struct Checker {
    let corpus: Corpus
    let functions: FunctionRegistry
    private(set) var file: SourceFile
    /// Reads imported files, so that their definitions are known; nil when imports are not allowed.
    var importLoader: ImportLoader?
    private var importStack: [String] = []
    var globals: [String: ValueType]
    var userFunctions: [String: Int]
    private(set) var diagnostics: [Diagnostic] = []

    init(corpus: Corpus, functions: FunctionRegistry, file: SourceFile, globals: [String: ValueType],
         userFunctions: [String: Int]) {
        self.corpus = corpus
        self.functions = functions
        self.file = file
        self.globals = globals
        self.userFunctions = userFunctions
    }

    /// What the rows of the current stage are, as far as known.
    struct Row {
        var reference: ReferenceKind?
        /// Record columns and their types; nil when not known (every name is then allowed).
        var columns: [String: ValueType]?
        var order: [String] = []

        static func of(_ kind: ReferenceKind) -> Row {
            Row(reference: kind, columns: [:], order: FieldCatalog.columns(of: kind))
        }
        static let unknown = Row(reference: nil, columns: nil)

        func type(of name: String) -> ValueType? {
            if let t = columns?[name] { return t }
            if let r = reference, let f = FieldCatalog.field(name, of: r) { return f.type }
            return nil
        }
        var known: Bool { columns != nil }

        /// The row as the plan describes it.
        var planSchema: PlanSchema {
            guard let columns else { return PlanSchema(reference: reference, columns: nil, isReference: false) }
            if columns.isEmpty, let r = reference { return .of(r) }
            return PlanSchema(reference: reference, columns: order.map { ($0, columns[$0] ?? .any) }, isReference: false)
        }
        var names: [String] {
            (columns.map { Array($0.keys) } ?? []) + (reference.map { FieldCatalog.fields(of: $0).map(\.name) } ?? [])
        }
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
        guard let loader = importLoader else {
            error(.importFailed, "imports are not allowed here", span, hints: ["the host did not grant file access"])
            importFailed = true
            return
        }
        guard importStack.count < 16 else { error(.importFailed, "imports nest more than 16 deep", span); return }
        let loaded: (name: String, text: String)
        do { loaded = try loader.load(path, from: file.name) } catch {
            self.error(.importFailed, "cannot import \"\(path)\": \(error)", span)
            importFailed = true
            return
        }
        if importStack.contains(loaded.name) || loaded.name == file.name {
            error(.importFailed, "import cycle: \((importStack + [file.name, loaded.name]).joined(separator: " -> "))", span)
            return
        }
        let (program, syntax) = Parser.parse(loaded.text, file: loaded.name)
        diagnostics += syntax
        guard syntax.isEmpty else { return }
        importStack.append(file.name)
        let saved = file
        file = SourceFile(name: loaded.name, text: loaded.text)
        check(program)
        file = saved
        importStack.removeLast()
    }

    // MARK: Expressions

    mutating func type(_ e: Expr, _ ctx: Context) -> ValueType {
        switch e {
        case let .literal(l, _):
            switch l {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .float: return .float
            case .string: return .string
            case .date: return .date
            }
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

    private mutating func sourceRow(_ t: ValueType, _ span: Span) -> Row {
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

    private mutating func columns(_ cols: [Column], _ ctx: Context) -> [(String, ValueType)] {
        let names = Column.outputNames(cols)
        var out: [(String, ValueType)] = []
        for (n, c) in zip(names, cols) { out.append((n, type(c.expr, ctx))) }
        return out
    }

    private func records(_ cols: [(String, ValueType)], base: ReferenceKind?) -> Row {
        Row(reference: base, columns: Dictionary(cols.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }), order: cols.map(\.0))
    }

    private mutating func stage(_ st: Stage, _ input: Row, _ outer: Context) -> Row {
        var ctx = outer
        ctx.row = input
        ctx.operand = false
        switch st.kind {
        case let .where(cond):
            let t = type(cond, ctx)
            if t != .any && t != .bool && t != .null {
                error(.wrongType, "where needs a condition that is true or false, got \(t)", cond.span,
                      hints: ["compare it: ... == ..., or test a text: ... has \"word\""])
            }
            return input
        case let .select(cols) where cols.first?.isStar == true:
            return stage(Stage(.extend(Array(cols.dropFirst())), span: st.span, nameSpan: st.nameSpan), input, outer)
        case let .select(cols):
            return records(columns(cols, ctx), base: nil)
        case let .extend(cols):
            let added = columns(cols, ctx)
            var r = input
            if r.columns != nil {
                if r.columns!.isEmpty, let ref = r.reference {
                    for c in FieldCatalog.columns(of: ref) { r.columns![c] = FieldCatalog.field(c, of: ref)?.type ?? .any }
                }
                for (n, t) in added { r.columns![n] = t; if !r.order.contains(n) { r.order.append(n) } }
            }
            return r
        case let .sort(keys):
            for k in keys { _ = type(k.expr, ctx) }
            return input
        case let .take(n):
            countArgument(n, outer, "take")
            return input
        case let .top(n, keys):
            countArgument(n, outer, "top")
            for k in keys { _ = type(k.expr, ctx) }
            return input
        case let .distinct(cols):
            if cols.isEmpty { return input }
            return records(columns(cols, ctx), base: nil)
        case let .summarize(aggs, by):
            let keys = columns(by, ctx)
            var actx = ctx
            actx.inSummarize = true
            for a in aggs where !containsAggregate(a.expr) {
                error(.missingAggregate, "summarize computes aggregates: count(), sum(x), list(x), ...", a.expr.span,
                      hints: ["put grouping keys after 'by': summarize count() by \(exprName(a.expr))"])
            }
            let values = columns(aggs, actx)
            return records(keys + values, base: nil)
        case let .join(kind, right, keys):
            let rt = type(right, outer)
            let rrow = sourceRow(rt, right.span)
            var rctx = outer
            rctx.row = rrow
            for k in keys {
                _ = type(k.left, ctx)
                _ = type(k.right ?? k.left, rctx)
            }
            if kind == .semi || kind == .anti { return input }
            return Row(reference: input.reference, columns: nil)
        case let .union(right):
            _ = type(right, outer)
            return Row(reference: nil, columns: nil)
        case let .expand(col):
            let (n, t) = columns([col], ctx)[0]
            var r = input
            if r.columns != nil {
                if r.columns!.isEmpty, let ref = r.reference {
                    for c in FieldCatalog.columns(of: ref) { r.columns![c] = FieldCatalog.field(c, of: ref)?.type ?? .any }
                }
                if case let .list(inner) = t { r.columns![n] = inner } else { r.columns![n] = .any }
                if !r.order.contains(n) { r.order.append(n) }
            }
            return r
        case .count:
            return records([("count", .int)], base: nil)
        case .cooccur:
            if input.known, input.reference != .mention {
                error(.wrongInput, "cooccur works on mentions, not \(input.reference?.rawValue ?? "records")", st.nameSpan,
                      hints: ["mentions | where ... | cooccur"])
            }
            return records([("a", .entity), ("b", .entity), ("count", .int), ("docs", .list(.document))], base: nil)
        case let .kwic(term, width, regex):
            if let term { _ = type(term, outer) }
            // A pattern given as words finds nothing: say so before it runs.
            if !regex, case let .literal(.string(s), span)? = term, let sign = Kwic.regexSign(s) {
                diagnostics.append(Diagnostic(.kwicTermLooksLikeRegex, "kwic reads \"\(s)\" as words, but it looks like a regular expression (\(sign))",
                                              at: span, in: file, hints: ["for a regular expression write: kwic matches r\"\(s)\"",
                                                                          "for several word forms give a list: kwic [\"drone\", \"drones\"]"],
                                              severity: .warning))
            }
            if let width { _ = type(width, outer) }
            if input.known, input.reference != .mention && input.reference != .document {
                error(.wrongInput, "kwic works on documents or mentions", st.nameSpan)
            }
            if term == nil, input.reference == .document {
                error(.wrongInput, "kwic on documents needs a term", st.nameSpan, hints: ["kwic \"drone\" width 40"])
            }
            return records([("doc", .document), ("left", .string), ("match", .string), ("right", .string),
                            ("zone", .string), ("start", .int)], base: nil)
        case .timeline:
            if input.known, input.reference != .entity {
                error(.wrongInput, "timeline works on entities, not \(input.reference?.rawValue ?? "records")", st.nameSpan,
                      hints: ["entities | where id == \"...\" | timeline"])
            }
            return records([("date", .date), ("entity", .entity), ("kind", .string), ("what", .string),
                            ("source", .string), ("doc", .document), ("quote", .string)], base: nil)
        }
    }

    private mutating func countArgument(_ e: Expr, _ ctx: Context, _ stage: String) {
        let t = type(e, ctx)
        if t != .any && t != .int { error(.wrongType, "\(stage) needs a whole number, got \(t)", e.span) }
        if case let .literal(.int(n), s) = e, n < 0 { error(.wrongType, "\(stage) needs a count of 0 or more", s) }
    }

    private func containsAggregate(_ e: Expr) -> Bool {
        switch e {
        case let .call(n, args, _): return Aggregates.named[n.name] != nil || userFunctions[n.name] != nil || args.contains(where: containsAggregate)
        case let .binary(_, l, r, _): return containsAggregate(l) || containsAggregate(r)
        case let .unary(_, x, _): return containsAggregate(x)
        case let .field(b, _, _): return containsAggregate(b)
        case let .index(b, i, _): return containsAggregate(b) || containsAggregate(i)
        case let .list(items, _): return items.contains(where: containsAggregate)
        default: return false
        }
    }

    private func exprName(_ e: Expr) -> String {
        if case let .name(n, _) = e { return n }
        if case let .field(_, f, _) = e { return f.name }
        return "..."
    }

    /// The static type of a runtime value (for variables a session already holds).
    static func staticType(of v: Value) -> ValueType {
        switch v {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .date: return .date
        case let .list(l): return .list(l.first.map(staticType) ?? .any)
        case .record: return .record
        case .document: return .document
        case .entity: return .entity
        case .mention: return .mention
        case .fact: return .fact
        case let .table(t):
            switch t.rows.first {
            case .document?: return .table(.documents)
            case .entity?: return .table(.entities)
            case .mention?: return .table(.mentions)
            case .fact?: return .table(.facts)
            case let .record(r)?: return .table(.records(t.columns, base: r.base.flatMap(\.referenceKind)))
            default: return .table(.records(t.columns, base: nil))
            }
        }
    }
}
