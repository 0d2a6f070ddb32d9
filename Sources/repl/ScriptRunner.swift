import ArgumentParser
import Foundation
import MQPostgres
import QueryLang

/// Runs scripts for `mq run`, `mq -c` and piped input: loads the corpus, compiles each script, runs it,
/// prints its outputs, and returns the exit status (0, or 1 at the first error or failed assert).
struct ScriptRunner {
    let corpus: Corpus
    let engine: Engine
    let options: CommonOptions
    /// The PostgreSQL server queries run on (--engine), or nil to run them in memory.
    let sql: SQLRunner?

    init(options: CommonOptions) throws {
        self.options = options
        let corpus = try CorpusCommand.load(options.corpus)
        let engine = Engine.commandLine(corpus: corpus)
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
        case .json: printError(DiagnosticRenderer().json(diagnostics))
        case .human: printError(DiagnosticRenderer(color: Terminal.colorOnStderr).render(diagnostics))
        }
    }

    /// Runs each source in order in one session; stops at the first error.
    func run(sources: [(name: String, text: String)]) -> Int32 {
        let session = engine.makeSession()
        let out = FileHandle.standardOutput
        for (name, text) in sources {
            do {
                let compiled = try engine.compile(text, file: name, in: session)
                if !compiled.warnings.isEmpty { report(compiled.warnings) }
                let show = { (output: StatementOutput) in
                    out.write(Data(options.format.value.render(output, corpus: corpus).utf8))
                }
                if let sql {
                    try sql.run(compiled, onOutput: show)
                    // Later sources see the names this one defines, as in memory.
                    _ = engine.check(engine.parse(text, file: name), in: session, remember: true)
                } else {
                    try session.run(compiled, onOutput: show)
                }
            } catch {
                report(error.items)
                return 1
            }
        }
        return 0
    }
}

enum Terminal {
    static var noColor: Bool { ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false }
    static var colorOnStderr: Bool { isatty(STDERR_FILENO) != 0 && !noColor }
    static var colorOnStdout: Bool { isatty(STDOUT_FILENO) != 0 && !noColor }
}

extension Engine {
    /// The engine of the command line: the user's own scripts may import any file they can read.
    static func commandLine(corpus: Corpus) -> Engine {
        var options = EngineOptions()
        options.importLoader = FileImportLoader(allowedRoots: ["/"])
        return Engine(corpus: corpus, options: options)
    }
}
