// libFuzzer harness (c): the corpus loader. A tiny valid corpus (Tests/QueryLangTests/Fixtures/broken/valid)
// is copied into a temporary directory once; for each input, the first byte picks one file and the rest
// of the input becomes its content: the catalog, a sidecar, the facts, corpus.yaml, documents.tsv, a
// second catalog file, or a raw document. Then `Corpus.load`; a corpus that loads is queried (mentions,
// cooccur, kwic, timeline, stats). The file is restored afterwards. Built normally it is a reproducer:
// `CorpusFuzz FILE...`.
import Foundation
import FuzzDriver
@_spi(MQInternals) import QueryLang

enum CorpusHarness {
    static let fixture = FuzzFiles.path("Tests/QueryLangTests/Fixtures/broken/valid", unless: "MQ_FUZZ_FIXTURE")

    /// The file each selector byte replaces (or creates, when the fixture has no such file).
    static let targets = ["catalog/entities.yaml", "documents/a.yaml", "facts/facts.yaml", "corpus.yaml",
                          "documents.tsv", "documents/a.txt", "catalog/extra.yaml", "documents/b.txt"]

    static let directory: String = {
        let base = ProcessInfo.processInfo.environment["MQ_FUZZ_TMP"] ?? NSTemporaryDirectory()
        let dir = base + "/mq-corpusfuzz-\(getpid())"
        let fm = FileManager.default
        try? fm.removeItem(atPath: dir)
        do { try fm.copyItem(atPath: fixture, toPath: dir) } catch { fatalError("cannot copy \(fixture): \(error)") }
        try? fm.removeItem(atPath: dir + "/expected.txt")
        return dir
    }()

    static let originals: [String: Data] = {
        var out: [String: Data] = [:]
        for t in targets { if let d = FileManager.default.contents(atPath: directory + "/" + t) { out[t] = d } }
        return out
    }()

    static let queries = [
        "docs | select id, title, outlet, authors, published, length, sentences",
        "mentions | select doc, entity, surface, zone, own, text",
        "mentions | cooccur all",
        "docs | kwic \"Hezbollah\" width 20",
        "mentions | kwic",
        "entities | timeline",
        "facts | select id, subject, predicate, object, unit, date, source, quote",
        "entities | select id, name, aliases, names, docs, facts, mention_count",
    ]

    /// Loads what every input shares before libFuzzer starts counting allocations.
    static func prepare() {
        _ = originals
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        guard let selector = data.first else { return }
        let target = targets[Int(selector) % targets.count]
        let path = directory + "/" + target
        let content = Data(data.dropFirst())
        _ = FileManager.default.createFile(atPath: path, contents: content)
        defer {
            if let original = originals[target] { _ = FileManager.default.createFile(atPath: path, contents: original) }
            else { try? FileManager.default.removeItem(atPath: path) }
        }
        do {
            let corpus = try Corpus.load(directory: directory)
            _ = CorpusStats(corpus: corpus).render()
            var options = EngineOptions()
            options.limits.maxSteps = 200_000
            options.limits.maxRows = 10_000
            options.limits.timeout = .seconds(1)
            let engine = Engine(corpus: corpus, options: options)
            for q in queries {
                let session = engine.makeSession()
                do {
                    for out in try session.run(q) {
                        _ = OutputFormat.table.render(out, corpus: corpus, options: .init(width: 80, maxRows: 20))
                        _ = OutputFormat.json.render(out, corpus: corpus)
                    }
                } catch {
                    _ = DiagnosticRenderer().render(error.items)
                }
            }
        } catch {
            _ = error.description
        }
    }
}

@main
struct CorpusFuzzMain {
    static func main() { FuzzDriver.main(prepare: CorpusHarness.prepare, run: CorpusHarness.run) }
}
