import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

/// `mq explain`: the plan of each query of a script (or of `-c`), after the rewrite passes, with the
/// access paths chosen; nothing is run.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain",
        abstract: "Print the plan of each query (after the rewrite passes) without running it.")
    @OptionGroup var common: CommonOptions
    @Option(name: [.customShort("q"), .long], help: "A query to explain.") var query: String?
    @Argument(help: "Script files.") var files: [String] = []

    func run() throws {
        var sources: [(String, String)] = query.map { [("<command>", $0)] } ?? []
        for f in files {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
                printError("mq: cannot read \(f)")
                throw ExitCode(2)
            }
            sources.append((f, text))
        }
        guard !sources.isEmpty else {
            printError("mq explain: give a query with -q or script files")
            throw ExitCode(2)
        }
        let corpus = try CorpusSource.load(common.corpus)
        let engine = Engine.commandLine(corpus: corpus)
        let session = engine.makeSession()
        // With a SQL engine, the server's layout (a sharded coordinator's statements differ).
        let partitions = try common.engineURL.map { try SQLShardedAggregate.partitions(PostgresEngine.connect($0, corpus: corpus)) ?? 0 }
        var blocks: [String] = []
        for (name, text) in sources {
            do {
                let compiled = try engine.compile(text, file: name, in: session)
                // With a SQL engine, the statement each query becomes.
                let plans = common.engineURL == nil ? engine.explain(compiled) : try SQLRunner.explain(engine: engine, compiled, partitions: partitions ?? 0)
                if !plans.isEmpty { blocks.append(plans) }
                // Later files see the names this one defines, as `mq run` would.
                _ = engine.check(engine.parse(text, file: name), in: session, remember: true)
            } catch {
                switch common.errorFormat {
                case .json: print(DiagnosticRenderer().json(error.items))
                case .human: printError(DiagnosticRenderer(color: Terminal.colorOnStderr).render(error.items))
                }
                throw ExitCode(1)
            }
        }
        print(blocks.joined(separator: "\n\n"))
    }
}
