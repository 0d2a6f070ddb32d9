/// A connection to a database that answers SQL with rows of text (NULL as nil). The host supplies it
/// (the `mq` tool's is libpq's); the library itself links no database client.
@_spi(MQInternals) public protocol SQLConnection: AnyObject {
    func query(_ sql: String) throws -> [[String?]]
    /// A statement with bind parameters `$1`, `$2`, ... whose values are given in PostgreSQL's text form.
    func query(_ sql: String, parameters: [String]) throws -> [[String?]]
}

extension SQLConnection {
    /// For a connection without bind parameters: statements that use none.
    @_spi(MQInternals) public func query(_ sql: String, parameters: [String]) throws -> [[String?]] {
        guard parameters.isEmpty else { throw SQLConnectionError("this connection cannot send bind parameters") }
        return try query(sql)
    }
}

/// A failure the server or the connection reports.
@_spi(MQInternals) public struct SQLConnectionError: Error, CustomStringConvertible {
    @_spi(MQInternals) public let message: String
    @_spi(MQInternals) public init(_ message: String) { self.message = message }
    @_spi(MQInternals) public var description: String { message }
}

/// Runs compiled programs on a SQL server instead of in memory: each query's plan compiled to one
/// statement (``SQLCompiler``), run there, its rows read back into the values the renderers show.
/// Statements that only define names in memory (`let`, `def`, `assert`, `import`) are refused (E420).
/// One runner is one session: tables defined with `let` and variables stay for later programs (the
/// REPL's next line, the next script of `mq run`).
@_spi(MQInternals) public final class SQLRunner {
    @_spi(MQInternals) public let engine: Engine
    @_spi(MQInternals) public let connection: SQLConnection
    /// Evaluates what reads nothing of the corpus, and holds the variables.
    let interpreter: Interpreter
    /// Tables defined with `let name = query`, compiled.
    var tables: [String: SQLRelation] = [:]
    /// Numbers the aliases and hidden columns across programs (a stored table's are never reused).
    var counter = 0
    /// The bind parameters' values across programs (a stored table's placeholders refer to them).
    var bindings: [SQLBinding] = []
    /// The number of partitions of the server's large tables (a sharded coordinator's; 0 on one server).
    let partitions: Int

    @_spi(MQInternals) public init(engine: Engine, connection: SQLConnection) {
        self.engine = engine
        self.connection = connection
        interpreter = Interpreter(corpus: engine.corpus, limits: engine.options.limits, functions: engine.options.functions,
                                  importLoader: nil)
        partitions = SQLShardedAggregate.partitions(connection) ?? 0
    }

    private func compiler(_ compiled: CompiledProgram) -> SQLCompiler {
        let c = SQLCompiler(engine: engine, compiled: compiled, interpreter: interpreter)
        c.tables = tables
        c.counter = counter
        c.bindings = bindings
        c.partitions = partitions
        return c
    }

    /// The SQL of each query of a program, as `explain` shows it with a SQL engine (for a server of one
    /// partition per table unless `partitions` says otherwise: a sharded coordinator's statements differ).
    @_spi(MQInternals) public static func explain(engine: Engine, _ compiled: CompiledProgram, partitions: Int = 0) throws(Diagnostics) -> String {
        let c = SQLCompiler(engine: engine, compiled: compiled)
        c.partitions = partitions
        return try explain(c, compiled)
    }

    /// The SQL of each query of a program, with the tables and variables this session defined.
    @_spi(MQInternals) public func explain(_ compiled: CompiledProgram) throws(Diagnostics) -> String {
        try Self.explain(compiler(compiled), compiled)
    }

    private static func explain(_ compiler: SQLCompiler, _ compiled: CompiledProgram) throws(Diagnostics) -> String {
        var blocks: [String] = []
        for st in compiled.program.statements {
            switch st.kind {
            case let .query(e), let .print(e), let .explain(e):
                if let split = try compiler.hybrid(e) { blocks.append(split.explained) } else { blocks.append(try compiler.query(e).explained) }
            case let .let(name, e):
                if case .pipeline = e { compiler.tables[name.name] = try compiler.table(e) }
            default: continue
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Whether a `let` defines a table that later queries can read: a query on the corpus.
    private func isTable(_ e: Expr, _ compiler: SQLCompiler) -> Bool {
        switch e {
        case .pipeline: return true
        case let .name(n, _): return compiler.tables[n] != nil || FieldCatalog.sources.contains { $0.name == n }
        default: return false
        }
    }

    /// Runs a program; `parameters` are the session's run parameters (`$name`, by name without the `$`),
    /// sent as bind parameters.
    @_spi(MQInternals) public func run(_ compiled: CompiledProgram, parameters: [String: Value] = [:],
                    onOutput: (StatementOutput) -> Void) throws(Diagnostics) {
        for (name, value) in parameters { interpreter.globals["$" + name] = value }
        let compiler = self.compiler(compiled)
        compiler.interpreter.plans = compiled.plans
        defer {
            tables = compiler.tables
            counter = compiler.counter
            bindings = compiler.bindings
        }
        let limit = engine.options.limits.maxOutputRows
        // The time limit per statement holds on the server too.
        if let t = engine.options.limits.timeout {
            let ms = max(1, Int(t.components.seconds) * 1000 + Int(t.components.attoseconds / 1_000_000_000_000_000))
            _ = try? connection.query("SET statement_timeout = \(ms)")
        }
        for st in compiled.program.statements {
            switch st.kind {
            case let .query(e) where isTable(e, compiler), let .print(e) where isTable(e, compiler):
                if let split = try compiler.hybrid(e) {
                    let t = try runHybrid(split, compiler, e, st.span, compiled.file)
                    onOutput(.table(t, st.span))
                    continue
                }
                let q = try compiler.query(e)
                let rows: [[String?]]
                do { rows = try connection.query(q.sql, parameters: q.parameters) } catch {
                    if "\(error)".contains("statement timeout") {
                        throw Diagnostics([Diagnostic(.limitReached, "the query ran longer than the time limit", at: st.span, in: compiled.file)])
                    }
                    throw Diagnostics([Diagnostic(.serverError, "PostgreSQL: \(error)", at: e.span, in: compiled.file)])
                }
                if rows.count > limit {
                    throw Diagnostics([Diagnostic(.limitReached, "the query returns more than the output limit of \(limit) rows", at: st.span,
                                                  in: compiled.file, hints: ["add | take N, or summarize"])])
                }
                do { onOutput(.table(try compiler.rendered(try q.table(rows), e), st.span)) } catch let d as Diagnostic {
                    throw Diagnostics([d])
                } catch {
                    throw Diagnostics([Diagnostic(.serverError, "PostgreSQL: \(error)", at: e.span, in: compiled.file)])
                }
            case let .explain(e):
                if let split = try compiler.hybrid(e) { onOutput(.printed(split.explained, st.span)) } else {
                    onOutput(.printed(try compiler.query(e).explained, st.span))
                }
            case let .let(name, e) where isTable(e, compiler):
                // Checked now (a query that cannot be compiled fails here), run where it is read.
                compiler.tables[name.name] = try compiler.table(e)
            default:
                // Statements that read nothing of the corpus (constants, variables, functions, asserts on
                // them) run in memory; the others cannot run anywhere but on the server.
                if let e = Self.expression(st), compiler.readsCorpus(e) {
                    throw Diagnostics([Diagnostic(.noSQLForm, "this statement cannot run on PostgreSQL: only queries on the corpus run there, and this one reads the corpus outside a query",
                                                  at: st.span, in: compiled.file, hints: ["run it in memory (without --engine)"])])
                }
                if case .import = st.kind {
                    throw Diagnostics([Diagnostic(.noSQLForm, "imports cannot run on PostgreSQL", at: st.span, in: compiled.file)])
                }
                do {
                    compiler.interpreter.file = compiled.file
                    try compiler.interpreter.execute(st, onOutput: onOutput)
                } catch let d as Diagnostic { throw Diagnostics([d]) } catch {
                    throw Diagnostics([Diagnostic(.internalError, "\(error)", at: st.span, in: compiled.file)])
                }
            }
        }
    }

    /// The expression a statement evaluates (for `def`, its body; for `assert`, the condition and message).
    private static func expression(_ st: Statement) -> Expr? {
        switch st.kind {
        case let .let(_, e), let .query(e), let .print(e), let .explain(e), let .def(_, _, e): return e
        case let .assert(c, m): return m.map { .list([c, $0], c.span) } ?? c
        case .import: return nil
        }
    }
}
