import ArgumentParser
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
        let corpus = try CorpusCommand.load(options.corpus)
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

    /// Runs each source in order in one session; stops at the first error. Each source is read with the
    /// script reader the REPL uses: blocks of statements parsed as units, and the dot-commands that make
    /// sense outside the REPL (`.mode`, `.read`) on lines of their own.
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
        var writer = ResultWriter(format: options.format.value, corpus: corpus, exact: options.exactCells, sink: sink)
        var ok = true
        for (name, text) in sources where ok {
            ok = run(text, name: name, session: session, writer: &writer, sink: sink, depth: 0)
        }
        writer.finish()
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

    private func run(_ text: String, name: String, session: Session, writer: inout ResultWriter,
                     sink: @escaping (String) -> Void, depth: Int) -> Bool {
        for unit in ScriptReader.units(text) {
            switch unit {
            case let .command(line, number):
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                let arg = parts.count > 1 ? parts[1].trimmed : ""
                let place = "\(name):\(number)"
                switch parts[0] {
                case ".mode":
                    guard let f = OutputFormat(rawValue: arg) else {
                        printError("\(place): .mode takes one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                        return false
                    }
                    if f != writer.format {
                        writer.finish()
                        writer = ResultWriter(format: f, corpus: corpus, exact: options.exactCells, sink: sink)
                    }
                case ".read", ".run":
                    guard let text = try? String(contentsOfFile: arg, encoding: .utf8) else {
                        printError("\(place): cannot read \(arg.isEmpty ? "(no file named)" : arg)")
                        return false
                    }
                    guard depth < 16 else { printError("\(place): .read nests more than 16 scripts deep; not read: \(arg)"); return false }
                    if !run(text, name: arg, session: session, writer: &writer, sink: sink, depth: depth + 1) { return false }
                default:
                    printError("\(place): \(parts[0]) works only in the interactive session; a script may use .mode and .read")
                    return false
                }
            case let .statements(statements, _):
                do {
                    let compiled = try engine.compile(statements, file: name, in: session)
                    if !compiled.warnings.isEmpty { report(compiled.warnings) }
                    if let sql {
                        try sql.run(compiled) { out in
                            if chartPath != nil, case let .table(t, _) = out { session.setVariable("_", .table(t)) }
                            writer.write(out)
                        }
                        // Later statements see the names these define, as in memory.
                        _ = engine.check(engine.parse(statements, file: name), in: session, remember: true)
                    } else {
                        try session.run(compiled) { out in
                            // The last table is kept as `_` for --chart.
                            if chartPath != nil, case let .table(t, _) = out { session.setVariable("_", .table(t)) }
                            writer.write(out)
                        }
                    }
                } catch {
                    report(error.items)
                    return false
                }
            }
        }
        return true
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
