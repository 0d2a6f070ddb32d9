import Testing
@_spi(MQInternals) @testable import QueryLang

/// The `has` operator's phrase finder: whole words in order, compared as the name matcher compares them.
@Suite("Phrase finder")
struct PhraseFinderTests {
    let n = Normalizer()

    func has(_ text: String, _ phrase: String) -> Bool {
        PhraseFinder(phrase, normalizer: n)?.occurs(in: text) ?? false
    }

    /// What `has` answered before the finder: the two lists of normalised words, the phrase's looked for
    /// in the text's.
    static func wordLists(_ text: String, _ phrase: String, _ n: Normalizer) -> Bool {
        let words = n.words(phrase), all = n.words(text)
        guard !words.isEmpty, all.count >= words.count else { return false }
        return (0...(all.count - words.count)).contains { i in
            words.indices.allSatisfy { Normalizer.wordMatches(all[i + $0], words[$0]) }
        }
    }

    @Test func wholeWordsInOrder() {
        #expect(has("Kataib Hezbollah fighters crossed into Syria", "hezbollah fighters"))
        #expect(!has("Kataib Hezbollah fighters crossed into Syria", "hezb"))
        #expect(!has("Kataib Hezbollah fighters", "fighters hezbollah"))
        #expect(!has("Abu Mahdi Muhandis", "al Muhandis"))
        // What stands between two words does not matter: a hyphen, a period, a line break.
        #expect(has("Abu Mahdi al-Muhandis", "al Muhandis"))
        #expect(has("they met in Baghdad.\nKataib Hezbollah denied it", "baghdad kataib"))
    }

    @Test func spellingsCaseAndMarksFold() {
        #expect(has("Kata’ib Hizballah claimed the attack", "Kataib Hezbollah"))
        #expect(has("KATAEB HEZBOLLAH", "kataib hezbollah"))
        #expect(has("ʿAlī al-Sīstānī issued a fatwa", "Ali al-Sistani"))
        #expect(has("Mohamed Shia al-Sudani", "Muhammad"))
        #expect(has("Muqtada as-Sadr", "al sadr"))
    }

    @Test func aPossessiveIsNoWord() {
        #expect(has("Lebanon’s Hezbollah", "Lebanon Hezbollah"))
        #expect(has("Iraq's militias", "iraq militias"))
        #expect(!has("Iraq's militias", "iraq s militias"))
        // A lone "s" that is not a possessive is a word.
        #expect(has("plan s militias", "plan s militias"))
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

    /// The finder answers as the word lists did, for phrases cut from the seeds' own texts (so mostly
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
                #expect(PhraseFinder(p, normalizer: n)?.occurs(in: text) ?? false == expected, "\(d.id): \(p)")
                checked += 1
                if expected { found += 1 }
            }
        }
        #expect(checked > 1_000 && found > checked / 4)
    }

    /// And on random text made of words with apostrophes, marks, possessives and repeats.
    @Test func answersAsTheWordListsOnRandomText() {
        let pieces = ["al", "Hezbollah", "hizballah", "Kata’ib", "kataib", "s", "’s", "'s", "Sīstānī", "sistani",
                      "iraq", "Iraq’s", "militia", "U.S.", "the", "as-Sadr", "sadr", "ʿAlī", "ali", "-", ". ", "\n"]
        var random = SplitMix(seed: 11)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: " ")
        }
        for _ in 0..<3_000 {
            let t = text(Int(random.next() % 40)), p = text(1 + Int(random.next() % 4))
            #expect(has(t, p) == Self.wordLists(t, p, n), "\(p) in \(t)")
        }
    }
}
