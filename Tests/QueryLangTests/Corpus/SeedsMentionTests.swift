import Foundation
import Testing
import Yams
@_spi(MQInternals) @testable import QueryLang

/// Mentions in the seeds corpus against Fixtures/expected-mentions.yaml, which was written by reading the
/// articles: for every entity the documents that mention it, hard cases at given places, and texts that
/// must stay inside one sentence.
@Suite("Seeds mentions")
struct SeedsMentionTests {
    nonisolated(unsafe) static let expected: [String: Any] = {
        let path = Paths.fixtures.appendingPathComponent("expected-mentions.yaml").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return ((try? Yams.load(yaml: text)) as? [String: Any]) ?? [:]
    }()

    static var entityIDs: [String] { ((expected["mentions"] as? [String: Any]) ?? [:]).keys.sorted() }
    static var cases: [[String: Any]] { (expected["cases"] as? [[String: Any]]) ?? [] }
    static var sentenceCases: [[String: Any]] { (expected["sentences"] as? [[String: Any]]) ?? [] }

    func prefixes(_ docs: [Int]) -> [String] {
        docs.map { String(Seeds.corpus.documents[$0].id.prefix(3)) }
    }

    @Test func everyCatalogEntityHasAnExpectation() {
        let catalog = Set(Seeds.corpus.entities.map(\.id))
        #expect(Set(Self.entityIDs) == catalog)
    }

    @Test("documents mentioning each entity", arguments: entityIDs)
    func documentsMentioning(_ id: String) throws {
        let spec = try #require((Self.expected["mentions"] as? [String: Any])?[id] as? [String: Any])
        let e = Seeds.entity(id)
        let all = (spec["all"] as? [String]) ?? []
        let own = (spec["own"] as? [String]) ?? []
        #expect(prefixes(Seeds.corpus.documents(mentioning: e.index)) == all, "all zones")
        #expect(prefixes(Seeds.corpus.documents(mentioning: e.index, ownTextOnly: true)) == own, "own text")
    }

    /// UTF-8 range of `text` as a whole word inside the first occurrence of `context` (or of `text`).
    static func locate(_ text: String, context: String?, in doc: Document) -> Range<Int>? {
        let hay = Array(doc.text.utf8)
        var from = 0, to = hay.count
        if let context {
            guard let r = find(Array(context.utf8), in: hay, from: 0, wholeWord: false) else { return nil }
            (from, to) = (r.lowerBound, r.upperBound)
        }
        guard let r = find(Array(text.utf8), in: hay, from: from, wholeWord: true), r.upperBound <= to else { return nil }
        return r
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int, wholeWord: Bool) -> Range<Int>? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        /// Whether the scalar ending just before `i` (or starting at `i`) is a letter or digit.
        func isWord(before i: Int) -> Bool {
            guard i > 0 else { return false }
            var k = i - 1
            while k > 0 && hay[k] & 0xC0 == 0x80 { k -= 1 }
            return isWord(at: k)
        }
        func isWord(at i: Int) -> Bool {
            guard i < hay.count else { return false }
            var k = i + 1
            while k < hay.count && hay[k] & 0xC0 == 0x80 { k += 1 }
            let s = String(decoding: hay[i..<k], as: UTF8.self)
            return s.unicodeScalars.first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
        }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
                if !wholeWord || (!isWord(before: i) && !isWord(at: i + needle.count)) { return i..<(i + needle.count) }
            }
            i += 1
        }
        return nil
    }

    @Test("hard cases", arguments: Array(0..<cases.count))
    func hardCase(_ k: Int) throws {
        let c = Self.cases[k]
        let doc = Seeds.doc(try #require(c["doc"] as? String))
        let text = try #require(c["text"] as? String)
        guard let range = Self.locate(text, context: c["context"] as? String, in: doc) else {
            Issue.record("text not found: '\(text)' in \(doc.id)")
            return
        }
        let overlapping = Seeds.corpus.mentions(inDocument: doc.index).filter {
            Int($0.start) < range.upperBound && Int($0.end) > range.lowerBound
        }
        let label = "\(c["doc"] ?? "") '\(text)'"
        if let want = c["entity"] as? String {
            // The mention covers the text exactly, or all of it but a possessive ('s, ’s, ').
            let hay = Array(doc.text.utf8)
            func possessiveTail(_ end: Int) -> Bool {
                let tail = String(decoding: hay[end..<range.upperBound], as: UTF8.self)
                return ["'s", "’s", "'", "’"].contains(tail)
            }
            guard let m = overlapping.first(where: { Int($0.start) == range.lowerBound
                && (Int($0.end) == range.upperBound || possessiveTail(Int($0.end))) }) else {
                Issue.record("no mention exactly at \(label); found \(overlapping.map { Seeds.corpus.surface($0) })")
                return
            }
            let got = m.entity >= 0 ? Seeds.corpus.entities[Int(m.entity)].id : "?"
            #expect(got == want, "\(label)")
            if let zone = c["zone"] as? String { #expect(m.zone.rawValue == zone, "\(label) zone") }
        } else {
            #expect(overlapping.isEmpty, "\(label) should not be a mention; found \(overlapping.map { Seeds.corpus.surface($0) })")
        }
        if let not = c["not"] as? String {
            let other = Seeds.entity(not).index
            #expect(!overlapping.contains { Int($0.entity) == other }, "\(label) is not \(not)")
        }
    }

    @Test("sentence splitting", arguments: Array(0..<sentenceCases.count))
    func oneSentence(_ k: Int) throws {
        let c = Self.sentenceCases[k]
        let doc = Seeds.doc(try #require(c["doc"] as? String))
        let text = try #require(c["text"] as? String)
        guard let range = Self.find(Array(text.utf8), in: Array(doc.text.utf8), from: 0, wholeWord: false) else {
            Issue.record("not found: '\(text)' in \(doc.id)")
            return
        }
        let starts = Seeds.corpus.sentenceStarts[doc.index]
        func sentence(_ offset: Int) -> Int { (starts.lastIndex { Int($0) <= offset }) ?? 0 }
        #expect(sentence(range.lowerBound) == sentence(range.upperBound - 1), "'\(text)' spans sentences")
    }

    @Test func everyFactQuoteIsFoundAndPinned() {
        for f in Seeds.corpus.facts {
            #expect(f.quoteStart != nil, "\(f.id)")
            if let s = f.quoteStart, let e = f.quoteEnd {
                #expect(e > s)
            }
        }
        #expect(Seeds.corpus.facts.count >= 150)
    }
}
