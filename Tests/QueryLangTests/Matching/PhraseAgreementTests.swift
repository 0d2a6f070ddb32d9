import Testing
@_spi(MQInternals) @testable import QueryLang

/// Names, `has` and `kwic` agree: every mention the name matcher finds, in the seeds and in the texts of
/// other kinds (dashes, hard-wrapped lines, transliterations, Arabic script: Fixtures/new-texts), is
/// found at the same place by the phrase matcher given the mention's own text, and `has` holds for it.
/// (The phrase matcher finds more: a one-word name needs a capital in the text, a phrase does not.)
@Suite("Names, has and kwic agree")
struct PhraseAgreementTests {
    func check(_ corpus: Corpus) -> Int {
        let n = corpus.names.normalizer
        var checked = 0
        for d in corpus.documents {
            let mentions = corpus.mentions(inDocument: d.index)
            var found: [String: [Range<Int>]] = [:]
            var has: [String: Bool] = [:]
            for m in mentions {
                let surface = d.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(m.start)..<Int(m.end)]), as: UTF8.self) }
                let phrase = n.phraseWords(surface)
                if found[surface] == nil {
                    found[surface] = Kwic.find(phrase, in: d, normalizer: n)
                    has[surface] = PhraseFinder(surface, normalizer: n).map { f in d.withUTF8 { f.occurs(in: $0) } } ?? false
                }
                let place = Int(m.start)..<Int(m.end)
                #expect(found[surface]!.contains(place), "\(d.id): kwic \"\(surface)\" misses the mention at \(place)")
                #expect(has[surface]!, "\(d.id): has \"\(surface)\" is false")
                checked += 1
            }
        }
        return checked
    }

    @Test func onTheSeeds() {
        #expect(check(Seeds.corpus) > 300)
    }

    @Test func onTextsOfOtherKinds() {
        #expect(check(NewTextsTests.corpus) > 20)
    }
}
