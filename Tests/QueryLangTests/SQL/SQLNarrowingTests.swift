import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The conditions by which the server narrows the documents that mq's phrase matcher and regular
/// expressions then read (SQL/SQLNarrowing.swift): each must hold for every document where mq finds a hit.
/// Checked here against the matcher itself over texts made of spellings that a test of the stored words
/// alone would miss; Tests/postgres/test_kwic_hybrid.py compares the answers on a server.
@Suite struct SQLNarrowingTests {
    let normalizer = Seeds.corpus.names.normalizer

    @Test func aPositionIsMetByItsWordItsLooseFormOrTheWordOfATablePhraseHoldingIt() {
        let spelling = normalizer.spelling
        #expect(SQLNarrowing.storedForms("shaabi", spelling: spelling) == ["shaabi", "shabi"])
        // "hizb allah" is stored as "hezbollah": a text's "Allah" there leaves no word "allah".
        #expect(SQLNarrowing.storedForms("allah", spelling: spelling) == ["allah", "hezbollah"])
        #expect(SQLNarrowing.storedForms("hizb", spelling: spelling) == ["hezbollah", "hizb"])
        #expect(SQLNarrowing.storedForms("drone", spelling: spelling) == ["drone"])
    }

    @Test func theStoredSkeletonsAreThoseOfWordsOutsideASCII() {
        let s = SQLNarrowing.stored("The Ḥaqq movement met the Haqq party.", normalizer: normalizer)
        #expect(s.words == normalizer.words("The Ḥaqq movement met the Haqq party."))
        #expect(s.skeletons == ["haq"])
        #expect(SQLNarrowing.stored("Plain ASCII words, drones.", normalizer: normalizer).skeletons == [])
        #expect(SQLNarrowing.stored("Members of Hizb Allah", normalizer: normalizer).words == ["members", "of", "hezbollah"])
    }

    /// Texts of tricky spellings, and phrases of them: wherever the matcher finds a phrase, the condition
    /// holds on the text's stored words and skeletons.
    @Test func everyTextWhereTheMatcherFindsThePhraseMeetsTheCondition() throws {
        let vocabulary = ["Hashd", "al-Shaabi", "al-Shabi", "Sha'abi", "Šaʿbī", "al-Ḥašd", "Ḥaqq", "Haq", "Haqq", "Hizb", "Allah",
                          "Hezb", "Ollah", "Hizballah", "Ḥizballah", "Hezbollah", "Kata'ib", "Kataeb", "Kataib", "Mohamed",
                          "Muhammad", "Iran's", "Iran", "Quds", "Qods", "Force", "the", "of", "el", "al", "Fayyāḍ", "Fayyadh",
                          "Fayadh", "ʿAbd", "Abdul", "Abdel", "Mahdi", "al-Muhandis", "Mühändis"]
        let separators = [" ", " ", " ", "-", ", ", ". ", "\n"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var phrases = vocabulary + ["Hashd al-Shaabi", "Kataib Hezbollah", "Iran's Quds Force", "Quds Force", "Abu Mahdi al-Muhandis",
                                    "Hizb Allah", "Allah", "Muhammad", "Shabi", "Falih al-Fayyadh"]
        for _ in 0..<60 { phrases.append((0..<(2 + next(2))).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: " ")) }
        let compiled = phrases.compactMap { p -> (String, [String], PhraseFinder, PhraseCondition)? in
            let words = normalizer.phraseWords(p)
            guard let finder = PhraseFinder(words: words, spelling: normalizer.spelling) else { return nil }
            return (p, words, finder, PhraseCondition([words], spelling: normalizer.spelling))
        }
        var found = 0, missedByWords = 0, bySkeletonOnly = 0
        for _ in 0..<400 {
            var text = ""
            for k in 0..<(3 + next(10)) { text += (k == 0 ? "" : separators[next(separators.count)]) + vocabulary[next(vocabulary.count)] }
            let stored = SQLNarrowing.stored(text, normalizer: normalizer)
            let words = Set(stored.words), skeletons = Set(stored.skeletons)
            for (p, phraseWords, finder, condition) in compiled where finder.occurs(in: text) {
                found += 1
                #expect(condition.holds(words: words, skeletons: skeletons), "\(p) in \(text)")
                if !phraseWords.filter({ $0 != Normalizer.possessiveMark }).allSatisfy(words.contains) { missedByWords += 1 }
                if !condition.holds(words: words, skeletons: []) { bySkeletonOnly += 1 }
            }
        }
        // The texts hold the phrases often, and often where the stored words alone would not tell, some
        // only through a skeleton.
        #expect(found > 500)
        #expect(missedByWords > 50)
        #expect(bySkeletonOnly > 5)
    }

    @Test func aPhraseOfTheTableHasAConditionForEachWayOfWritingIt() {
        let c = PhraseCondition([normalizer.phraseWords("Hezbollah")], spelling: normalizer.spelling)
        // "hezbollah", and "hizb allah", "hezb allah", ... (stored as "hezbollah" too, or word by word).
        #expect(c.ways.count > 1)
        #expect(c.sql("d").contains("d.words && ARRAY['hezbollah']::text[] OR d.skeletons @> ARRAY['hezbolah']::text[]"))
        #expect(PhraseCondition([[]], spelling: normalizer.spelling).sql("d") == "false")
    }

    @Test func aPatternNarrowsByItsLiteralUnderICUCaseFolding() throws {
        #expect(SQLNarrowing.regex("Quds", "x") == "strpos(x, 'Quds') > 0")
        // Of the characters outside ASCII, only ŉ (upper case: ʼN) case-maps to d, r, o, n or e.
        #expect(SQLNarrowing.regex(#"(?i)\bdrones?\b"#, "x")
                == "(strpos(lower(x COLLATE \"C\"), 'drone') > 0 OR strpos(x, 'ŉ') > 0)")
        let kilo = try #require(SQLNarrowing.regex("(?i)kilo", "x"))
        #expect(kilo.hasPrefix("(strpos(lower(x COLLATE \"C\"), 'kilo') > 0 OR strpos(x, '"))
        #expect(kilo.contains("\u{212A}") && kilo.contains("\u{FB01}") && !kilo.contains("ß"))
        #expect(SQLNarrowing.regex(#"\w+"#, "x") == nil)
        #expect(SQLNarrowing.regex("Soleimani|Muhandis", "x") == nil)
        let all = try #require(SQLNarrowing.foldingClass(Array("abcdefghijklmnopqrstuvwxyz".utf8)))
        for c in ["\u{212A}", "ß", "ſ", "\u{FB01}", "\u{FB02}"] { #expect(all.contains(c)) }
        // Wherever ICU matches a caseless pattern, the text holds the literal in ASCII letters of either
        // case, or a character of the class.
        let texts = ["the \u{212A}ilo line", "a STRASSE", "the Straße", "\u{FB01}nal", "\u{FB02}ight", "\u{017F}hort", "KILO", "nothing here"]
        for pattern in ["(?i)kilo", "(?i)strasse", "(?i)final", "(?i)flight", "(?i)short"] {
            let re = try NSRegularExpression(pattern: pattern)
            let literal = String(decoding: try #require(RegexPrefilter.derive(pattern)).literal, as: UTF8.self)
            for t in texts where re.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil {
                let ascii = String(t.map { $0.isASCII ? Character($0.lowercased()) : $0 })
                let chars = SQLNarrowing.foldingClass(Array(literal.utf8)) ?? ""
                #expect(ascii.contains(literal) || t.unicodeScalars.contains { chars.unicodeScalars.contains($0) }, "\(pattern) in \(t)")
            }
        }
    }
}
