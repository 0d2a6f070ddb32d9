/// Whether a matched name stands inside a longer proper name that the catalog does not know, so that
/// the entity it was attributed to is a guess: `Washington Institute` is no mention of the city,
/// `Hezbollah Battalions` (a translation of Kataib Hezbollah) none of Lebanese Hezbollah, `Sadr City` none
/// of Muqtada al-Sadr.
///
/// A mention is uncertain when a capitalised word that no mention covers is glued to it by spaces, on the
/// same line (a hyphen makes a pair, `Israel-Palestine`, `US-Iran talks`, rather than a longer name):
/// - after it (`Washington Institute`, `Sadr City`, `Hezbollah Battalions`), unless that word is a title
///   (`US President`), a month or day, or a function word;
/// - before it (`Kita'ib Hezbollah`, `Ahmed Sadr`), unless that word is a title (`Prime Minister X`,
///   `Gen. X`), a demonym or other adjective (`Iraqi`, `Lebanese`, `Shia`), a function word, or ends in a
///   possessive (`Iran's Quds Force`).
/// A capitalised word counts when it has a lowercase letter after its capital (`Institute`, not `US` or
/// an all-capitals headline). Lines in title case (every content word capitalised: headlines) are left
/// alone, since every word there is capitalised.
enum UncertainMatch {
    /// Words that do not make a longer name, before or after one (lowercased, apostrophes removed).
    private static let neutral: Set<String> = [
        // function words and common sentence openers
        "the", "a", "an", "and", "or", "but", "nor", "in", "on", "at", "of", "for", "to", "by", "with", "from",
        "as", "if", "when", "while", "after", "before", "since", "during", "under", "over", "into", "onto",
        "meanwhile", "however", "according", "both", "this", "that", "these", "those", "many", "some",
        "several", "its", "his", "her", "their", "our", "my", "your", "it", "he", "she", "they", "we", "i",
        "you", "there", "then", "also", "yet", "so", "not", "no", "all", "each", "every", "unlike", "like",
        "despite", "although", "though", "because", "whether", "where", "which", "who", "whom", "whose",
        "what", "how", "why", "today", "yesterday", "tomorrow", "last", "next", "new", "pro", "anti", "ex",
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "said", "says", "told", "via",
        "than", "about", "against", "between", "among", "amid", "without", "within", "through", "per",
        "once", "even", "only", "just", "still", "now", "here", "such", "other", "another", "most", "more",
        "why", "did", "does", "do", "can", "could", "may", "might", "must", "should", "shall", "be", "been",
        "neither", "either", "state", "read", "more", "watch", "click", "share", "subscribe", "follow",
        "continue", "see", "photo", "video", "image", "file", "handout", "getty", "images",
        // months and days
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        // offices and ranks, before a person and after an organisation or country (`US President`)
        "president", "minister", "secretary", "commander", "sheikh", "shaykh", "sheik",
        "sayyid", "sayyed", "sayed", "ayatollah", "imam", "cleric", "leader", "chief", "spokesman",
        "spokesperson", "spokeswoman", "envoy", "ambassador", "senator", "judge", "colonel", "col", "major",
        "maj", "captain", "capt", "lieutenant", "lt", "brigadier", "admiral", "deputy", "chairman",
        "chairwoman", "director", "speaker", "king", "prince", "emir", "sultan", "mr", "mrs", "ms", "dr",
        "prof", "professor", "haj", "hajj", "hajji", "mullah", "grand", "premier", "governor", "mayor", "vice",
        "representative", "rep", "sen", "former", "late", "interim", "acting", "special", "prime", "foreign",
        "defense", "defence", "interior", "finance", "officials", "official", "forces", "troops",
        "commanders", "leaders", "fighters", "militias", "militia", "spokesmen", "mp", "mps", "members", "member",
    ]

    /// Words that do not make a longer name before one only: ranks and forms of address before a
    /// person (`General Soleimani`, where `Muhandis General Company` is a longer name), demonyms and
    /// other adjectives (`Iraqi`, `Lebanese`, `Shia`).
    private static let neutralBefore: Set<String> = [
        "general", "gen", "sergeant", "sgt", "army", "brigadier",
        // demonyms and other adjectives that stand before a name without making it longer
        "iraqi", "iraqis", "iranian", "iranians", "lebanese", "syrian", "yemeni", "american", "british",
        "israeli", "turkish", "saudi", "russian", "western", "arab", "arabic", "persian", "kurdish", "kurd",
        "kurds", "shia", "shias", "shiite", "shiites", "shii", "sunni", "sunnis", "muslim", "islamist", "jihadist",
        "kuwaiti", "qatari", "emirati", "bahraini", "omani", "pakistani", "afghan", "azeri", "european",
        "french", "german", "chinese", "jordanian", "egyptian", "palestinian", "baathist", "christian",
        "yazidi", "turkmen", "northern", "southern", "eastern", "central", "federal", "national", "regional",
    ]

    /// Whether a lowercased word is a function word, a month or day, or a title: no part of a name.
    static func isCommon(_ lower: String) -> Bool { neutral.contains(lower) }

    /// Whether a lowercased word is a demonym or another adjective that stands before names.
    static func isAdjective(_ lower: String) -> Bool { neutralBefore.contains(lower) }

    /// Whether the mention at `start..<end` of `text` is uncertain; `before` is where the previous
    /// mention of the document ends (or -1), `after` where the next one starts (or the text's length).
    static func isUncertain(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, before: Int, after: Int) -> Bool {
        let next = followingWord(text, end)
        let previous = precedingWord(text, start)
        let nextGlued = next.map { $0.lowerBound != after && counts(text, $0, leading: false) } ?? false
        let previousGlued = previous.map { $0.upperBound != before && counts(text, $0, leading: true) } ?? false
        guard nextGlued || previousGlued else { return false }
        return !isTitleCase(text, around: start)
    }

    /// The word right after `end`, if only spaces (no line break) stand between.
    private static func followingWord(_ t: UnsafeBufferPointer<UInt8>, _ end: Int) -> Range<Int>? {
        var j = end
        while j < t.count && (t[j] == 0x20 || t[j] == 0x09) { j += 1 }
        guard j < t.count, j > end else { return nil }
        var k = j
        while k < t.count {
            let c = t[k]
            if c >= 0x80 {
                let (v, l) = CharacterClass.decode(t, k)
                guard CharacterClass.isWordScalar(v) || (CharacterClass.isApostrophe(v) && k + l < t.count && t[k + l] != 0x73) else { break }
                k += l
                continue
            }
            if CharacterClass.isASCIIAlnum(c) || ((c == 0x27 || c == 0x60) && k > j && k + 1 < t.count
                                                   && CharacterClass.isASCIIAlnum(t[k + 1]) && t[k + 1] | 0x20 != 0x73) {
                k += 1
                continue
            }
            break
        }
        return k > j ? j..<k : nil
    }

    /// The word right before `start`, if only spaces (no line break) stand between.
    private static func precedingWord(_ t: UnsafeBufferPointer<UInt8>, _ start: Int) -> Range<Int>? {
        var j = start
        while j > 0 && (t[j - 1] == 0x20 || t[j - 1] == 0x09) { j -= 1 }
        guard j > 0, j < start else { return nil }
        var k = j
        while k > 0 {
            let c = t[k - 1]
            if c < 0x80 {
                if CharacterClass.isASCIIAlnum(c) || c == 0x27 || c == 0x60 { k -= 1; continue }
                break
            }
            // Back to the start of a UTF-8 sequence.
            var s = k - 1
            while s > 0 && t[s] & 0xC0 == 0x80 { s -= 1 }
            let (v, _) = CharacterClass.decode(t, s)
            guard CharacterClass.isWordScalar(v) || CharacterClass.isApostrophe(v) else { break }
            k = s
        }
        return k < j ? k..<j : nil
    }

    /// Whether the word at `r` makes a longer name with the mention: capitalised, with a lowercase letter,
    /// not neutral, and (before a name) not a possessive.
    private static func counts(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, leading: Bool) -> Bool {
        let c = t[r.lowerBound]
        guard CharacterClass.isASCIIUpper(c) || c >= 0x80 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: t[r]), as: UTF8.self)
        guard let first = word.unicodeScalars.first, first.properties.isUppercase,
              word.unicodeScalars.dropFirst().contains(where: { $0.properties.isLowercase }) else { return false }
        var folded = Folding.fold(word)
        if leading {
            // A possessive before the name: Iran's Quds Force, Iraq’s Hezbollah.
            if word.hasSuffix("'s") || word.hasSuffix("’s") || word.hasSuffix("'") || word.hasSuffix("’") { return false }
            if (folded.hasSuffix("ian") || folded.hasSuffix("ese") || folded.hasSuffix("ish")) { return false }
        }
        folded.removeAll { $0 == "'" }
        return !neutral.contains(folded) && !(leading && neutralBefore.contains(folded))
    }

    /// Whether the line holding `position` is in title case: at least three words of three or more
    /// letters, and none of five or more starting in lowercase (short function words may: `of`, `the`). Lines longer than 300 bytes are body text.
    static func isTitleCase(_ t: UnsafeBufferPointer<UInt8>, around position: Int) -> Bool {
        var a = position, b = position
        while a > 0 && t[a - 1] != 0x0A { a -= 1; if position - a > 300 { return false } }
        while b < t.count && t[b] != 0x0A { b += 1; if b - position > 300 { return false } }
        var words = 0, lower = 0
        var k = a
        while k < b {
            let c = t[k]
            guard CharacterClass.isASCIIAlnum(c) || c >= 0x80 else { k += 1; continue }
            let s = k
            while k < b && (CharacterClass.isASCIIAlnum(t[k]) || t[k] >= 0x80) { k += 1 }
            guard k - s >= 3 else { continue }
            if (t[s] &- 0x30) < 10 { continue }
            words += 1
            if CharacterClass.isASCIILower(t[s]) && k - s >= 5 { lower += 1 }
        }
        return words >= 3 && lower == 0
    }
}
