import ArgumentParser
import CEditLine
import Foundation
@_spi(MQInternals) import MQPostgres
@_spi(MQInternals) import QueryLang

/// Runs scripts for `mq run`, `mq -c` and piped input: loads the corpus, compiles each script, runs it,
/// prints its outputs, and returns the exit status (0, or 1 at the first error or failed assert).
struct ScriptRunner {
    let corpus: Corpus
    let engine: Engine
    let options: CommonOptions
    /// `mq run --chart FILE`: the last table of the run is drawn there as a link chart.
    var chartPath: String?
    /// The PostgreSQL server queries run on (--engine), or nil to run them in memory.
    let sql: SQLRunner?

    init(options: CommonOptions) throws {
        self.options = options
        let corpus = try CorpusSource.load(options.corpus)
        let engine = Engine.commandLine(corpus: corpus, maxMemory: options.maxMemory.bytes)
        self.corpus = corpus
        self.engine = engine
        if let url = options.engineURL {
            sql = SQLRunner(engine: engine, connection: try PostgresEngine.connect(url, corpus: corpus))
        } else {
            sql = nil
        }
    }

    func report(_ diagnostics: [Diagnostic]) {
        switch options.errorFormat {
        case .json: printRendered(DiagnosticRenderer().json(diagnostics))
        case .human: printRendered(DiagnosticRenderer(color: Terminal.colorOnStderr).render(diagnostics))
        }
    }

    /// Runs each source in order in one session; stops at the first error. Each source is read by the
    /// script reader the REPL uses (``ScriptDriver``): blocks of statements parsed as units, `.read` as
    /// everywhere, and the dot-commands that make sense outside the REPL (`.mode`, `.quit`).
    func run(sources: [(name: String, text: String)]) -> Int32 {
        let session = engine.makeSession()
        for (name, value) in (try? options.parameters()) ?? [:] { session.setParameter(name, .string(value)) }
        // -o FILE: the results go to a temporary file that takes the name only when the run succeeds.
        var file: OutputFile? = nil
        if let path = options.output {
            do { file = try OutputFile(path: path, overwrite: options.force) } catch {
                printError("mq: \(error)")
                return 2
            }
        }
        let sink: (String) -> Void = file.map { f in { f.write($0) } } ?? { FileHandle.standardOutput.write(Data($0.utf8)) }
        let run = Run(runner: self, session: session, display: Self.display(toFile: file != nil), sink: sink)
        var ok = true
        for (name, text) in sources where ok && run.running {
            ok = ScriptDriver.run(text, file: name, typed: false, host: run)
        }
        run.writer.finish()
        if ok, let chartPath, let problem = ChartFile.write(session.variable("_"), corpus: corpus, to: chartPath, force: options.force) {
            printError("mq: --chart: \(problem)")
            ok = false
        }
        if let file {
            if !ok {
                file.abandon()
                printError("mq: \(file.path) not written (the run stopped at an error)")
                return 1
            }
            do { try file.commit() } catch {
                printError("mq: \(error)")
                return 1
            }
        }
        return ok ? 0 : 1
    }

    /// Tables as they always were for scripts (every row, no fixed width); charts fitted to the terminal
    /// and coloured there, else 80 columns wide without colour.
    static func display(toFile: Bool) -> TableRenderer.Options {
        var options = TableRenderer.Options()
        let columns = Int(mq_terminal_columns())
        if !toFile && isatty(STDOUT_FILENO) != 0 && columns > 0 {
            options.chart = ChartStyle(width: columns, color: Terminal.colorOnStdout)
        }
        return options
    }

    /// One run of scripts: its session and the writer its results go through.
    private final class Run: ScriptHost {
        let runner: ScriptRunner
        let session: Session
        let sink: (String) -> Void
        let display: TableRenderer.Options
        var writer: ResultWriter
        var running = true

        init(runner: ScriptRunner, session: Session, display: TableRenderer.Options, sink: @escaping (String) -> Void) {
            self.runner = runner
            self.session = session
            self.sink = sink
            self.display = display
            writer = ResultWriter(format: runner.options.format.value, corpus: runner.corpus, options: display, exact: runner.options.exactCells, sink: sink)
        }

        func runCommand(_ line: String, origin: String?) -> Bool {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let arg = parts.count > 1 ? parts[1].trimmed : ""
            let place = origin.map { $0 + ": " } ?? ""
            switch parts[0] {
            case ".mode":
                guard let f = OutputFormat(rawValue: arg) else {
                    printError("\(place).mode takes one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                    return false
                }
                if f != writer.format {
                    writer.finish()
                    writer = ResultWriter(format: f, corpus: runner.corpus, options: display, exact: runner.options.exactCells, sink: sink)
                }
            case ".quit", ".exit":
                running = false
            default:
                printError("\(place)\(parts[0]) works only in the interactive session; a script may use .mode, .read and .quit")
                return false
            }
            return true
        }

        func runStatements(_ text: String, file: String, typed: Bool) -> Bool {
            let engine = runner.engine
            // The last table is kept as `_` for --chart.
            let keepLast = runner.chartPath != nil
            do {
                let compiled = try engine.compile(text, file: file, in: session)
                if !compiled.warnings.isEmpty { runner.report(compiled.warnings) }
                let show = { [self] (out: StatementOutput) in
                    if keepLast, case let .table(t, _) = out { session.setVariable("_", .table(t)) }
                    writer.write(out)
                }
                if let sql = runner.sql {
                    try sql.run(compiled, parameters: session.parameters, onOutput: show)
                    // Later statements see the names these define, as in memory.
                    _ = engine.check(engine.parse(text, file: file), in: session, remember: true)
                } else {
                    try session.run(compiled, onOutput: show)
                }
            } catch {
                runner.report(error.items)
                return false
            }
            return true
        }
    }
}

enum Terminal {
    static var noColor: Bool { ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false }
    static var colorOnStderr: Bool { isatty(STDERR_FILENO) != 0 && !noColor }
    static var colorOnStdout: Bool { isatty(STDOUT_FILENO) != 0 && !noColor }
}

extension Engine {
    /// The engine of the command line: the user's own scripts may import any file they can read.
    static func commandLine(corpus: Corpus, maxMemory: Int? = MemoryUse.defaultLimit) -> Engine {
        var options = EngineOptions()
        options.limits.maxMemoryBytes = maxMemory
        options.importLoader = FileImportLoader(allowedRoots: ["/"])
        return Engine(corpus: corpus, options: options)
    }
}
