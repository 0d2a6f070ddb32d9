import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

/// Opens the interactive session: loads the corpus (with a progress line on stderr if that takes more
/// than a second), then runs the REPL until Ctrl-D or .quit.
enum REPLLauncher {
    static func start(options: CommonOptions) throws {
        let corpus = try CorpusSource.load(options.corpus, progress: true)
        var output: OutputFile? = nil
        if let path = options.output {
            do { output = try OutputFile(path: path, overwrite: options.force) } catch {
                printError("mq: \(error)")
                throw ExitCode(2)
            }
        }
        let connection = try options.engineURL.map { try PostgresEngine.connect($0, corpus: corpus) }
        let session = REPLSession(corpus: corpus, mode: options.format.value, output: output,
                                  parameters: (try? options.parameters()) ?? [:], maxMemory: options.maxMemory.bytes,
                                  sql: connection.map { c in { SQLRunner(engine: $0, connection: c) } })
        session.exactCells = options.exactCells
        session.run()
    }
}
