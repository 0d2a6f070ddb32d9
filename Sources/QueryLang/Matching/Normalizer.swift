/// The one normaliser for names and text, as a string API.
///
/// `Normalizer.key("Kata’ib Hizballah")` is `"kataib hezbollah"`; the matcher applies the very same
/// rules to document text (see ``TextScanner``).
@_spi(MQInternals) public struct Normalizer: Sendable {
    @_spi(MQInternals) public let spelling: SpellingTable

    @_spi(MQInternals) public init(spelling: SpellingTable = .standard) {
        self.spelling = spelling
    }

    /// The normalised words of a name or text: folded, with spelling rules applied (a phrase of the
    /// table becomes its one word: `Hizb Allah` -> `hezbollah`).
    @_spi(MQInternals) public func words(_ text: String) -> [String] {
        spelling.collapsingPhrases(scanWords(text).map { spelling.canonical($0.folded) })
    }

    /// Stands in the words of a phrase (``phraseWords(_:)``) for a possessive `'s` between two words.
    @_spi(MQInternals) public static let possessiveMark = "'s"

    /// The normalised words of a phrase to look for (`has`, `kwic`): ``words(_:)``, with
    /// ``possessiveMark`` where a possessive stands between two words (`Iran's Quds Force` ->
    /// `iran 's quds force`), since the possessive ends a name and a phrase alike (see ``PhraseFinder``).
    @_spi(MQInternals) public func phraseWords(_ text: String) -> [String] {
        var out: [String] = []
        for w in scanWords(text) {
            if w.afterPossessive && !out.isEmpty { out.append(Normalizer.possessiveMark) }
            out.append(spelling.canonical(w.folded))
        }
        return spelling.collapsingPhrases(out)
    }

    /// Whether a normalised word of a text stands for a normalised word of a name or phrase: the same
    /// word, or the word with each doubled `aa`, `ii`, `uu` written once (`shabi` for `shaabi`: the ʿayn
    /// of `Šaʿbī` is deleted by folding). The one comparison of words behind names, `has` and `kwic`.
    @_spi(MQInternals) public static func wordMatches(_ textWord: String, _ nameWord: String) -> Bool {
        textWord == nameWord || (textWord.utf8.count < nameWord.utf8.count && textWord == NameIndex.looseWord(nameWord))
    }

    /// The words of a name as written (apostrophes removed), for case-sensitive acronyms.
    @_spi(MQInternals) public func rawWords(_ text: String) -> [String] {
        scanWords(text).map(\.raw)
    }

    /// The normalised words joined by single spaces: the key under which a name is looked up.
    @_spi(MQInternals) public func key(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    struct ScannedWord {
        var raw: String
        var folded: String
        var joined: Bool
        /// UTF-8 offsets of the word in the scanned text.
        var start: Int = 0
        var end: Int = 0
        /// Only a possessive `'s` and spaces stand between the previous word and this one.
        var afterPossessive = false
        /// The scanner read letters outside ASCII in it (its folded form came from ``Folding/fold(word:)``).
        var nonASCII = false
    }

    func scanWords(_ text: String) -> [ScannedWord] {
        var t = text
        return t.withUTF8 { p in
            var sink = CollectingSink(text: p)
            var scanner = TextScanner()
            scanner.scan(p, into: &sink)
            return sink.words
        }
    }

    private struct CollectingSink: TokenSink {
        let text: UnsafeBufferPointer<UInt8>
        var words: [ScannedWord] = []
        /// Where the last possessive ended, if no word came after it yet.
        var possessiveEnd = -1

        init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let r = String(decoding: raw, as: UTF8.self)
            let f = nonASCII ? Folding.fold(word: raw).folded : String(decoding: lower, as: UTF8.self)
            let afterPossessive = possessiveEnd >= 0 && CharacterClass.onlySpaces(text, possessiveEnd..<start)
            words.append(ScannedWord(raw: r, folded: f, joined: joined, start: start, end: end,
                                     afterPossessive: afterPossessive, nonASCII: nonASCII))
            possessiveEnd = -1
        }

        mutating func possessive(start: Int, end: Int) { possessiveEnd = end }
    }
}
