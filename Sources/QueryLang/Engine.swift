import Foundation

/// The embedding API of mq: parse -> check -> plan -> run, over a corpus the host supplies.
///
/// ```swift
/// let corpus = try Corpus.load(directory: "seeds")
/// let engine = Engine(corpus: corpus)
/// let session = engine.makeSession()
/// let outputs = try session.run("entities | where type == \"armed_group\" | count")
/// ```
/// Safe by default: a query reads only the corpus. Imports need an ``ImportLoader`` from the host;
/// ``Limits`` bound steps, rows, output, depth, regex size and time; a ``CancellationToken`` stops a run
/// from another thread.
public struct EngineOptions: Sendable {
    /// Bounds on each statement (steps, rows, time, ...).
    public var limits = Limits()
    /// Reads imported files; nil refuses every import.
    public var importLoader: ImportLoader? = nil
    /// Built-in functions plus any the host registers.
    public var functions = FunctionRegistry()
    /// Whether plans may run parts of queries on the columnar executor (batches of typed vectors). Off,
    /// every query runs on the row executor: the same answers, for comparison and diagnosis.
    public var columnarExecutor = true

    /// The defaults: default limits, no imports, the built-in functions, the columnar executor on.
    public init() {}
}

/// A parsed program with the syntax diagnostics found in it.
public struct ParsedProgram: Sendable {
    /// The syntax tree.
    @_spi(MQInternals) public let program: Program
    /// The query text, for spans and diagnostics.
    public let file: SourceFile
    /// Syntax diagnostics (an error means the program cannot be checked or run).
    public let diagnostics: [Diagnostic]
}

/// A program that parsed and checked without errors, ready to run (any number of times).
public struct CompiledProgram: Sendable {
    /// The syntax tree.
    @_spi(MQInternals) public let program: Program
    /// The query text, for spans and diagnostics.
    public let file: SourceFile
    /// Warnings found by the checker.
    public let warnings: [Diagnostic]
    /// The plan of every pipeline, after the passes.
    @_spi(MQInternals) public let plans: PlanSet
}

/// The corpus and options shared by every session: immutable and `Sendable`, one per corpus.
public final class Engine: Sendable {
    /// The corpus every query reads.
    public let corpus: Corpus
    /// Limits, import loader, functions and executor choice for every session.
    public let options: EngineOptions

    /// The corpus's fields as vectors for the columnar executor, coded on first use and shared by the
    /// engine's sessions.
    let columns: CorpusColumns

    /// An engine over `corpus`; the corpus's columns for the columnar executor are coded on first use.
    public init(corpus: Corpus, options: EngineOptions = EngineOptions()) {
        self.corpus = corpus
        self.options = options
        self.columns = CorpusColumns(corpus: corpus)
    }

    /// Stage 1: text to syntax tree.
    public func parse(_ text: String, file: String = "<query>") -> ParsedProgram {
        var p = Parser(file: SourceFile(name: file, text: text), maxDepth: options.limits.maxDepth)
        let program = p.parseProgram()
        return ParsedProgram(program: program, file: p.file, diagnostics: p.diagnostics)
    }

    /// Stage 2: every problem that can be found without running (names, fields, arity, types where
    /// known, entity names, regexes), given the variables and functions a session already holds.
    /// With `remember`, the session keeps the names the program defines (for checking several files
    /// in order, as `mq check a.mq b.mq` does).
    public func check(_ parsed: ParsedProgram, in session: Session? = nil, remember: Bool = false) -> [Diagnostic] {
        checkAndPlan(parsed, in: session, remember: remember).diagnostics
    }

    /// Stage 3: the checked program with the plan of each of its pipelines (``PlanNode``), after the
    /// rewrite passes; or every error found.
    public func plan(_ parsed: ParsedProgram, in session: Session? = nil) throws(Diagnostics) -> CompiledProgram {
        if parsed.diagnostics.contains(where: { $0.severity == .error }) {
            throw Diagnostics(parsed.diagnostics.filter { $0.severity == .error })
        }
        let (all, plans) = checkAndPlan(parsed, in: session, remember: false)
        let errors = all.filter { $0.severity == .error }
        if !errors.isEmpty { throw Diagnostics(errors) }
        return CompiledProgram(program: parsed.program, file: parsed.file, warnings: all.filter { $0.severity == .warning },
                               plans: plans)
    }

    /// Stages 1 to 3 together: a program to run, or every error found.
    public func compile(_ text: String, file: String = "<query>", in session: Session? = nil) throws(Diagnostics) -> CompiledProgram {
        try plan(parse(text, file: file), in: session)
    }

    private func checkAndPlan(_ parsed: ParsedProgram, in session: Session?, remember: Bool) -> (diagnostics: [Diagnostic], plans: PlanSet) {
        var checker = Checker(corpus: corpus, functions: options.functions, file: parsed.file,
                              globals: session?.variableTypes ?? [:], userFunctions: session?.functionArity ?? [:])
        checker.imports = ImportResolver(loader: options.importLoader)
        checker.limits = session?.limits ?? options.limits
        checker.columns = options.columnarExecutor ? columns : nil
        checker.check(parsed.program)
        if remember, let session { session.declare(variables: checker.globals, functions: checker.userFunctions) }
        return (parsed.diagnostics + checker.diagnostics, checker.plans)
    }

    /// The plans of a compiled program's queries as `explain` prints them, one block per statement that
    /// runs a pipeline.
    public func explain(_ compiled: CompiledProgram) -> String {
        let printer = PlanPrinter(plans: compiled.plans, file: compiled.file)
        var blocks: [String] = []
        var bodies: [String: Expr] = [:]
        for st in compiled.program.statements {
            let e: Expr
            switch st.kind {
            case let .query(x), let .print(x), let .let(_, x), let .explain(x): e = x
            case let .def(name, _, body): bodies[name.name] = body; continue
            default: continue
            }
            guard case .pipeline = e, let plan = compiled.plans.plan(at: e.span, in: compiled.file) else {
                // A query calling functions defined here: the plans of their bodies.
                let text = PlanPrinter.calls(e) { name in bodies[name].map { ($0, printer) } }
                if text.contains("\n") { blocks.append(text) }
                continue
            }
            blocks.append(printer.render(plan))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// A session holds the variables and functions of successive statements (a REPL, a script).
    public func makeSession() -> Session { Session(engine: self) }
}

/// Variables and functions defined so far, and the evaluator that runs statements. A session is safe to
/// use from any thread or task: its runs and its names are serialised by a lock (a run waits for the one
/// before it to finish), so hand it to a detached task as it is; run several sessions over one engine in
/// parallel. `stream(_:parameters:)` and `run(_:parameters:)` (async) run on a thread of their own.
public final class Session: @unchecked Sendable {
    /// The engine (corpus, options) this session runs on.
    public let engine: Engine
    let interpreter: Interpreter
    /// Serialises the interpreter and the names below. Recursive, since `run(text)` compiles in the session.
    let lock = NSRecursiveLock()
    private var types: [String: ValueType] = [:]
    private var arity: [String: Int] = [:]
    private var params: [String: Value] = [:]

    /// Static types of the variables, for the checker and completion.
    public var variableTypes: [String: ValueType] { locked { types } }
    /// Parameter counts of the functions from `def`.
    public var functionArity: [String: Int] { locked { arity } }

    init(engine: Engine) {
        self.engine = engine
        self.interpreter = Interpreter(corpus: engine.corpus, limits: engine.options.limits,
                                       functions: engine.options.functions, importLoader: engine.options.importLoader)
    }

    func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The limits of this session (the REPL may change them).
    public var limits: Limits {
        get { locked { interpreter.limits } }
        set { locked { interpreter.limits = newValue } }
    }

    /// Stage 4: runs a compiled program; `onOutput` receives each statement's result as it is produced.
    /// Stops at the first runtime error or failed assertion.
    public func run(_ compiled: CompiledProgram, cancel: CancellationToken? = nil,
                    onOutput: (StatementOutput) -> Void) throws(Diagnostics) {
        try locked { () throws(Diagnostics) in
            try execute(compiled, cancel: cancel) {
                try interpreter.run(compiled.program, file: compiled.file, onOutput: onOutput)
            }
        }
    }

    /// Runs `drive` with the interpreter readied for `compiled` (its plans, the cancellation token),
    /// turning what it throws into ``Diagnostics`` and recording the names the program defined. The
    /// caller holds the lock.
    func execute(_ compiled: CompiledProgram, cancel: CancellationToken?, _ drive: () throws -> Void) throws(Diagnostics) {
        interpreter.cancel = cancel
        interpreter.plans = compiled.plans
        defer { interpreter.cancel = nil; interpreter.plans = nil; learn() }
        do {
            try drive()
        } catch let d as Diagnostic {
            throw Diagnostics([d])
        } catch let d as Diagnostics {
            throw d
        } catch {
            throw Diagnostics([Diagnostic(.internalError, "\(error)", at: .none, in: compiled.file)])
        }
    }

    /// Compiles and runs `text`, returning every output.
    @discardableResult
    public func run(_ text: String, file: String = "<query>", cancel: CancellationToken? = nil) throws(Diagnostics) -> [StatementOutput] {
        try locked { () throws(Diagnostics) in
            let compiled = try engine.compile(text, file: file, in: self)
            var outputs: [StatementOutput] = []
            try run(compiled, cancel: cancel) { outputs.append($0) }
            return outputs
        }
    }

    /// Names a checked (not run) program defines.
    func declare(variables: [String: ValueType], functions: [String: Int]) {
        locked {
            types.merge(variables) { _, new in new }
            arity.merge(functions) { _, new in new }
        }
    }

    /// The value of a variable defined with `let`.
    public func variable(_ name: String) -> Value? { locked { interpreter.globals[name] } }

    /// Sets a variable as `let` would (the REPL's `_`, the last result), for the statements compiled after.
    public func setVariable(_ name: String, _ value: Value) {
        locked {
            interpreter.globals[name] = value
            types[name] = ValueType.of(value)
        }
    }

    /// The parameters given by the host, by name without the `$`.
    public var parameters: [String: Value] { locked { params } }

    /// Gives the parameter `$name` a value of any type (a host passes typed values; `mq run --arg`
    /// passes strings). The checker sees it as it sees a variable; a script reads it as `$name`.
    public func setParameter(_ name: String, _ value: Value) {
        locked {
            params[name] = value
            setVariable("$" + name, value)
        }
    }

    /// Runs `body` with the parameters `given` set, then puts back what the session held before (so the
    /// parameters of one request do not stay for the next). The caller holds the lock.
    func withParameters<T, E: Error>(_ given: [String: Value], _ body: () throws(E) -> T) throws(E) -> T {
        let saved = given.keys.map { ($0, params[$0]) }
        for (name, value) in given { setParameter(name, value) }
        defer {
            for (name, old) in saved {
                if let old { setParameter(name, old) } else {
                    params[name] = nil
                    interpreter.globals["$" + name] = nil
                    types["$" + name] = nil
                }
            }
        }
        return try body()
    }

    /// Records the names a program defined (those that ran).
    private func learn() {
        for (name, value) in interpreter.globals { types[name] = ValueType.of(value) }
        for (name, f) in interpreter.userFunctions { arity[name] = f.params.count }
    }
}
