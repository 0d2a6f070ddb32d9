/// The one phrase matcher of mq: where a phrase occurs in a text as whole words in a row, compared as the
/// name matcher compares names. `has` asks whether it occurs, `kwic` where.
///
/// The rules are the name matcher's, from the same parts:
/// - words come from the one normaliser (``TextScanner``): folded (case, diacritics, apostrophes, the
///   assimilated article, Latin transliteration letters, Arabic script: ``Folding/fold(word:)``);
/// - a possessive `'s` is no word, and ends a name or phrase: `Baghdad's International Airport` holds no
///   `Baghdad International Airport`; a phrase written with one (`Iran's Quds Force`) finds the words
///   with a possessive at that place (``Normalizer/phraseWords(_:)``);
/// - spelling variants are made canonical (``SpellingTable``), and a phrase of the table stands for its
///   word (`Hizb Allah` for `Hezbollah`, ``NameIndex/phraseAlternatives(_:_:)``);
/// - a doubled vowel of the phrase may be written once (``NameIndex/looseWord(_:)``: `Shaʿbī` for
///   Shaabi), and a word outside ASCII may double or single a letter (``NameIndex/skeleton(_:)``: `Ḥaqq`);
/// - "in a row" is the scanner's `joined`: only spaces (a line break inside a sentence among them),
///   dashes or an abbreviation's period between two words, in one sentence.
///
/// The phrase is compiled once into the folded forms that stand for each of its words (the canonical word
/// itself, and every spelling that the table makes into it), each with the positions in the phrase it can
/// fill. The text is then scanned once per way of writing the phrase, its words looked up in place as the
/// scanner reads them (no word is copied unless it has non-ASCII letters to fold), and the positions
/// matched so far are kept as bits (shift-and): word `k` of the text extends the matches that end at word
/// `k - 1`, if it is joined to it, by the positions it can fill.
struct PhraseFinder {
    /// The most words a phrase may have (one bit per word).
    static let maxWords = 64

    /// The phrase's words, normalised.
    let words: [String]
    /// One compiled word sequence per way of writing the phrase: its words, and the same with a word
    /// written as a phrase of the spelling table (`hezbollah` as `hizb allah`).
    private let alternatives: [Compiled]

    /// One way of writing the phrase, compiled.
    private struct Compiled {
        /// Folded forms -> index into `masks`.
        let forms: ByteTable
        /// The positions of the phrase each form fills, one bit each.
        let masks: [UInt64]
        /// Skeletons of the phrase's words -> the positions they fill, for words outside ASCII.
        let skeletons: [String: UInt64]
        /// The positions that follow a possessive in the phrase (`quds` in `iran 's quds force`).
        let breaks: UInt64
        /// The bit of the phrase's last word.
        let last: UInt64
        let count: Int
    }

    private let spelling: SpellingTable

    /// The finder of `phrase`, or nil when it has no words or more than ``maxWords``.
    init?(_ phrase: String, normalizer: Normalizer) {
        self.init(words: normalizer.phraseWords(phrase), spelling: normalizer.spelling)
    }

    /// The finder of a phrase already normalised (``Normalizer/phraseWords(_:)``), or nil when it has no
    /// words or more than ``maxWords``.
    init?(words: [String], spelling: SpellingTable) {
        func wordCount(_ words: [String]) -> Int { words.reduce(0) { $1 == Normalizer.possessiveMark ? $0 : $0 + 1 } }
        let count = wordCount(words)
        guard count > 0, count <= PhraseFinder.maxWords else { return nil }
        self.words = words.filter { $0 != Normalizer.possessiveMark }
        self.spelling = spelling
        alternatives = NameIndex.phraseAlternatives(words, spelling)
            .filter { wordCount($0) <= PhraseFinder.maxWords }
            .map { PhraseFinder.compile($0, spelling.rules) }
    }

    /// The forms table and position masks of one word sequence.
    private static func compile(_ written: [String], _ rules: [String: String]) -> Compiled {
        var words: [String] = []
        var breaks: UInt64 = 0
        for w in written {
            if w == Normalizer.possessiveMark {
                if !words.isEmpty { breaks |= 1 << UInt64(words.count) }
            } else {
                words.append(w)
            }
        }
        // A folded word of the text fills position j when its canonical form is words[j]: it is words[j]
        // itself (unless the table maps that elsewhere), or a spelling the table maps to words[j], or
        // either with a doubled vowel written once. The same forms as the name index's vocabulary.
        var positions: [String: UInt64] = [:]
        for (j, w) in words.enumerated() {
            if rules[w] == nil { positions[w, default: 0] |= 1 << UInt64(j) }
        }
        let wanted = Set(words)
        for (from, to) in rules where wanted.contains(to) && !from.contains(" ") {
            for (j, w) in words.enumerated() where w == to { positions[from, default: 0] |= 1 << UInt64(j) }
        }
        for (j, w) in words.enumerated() {
            let loose = NameIndex.looseWord(w)
            if loose != w && rules[loose] == nil { positions[loose, default: 0] |= 1 << UInt64(j) }
        }
        let table = ByteTable(capacity: positions.count)
        var masks: [UInt64] = []
        for (form, mask) in positions.sorted(by: { $0.key < $1.key }) {
            table.insert(form, Int32(masks.count))
            masks.append(mask)
        }
        // Skeletons, as the name index keeps them: one shared by two different words stands for neither.
        var skeletons: [String: UInt64] = [:]
        var owner: [String: String] = [:]
        var shared = Set<String>()
        for (j, w) in words.enumerated() {
            let s = NameIndex.skeleton(w)
            if let o = owner[s], o != w { shared.insert(s) }
            owner[s] = w
            skeletons[s, default: 0] |= 1 << UInt64(j)
        }
        for s in shared { skeletons[s] = nil }
        return Compiled(forms: table, masks: masks, skeletons: skeletons, breaks: breaks,
                        last: 1 << UInt64(words.count - 1), count: words.count)
    }

    /// Whether the phrase occurs in `text` (UTF-8). The scan ends at the first occurrence, or as soon as
    /// `stop` says so (asked every 4,096 words; the answer is then false, and the caller stops the query).
    func occurs(in text: UnsafeBufferPointer<UInt8>, stop: (() -> Bool)? = nil) -> Bool {
        guard text.baseAddress != nil else { return false }
        for a in alternatives {
            var sink = Sink(a, spelling: spelling, text: text, stop: stop, firstOnly: true)
            var scanner = TextScanner()
            scanner.scan(text, into: &sink)
            if sink.any { return true }
            // A scan that was stopped does not go on with the next spelling.
            if let stop, stop() { return false }
        }
        return false
    }

    func occurs(in text: String, stop: (() -> Bool)? = nil) -> Bool {
        var t = text
        return t.withUTF8 { occurs(in: $0, stop: stop) }
    }

    /// The UTF-8 ranges of the phrase's occurrences in `text`, leftmost first and not overlapping (of two
    /// that overlap, the one that starts first). The scan stops early when `stop` says so.
    func ranges(in text: UnsafeBufferPointer<UInt8>, stop: (() -> Bool)? = nil) -> [Range<Int>] {
        guard text.baseAddress != nil else { return [] }
        var found: [Range<Int>] = []
        for a in alternatives {
            var sink = Sink(a, spelling: spelling, text: text, stop: stop, firstOnly: false)
            var scanner = TextScanner()
            scanner.scan(text, into: &sink)
            found += sink.found
            if let stop, stop() { break }
        }
        return alternatives.count == 1 ? found : PhraseFinder.leftmostNonOverlapping(found)
    }

    /// Of ranges found in any order, those that do not overlap one found before, leftmost first: of two
    /// that overlap, the one that starts first (then the shorter).
    static func leftmostNonOverlapping(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var last = -1
        for r in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) where r.lowerBound >= last {
            out.append(r)
            last = r.upperBound
        }
        return out
    }

    private struct Sink: TokenSink {
        /// The way of writing the phrase looked for.
        let phrase: Compiled
        let spelling: SpellingTable
        let text: UnsafeBufferPointer<UInt8>
        let stop: (() -> Bool)?
        let firstOnly: Bool
        /// Bit j: the words up to this one match the phrase's first j + 1 words.
        var matched: UInt64 = 0
        /// Where each of the last 64 words started, by word number modulo 64.
        var starts: [Int]
        var wordNumber = 0
        var found: [Range<Int>] = []
        /// Whether the phrase occurred (the answer when only the first occurrence is wanted).
        var any = false
        var countdown = 4096
        /// Where the last possessive ended, if no word came after it yet.
        var possessiveEnd = -1

        init(_ phrase: Compiled, spelling: SpellingTable, text: UnsafeBufferPointer<UInt8>, stop: (() -> Bool)?,
             firstOnly: Bool) {
            self.phrase = phrase
            self.spelling = spelling
            self.text = text
            self.stop = stop
            self.firstOnly = firstOnly
            starts = firstOnly ? [] : [Int](repeating: 0, count: 64)
        }

        var stopped: Bool {
            mutating get {
                if any && firstOnly { return true }
                countdown -= 1
                guard countdown <= 0, let stop else { return false }
                countdown = 4096
                return stop()
            }
        }

        /// The next word of the text, at `start..<end`, which can fill the positions in `mask`.
        @inline(__always)
        private mutating func next(_ mask: UInt64, start: Int, end: Int, joined: Bool) {
            if !firstOnly { starts[wordNumber & 63] = start }
            // The matches so far go on with this word if it is joined to the previous one, or, where the
            // phrase has a possessive, if only a possessive and spaces stand between.
            var carried: UInt64 = 0
            if joined {
                carried = (matched << 1) & ~phrase.breaks
            } else if possessiveEnd >= 0 && phrase.breaks != 0 && CharacterClass.onlySpaces(text, possessiveEnd..<start) {
                carried = (matched << 1) & phrase.breaks
            }
            possessiveEnd = -1
            matched = (carried | 1) & mask
            if matched & phrase.last != 0 {
                any = true
                if !firstOnly { found.append(starts[(wordNumber - phrase.count + 1) & 63]..<end) }
                // Occurrences do not overlap: the next one starts after this one.
                matched = 0
            }
            wordNumber += 1
        }

        mutating func possessive(start: Int, end: Int) { possessiveEnd = end }

        mutating func plainWord(_ w: PlainWord, in text: UnsafePointer<UInt8>, joined: Bool, sentence: Int) {
            let k = phrase.forms.lookup(UnsafeBufferPointer(start: text + w.start, count: w.end - w.start),
                                        head: w.lowerHead, hash: w.hash, foldingCase: true)
            next(k >= 0 ? phrase.masks[Int(k)] : 0, start: w.start, end: w.end, joined: joined)
        }

        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            var mask: UInt64 = 0
            if nonASCII {
                let folded = Folding.fold(word: raw).folded
                let k = phrase.forms.lookup(folded)
                if k >= 0 {
                    mask = phrase.masks[Int(k)]
                } else if !phrase.skeletons.isEmpty {
                    // As the name matcher does: a letter doubled or written once (`Ḥaqq` for Haq).
                    mask = phrase.skeletons[NameIndex.skeleton(spelling.canonical(folded))] ?? 0
                }
            } else {
                let k = phrase.forms.lookup(lower, hash: lowerHash)
                if k >= 0 { mask = phrase.masks[Int(k)] }
            }
            next(mask, start: start, end: end, joined: joined)
        }
    }
}
