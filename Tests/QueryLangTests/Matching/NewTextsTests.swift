import Foundation
import Testing
import Yams
@_spi(MQInternals) @testable import QueryLang

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

/// Documents without metadata: title, date, outlet and zones read from the text, marked as inferred.
@Suite("Inferred metadata")
struct InferredMetadataTests {
    func zone(_ doc: Document, _ text: String) throws -> ZoneKind {
        let r = try #require(SeedsMentionTests.find(Array(text.utf8), in: Array(doc.text.utf8), from: 0, wholeWord: false), "\(text)")
        return doc.zone(at: r.lowerBound)
    }

    @Test func aWorkingPaper() throws {
        let d = NewTextsTests.doc("100")
        #expect(d.metadataSource == "inferred" && !d.annotated)
        #expect(d.title == "Militias and the State in Iraq after 2014")
        #expect(d.published?.description == "2024-03-12")
        #expect(d.publishedNote?.hasPrefix("inferred from line 2") == true)
        #expect(try zone(d, "Militias and the State") == .headline)
        #expect(try zone(d, "Working paper. Published") == .dateline)
        #expect(try zone(d, "The Popular Mobilisation Forces") == .body)
        #expect(try zone(d, "Knights, M.") == .references)
    }

    @Test func aWireReport() throws {
        let d = NewTextsTests.doc("101")
        #expect(d.title == "Iraqi militia leader sanctioned over rocket attacks")
        #expect(d.published?.description == "2024-05-02")
        #expect(d.outlet == "Reuters")
        #expect(try zone(d, "Skip to main content") == .navigation)
        #expect(try zone(d, "World | Middle East | Iraq") == .navigation)
        #expect(try zone(d, "Iraqi militia leader sanctioned") == .headline)
        #expect(try zone(d, "BAGHDAD, May 2, 2024") == .body)
        #expect(try zone(d, "Fighters of the Counter-Terrorism Service") == .caption)
        #expect(try zone(d, "Tags: Iraq") == .navigation)
        #expect(try zone(d, "Badr leader Hadi al-Amiri") == .related)
        // Mentions carry the inferred zones: Hadi al-Amiri is named only in a related-article teaser.
        let amiri = try #require(NewTextsTests.corpus.entity(id: "hadi-al-amiri")).index
        #expect(NewTextsTests.corpus.documents(mentioning: amiri, ownTextOnly: true).contains(d.index) == false)
    }

    @Test func anEncyclopediaPage() throws {
        let d = NewTextsTests.doc("103")
        #expect(d.title == "Kata'ib Sayyid al–Shuhada")
        #expect(d.published == nil)  // no date near the top
        #expect(try zone(d, "Harakat Hezbollah al-Nujaba") == .related)
        #expect(try zone(d, "Smith, J. (2021)") == .references)
        #expect(try zone(d, "The group was founded") == .body)
    }

    @Test func curatedMetadataIsNotReplaced() {
        #expect(Seeds.corpus.documents.allSatisfy { $0.metadataSource == "curated" })
    }

    @Test func datesWrittenOut() {
        for (text, want) in [("Published 12 March 2024", "2024-03-12"), ("Updated: May 2, 2024 10:31 GMT", "2024-05-02"),
                             ("Posted on 2023-11-17", "2023-11-17"), ("Published Sept. 3, 2021", "2021-09-03"),
                             ("Published in June 2014", "2014-06")] {
            #expect(MetadataInference.publishedLine(text)?.description == want, "\(text)")
        }
        #expect(MetadataInference.dateline("BAGHDAD, May 2, 2024 (Reuters) - The United States")?.description == "2024-05-02")
        #expect(MetadataInference.dateline("The group, formed in May 2014, fought") == nil)
        #expect(MetadataInference.onlyDate("Thursday 2 May 2024")?.description == "2024-05-02")
        #expect(MetadataInference.onlyDate("The militia was set up in 2014 and fought in Syria") == nil)
        #expect(MetadataInference.outlet(in: "© 2024 Arab News") == "Arab News")
        #expect(MetadataInference.outlet(in: "Source: Al-Monitor") == "Al-Monitor")
    }
}
