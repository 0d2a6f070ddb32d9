import ArgumentParser
import Foundation
import QueryLang

/// Runs scripts for `mq run`, `mq -c` and piped input: loads the corpus, compiles each script, runs it,
/// prints its outputs, and returns the exit status (0, or 1 at the first error or failed assert).
struct ScriptRunner {
    let corpus: Corpus
    let engine: Engine
    let options: CommonOptions

    init(options: CommonOptions) throws {
        self.options = options
        corpus = try CorpusCommand.load(options.corpus)
        engine = Engine.commandLine(corpus: corpus, maxMemory: options.maxMemory.bytes)
    }

    func report(_ diagnostics: [Diagnostic]) {
        switch options.errorFormat {
        case .json: printRendered(DiagnosticRenderer().json(diagnostics))
        case .human: printRendered(DiagnosticRenderer(color: Terminal.colorOnStderr).render(diagnostics))
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
                try session.run(compiled) { output in
                    out.write(Data(options.format.value.render(output, corpus: corpus, exact: options.exactCells).utf8))
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
    static func commandLine(corpus: Corpus, maxMemory: Int? = MemoryUse.defaultLimit) -> Engine {
        var options = EngineOptions()
        options.limits.maxMemoryBytes = maxMemory
        options.importLoader = FileImportLoader(allowedRoots: ["/"])
        return Engine(corpus: corpus, options: options)
    }
}
