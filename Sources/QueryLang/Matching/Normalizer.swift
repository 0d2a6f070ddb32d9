/// The one normaliser for names and text, as a string API.
///
/// `Normalizer.key("Kata’ib Hizballah")` is `"kataib hezbollah"`; the matcher applies the very same
/// rules to document text (see ``TextScanner``).
public struct Normalizer: Sendable {
    public let spelling: SpellingTable

    public init(spelling: SpellingTable = .standard) {
        self.spelling = spelling
    }

    /// The normalised words of a name or text: folded, with spelling rules applied.
    public func words(_ text: String) -> [String] {
        scanWords(text).map { spelling.canonical($0.folded) }
    }

    /// The words of a name as written (apostrophes removed), for case-sensitive acronyms.
    public func rawWords(_ text: String) -> [String] {
        scanWords(text).map(\.raw)
    }

    /// The normalised words joined by single spaces: the key under which a name is looked up.
    public func key(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    struct ScannedWord {
        var raw: String
        var folded: String
        var joined: Bool
    }

    func scanWords(_ text: String) -> [ScannedWord] {
        var sink = CollectingSink()
        var scanner = TextScanner()
        var t = text
        t.withUTF8 { scanner.scan($0, into: &sink) }
        return sink.words
    }

    private struct CollectingSink: TokenSink {
        var words: [ScannedWord] = []
        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let r = String(decoding: raw, as: UTF8.self)
            let f = nonASCII ? Folding.fold(r) : String(decoding: lower, as: UTF8.self)
            words.append(ScannedWord(raw: r, folded: f, joined: joined))
        }
    }
}
