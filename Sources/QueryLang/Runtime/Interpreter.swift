import Foundation

/// What one statement produced.
public enum StatementOutput: Sendable {
    /// A query's table.
    case table(Table, Span)
    /// A query's single value.
    case value(Value, Span)
    /// The text of a `print`.
    case printed(String, Span)
}

/// Loads the text of `import`ed files. The host decides what may be read: by default nothing is.
public protocol ImportLoader: Sendable {
    /// The text and a display name of `path`, imported from the file named `from`.
    func load(_ path: String, from: String) throws -> (name: String, text: String)
}

/// A user function from `def`.
struct UserFunction {
    let params: [String]
    let body: Expr
    let file: SourceFile
    /// The plans of the program that defined it (its body's pipelines among them).
    let plans: PlanSet?
}

/// Evaluates programs over a corpus. One interpreter holds the variables and functions of one session;
/// it is not shared between threads (make one per thread; the corpus is shared).
final class Interpreter {
    let corpus: Corpus
    let fields: FieldAccess
    var limits: Limits
    let functions: FunctionRegistry
    var globals: [String: Value] = [:]
    var userFunctions: [String: UserFunction] = [:]
    var cancel: CancellationToken?
    /// The plans of the program being run (``PlanSet``), and of pipelines planned here for lack of one.
    var plans: PlanSet?
    let fallbackPlans = PlanSet()

    var file: SourceFile
    var steps = 0
    /// Checkpoints left before the next reading of the process's memory (MemoryLimit.swift).
    var memoryCountdown = 0
    /// Bytes of large strings built since the memory was last read (MemoryLimit.swift).
    var allocatedSinceCheck = 0
    /// What warming columnar rows computed, kept so that its reads are done (``ColumnarRows/warm(_:column:fields:)``).
    var warmed = 0
    var deadline: ContinuousClock.Instant?
    private var callDepth = 0
    /// Reads imported files (the same rules as the checker's).
    var imports: ImportResolver
    var regexCache: [String: NSRegularExpression] = [:]
    /// Compiled `has` phrases (nil for one that has no words or too many), at most 1,024.
    var phraseCache: [String: PhraseFinder?] = [:]
    /// The stack of the thread running the current program (see ``StackGuard``).
    @exclusivity(unchecked) var stack = StackGuard()

    init(corpus: Corpus, limits: Limits, functions: FunctionRegistry, importLoader: ImportLoader?) {
        self.corpus = corpus
        self.fields = FieldAccess(corpus: corpus)
        self.limits = limits
        self.functions = functions
        self.imports = ImportResolver(loader: importLoader)
        self.file = SourceFile(name: "<query>", text: "")
    }

    /// The environment of an expression: the current row, function parameters, a summarize group.
    struct Env {
        var row: Value?
        var locals: [String: Value] = [:]
        /// Inside summarize: the results of the aggregate calls of the current group, by call site.
        var aggregates: [String: Value]? = nil
        static let top = Env(row: nil)
    }

    // MARK: Errors and limits

    func fail(_ code: DiagnosticCode, _ message: String, _ span: Span, hints: [String] = []) -> Diagnostic {
        Diagnostic(code, message, at: span, in: file, hints: hints)
    }

    func preview(_ v: Value) -> String { Preview.of(v, corpus: corpus) }

    /// Counts a step; every 4096 steps checks cancellation, the deadline and the step limit.
    @inline(__always)
    func tick(_ span: Span) throws {
        try step(span)
        if stack.exhausted() {
            throw fail(.limitReached, "the query nests too deeply: expressions inside function calls inside expressions", span,
                       hints: ["split it with let, or call fewer functions inside each other"])
        }
    }

    /// Counts a step of a loop that does not go deeper into the stack: ``tick(_:)`` without the check of
    /// the stack's depth.
    @inline(__always)
    func step(_ span: Span) throws {
        steps &+= 1
        if steps & 4095 == 0 { try checkpoint(span) }
    }

    /// Counts work done outside the evaluator (the regex engine's progress reports) and checks the limits.
    func spend(_ n: Int, _ span: Span) throws {
        steps &+= n
        try checkpoint(span)
    }

    func checkpoint(_ span: Span) throws {
        if let cancel, cancel.isCancelled {
            throw fail(.interrupted, "interrupted", span)
        }
        if steps > limits.maxSteps {
            throw fail(.limitReached, "the query took more than \(limits.maxSteps) steps", span,
                       hints: ["narrow it with where or take, or raise the step limit"])
        }
        if let deadline, ContinuousClock.now > deadline {
            throw fail(.limitReached, "the query ran longer than the time limit", span)
        }
        memoryCountdown -= 1
        if memoryCountdown <= 0 { try checkMemory(span) }
    }

    /// Stops the query (E402) if the process uses more memory than the limit (MemoryLimit.swift).
    func checkMemory(_ span: Span) throws {
        memoryCountdown = 4
        guard let limit = limits.maxMemoryBytes, let used = MemoryUse.current(), used > limit else { return }
        // Memory freed by earlier queries may still be held by the allocator: given back, then read again.
        guard let after = MemoryUse.afterReturningFreedMemory(), after > limit else { return }
        throw memoryExceeded(after, limit, span)
    }

    /// The checks of ``checkpoint(_:)`` that read nothing another thread writes: cancellation, the time
    /// limit, and `steps` (counted by the caller) against the step limit. For work split over cores.
    func checkpointFromAnotherThread(_ span: Span, steps: Int) throws {
        if let cancel, cancel.isCancelled { throw fail(.interrupted, "interrupted", span) }
        if self.steps + steps > limits.maxSteps {
            throw fail(.limitReached, "the query took more than \(limits.maxSteps) steps", span,
                       hints: ["narrow it with where or take, or raise the step limit"])
        }
        if let deadline, ContinuousClock.now > deadline { throw fail(.limitReached, "the query ran longer than the time limit", span) }
    }

    func checkRows(_ n: Int, _ span: Span, _ what: String) throws {
        if n > limits.maxRows {
            throw fail(.limitReached, "\(what) would hold more than \(limits.maxRows) rows", span,
                       hints: ["filter the rows first, or raise the row limit"])
        }
    }

    // MARK: Statements

    /// Runs the statements of a program in order; stops at the first error.
    func run(_ program: Program, file: SourceFile, onOutput: (StatementOutput) -> Void) throws {
        let saved = self.file
        self.file = file
        defer { self.file = saved }
        stack = StackGuard.current()
        for st in program.statements {
            steps = 0
            deadline = limits.timeout.map { ContinuousClock.now + $0 }
            try checkpoint(st.span)
            try execute(st, onOutput: onOutput)
        }
    }

    func execute(_ st: Statement, onOutput: (StatementOutput) -> Void) throws {
        switch st.kind {
        case let .let(name, e):
            let v = try eval(e, .top)
            try checkNesting(v, e.span)
            globals[name.name] = v
        case let .def(name, params, body):
            userFunctions[name.name] = UserFunction(params: params.map(\.name), body: body, file: file, plans: plans)
        case let .assert(cond, message):
            let v = try eval(cond, .top)
            guard case .bool(true) = v else {
                var text = "assertion failed"
                if let message {
                    let m = try eval(message, .top)
                    text += ": " + Preview.text(m, corpus: corpus, quoteStrings: false)
                }
                let got: String
                if case .bool(false) = v { got = "the condition is false" }
                else if v.isNull { got = "the condition is null, not true" }
                else { got = "the condition is \(v.typeName) \(preview(v)), not true" }
                throw fail(.assertionFailed, text, cond.span, hints: [got])
            }
        case let .print(e):
            let v = try eval(e, .top)
            try checkOutputText(v, st.span)
            if case let .table(t) = v { onOutput(.table(t, st.span)) }
            else { onOutput(.printed(Preview.text(v, corpus: corpus, quoteStrings: false), st.span)) }
        case let .import(path, span):
            try runImport(path, span)
        case let .explain(e):
            onOutput(.printed(explain(e), st.span))
        case let .query(e):
            let v = try eval(e, .top)
            if case let .table(t) = v {
                if t.rows.count > limits.maxOutputRows {
                    throw fail(.limitReached, "the query returns \(t.rows.count) rows, more than the output limit of \(limits.maxOutputRows)",
                               st.span, hints: ["add | take N, or summarize"])
                }
                try checkOutputText(v, st.span)
                onOutput(.table(t, st.span))
            } else {
                try checkOutputText(v, st.span)
                onOutput(.value(v, st.span))
            }
        }
    }

    /// The plan of a query as `explain` prints it (a query that is not a pipeline is a value).
    func explain(_ e: Expr) -> String {
        guard case let .pipeline(source, stages, span) = e else {
            return PlanPrinter.calls(e) { name in
                userFunctions[name].map { ($0.body, PlanPrinter(plans: $0.plans, file: $0.file)) }
            }
        }
        return PlanPrinter(plans: plans, file: file).render(planFor(source, stages, span))
    }

    private func runImport(_ path: String, _ span: Span) throws {
        let imported: ImportResolver.Imported
        switch imports.resolve(path, from: file, at: span, limits: limits) {
        case let .failure(failure): throw failure.diagnostics.first(where: { $0.severity == .error }) ?? failure.diagnostics[0]
        case let .success(i): imported = i
        }
        imports.enter(file.name)
        defer { imports.leave() }
        let saved = file
        file = imported.file
        defer { file = saved }
        // An imported file contributes its definitions; its queries run (asserts included) but show nothing.
        for st in imported.program.statements { try execute(st) { _ in } }
    }

    // MARK: Expressions

    func eval(_ e: Expr, _ env: Env) throws -> Value {
        try tick(e.span)
        switch e {
        case let .literal(l, _):
            return l.value
        case let .name(n, span):
            return try lookup(n, span, env)
        case let .field(base, name, span):
            let b = try eval(base, env)
            return try field(b, name.name, span)
        case let .index(base, index, span):
            return try subscripted(try eval(base, env), try eval(index, env), span)
        case let .call(name, args, span):
            return try call(name, args, span, env)
        case let .unary(op, x, span):
            let v = try eval(x, env)
            switch op {
            case .not:
                switch v {
                case let .bool(b): return .bool(!b)
                case .null: return .null
                default: throw fail(.wrongType, "'not' needs a bool, got \(v.typeName) \(preview(v))", span)
                }
            case .negate:
                switch v {
                case let .int(i):
                    guard i != Int64.min else { throw fail(.integerOverflow, "integer overflow", span) }
                    return .int(-i)
                case let .float(f): return .float(-f)
                case .null: return .null
                default: throw fail(.wrongType, "'-' needs a number, got \(v.typeName) \(preview(v))", span)
                }
            }
        case let .binary(op, l, r, span):
            return try binary(op, l, r, span, env)
        case let .list(items, _):
            return .list(try items.map { try eval($0, env) })
        case let .record(fs, _):
            return .record(Record(keys: fs.map(\.name.name), values: try fs.map { try eval($0.value, env) }))
        case let .pipeline(source, stages, span):
            return .table(try runPipeline(source, stages, span, env))
        }
    }

    /// A value used as the source of a pipeline: a table as it is, a list as rows.
    func tableValue(_ v: Value, _ span: Span) throws -> Table {
        switch v {
        case let .table(t): return t
        case let .list(l):
            if let kind = l.first.flatMap(fields.referenceKind), l.allSatisfy({ fields.referenceKind($0) == kind }) {
                return Table(rows: l, columns: FieldCatalog.columns(of: kind))
            }
            if case let .record(r)? = l.first { return Table(rows: l, columns: r.keys) }
            return Table(rows: l, columns: ["value"])
        case .document, .entity, .mention, .fact:
            return Table(rows: [v], columns: FieldCatalog.columns(of: fields.referenceKind(v)!))
        default:
            throw fail(.wrongInput, "a pipeline needs a table or a list to start from, got \(v.typeName) \(preview(v))", span,
                       hints: ["start with docs, entities, mentions or facts"])
        }
    }

    func lookup(_ n: String, _ span: Span, _ env: Env) throws -> Value {
        if !env.locals.isEmpty, let v = env.locals[n] { return v }
        if let row = env.row, let v = fields.field(row, n) { return v }
        if let v = globals[n] { return v }
        switch n {
        case "docs":
            return .table(Table(rows: (0..<corpus.documents.count).map(Value.document), columns: FieldCatalog.columns(of: .document)))
        case "entities":
            return .table(Table(rows: (0..<corpus.entities.count).map(Value.entity), columns: FieldCatalog.columns(of: .entity)))
        case "mentions":
            return .table(Table(rows: (0..<corpus.mentions.count).map(Value.mention), columns: FieldCatalog.columns(of: .mention)))
        case "facts": return .table(Table(rows: (0..<corpus.facts.count).map(Value.fact), columns: FieldCatalog.columns(of: .fact)))
        default: break
        }
        var candidates = Array(env.locals.keys) + Array(globals.keys) + ["docs", "entities", "mentions", "facts"]
        if let row = env.row { candidates += fields.fieldNames(row) }
        throw fail(.unknownName, "unknown name '\(n)'", span, hints: [Suggestions.hint(for: n, in: candidates)].compactMap { $0 })
    }

    func field(_ b: Value, _ name: String, _ span: Span) throws -> Value {
        if b.isNull { return .null }
        if let v = fields.field(b, name) { return v }
        if case let .list(items) = b {
            // A field of a list is the list of that field of its items (m.docs.title).
            return .list(try items.map { try field($0, name, span) })
        }
        let names = fields.fieldNames(b)
        if names.isEmpty {
            throw fail(.unknownField, "\(b.typeName) \(preview(b)) has no fields", span)
        }
        throw fail(.unknownField, "\(b.typeName) has no field '\(name)'", span,
                   hints: [Suggestions.hint(for: name, in: names) ?? "fields: " + names.joined(separator: ", ")])
    }

    private func subscripted(_ b: Value, _ i: Value, _ span: Span) throws -> Value {
        switch (b, i) {
        case (.null, _), (_, .null): return .null
        case let (.list(l), .int(k)):
            let idx = k < 0 ? Int64(l.count) + k : k
            return idx >= 0 && idx < Int64(l.count) ? l[Int(idx)] : .null
        case let (.table(t), .int(k)):
            let idx = k < 0 ? Int64(t.rows.count) + k : k
            return idx >= 0 && idx < Int64(t.rows.count) ? t.rows[Int(idx)] : .null
        case let (.string(s), .int(k)):
            let chars = Array(s)
            let idx = k < 0 ? Int64(chars.count) + k : k
            return idx >= 0 && idx < Int64(chars.count) ? .string(String(chars[Int(idx)])) : .null
        case let (_, .string(name)):
            return try field(b, name, span)
        default:
            throw fail(.wrongType, "cannot index \(b.typeName) with \(i.typeName)", span)
        }
    }

    // MARK: Calls

    func call(_ name: Identifier, _ args: [Expr], _ span: Span, _ env: Env) throws -> Value {
        if let results = env.aggregates, Aggregates.named[name.name] != nil, userFunctions[name.name] == nil {
            if let v = results[Interpreter.siteKey(span, file)] { return v }
        }
        switch name.name {
        case "if":
            guard args.count == 3 else { throw arity(name, 3, 3, args.count, span) }
            let c = try eval(args[0], env)
            if case .bool(true) = c { return try eval(args[1], env) }
            return try eval(args[2], env)
        case "coalesce":
            for a in args {
                let v = try eval(a, env)
                if !v.isNull { return v }
            }
            return .null
        default: break
        }
        if let f = userFunctions[name.name] {
            guard args.count == f.params.count else { throw arity(name, f.params.count, f.params.count, args.count, span) }
            callDepth += 1
            defer { callDepth -= 1 }
            if callDepth > limits.maxDepth { throw fail(.limitReached, "calls nest more than \(limits.maxDepth) deep", span) }
            var locals: [String: Value] = [:]
            for (p, a) in zip(f.params, args) { locals[p] = try eval(a, env) }
            let result: Value
            do {
                let saved = (file, plans)
                (file, plans) = (f.file, f.plans)
                defer { (file, plans) = saved }
                result = try eval(f.body, Env(row: env.row, locals: locals, aggregates: env.aggregates))
            }
            try checkNesting(result, span)
            return result
        }
        if let f = functions[name.name] {
            guard args.count >= f.minArgs && args.count <= f.maxArgs else {
                throw arity(name, f.minArgs, f.maxArgs, args.count, span)
            }
            let values = try args.map { try eval($0, env) }
            let ctx = FunctionContext(corpus: corpus, fields: fields, span: span, file: file, limits: limits)
            let v = try f.body(values, ctx)
            // A function's work can grow with the size of a text (len, lower, replace on a 50 MB page): after
            // one that read a large text, cancellation and the time limit are checked at once.
            if values.contains(where: { if case let .string(s) = $0 { return s.utf8.count > 1 << 20 } else { return false } }) {
                try checkpoint(span)
            }
            // NaN is never a value (it would not equal itself, order or group): see Value.notANumber.
            if case let .float(x) = v, x.isNaN { throw Value.notANumber("'\(name.name)(...)'", span, file) }
            if case let .string(s) = v { try noteAllocation(s.utf8.count, span) }
            return v
        }
        if Aggregates.named[name.name] != nil {
            throw fail(.aggregateOutsideSummarize, "'\(name.name)' is an aggregate: use it in summarize", name.span,
                       hints: ["... | summarize \(name.name)(...) by ..."])
        }
        let known = Array(functions.functions.keys) + Array(userFunctions.keys) + ["if", "coalesce"]
        throw fail(.unknownFunction, "unknown function '\(name.name)'", name.span,
                   hints: [Suggestions.hint(for: name.name, in: known)].compactMap { $0 })
    }

    /// Whether an expression has the same value on every row (``RowInvariance``).
    func isRowInvariant(_ e: Expr) -> Bool {
        RowInvariance.holds(e, functions: functions, userFunctions: Set(userFunctions.keys))
    }

    func arity(_ name: Identifier, _ lo: Int, _ hi: Int, _ got: Int, _ span: Span) -> Diagnostic {
        let sig = functions[name.name]?.signature ?? FunctionRegistry.special[name.name]?.signature
        return Diagnostic.arity(name.name, lo, hi, got: got, at: span, in: file, signature: sig)
    }
}
