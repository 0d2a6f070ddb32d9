/// Whether a phrase occurs in a text as whole words, one after another, compared as the name matcher
/// compares them: the `has` operator.
///
/// Both sides go through the one normaliser (``TextScanner``): words folded (case, diacritics,
/// apostrophes), spelling variants made canonical (``SpellingTable``), a possessive `'s` dropped; what
/// stands between two words does not matter. The phrase is compiled once into the folded forms that
/// stand for each of its words (the canonical word itself, and every spelling that the table makes
/// into it), each with the positions in the phrase it can fill. The text is then scanned once, its
/// words looked up in place as the scanner reads them (no word is copied unless it has non-ASCII
/// letters to fold), and the positions matched so far are kept as bits (shift-and): word `k` of the
/// text extends the matches that end at word `k - 1` by the positions it can fill.
struct PhraseFinder {
    /// The most words a phrase may have (one bit per word).
    static let maxWords = 64

    /// The phrase's words, normalised.
    let words: [String]
    /// One compiled word sequence per way of writing the phrase: its words, and the same with a word
    /// written as a phrase of the spelling table (`hezbollah` as `hizb allah`).
    private let alternatives: [(forms: ByteTable, masks: [UInt64], last: UInt64)]

    /// The finder of `phrase`, or nil when it has no words or more than ``maxWords``.
    init?(_ phrase: String, normalizer: Normalizer) {
        let words = normalizer.words(phrase)
        guard !words.isEmpty, words.count <= PhraseFinder.maxWords else { return nil }
        self.words = words
        alternatives = NameIndex.phraseAlternatives(words, normalizer.spelling)
            .filter { $0.count <= PhraseFinder.maxWords }
            .map { PhraseFinder.compile($0, normalizer.spelling.rules) }
    }

    /// The forms table and position masks of one word sequence.
    private static func compile(_ words: [String], _ rules: [String: String]) -> (forms: ByteTable, masks: [UInt64], last: UInt64) {
        // A folded word of the text fills position j when its canonical form is words[j]: it is words[j]
        // itself (unless the table maps that elsewhere), or a spelling the table maps to words[j], or
        // either with a doubled vowel written once (``NameIndex/looseWord(_:)``: `Shaʿbī` for Shaabi).
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
        return (table, masks, 1 << UInt64(words.count - 1))
    }

    /// Whether the phrase occurs in `text` (UTF-8). The scan ends at the first occurrence, or as soon as
    /// `stop` says so (asked every 4,096 words; the answer is then false, and the caller stops the query).
    func occurs(in text: UnsafeBufferPointer<UInt8>, stop: (() -> Bool)? = nil) -> Bool {
        guard let base = text.baseAddress else { return false }
        for a in alternatives {
            var sink = Sink(forms: a.forms, masks: a.masks, last: a.last, text: base, stop: stop)
            var scanner = TextScanner()
            scanner.scan(text, into: &sink)
            if sink.found { return true }
            // A scan that was stopped does not go on with the next spelling.
            if let stop, stop() { return false }
        }
        return false
    }

    func occurs(in text: String, stop: (() -> Bool)? = nil) -> Bool {
        var t = text
        return t.withUTF8 { occurs(in: $0, stop: stop) }
    }

    private struct Sink: TokenSink {
        let forms: ByteTable
        let masks: [UInt64]
        let last: UInt64
        let text: UnsafePointer<UInt8>
        let stop: (() -> Bool)?
        var matched: UInt64 = 0
        var found = false
        var countdown = 4096

        var stopped: Bool {
            mutating get {
                if found { return true }
                countdown -= 1
                guard countdown <= 0, let stop else { return false }
                countdown = 4096
                return stop()
            }
        }

        /// The next word of the text, which can fill the positions in `mask`.
        @inline(__always)
        private mutating func next(_ mask: UInt64) {
            matched = ((matched << 1) | 1) & mask
            if matched & last != 0 { found = true }
        }

        /// Whether the one-letter word `s` at `start` is a possessive (after ' or ’), which is no word.
        private func isPossessive(at start: Int) -> Bool {
            guard start > 0 else { return false }
            let before = text[start - 1]
            return before == 0x27 || (start >= 3 && before == 0x99 && text[start - 2] == 0x80 && text[start - 3] == 0xE2)
        }

        mutating func plainWord(_ w: PlainWord, in text: UnsafePointer<UInt8>, joined: Bool, sentence: Int) {
            let count = w.end - w.start
            if count == 1 && text[w.start] | 0x20 == 0x73 && isPossessive(at: w.start) { return }
            let k = forms.lookup(UnsafeBufferPointer(start: text + w.start, count: count), head: w.lowerHead, hash: w.hash,
                                 foldingCase: true)
            next(k >= 0 ? masks[Int(k)] : 0)
        }

        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let k: Int32
            if nonASCII {
                // Latin letters folded from a table, the same folds as ``Folding/fold(_:)`` (which takes the rest).
                let folded = LatinFolding.fold(raw)?.folded ?? Folding.fold(String(decoding: raw, as: UTF8.self))
                if folded == "s" && isPossessive(at: start) { return }
                k = forms.lookup(folded)
            } else {
                if lower.count == 1 && lower[0] == 0x73 && isPossessive(at: start) { return }
                k = forms.lookup(lower, hash: lowerHash)
            }
            next(k >= 0 ? masks[Int(k)] : 0)
        }
    }
}
