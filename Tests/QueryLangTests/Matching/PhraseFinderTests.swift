import Testing
@_spi(MQInternals) @testable import QueryLang

/// The one phrase matcher (names, `has` and `kwic` compare words by its rules): whole words in a row,
/// compared as the name matcher compares them.
@Suite("Phrase finder")
struct PhraseFinderTests {
    let n = Normalizer()

    func has(_ text: String, _ phrase: String) -> Bool {
        PhraseFinder(phrase, normalizer: n)?.occurs(in: text) ?? false
    }

    func ranges(_ text: String, _ phrase: String) -> [Range<Int>] {
        var t = text
        return PhraseFinder(phrase, normalizer: n).map { f in t.withUTF8 { f.ranges(in: $0) } } ?? []
    }

    /// The rules written the slow way, as lists of normalised words: the phrase's words, in every way
    /// the spelling table writes them (`hezbollah` as `hizb allah`), looked for word by word in the
    /// text's. A word matches the same word, the word with a doubled vowel written once, or (outside
    /// ASCII, failing those) the word with a letter doubled or written once; each word after the first
    /// must be joined to the one before or, where the phrase has a possessive, follow one. Leftmost
    /// occurrences first, not overlapping.
    static func wordLists(_ text: String, _ phrase: String, _ n: Normalizer) -> [Range<Int>] {
        let spelling = n.spelling
        let all = n.scanWords(text).map {
            (folded: spelling.canonical($0.folded), nonASCII: $0.raw.utf8.contains { $0 >= 0x80 }, joined: $0.joined,
             afterPossessive: $0.afterPossessive, start: $0.start, end: $0.end)
        }
        var found: [Range<Int>] = []
        for written in NameIndex.phraseAlternatives(n.phraseWords(phrase), spelling) {
            var words: [String] = [], breaks: [Bool] = []
            var pendingBreak = false
            for w in written {
                if w == Normalizer.possessiveMark { pendingBreak = !words.isEmpty; continue }
                words.append(w)
                breaks.append(pendingBreak)
                pendingBreak = false
            }
            guard !words.isEmpty, words.count <= PhraseFinder.maxWords else { continue }
            let forms = Set(words + words.map(NameIndex.looseWord))
            func same(_ w: (folded: String, nonASCII: Bool, joined: Bool, afterPossessive: Bool, start: Int, end: Int), _ k: Int) -> Bool {
                if Normalizer.wordMatches(w.folded, words[k]) { return true }
                guard w.nonASCII, !forms.contains(w.folded) else { return false }
                let s = NameIndex.skeleton(w.folded)
                return Set(words.filter { NameIndex.skeleton($0) == s }).count == 1 && NameIndex.skeleton(words[k]) == s
            }
            var i = 0
            while i + words.count <= all.count {
                var k = 0
                while k < words.count && same(all[i + k], k)
                        && (k == 0 || (breaks[k] ? all[i + k].afterPossessive : all[i + k].joined)) { k += 1 }
                if k == words.count {
                    found.append(all[i].start..<all[i + k - 1].end)
                    i += k
                } else {
                    i += 1
                }
            }
        }
        return PhraseFinder.leftmostNonOverlapping(found)
    }

    @Test func wholeWordsInARow() {
        #expect(has("Kataib Hezbollah fighters crossed into Syria", "hezbollah fighters"))
        #expect(!has("Kataib Hezbollah fighters crossed into Syria", "hezb"))
        #expect(!has("Kataib Hezbollah fighters", "fighters hezbollah"))
        #expect(!has("Abu Mahdi Muhandis", "al Muhandis"))
        // In a row as for names: spaces, a hyphen or any dash, an abbreviation's period, a line break
        // inside a sentence.
        #expect(has("Abu Mahdi al-Muhandis", "al Muhandis"))
        #expect(has("the Islamic Revolutionary Guard Corps–Quds Force", "corps quds force"))
        #expect(has("the Islamic Revolutionary Guard Corps — Quds Force", "corps quds force"))
        #expect(has("the U.S. Army said", "U.S. Army"))
        #expect(has("the Popular\nmobilization forces", "popular mobilization forces"))
        // Not across a sentence end, a comma or a paragraph.
        #expect(!has("they met in Baghdad.\nKataib Hezbollah denied it", "baghdad kataib"))
        #expect(!has("they met in Baghdad. Kataib Hezbollah denied it", "baghdad kataib"))
        #expect(!has("in Baghdad, Kataib Hezbollah denied it", "baghdad kataib"))
        #expect(!has("the popular\n\nmobilization forces", "popular mobilization"))
    }

    @Test func spellingsCaseAndMarksFold() {
        #expect(has("Kata’ib Hizballah claimed the attack", "Kataib Hezbollah"))
        #expect(has("KATAEB HEZBOLLAH", "kataib hezbollah"))
        #expect(has("ʿAlī al-Sīstānī issued a fatwa", "Ali al-Sistani"))
        #expect(has("Mohamed Shia al-Sudani", "Muhammad"))
        #expect(has("Muqtada as-Sadr", "al sadr"))
        #expect(has("Kataib Hizb Allah", "Kataib Hezbollah"))
        #expect(has("al-Ḥašd al-Šaʿbī", "Hashd al-Shaabi"))
        #expect(has("ʿAṣāʾib Ahl al-Ḥaqq", "Asaib Ahl al-Haq"))
    }

    @Test func aPossessiveEndsAPhrase() {
        // As for names (`Baghdad's International Airport` is no mention of the airport).
        #expect(!has("Lebanon’s Hezbollah", "Lebanon Hezbollah"))
        #expect(!has("Iraq's militias", "iraq militias"))
        #expect(!has("Iraq's militias", "iraq s militias"))
        // A phrase written with one finds it, whatever the apostrophe.
        #expect(has("Lebanon’s Hezbollah", "Lebanon's Hezbollah"))
        #expect(has("Lebanonʼs Hezbollah", "Lebanon’s Hezbollah"))
        #expect(!has("Lebanon Hezbollah", "Lebanon's Hezbollah"))
        #expect(!has("Lebanon’s, Hezbollah", "Lebanon's Hezbollah"))
        // One at the end or the start of a phrase does not matter.
        #expect(has("Lebanon’s Hezbollah", "Lebanon's"))
        #expect(has("Iraq's militias", "militias"))
        // A lone "s" that is not a possessive is a word.
        #expect(has("plan s militias", "plan s militias"))
    }

    @Test func rangesAreLeftmostAndDoNotOverlap() {
        #expect(ranges("a b a b a", "a b a") == [0..<5])
        #expect(ranges("Hizb Allah and Hezbollah", "hezbollah") == [0..<10, 15..<24])
        #expect(ranges("Kataib Hezbollah, Kataib Hizballah", "kataib hezbollah") == [0..<16, 18..<34])
    }

    @Test func noWordsOrTooManyMakeNoFinder() {
        #expect(PhraseFinder("", normalizer: n) == nil)
        #expect(PhraseFinder(" -- ", normalizer: n) == nil)
        let long = Array(repeating: "word", count: PhraseFinder.maxWords + 1).joined(separator: " ")
        #expect(PhraseFinder(long, normalizer: n) == nil)
        let longest = Array(repeating: "word", count: PhraseFinder.maxWords).joined(separator: " ")
        #expect(PhraseFinder(longest, normalizer: n)?.occurs(in: longest + " word") == true)
        #expect(PhraseFinder(longest, normalizer: n)?.occurs(in: String(longest.dropLast(5))) == false)  // one word short
    }

    /// The finder answers as the word lists do, for phrases cut from the seeds' own texts (so mostly
    /// found), the same with a word changed (mostly not), and every name of every entity.
    @Test func answersAsTheWordListsOnTheSeeds() throws {
        let corpus = Seeds.corpus
        let n = corpus.names.normalizer
        var random = SplitMix(seed: 7)
        var checked = 0, found = 0
        for d in corpus.documents {
            let text = d.text
            let words = n.scanWords(text).map(\.raw)
            var phrases = corpus.entities.flatMap { $0.names.map(\.text) }
            for _ in 0..<150 where !words.isEmpty {
                let at = Int(random.next() % UInt64(words.count)), length = 1 + Int(random.next() % 4)
                var phrase = Array(words[at..<min(words.count, at + length)])
                phrases.append(phrase.joined(separator: " "))
                phrase[Int(random.next() % UInt64(phrase.count))] = words[Int(random.next() % UInt64(words.count))]
                phrases.append(phrase.joined(separator: "-"))
            }
            for p in phrases {
                let expected = Self.wordLists(text, p, n)
                let finder = PhraseFinder(p, normalizer: n)
                #expect(finder?.occurs(in: text) ?? false == !expected.isEmpty, "\(d.id): \(p)")
                var t = text
                #expect(finder.map { f in t.withUTF8 { f.ranges(in: $0) } } ?? [] == expected, "\(d.id): \(p)")
                checked += 1
                if !expected.isEmpty { found += 1 }
            }
        }
        #expect(checked > 1_000 && found > checked / 5)
    }

    /// And on random text made of words with apostrophes, marks, possessives, dashes and repeats.
    @Test func answersAsTheWordListsOnRandomText() {
        let pieces = ["al", "Hezbollah", "hizballah", "Kata’ib", "kataib", "s", "’s", "'s", "Sīstānī", "sistani",
                      "iraq", "Iraq’s", "militia", "U.S.", "the", "as-Sadr", "sadr", "ʿAlī", "ali", "-", "–", ". ",
                      "\n", "Hizb", "Allah", "Ḥaqq", "haq", ",", "Shaabi", "Šaʿbī"]
        var random = SplitMix(seed: 11)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: " ")
        }
        for _ in 0..<3_000 {
            let t = text(Int(random.next() % 40)), p = text(1 + Int(random.next() % 4))
            let expected = Self.wordLists(t, p, n)
            #expect(has(t, p) == !expected.isEmpty, "\(p) in \(t)")
            #expect(ranges(t, p) == expected, "\(p) in \(t)")
        }
    }
}
