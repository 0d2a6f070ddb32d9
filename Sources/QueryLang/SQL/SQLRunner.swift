/// A connection to a database that answers SQL with rows of text (NULL as nil). The host supplies it
/// (the `mq` tool's is libpq's); the library itself links no database client.
public protocol SQLConnection: AnyObject {
    func query(_ sql: String) throws -> [[String?]]
}

/// A failure the server or the connection reports.
public struct SQLConnectionError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Runs compiled programs on a SQL server instead of in memory: each query's plan compiled to one
/// statement (``SQLCompiler``), run there, its rows read back into the values the renderers show.
/// Statements that only define names in memory (`let`, `def`, `assert`, `import`) are refused (E420).
public struct SQLRunner {
    public let engine: Engine
    public let connection: SQLConnection

    public init(engine: Engine, connection: SQLConnection) {
        self.engine = engine
        self.connection = connection
    }

    /// The SQL of each query of a program, as `explain` shows it with a SQL engine.
    public static func explain(engine: Engine, _ compiled: CompiledProgram) throws(Diagnostics) -> String {
        let compiler = SQLCompiler(engine: engine, compiled: compiled)
        var blocks: [String] = []
        for st in compiled.program.statements {
            switch st.kind {
            case let .query(e), let .print(e), let .explain(e):
                blocks.append(try compiler.query(e).sql)
            default: continue
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    public func run(_ compiled: CompiledProgram, onOutput: (StatementOutput) -> Void) throws(Diagnostics) {
        let compiler = SQLCompiler(engine: engine, compiled: compiled)
        let limit = engine.options.limits.maxOutputRows
        for st in compiled.program.statements {
            switch st.kind {
            case let .query(e), let .print(e):
                if compiler.isConstant(e) {
                    do {
                        let v = try compiler.evaluate(e)
                        if case .print = st.kind {
                            onOutput(.printed(Preview.text(v, corpus: engine.corpus, quoteStrings: false), st.span))
                        } else {
                            onOutput(.value(v, st.span))
                        }
                    } catch let d as Diagnostic { throw Diagnostics([d]) } catch {
                        throw Diagnostics([Diagnostic("E400", "\(error)", at: e.span, in: compiled.file)])
                    }
                    continue
                }
                let q = try compiler.query(e)
                let rows: [[String?]]
                do { rows = try connection.query(q.sql) } catch {
                    throw Diagnostics([Diagnostic("E421", "PostgreSQL: \(error)", at: e.span, in: compiled.file)])
                }
                if rows.count > limit {
                    throw Diagnostics([Diagnostic("E402", "the query returns more than the output limit of \(limit) rows", at: st.span,
                                                  in: compiled.file, hints: ["add | take N, or summarize"])])
                }
                do { onOutput(.table(try q.table(rows), st.span)) } catch {
                    throw Diagnostics([Diagnostic("E421", "PostgreSQL: \(error)", at: e.span, in: compiled.file)])
                }
            case let .explain(e):
                onOutput(.printed(try compiler.query(e).sql, st.span))
            default:
                throw Diagnostics([Diagnostic("E420", "this statement cannot run on PostgreSQL: only queries can (let, def, assert and import hold values in memory)",
                                              at: st.span, in: compiled.file, hints: ["run it in memory (without --engine)"])])
            }
        }
    }
}
