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
        /// UTF-8 offset of the word in the scanned text.
        var start: Int = 0
    }

    func scanWords(_ text: String) -> [ScannedWord] {
        var sink = CollectingSink()
        var scanner = TextScanner()
        var t = text
        t.withUTF8 { p in
            scanner.scan(p, into: &sink)
            // A possessive 's ends a name and is not a word of its own (Iraq’s -> iraq).
            sink.words.removeAll { w in
                guard w.folded == "s", w.start > 0 else { return false }
                let before = p[w.start - 1]
                return before == 0x27 || (w.start >= 3 && before == 0x99 && p[w.start - 2] == 0x80 && p[w.start - 3] == 0xE2)
            }
        }
        return sink.words
    }

    private struct CollectingSink: TokenSink {
        var words: [ScannedWord] = []
        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let r = String(decoding: raw, as: UTF8.self)
            let f = nonASCII ? Folding.fold(r) : String(decoding: lower, as: UTF8.self)
            words.append(ScannedWord(raw: r, folded: f, joined: joined, start: start))
        }
    }
}
