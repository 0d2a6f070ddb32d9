/// Receives the words of a text from ``TextScanner``, in order.
protocol TokenSink {
    /// One whole word. `lower` holds its ASCII-lowercased bytes when `nonASCII` is false; `raw` holds its
    /// bytes as written (apostrophes removed). `joined` is true when only spaces, hyphens or a period
    /// separate it from the previous word in the same sentence.
    mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                       lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int)
}

/// Splits text into whole words and sentences in one pass over its UTF-8 bytes.
///
/// This is the one normaliser of mq: catalog names and document text go through it alike. Words are runs
/// of letters, digits and combining marks; apostrophe-like marks inside a word are deleted (`Kata'ib` ->
/// `kataib`), a possessive `'s` ends the word (`Maliki’s` -> `maliki`), hyphens and other punctuation
/// separate words. The assimilated Arabic article (`as-Sadr`, `ash-Shammari`, `ad-Din`) is written `al`.
///
/// Sentences end at `.`, `?`, `!` or `…` (after any closing quotes) followed by white space and a word that
/// does not start with a lowercase letter, unless the period ends an abbreviation (`U.S.`, `Oct.`, `a.m.`,
/// `Gen.`); and at a line break before a line that does not start with a lowercase letter.
struct TextScanner {
    private var raw: [UInt8] = Array(repeating: 0, count: 256)
    private var lower: [UInt8] = Array(repeating: 0, count: 256)

    static let maxWordBytes = 256

    /// Lowercased abbreviations that a period does not end a sentence after.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "st", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "prof",
        "gov", "sen", "rep", "maj", "capt", "brig", "cpl", "pvt", "adm", "cmdr", "rev", "hon", "mt", "ft",
        "approx", "est", "dept", "univ", "fig", "al", "pp", "op", "cf", "ie", "eg", "lit",
    ]

    private static let abbreviationTable: ByteTable = {
        var t = ByteTable(capacity: abbreviations.count)
        for a in abbreviations { t.insert(a, 1) }
        return t
    }()

    init() {}

    mutating func scan<S: TokenSink>(_ p: UnsafeBufferPointer<UInt8>, into sink: inout S) {
        let n = p.count
        var i = 0
        var sentence = 0
        var hadWord = false
        // Separator state since the previous word.
        var joinable = false
        var boundary = false       // a sentence end was seen and waits for the next word
        var sawSpaceAfterEnd = false
        var newlines = 0
        var prevWordEnd = -1
        var prevWordLen = 0
        var prevWordIsAbbrev = false

        raw.withUnsafeMutableBufferPointer { rawBuf in
        lower.withUnsafeMutableBufferPointer { lowBuf in
        while i < n {
            let b = p[i]
            var v = UInt32(b)
            var len = 1
            if b >= 0x80 { (v, len) = CharacterClass.decode(p, i) }
            let startsWord = b < 0x80 ? CharacterClass.isASCIIAlnum(b)
                : (!CharacterClass.isApostrophe(v) && CharacterClass.isWordScalar(v))
            if startsWord {
                // Read one word.
                let start = i
                var j = i
                var k = 0
                var nonASCII = false
                var hasUpper = false
                var wordEnd = i
                var h = ByteTable.seed
                while j < n {
                    let c = p[j]
                    if c < 0x80 {
                        if CharacterClass.isASCIIAlnum(c) {
                            if k < TextScanner.maxWordBytes {
                                rawBuf[k] = c
                                let l = CharacterClass.isASCIIUpper(c) ? c | 0x20 : c
                                hasUpper = hasUpper || l != c
                                lowBuf[k] = l
                                h = (h ^ UInt64(l)) &* ByteTable.prime
                            }
                            k += 1; j += 1; wordEnd = j
                            continue
                        }
                        if c == 0x27 || c == 0x60 {
                            if TextScanner.continuesWord(p, j + 1) { j += 1; continue }
                        }
                        break
                    }
                    let (w, l) = CharacterClass.decode(p, j)
                    if CharacterClass.isApostrophe(w) {
                        if TextScanner.continuesWord(p, j + l) { j += l; continue }
                        break
                    }
                    if CharacterClass.isWordScalar(w) {
                        nonASCII = true
                        for q in 0..<l where k + q < TextScanner.maxWordBytes { rawBuf[k + q] = p[j + q]; lowBuf[k + q] = p[j + q] }
                        k += l; j += l; wordEnd = j
                        continue
                    }
                    break
                }
                let m = min(k, TextScanner.maxWordBytes)
                // A new sentence starts here?
                var firstIsLower = CharacterClass.isASCIILower(p[start])
                if !firstIsLower && p[start] >= 0x80 {
                    let (fv, _) = CharacterClass.decode(p, start)
                    firstIsLower = Unicode.Scalar(fv).map { $0.properties.isLowercase } ?? false
                }
                if hadWord {
                    if (boundary && sawSpaceAfterEnd && !firstIsLower) || newlines >= 2 || (newlines == 1 && !firstIsLower) {
                        sentence += 1
                        joinable = false
                    }
                }
                // The assimilated Arabic article: as-Sadr, ash-Shammari, ad-Din, an-Najaf.
                var lm = m
                if !nonASCII, m >= 2, m <= 3, lowBuf[0] == 0x61, wordEnd < n, p[wordEnd] == 0x2D,
                   TextScanner.assimilates(lowBuf, m, p, wordEnd + 1) {
                    lowBuf[1] = 0x6C
                    lm = 2
                    h = ByteTable.hash(UnsafeBufferPointer(rebasing: lowBuf[0..<2]))
                }
                sink.word(start: start, end: wordEnd,
                          raw: UnsafeBufferPointer(rebasing: rawBuf[0..<m]),
                          lower: UnsafeBufferPointer(rebasing: lowBuf[0..<lm]), lowerHash: h,
                          nonASCII: nonASCII, hasUpper: hasUpper,
                          joined: hadWord && joinable, sentence: sentence)
                hadWord = true
                prevWordEnd = wordEnd
                prevWordLen = m
                prevWordIsAbbrev = !nonASCII && ((m == 1 && CharacterClass.isASCIILower(lowBuf[0]))
                    || (m <= 6 && TextScanner.abbreviationTable.lookup(UnsafeBufferPointer(rebasing: lowBuf[0..<m])) >= 0))
                joinable = true
                boundary = false
                sawSpaceAfterEnd = false
                newlines = 0
                i = j
                continue
            }
            // A separator.
            if v == 0x0A {
                newlines += 1
                joinable = joinable && newlines < 2
                if boundary { sawSpaceAfterEnd = true }
            } else if CharacterClass.isSpace(v) {
                if boundary { sawSpaceAfterEnd = true }
            } else if v == 0x2E {  // .
                if i == prevWordEnd && prevWordIsAbbrev && prevWordLen > 0 {
                    // "U.S.", "Oct. 19", "3 a.m.": not a sentence end; the period joins like a space.
                } else if i > 0 && p[i - 1] == 0x2E {
                    // An ellipsis made of periods.
                    boundary = true
                } else {
                    boundary = true
                    sawSpaceAfterEnd = false
                }
            } else if v == 0x3F || v == 0x21 || v == 0x2026 {  // ? ! …
                boundary = true
                sawSpaceAfterEnd = false
                joinable = false
            } else if CharacterClass.isHyphen(v) {
                // joins the parts of a name
            } else if v == 0x22 || v == 0x201D || v == 0x201C || v == 0x2019 || v == 0x2018 || v == 0x27
                        || v == 0x29 || v == 0x5D || v == 0x28 || v == 0x5B || v == 0xBB || v == 0xAB {
                // Quotes and brackets may stand between a sentence end and the next sentence.
                joinable = false
            } else {
                joinable = false
                if !sawSpaceAfterEnd { boundary = false }
            }
            i += len
        }
        }
        }
    }

    /// Whether the bytes at `i` start a word letter (so an apostrophe before them is inside a word),
    /// excluding a possessive `s` that ends the word.
    @inline(__always)
    private static func continuesWord(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < p.count else { return false }
        let c = p[i]
        if c < 0x80 {
            guard CharacterClass.isASCIIAlnum(c) else { return false }
            if c == 0x73 || c == 0x53 {  // 's
                let next = i + 1
                if next >= p.count { return false }
                let d = p[next]
                if d < 0x80 { return CharacterClass.isASCIIAlnum(d) }
                let (w, _) = CharacterClass.decode(p, next)
                return CharacterClass.isWordScalar(w) && !CharacterClass.isApostrophe(w)
            }
            return true
        }
        let (w, _) = CharacterClass.decode(p, i)
        return !CharacterClass.isApostrophe(w) && CharacterClass.isWordScalar(w)
    }

    /// `as-S…`, `ash-Sh…`, `ad-D…`, `at-T…`, `az-Z…`, `an-N…`, `ar-R…`, `ath-Th…`, `adh-Dh…`.
    @inline(__always)
    private static func assimilates(_ w: UnsafeMutableBufferPointer<UInt8>, _ m: Int,
                                    _ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        let c1 = w[1]
        guard c1 == 0x73 || c1 == 0x64 || c1 == 0x74 || c1 == 0x7A || c1 == 0x6E || c1 == 0x72 else { return false }
        if m == 3 && w[2] != 0x68 { return false }  // only ash, ath, adh
        if m == 3 && !(c1 == 0x73 || c1 == 0x74 || c1 == 0x64) { return false }
        for q in 1..<m {
            guard at + q - 1 < p.count else { return false }
            if p[at + q - 1] | 0x20 != w[q] { return false }
        }
        // The next word must go on after the consonant(s).
        let after = at + m - 1
        return after < p.count && CharacterClass.isASCIIAlnum(p[after])
    }
}
