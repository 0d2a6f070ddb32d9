/// Single-word spelling rewrites applied after folding: variant spellings of the same word.
///
/// The table maps a folded word to its canonical folded form. Corpora may add rules in `corpus.yaml`.
public struct SpellingTable: Sendable {
    public private(set) var rules: [String: String]

    public init(rules: [String: String] = [:]) {
        self.rules = rules
    }

    /// The built-in rules: transliteration variants of words that recur across names.
    public static let standard = SpellingTable(rules: [
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
        // Kataib / Kataeb / Katayib ("brigades").
        "kataeb": "kataib", "katayib": "kataib",
        // Shia / Shiite / Shi'ite are kept apart on purpose: they are not names.
    ])

    /// The canonical form of a folded word.
    @inline(__always)
    public func canonical(_ word: String) -> String { rules[word] ?? word }

    public mutating func add(_ from: String, _ to: String) { rules[from] = to }
}
