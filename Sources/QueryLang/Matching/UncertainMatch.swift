/// Whether a matched name stands inside a longer proper name that the catalog does not know, so that
/// the entity it was attributed to is a guess: `Washington Institute` is no mention of the city,
/// `Hezbollah Battalions` (a translation of Kataib Hezbollah) none of Lebanese Hezbollah, `Sadr City` none
/// of Muqtada al-Sadr.
///
/// A mention is uncertain when a capitalised word that no mention covers is glued to it by spaces, on the
/// same line (a hyphen makes a pair, `Israel-Palestine`, `US-Iran talks`, rather than a longer name):
/// - after it (`Washington Institute`, `Sadr City`, `Hezbollah Battalions`), unless that word is a title
///   (`US President`), a month or day, or a function word;
/// - before it (`Bayt Hezbollah`, `Ahmed Sadr`), unless it starts a sentence or a line (any word is
///   capitalised there), or is a title (`Prime Minister X`,
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
    @inline(__always)
    static func isUncertain(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, before: Int, after: Int,
                            titleCase: inout TitleCaseLine) -> Bool {
        // Most mentions have no capitalised word beside them that no mention covers: a few byte tests
        // per side say so, before the words are looked at. The cheapest first: two bytes after the
        // mention, then the lowercase word before it; only then the scans that skip spaces and whole
        // words (needed conditions of ``isGlued``, which looks only at the sides they let through).
        guard mayBeGlued(after: end, text) || mayBeGlued(before: start, text) else { return false }
        let afterSide = mayStartWord(after: end, text, nextMention: after)
        let beforeSide = mayEndWord(before: start, text, previousMention: before)
        guard afterSide || beforeSide else { return false }
        return isGlued(text, start: start, end: end, before: before, after: after, afterSide: afterSide,
                       beforeSide: beforeSide) && !titleCase.holds(text, around: start)
    }

    /// Whether a word that may count (``counts(_:_:leading:)``) follows `end` after spaces, and is not the
    /// next mention, which starts at `nextMention`: it starts with a capital or a letter outside ASCII.
    @inline(__always)
    private static func mayStartWord(after end: Int, _ t: UnsafeBufferPointer<UInt8>, nextMention: Int) -> Bool {
        var j = end
        while j < t.count && (t[j] == 0x20 || t[j] == 0x09) { j += 1 }
        guard j > end, j < t.count, j != nextMention else { return false }
        let c = t[j]
        return CharacterClass.isASCIIUpper(c) || c >= 0x80
    }

    /// Whether a word that may count ends before `start` after spaces, and is not the previous mention,
    /// which ends at `previousMention`: an ASCII word starting with a capital, or a word with letters
    /// outside ASCII (left to the closer look).
    @inline(__always)
    private static func mayEndWord(before start: Int, _ t: UnsafeBufferPointer<UInt8>, previousMention: Int) -> Bool {
        var j = start
        while j > 0 && (t[j - 1] == 0x20 || t[j - 1] == 0x09) { j -= 1 }
        guard j > 0, j < start, j != previousMention else { return false }
        var k = j
        while k > 0 {
            let c = t[k - 1]
            if c >= 0x80 { return true }
            guard CharacterClass.isASCIIAlnum(c) || c == 0x27 || c == 0x60 else { break }
            k -= 1
        }
        return k < j && CharacterClass.isASCIIUpper(t[k])
    }

    /// Whether a space and then a capital (or a letter outside ASCII) follow `end`.
    @inline(__always)
    private static func mayBeGlued(after end: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end + 1 < t.count, t[end] == 0x20 else { return false }
        let c = t[end + 1]
        return CharacterClass.isASCIIUpper(c) || c >= 0x80 || c == 0x20
    }

    /// Whether a word that is not all lowercase ASCII, then a space, stand before `start` (the words
    /// before most names are lowercase: `by`, `the`, `said`).
    @inline(__always)
    private static func mayBeGlued(before start: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start >= 2, t[start - 1] == 0x20 || t[start - 1] == 0x09 else { return false }
        var j = start - 2
        // Back over the lowercase letters eight bytes at a time (most words before a name are short and
        // lowercase), then one at a time.
        while j >= 7 {
            let lower = ByteLanes.lowercase(ByteLanes.load(t.baseAddress! + (j - 7)))
            let count = (~lower & ByteLanes.highBits).leadingZeroBitCount >> 3
            j -= count
            if count < 8 { break }
        }
        while j >= 0 && CharacterClass.isASCIILower(t[j]) { j -= 1 }
        if j < 0 { return false }
        let c = t[j]
        // A lowercase word ends at a separator here; anything else needs the closer look.
        return CharacterClass.isASCIIUpper(c) || (c &- 0x30) < 10 || c >= 0x80 || c == 0x27 || c == 0x60
            || (c == 0x20 && j == start - 2)
    }

    /// Whether an unknown capitalised word stands glued after or before the mention; only the sides that
    /// may have one (`afterSide`, `beforeSide`) are looked at.
    @inline(never)
    private static func isGlued(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, before: Int, after: Int,
                                afterSide: Bool, beforeSide: Bool) -> Bool {
        if afterSide, let next = followingWord(text, end), next.lowerBound != after, counts(text, next, leading: false) {
            return true
        }
        if beforeSide, let previous = precedingWord(text, start), previous.upperBound != before,
           !startsSentence(text, previous.lowerBound), counts(text, previous, leading: true) { return true }
        return false
    }

    /// Whether a word starts a sentence or a line, where any word is capitalised (so its capital says
    /// nothing): after the start of the text, a line break, or a sentence end and spaces.
    private static func startsSentence(_ t: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var j = start
        while j > 0 && (t[j - 1] == 0x20 || t[j - 1] == 0x09) { j -= 1 }
        // Opening quotes and brackets before the word.
        while j > 0 && (t[j - 1] == 0x22 || t[j - 1] == 0x28 || t[j - 1] == 0x5B || t[j - 1] == 0x27) { j -= 1 }
        if j >= 3 && t[j - 3] == 0xE2 && t[j - 2] == 0x80 && (t[j - 1] == 0x9C || t[j - 1] == 0x98) { j -= 3 }
        guard j > 0 else { return true }
        let c = t[j - 1]
        if c == 0x0A || c == 0x0D || c == 0x2E || c == 0x3F || c == 0x21 || c == 0x3A { return j < start }
        // A sentence end before closing quotes: `." He`, `.” Kataib`.
        if c == 0x22 || c == 0x29 || c == 0x5D { return j >= 2 && (t[j - 2] == 0x2E || t[j - 2] == 0x3F || t[j - 2] == 0x21) }
        if j >= 4 && t[j - 3] == 0xE2 && t[j - 2] == 0x80 && (t[j - 1] == 0x9D || t[j - 1] == 0x99) {
            let d = t[j - 4]
            return d == 0x2E || d == 0x3F || d == 0x21
        }
        return false
    }

    /// ``isTitleCase(_:around:)`` of the last line asked about, kept while the document's mentions are
    /// checked (several mentions share a line).
    struct TitleCaseLine {
        private var line: Range<Int> = 0..<0
        private var answer = false

        mutating func holds(_ t: UnsafeBufferPointer<UInt8>, around position: Int) -> Bool {
            if line.contains(position) { return answer }
            var a = position, b = position
            while a > 0 && t[a - 1] != 0x0A { a -= 1 }
            while b < t.count && t[b] != 0x0A { b += 1 }
            line = a..<max(b, a + 1)
            answer = UncertainMatch.isTitleCase(t, line: a..<b)
            return answer
        }
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
        if c < 0x80, let answer = asciiCounts(t, r, leading: leading) { return answer }
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

    /// The neutral words as bytes, for looking up ASCII words without making strings of them.
    private static let neutralTable: ByteTable = {
        let t = ByteTable(capacity: neutral.count)
        for w in neutral { t.insert(w, 1) }
        return t
    }()
    private static let neutralBeforeTable: ByteTable = {
        let t = ByteTable(capacity: neutralBefore.count)
        for w in neutralBefore { t.insert(w, 1) }
        return t
    }()

    /// ``counts(_:_:leading:)`` for a word of ASCII letters, digits and apostrophes (the mention's
    /// neighbours in most text, checked for every mention); nil for any other word.
    private static func asciiCounts(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, leading: Bool) -> Bool? {
        let n = r.count
        guard n <= 32 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer -> Bool? in
            var m = 0
            var hasLower = false
            for k in r {
                let b = t[k]
                if b >= 0x80 { return nil }
                if b == 0x27 || b == 0x60 { continue }
                if CharacterClass.isASCIILower(b) { hasLower = true }
                buffer[m] = CharacterClass.isASCIIUpper(b) ? b | 0x20 : b
                m += 1
            }
            guard hasLower, m > 0 else { return false }
            if leading {
                // A possessive before the name (Iran's Quds Force), a demonym (Iranian, Lebanese, Kurdish).
                if t[r.upperBound - 1] == 0x27 || (n >= 2 && t[r.upperBound - 2] == 0x27 && t[r.upperBound - 1] | 0x20 == 0x73) { return false }
                if m >= 3 {
                    let tail = (buffer[m - 3], buffer[m - 2], buffer[m - 1])
                    if tail == (0x69, 0x61, 0x6E) || tail == (0x65, 0x73, 0x65) || tail == (0x69, 0x73, 0x68) { return false }
                }
            }
            let word = UnsafeBufferPointer(rebasing: buffer[..<m])
            if neutralTable.lookup(word) >= 0 { return false }
            return !(leading && neutralBeforeTable.lookup(word) >= 0)
        }
    }

    /// Whether the line holding `position` is in title case: at least three words of three or more
    /// letters, and none of five or more starting in lowercase (short function words may: `of`, `the`). Lines longer than 300 bytes are body text.
    static func isTitleCase(_ t: UnsafeBufferPointer<UInt8>, around position: Int) -> Bool {
        var a = position, b = position
        while a > 0 && t[a - 1] != 0x0A { a -= 1; if position - a > 300 { return false } }
        while b < t.count && t[b] != 0x0A { b += 1; if b - position > 300 { return false } }
        return isTitleCase(t, line: a..<b)
    }

    /// ``isTitleCase(_:around:)`` of the line at `line`; stops at the first lowercase word.
    static func isTitleCase(_ t: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
        if line.count > 600 { return false }
        let b = line.upperBound
        var words = 0
        var k = line.lowerBound
        while k < b {
            let c = t[k]
            guard CharacterClass.isASCIIAlnum(c) || c >= 0x80 else { k += 1; continue }
            let s = k
            while k < b && (CharacterClass.isASCIIAlnum(t[k]) || t[k] >= 0x80) { k += 1 }
            guard k - s >= 3 else { continue }
            if (t[s] &- 0x30) < 10 { continue }
            words += 1
            if CharacterClass.isASCIILower(t[s]) && k - s >= 5 { return false }
        }
        return words >= 3
    }
}
