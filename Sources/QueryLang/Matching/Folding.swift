import Foundation

/// Case and diacritic folding of one word that contains non-ASCII characters.
///
/// ASCII words are folded inline by the scanner; this slow path runs only for words such as `ʿAlī`
/// or `Ḥashd` and caches nothing itself (the vocabulary caches per corpus).
enum Folding {
    /// Letters that diacritic folding does not decompose.
    private static let extra: [Character: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
        "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ß": "ss",
    ]

    /// Folds a word (apostrophes already removed) to lowercase ASCII where it can, keeping other letters.
    static func fold(_ word: String) -> String {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        for ch in word {
            if let e = extra[ch] { out += e; continue }
            let f = String(ch).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            for s in f.unicodeScalars {
                let p = s.properties
                switch p.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .modifierLetter, .format: continue
                default: break
                }
                if CharacterClass.isApostrophe(s.value) { continue }
                out.unicodeScalars.append(contentsOf: String(s).lowercased().unicodeScalars)
            }
        }
        return out
    }
}
