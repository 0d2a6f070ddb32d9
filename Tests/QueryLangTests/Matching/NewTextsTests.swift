import Foundation
import Testing
import Yams
@testable import QueryLang

/// Texts of other kinds than the seed articles (Fixtures/new-texts), matched against the seeds catalog:
/// scholarly transliteration, hard-wrapped lines, dashes, Arabic script, citation markers, uncertain
/// mentions. The expectations in new-texts/expected.yaml were written by reading the texts.
@Suite("New texts")
struct NewTextsTests {
    static let directory = Paths.fixtures.appendingPathComponent("new-texts")

    nonisolated(unsafe) static let expected: [String: Any] = {
        let path = directory.appendingPathComponent("expected.yaml").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return ((try? Yams.load(yaml: text)) as? [String: Any]) ?? [:]
    }()

    static var cases: [[String: Any]] { (expected["cases"] as? [[String: Any]]) ?? [] }
    static var sentenceCases: [[String: Any]] { (expected["sentences"] as? [[String: Any]]) ?? [] }
    static var splitCases: [[String: Any]] { (expected["splits"] as? [[String: Any]]) ?? [] }

    /// The fixture documents with the seeds catalog, in a corpus directory of their own.
    static let corpus: Corpus = {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "mq-new-texts-\(UUID().uuidString)"
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try fm.copyItem(atPath: Paths.seeds + "/catalog", toPath: dir + "/catalog")
            try fm.copyItem(atPath: directory.appendingPathComponent("documents").path, toPath: dir + "/documents")
            defer { try? fm.removeItem(atPath: dir) }
            return try Corpus.load(directory: dir)
        } catch {
            fatalError("new-texts does not load: \(error)")
        }
    }()

    static func doc(_ prefix: String) -> Document {
        guard let d = corpus.documents.first(where: { $0.id.hasPrefix(prefix + "_") }) else { fatalError("no document \(prefix)") }
        return d
    }

    static func locate(_ text: String, context: String?, in doc: Document) -> Range<Int>? {
        let hay = Array(doc.text.utf8)
        if let context {
            guard let c = SeedsMentionTests.find(Array(context.utf8), in: hay, from: 0, wholeWord: false),
                  let r = SeedsMentionTests.find(Array(text.utf8), in: Array(hay[c]), from: 0, wholeWord: false) else { return nil }
            return (c.lowerBound + r.lowerBound)..<(c.lowerBound + r.upperBound)
        }
        return SeedsMentionTests.find(Array(text.utf8), in: hay, from: 0, wholeWord: true)
    }

    @Test("mentions", arguments: Array(0..<cases.count))
    func mention(_ k: Int) throws {
        let c = Self.cases[k]
        let doc = Self.doc(try #require(c["doc"] as? String))
        let text = try #require(c["text"] as? String)
        let label = "\(c["doc"] ?? "") '\(text)'"
        let range = try #require(Self.locate(text, context: c["context"] as? String, in: doc), "not found: \(label)")
        let overlapping = Self.corpus.mentions(inDocument: doc.index).filter {
            Int($0.start) < range.upperBound && Int($0.end) > range.lowerBound
        }
        if let want = c["entity"] as? String {
            guard let m = overlapping.first(where: { Int($0.start) == range.lowerBound && Int($0.end) == range.upperBound }) else {
                Issue.record("no mention exactly at \(label); found \(overlapping.map { Self.corpus.surface($0) })")
                return
            }
            let got = m.entity >= 0 ? Self.corpus.entities[Int(m.entity)].id : "?"
            #expect(got == want, "\(label)")
            #expect(m.uncertain == (c["uncertain"] as? Bool ?? false), "\(label): uncertain")
        } else {
            #expect(overlapping.isEmpty, "\(label) should not be a mention; found \(overlapping.map { Self.corpus.surface($0) })")
        }
        if let not = c["not"] as? String, let other = Self.corpus.entity(id: not)?.index {
            #expect(!overlapping.contains { Int($0.entity) == other }, "\(label) is not \(not)")
        }
    }

    func sentence(_ doc: Document, _ offset: Int) -> Int {
        (Self.corpus.sentenceStarts[doc.index].lastIndex { Int($0) <= offset }) ?? 0
    }

    @Test("one sentence", arguments: Array(0..<sentenceCases.count))
    func oneSentence(_ k: Int) throws {
        let c = Self.sentenceCases[k]
        let doc = Self.doc(try #require(c["doc"] as? String))
        let text = try #require(c["text"] as? String)
        let found = SeedsMentionTests.find(Array(text.utf8), in: Array(doc.text.utf8), from: 0, wholeWord: false)
        let r = try #require(found)
        #expect(sentence(doc, r.lowerBound) == sentence(doc, r.upperBound - 1), "'\(text)' spans sentences")
    }

    @Test("sentence ends", arguments: Array(0..<splitCases.count))
    func split(_ k: Int) throws {
        let c = Self.splitCases[k]
        let doc = Self.doc(try #require(c["doc"] as? String))
        let hay = Array(doc.text.utf8)
        let firstText = try #require(c["first"] as? String), secondText = try #require(c["second"] as? String)
        let first = try #require(SeedsMentionTests.find(Array(firstText.utf8), in: hay, from: 0, wholeWord: false))
        let second = try #require(SeedsMentionTests.find(Array(secondText.utf8), in: hay, from: 0, wholeWord: false))
        #expect(sentence(doc, first.lowerBound) == sentence(doc, first.upperBound - 1), "\(c["first"] ?? "") is one sentence")
        #expect(sentence(doc, first.upperBound - 1) < sentence(doc, second.lowerBound), "\(c["first"] ?? "") | \(c["second"] ?? "")")
    }

    /// `mq corpus stats` counts the uncertain mentions; queries can filter on them.
    @Test func uncertainMentionsAreCounted() throws {
        let uncertain = Self.corpus.mentions.filter(\.uncertain).map { Self.corpus.surface($0) }.sorted()
        #expect(uncertain == ["Muhandis", "Tehran", "Washington"])
        #expect(CorpusStats(corpus: Self.corpus).render().contains("uncertain mentions: 3"))
    }
}
