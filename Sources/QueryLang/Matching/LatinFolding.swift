/// ``Folding`` for the words most text has outside ASCII (`Sāmarrāʾī`, `Hāshim`), without Foundation.
///
/// ``Folding/fold(_:)`` folds a word one `Character` at a time. ASCII letters and digits and the letters
/// of Latin-1 and Latin Extended-A and -B (U+00C0...U+024F) are each a whole `Character` next to any
/// other of them (none is a combining mark or joiner), so a word made only of them folds to the
/// concatenation of its letters' folds. Those are computed once, with ``Folding/fold(_:)`` itself.
enum LatinFolding {
    private struct Letter {
        var folded: [UInt8]
        var isUppercase: Bool
        var isLowercase: Bool
    }

    private static let end: UInt32 = 0x250

    /// By scalar value below ``end``; nil for a scalar that is not such a letter.
    private static let letters: [Letter?] = (0..<end).map { v in
        guard let s = Unicode.Scalar(v) else { return nil }
        let isLetter = v < 0x80 ? CharacterClass.isASCIIAlnum(UInt8(v)) : v >= 0xC0 && CharacterClass.isWordScalar(v)
        guard isLetter else { return nil }
        return Letter(folded: Array(Folding.fold(String(s)).utf8), isUppercase: s.properties.isUppercase,
                      isLowercase: s.properties.isLowercase)
    }

    /// The fold of a word as written (apostrophes removed), and whether it has an uppercase and a
    /// lowercase letter; nil when it has a character outside the table.
    static func fold(_ word: UnsafeBufferPointer<UInt8>) -> (folded: String, hasUpper: Bool, hasLower: Bool)? {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var hasUpper = false, hasLower = false
        var i = 0
        while i < word.count {
            let (v, l) = CharacterClass.decode(word, i)
            guard v < end, let letter = letters[Int(v)] else { return nil }
            out += letter.folded
            hasUpper = hasUpper || letter.isUppercase
            hasLower = hasLower || letter.isLowercase
            i += l
        }
        return (String(decoding: out, as: UTF8.self), hasUpper, hasLower)
    }
}
