// libFuzzer harness (b): checker and evaluator. Each input is query text compiled and run in a fresh
// Session over the seeds corpus with tight limits; every result is rendered in every output format, and
// the completer is asked for candidates at the end of the text. Imports are served from memory (two
// files that import each other, so cycles are reachable). Built normally it is a reproducer:
// `EngineFuzz FILE...`.
import Foundation
import FuzzDriver
@_spi(MQInternals) import QueryLang

struct MemoryImports: ImportLoader {
    static let files: [String: String] = [
        "common.mq": "import \"other.mq\"\ndef big(x) = x.mention_count > 10\nlet groups = entities | where type == \"armed_group\"\n",
        "other.mq": "import \"common.mq\"\nlet n = 1\n",
        "self.mq": "import \"self.mq\"\n",
        "lib.mq": "def twice(x) = x * 2\nlet kh = ent(\"kataib-hezbollah\")\n",
    ]
    func load(_ path: String, from: String) throws -> (name: String, text: String) {
        guard let text = MemoryImports.files[path] else { throw CocoaError(.fileNoSuchFile) }
        return (path, text)
    }
}

enum EngineHarness {
    static let corpusPath: String = {
        if let p = ProcessInfo.processInfo.environment["MQ_FUZZ_CORPUS"] { return p }
        // Fuzz/EngineFuzz/EngineFuzz.swift -> the repository root -> seeds
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
    }()

    static let engine: Engine = {
        let corpus: Corpus
        do { corpus = try Corpus.load(directory: corpusPath) } catch { fatalError("cannot load \(corpusPath):\n\(error)") }
        var options = EngineOptions()
        options.limits.maxSteps = 200_000
        options.limits.maxRows = 10_000
        options.limits.maxOutputRows = 10_000
        options.limits.timeout = .seconds(1)
        options.limits.maxStringBytes = 1 << 20
        options.importLoader = MemoryImports()
        return Engine(corpus: corpus, options: options)
    }()

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
