extension StringProtocol {
    /// The text without leading and trailing white space (a fast path for the loaders: Foundation's
    /// `trimmingCharacters(in:)` is costly when called per value).
    var trimmed: String {
        var s = self[...]
        while let f = s.unicodeScalars.first, CharacterClass.isSpace(f.value) { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, CharacterClass.isSpace(l.value) { s = s.dropLast() }
        return String(s)
    }

    /// Whether the text is empty or white space only.
    var isBlank: Bool { unicodeScalars.allSatisfy { CharacterClass.isSpace($0.value) } }
}
