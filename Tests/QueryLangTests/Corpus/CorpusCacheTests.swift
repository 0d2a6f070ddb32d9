import Foundation
import Testing
@testable import QueryLang

@Suite("Corpus cache")
struct CorpusCacheTests {
    /// A copy of the seeds corpus in a temporary directory, so that tests may touch its files.
    func copyOfSeeds() throws -> String {
        let dir = NSTemporaryDirectory() + "mq-cache-test-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Paths.seeds, toPath: dir)
        return dir
    }

    @Test func reopensAnUnchangedCorpusFromTheCacheWithTheSameContent() throws {
        let dir = try copyOfSeeds()
        let cache = CorpusCache(directory: dir + "-cache")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + "-cache") }
        let first = try Corpus.load(directory: dir, cache: cache)
        #expect(!first.fromCache)
        let again = try Corpus.load(directory: dir, cache: cache)
        #expect(again.fromCache)
        #expect(again.mentions == first.mentions)
        #expect(again.sentenceStarts == first.sentenceStarts)
        #expect(again.documents.map(\.text) == first.documents.map(\.text))
        #expect(again.documents.map(\.zones) == first.documents.map(\.zones))
        #expect(again.entities.map(\.names) == first.entities.map(\.names))
        #expect(again.facts.map(\.id) == first.facts.map(\.id))
        #expect(again.facts.map(\.object) == first.facts.map(\.object))
        #expect(again.entities(named: "Hezbollah Al Nujaba").map(\.id) == ["harakat-al-nujaba"])
    }

    @Test func anyChangedInputInvalidatesTheCache() throws {
        for file in ["catalog/groups.yaml", "facts/leadership.yaml", "documents/003_adf714cf9f5e1bca.yaml"] {
            let dir = try copyOfSeeds()
            let cache = CorpusCache(directory: dir + "-cache")
            defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + "-cache") }
            _ = try Corpus.load(directory: dir, cache: cache)
            // Append a comment: same meaning, new size and time.
            let h = try #require(FileHandle(forWritingAtPath: dir + "/" + file))
            h.seekToEndOfFile()
            h.write(Data("\n# touched\n".utf8))
            h.closeFile()
            let again = try Corpus.load(directory: dir, cache: cache)
            #expect(!again.fromCache, "\(file)")
        }
    }

    @Test func aChangedRawFileIsStillCaughtByItsPin() throws {
        let dir = try copyOfSeeds()
        let cache = CorpusCache(directory: dir + "-cache")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + "-cache") }
        _ = try Corpus.load(directory: dir, cache: cache)
        let raw = dir + "/documents/000_40a7b08fdfb61403.txt"
        var text = try String(contentsOfFile: raw, encoding: .utf8)
        text += " "
        try text.write(toFile: raw, atomically: true, encoding: .utf8)
        #expect(throws: CorpusLoadError.self) { try Corpus.load(directory: dir, cache: cache) }
    }

    @Test func aCorruptCacheIsIgnored() throws {
        let dir = try copyOfSeeds()
        let cache = CorpusCache(directory: dir + "-cache")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + "-cache") }
        _ = try Corpus.load(directory: dir, cache: cache)
        let file = cache.file(for: dir)
        var bytes = try #require(FileManager.default.contents(atPath: file))
        bytes = bytes.prefix(bytes.count / 2)
        try bytes.write(to: URL(fileURLWithPath: file))
        let again = try Corpus.load(directory: dir, cache: cache)
        #expect(!again.fromCache)
        #expect(again.mentions.count == Seeds.corpus.mentions.count)
    }
}
