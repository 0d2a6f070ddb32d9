import Testing
@_spi(MQInternals) @testable import QueryLang

/// Sentence splitting on text written for these tests.
@Suite("Sentences")
struct SentenceTests {
    func sentences(_ text: String) -> [String] {
        let doc = Document(id: "t", index: 0, path: "t", text: text)
        let c = Corpus(documents: [doc], entities: [])
        return (0..<c.sentenceStarts[0].count).map { c.sentenceText(doc: 0, sentence: $0) }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("The U.S. Treasury acted. Then Iraq replied.") == ["The U.S. Treasury acted.", "Then Iraq replied."])
        #expect(sentences("Weeks after the Oct. 19 raid, he left. Nobody knew.") == ["Weeks after the Oct. 19 raid, he left.", "Nobody knew."])
        #expect(sentences("At around 3 a.m., residents woke. It was dark.") == ["At around 3 a.m., residents woke.", "It was dark."])
        #expect(sentences("Gen. Soleimani arrived. Later he left.") == ["Gen. Soleimani arrived.", "Later he left."])
    }

    @Test func quotesCloseSentences() {
        #expect(sentences("He said “it is over.” The group denied it.") == ["He said “it is over.”", "The group denied it."])
        #expect(sentences("\"We will respond,\" he said. \"Soon.\" Then silence.") == ["\"We will respond,\" he said.", "\"Soon.\"", "Then silence."])
    }

    @Test func lowercaseAfterPeriodContinues() {
        #expect(sentences("It cost $3.5 billion. a typo continues? Yes!") == ["It cost $3.5 billion. a typo continues?", "Yes!"])
    }

    @Test func linesEndSentencesUnlessTheNextStartsLowercase() {
        #expect(sentences("Leaders flee, recruits lose faith\nThe US decision caused shock.") == ["Leaders flee, recruits lose faith", "The US decision caused shock."])
        #expect(sentences("a sentence wrapped\nover two lines.") == ["a sentence wrapped\nover two lines."])
    }

    @Test func noSpaceAfterPeriodIsNotAnEnd() {
        #expect(sentences("a small number of US.Troops in Jordan.") == ["a small number of US.Troops in Jordan."])
    }
}
