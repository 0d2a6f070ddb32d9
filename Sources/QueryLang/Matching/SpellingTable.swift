/// Spelling rewrites applied after folding: variant spellings of the same word.
///
/// The table maps a folded word to its canonical folded form (`hizballah` -> `hezbollah`), or a folded
/// phrase, its words joined by single spaces, to one canonical word (`hizb allah` -> `hezbollah`: a
/// spelling that splits the word in two). Corpora may add rules in `corpus.yaml`.
@_spi(MQInternals) public struct SpellingTable: Sendable {
    @_spi(MQInternals) public private(set) var rules: [String: String] {
        didSet { phrases = SpellingTable.phrases(of: rules) }
    }
    /// The rules whose left side has several words, as word lists; longest first.
    @_spi(MQInternals) public private(set) var phrases: [(words: [String], canonical: String)]

    @_spi(MQInternals) public init(rules: [String: String] = [:]) {
        self.rules = rules
        phrases = SpellingTable.phrases(of: rules)
    }

    private static func phrases(of rules: [String: String]) -> [(words: [String], canonical: String)] {
        rules.compactMap { k, v -> (words: [String], canonical: String)? in
            let words = k.split(separator: " ").map(String.init)
            return words.count > 1 ? (words, v) : nil
        }.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words) }
    }

    /// The words with every phrase rule applied (leftmost, longest first): `[hizb, allah]` -> `[hezbollah]`.
    @_spi(MQInternals) public func collapsingPhrases(_ words: [String]) -> [String] {
        if phrases.isEmpty || words.count < 2 { return words }
        var out: [String] = []
        var i = 0
        outer: while i < words.count {
            for p in phrases where i + p.words.count <= words.count && Array(words[i..<(i + p.words.count)]) == p.words {
                out.append(p.canonical)
                i += p.words.count
                continue outer
            }
            out.append(words[i])
            i += 1
        }
        return out
    }

    /// Every way of writing a canonical word as a phrase of the table (`hezbollah` -> `[hizb, allah]`, ...).
    @_spi(MQInternals) public func phraseSpellings(of word: String) -> [[String]] {
        phrases.filter { $0.canonical == word }.map(\.words)
    }

    /// The built-in rules: transliteration variants of words that recur across names.
    @_spi(MQInternals) public static let standard = SpellingTable(rules: [
        // The Arabic article in its unassimilated spellings.
        "el": "al",
        // Hezbollah ("Party of God") and its transliterations.
        "hizballah": "hezbollah", "hizbollah": "hezbollah", "hizbullah": "hezbollah", "hezbolla": "hezbollah",
        "hizbulla": "hezbollah", "hisbollah": "hezbollah",
        // British and American spellings.
        "mobilisation": "mobilization", "organisation": "organization", "organisations": "organizations",
        "defence": "defense", "centre": "center",
        // Quds / Qods ("Jerusalem").
        "qods": "quds", "ghods": "quds",
        // Muhammad and its common transliterations.
        "mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad", "muhammed": "muhammad",
        "mohamad": "muhammad", "mouhammad": "muhammad",
        // Abu / Abou, Abdul / Abdel / Abd-ul.
        "abou": "abu", "abdel": "abdul", "abdoul": "abdul",
        // Kataib / Kataeb / Katayib / Kitaib ("brigades").
        "kataeb": "kataib", "katayib": "kataib", "kitaib": "kataib", "kataaib": "kataib",
        // Hezbollah written as two words, "hizb allah" ("party of God").
        "hizb allah": "hezbollah", "hezb allah": "hezbollah", "hizb ullah": "hezbollah", "hizb ollah": "hezbollah",
        "hezb ollah": "hezbollah",
        // Shia / Shiite / Shi'ite are kept apart on purpose: they are not names.
    ])

    /// The canonical form of a folded word.
    @inline(__always)
    @_spi(MQInternals) public func canonical(_ word: String) -> String { rules[word] ?? word }

    @_spi(MQInternals) public mutating func add(_ from: String, _ to: String) { rules[from] = to }
}
