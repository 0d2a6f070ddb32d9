// libFuzzer harness (b): checker and evaluator. Each input is query text compiled and run in a fresh
// Session over the seeds corpus with tight limits; every result is rendered in every output format, and
// the completer is asked for candidates at the end of the text. Limits and imports: `FuzzEngineOptions`.
// Built normally it is a reproducer:
// `EngineFuzz FILE...`.
import Foundation
import FuzzDriver
@_spi(MQInternals) import QueryLang

enum EngineHarness {
    static let engine = Engine(corpus: FuzzFiles.seedsCorpus(), options: FuzzEngineOptions.make(timeout: .seconds(1)))

    static let completer = Completer(corpus: engine.corpus, metaCommands: [".mode": .mode, ".read": .file, ".help": .topic])

    /// Loads what every input shares before libFuzzer starts counting allocations.
    static func prepare() {
        _ = engine
        _ = completer
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        let session = engine.makeSession()
        var outputs: [StatementOutput] = []
        do {
            let compiled = try engine.compile(text, file: "<fuzz>", in: session)
            try session.run(compiled) { outputs.append($0) }
        } catch {
            _ = DiagnosticRenderer().render(error.items)
            _ = DiagnosticRenderer().json(error.items)
        }
        for out in outputs {
            for format in OutputFormat.allCases {
                _ = format.render(out, corpus: engine.corpus, options: .init(width: 80, maxRows: 50))
            }
        }
        _ = completer.complete(text, variables: Array(session.variableTypes.keys), functions: Array(session.functionArity.keys))
    }
}

@main
struct EngineFuzzMain {
    static func main() { FuzzDriver.main(prepare: EngineHarness.prepare, run: EngineHarness.run) }
}
