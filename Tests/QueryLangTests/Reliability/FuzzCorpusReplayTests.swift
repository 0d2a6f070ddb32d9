import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang
import FuzzDriver

/// Replays the fuzzing seeds (Fuzz/corpus/) through what the harnesses do, in the normal test suite: an
/// input the fuzzers once crashed on is added there (with a test of its own here or beside it), so that it
/// keeps being checked without libFuzzer.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
    static func files(_ harness: String) -> [String] {
        let dir = Paths.root.appendingPathComponent("Fuzz/corpus/\(harness)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
    }

    static let engine: Engine = {
        Engine(corpus: Seeds.corpus, options: FuzzEngineOptions.make(timeout: .seconds(5)))
    }()

    @Test func thereAreSeeds() {
        #expect(Self.files("parser").count >= 30)
        #expect(Self.files("engine").count >= 30)
        #expect(Self.files("catalog").count >= 30)
    }

    @Test("query seeds parse, format, check, run and render", arguments: files("parser") + files("engine"))
    func querySeed(_ path: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let (program, diagnostics) = Parser.parse(text)
        _ = DiagnosticRenderer().render(diagnostics)
        _ = Formatter().format(program)
        _ = Parser.isComplete(text)
        let session = Self.engine.makeSession()
        do {
            for out in try session.run(text) {
                for format in OutputFormat.allCases {
                    _ = format.render(out, corpus: Self.engine.corpus, options: .init(width: 80, maxRows: 50))
                }
            }
        } catch {
            _ = DiagnosticRenderer().json(error.items)
        }
        _ = Completer(corpus: Self.engine.corpus).complete(text)
    }

    static let targets = ["catalog/entities.yaml", "documents/a.yaml", "facts/facts.yaml", "corpus.yaml",
                          "documents.tsv", "documents/a.txt", "catalog/extra.yaml", "documents/b.txt"]

    @Test("corpus seeds load or report problems", arguments: files("catalog"))
    func corpusSeed(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard let selector = bytes.first else { return }
        let c = try TemporaryCorpus()
        try c.write(Self.targets[Int(selector) % Self.targets.count], bytes: Array(bytes.dropFirst()))
        do {
            let corpus = try Corpus.load(directory: c.path)
            _ = CorpusStats(corpus: corpus).render()
            let session = Engine(corpus: corpus).makeSession()
            for q in ["mentions | cooccur all", "docs | kwic \"Hezbollah\"", "entities | timeline", "facts | select id, object, source"] {
                if let outs = try? session.run(q) { for out in outs { _ = OutputFormat.table.render(out, corpus: corpus) } }
            }
        } catch {
            #expect(!error.problems.isEmpty)
        }
    }
}
