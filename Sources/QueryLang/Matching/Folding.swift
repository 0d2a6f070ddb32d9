import Foundation

/// Case and diacritic folding of one word that contains non-ASCII characters.
///
/// ASCII words are folded inline by the scanner; this slow path runs only for words such as `ʿAlī`
/// or `Ḥashd` and caches nothing itself (the vocabulary caches per corpus).
enum Folding {
    /// Letters that diacritic folding does not decompose, and letters folded to more than their base letter.
    ///
    /// Scholarly transliterations of Arabic and Persian (DMG, ALA-LC, ISO 233, EI) write one letter where
    /// news text writes two: `š` is `sh` (`al-Šaʿbī` is al-Shaabi), `ḫ`/`ẖ` `kh`, `ṯ` `th`, `ḏ` `dh`,
    /// `ġ`/`ḡ` `gh`, `ǧ` `j`, and from Slavic and Turkish usage `č` `ch` and `ž` `zh`. Letters with a dot or
    /// line below (`ḥ ṣ ḍ ṭ ẓ`) and macrons (`ā ī ū`) keep their base letter, as diacritic folding gives.
    ///
    /// Arabic script: the alef forms with hamza or madda fold to bare alef by diacritic folding; alef wasla
    /// is alef, ta marbuta `ة` is `ه`, alef maqsura `ى` and Persian yeh `ی` are `ي`, Persian keheh `ک` is
    /// `ك`. Tatweel and harakat are deleted (modifier letters and marks).
    private static let extra: [Character: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
        "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ß": "ss",
        "š": "sh", "Š": "sh", "č": "ch", "Č": "ch", "ž": "zh", "Ž": "zh", "ǧ": "j", "Ǧ": "j",
        "ḫ": "kh", "Ḫ": "kh", "ẖ": "kh", "ṯ": "th", "Ṯ": "th", "ḏ": "dh", "Ḏ": "dh",
        "ġ": "gh", "Ġ": "gh", "ḡ": "gh", "Ḡ": "gh",
        "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ؤ": "و", "ئ": "ي", "أ": "ا", "إ": "ا", "آ": "ا",
    ]

    /// Folds a word of text as the scanner hands it over (UTF-8, apostrophes removed), and says whether it
    /// has an uppercase and a lowercase letter: the one fold of words outside ASCII, for names, `has` and
    /// `kwic` alike. Latin letters go through ``LatinFolding``'s table (the same folds, without
    /// Foundation), any other word through ``fold(_:)``.
    static func fold(word raw: UnsafeBufferPointer<UInt8>) -> (folded: String, hasUpper: Bool, hasLower: Bool) {
        if let latin = LatinFolding.fold(raw) { return latin }
        let r = String(decoding: raw, as: UTF8.self)
        return (fold(r), r.unicodeScalars.contains { $0.properties.isUppercase },
                r.unicodeScalars.contains { $0.properties.isLowercase })
    }

    /// Folds a word (apostrophes already removed) to lowercase ASCII where it can, keeping other letters.
    static func fold(_ word: String) -> String {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        for ch in word {
            if let e = extra[ch] { out += e; continue }
            // A letter of the table carrying marks (`ةٌ`, `أَ`): the letter's fold; its marks are deleted.
            let scalars = ch.unicodeScalars
            if scalars.count > 1, let first = scalars.first, let e = extra[Character(first)] { out += e; continue }
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
