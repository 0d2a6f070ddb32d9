/// Splits text into whole words and sentences in one pass over its UTF-8 bytes.
///
/// This is the one normaliser of mq: catalog names and document text go through it alike. Words are runs
/// of letters, digits and combining marks; apostrophe-like marks inside a word are deleted (`Kata'ib` ->
/// `kataib`), a possessive `'s` ends the word (`Maliki’s` -> `maliki`) and is no word itself (the sink
/// hears of it through ``TokenSink/possessive(start:end:)``), hyphens and other punctuation separate words.
/// The assimilated Arabic article (`as-Sadr`, `ash-Shammari`, `ad-Din`) is written `al`.
///
/// Sentences end at `.`, `?`, `!` or `…` (after any closing quotes) followed by white space and a word that
/// does not start with a lowercase letter, unless the period ends an abbreviation (`U.S.`, `Oct.`, `a.m.`,
/// `Gen.`); and at a line break before a line that does not start with a lowercase letter.
///
/// Speed: separators are classified by a byte table (``ByteClass``). A word is first read as a
/// ``PlainWord``, eight bytes at a time (``ByteLanes``), hashed as it is read and never copied; only a
/// word that is not plain (an apostrophe inside it, a non-ASCII letter, a possible assimilated article,
/// more than ``maxWordBytes``) is read again by the general ``scanWord(_:at:joined:sentence:into:)``,
/// which copies it as written and lowercased.
struct TextScanner {
    static let maxWordBytes = 256

    /// Whether the text being scanned is hard-wrapped (see ``LineWrap``). Kept here rather than in a
    /// local of ``scan(_:into:)``: it is used once a line, and out of the registers of the word loop.
    private var wrap = LineWrap()

    init() {}

    mutating func scan<S: TokenSink>(_ p: UnsafeBufferPointer<UInt8>, into sink: inout S) {
        guard let base = p.baseAddress else { return }
        let n = p.count
        let classes = ByteClass.table
        var i = 0
        var sentence = -1
        // Separator state since the previous word; before the first word, as after a paragraph break, so
        // that it starts sentence 0 and is not joined.
        var joinable = false
        var boundary = false       // a sentence end was seen and waits for the next word
        var sawSpaceAfterEnd = false
        var newlines = 2
        var abbreviationEnd = -1   // where a period ends the previous word's abbreviation, not a sentence
        wrap = LineWrap()

        while i < n {
            let b = base[i]
            var kind = classes[Int(b)]
            var width = 1
            if kind == .nonASCII { (kind, width) = TextScanner.classify(p, i) }
            if kind == .word {
                // A new sentence starts here? A single line break ends a sentence before a line that does
                // not start in lowercase, unless the text is hard-wrapped and the line broke mid-sentence.
                let firstIsLower = b < 0x80 ? CharacterClass.isASCIILower(b) : TextScanner.startsLowercase(p, i)
                if (boundary && sawSpaceAfterEnd && !firstIsLower) || newlines >= 2
                    || (newlines == 1 && !firstIsLower && !wrap.continuesSentence) {
                    sentence += 1
                    joinable = false
                }
                let run = TextScanner.scanRun(p, at: i, joined: joinable, sentence: sentence, into: &sink)
                if run.stopped { return }
                i = run.end
                abbreviationEnd = run.abbreviationEnd
                joinable = true
                boundary = false
                sawSpaceAfterEnd = false
                newlines = 0
                // A space right after a word changes nothing (no sentence end waits): step over it
                // (without a branch on it, which the processor would often mispredict).
                if i < n { i &+= base[i] == 0x20 ? 1 : 0 }
                continue
            }
            switch kind {
            case .newline:
                if newlines == 0 { wrap.lineEnded(length: i - wrap.lineStart, terminated: boundary) }
                wrap.lineStart = i + 1
                newlines += 1
                joinable = joinable && newlines < 2
                if boundary { sawSpaceAfterEnd = true }
            case .space:
                if boundary { sawSpaceAfterEnd = true }
            case .period:
                if i == abbreviationEnd {
                    // "U.S.", "Oct. 19", "3 a.m.": not a sentence end; the period joins like a space.
                } else if i > 0 && base[i - 1] == 0x2E {
                    // An ellipsis made of periods.
                    boundary = true
                } else {
                    boundary = true
                    sawSpaceAfterEnd = false
                    // A reference number glued to the period after a word (`Iraq.12 The`) is stepped over.
                    if i + 1 < n && (base[i + 1] &- 0x30) < 10, let end = TextScanner.citationMarker(base, n, at: i + 1) {
                        i = end
                        continue
                    }
                }
            case .sentenceMark:
                boundary = true
                sawSpaceAfterEnd = false
                joinable = false
            case .hyphen:
                // Joins the parts of a name; a transliteration's apostrophe (`ʼ`) may start a possessive.
                if width > 1 && i + width < n && base[i + width] | 0x20 == 0x73,
                   let end = TextScanner.possessiveEnd(p, at: i, width: width) {
                    sink.possessive(start: i, end: end)
                    joinable = false
                    i = end
                    continue
                }
            case .quote:
                // Quotes and brackets may stand between a sentence end and the next sentence. A citation
                // marker after a sentence end (`2020.[37] During`, `.[4][5]`) is stepped over with its
                // brackets: the sentence stays ended.
                joinable = false
                // Of the quotes, only `'`, `’` and `‘` can start a possessive.
                if (b == 0x27 || b >= 0x80) && i + width < n && base[i + width] | 0x20 == 0x73,
                   let end = TextScanner.possessiveEnd(p, at: i, width: width) {
                    sink.possessive(start: i, end: end)
                    i = end
                    continue
                }
                if b == 0x5B && boundary && !sawSpaceAfterEnd && i + 1 < n, let end = TextScanner.citationMarker(base, n, at: i + 1) {
                    // `[12, 13]`, `[12–14]`: on to the closing bracket.
                    var e = end
                    while e < n && e - i < 24 && ((base[e] &- 0x30) < 10 || base[e] == 0x2C || base[e] == 0x20 || base[e] == 0x2D) { e += 1 }
                    i = e < n && base[e] == 0x5D ? e + 1 : end
                    continue
                }
            default:
                joinable = false
                if !sawSpaceAfterEnd { boundary = false }
                // Commas, colons and the like never start a possessive: of the ASCII separators here only
                // the backtick is an apostrophe-like mark (`'` is a quote), so the byte tells most of them.
                if (b == 0x60 || b >= 0x80) && i + width < n && base[i + width] | 0x20 == 0x73,
                   let end = TextScanner.possessiveEnd(p, at: i, width: width) {
                    sink.possessive(start: i, end: end)
                    i = end
                    continue
                }
            }
            i += width
            // A space right after a separator (", ", ". "), taken here as the `.space` case would take it
            // on the next turn, without going through the switch again.
            let space = i < n && base[i] == 0x20
            sawSpaceAfterEnd = sawSpaceAfterEnd || (space && boundary)
            i &+= space ? 1 : 0
        }
    }

    /// Reads the word at `start`, then the next one for as long as a single space and an ASCII letter or
    /// digit follow: between two such words the separator state is the one after any word (no sentence
    /// end waits, no line break), so the next word needs neither the sentence test nor the separator
    /// switch of ``scan(_:into:)``. Most words of news text are read here, in a loop with few live
    /// values. Returns where the last word ends, where a period after it would end an abbreviation (or
    /// -1), and whether the sink stopped.
    @inline(never)
    private static func scanRun<S: TokenSink>(_ p: UnsafeBufferPointer<UInt8>, at start: Int, joined: Bool,
                                              sentence: Int, into sink: inout S)
        -> (end: Int, abbreviationEnd: Int, stopped: Bool) {
        let base = p.baseAddress!
        let n = p.count
        var i = start
        var joined = joined
        var c = base[i]
        while true {
            var abbreviation: Bool
            if c < 0x80, let w = TextScanner.plainWord(base, n, at: i) {
                sink.plainWord(w, in: base, joined: joined, sentence: sentence)
                abbreviation = w.end < n && base[w.end] == 0x2E && TextScanner.isAbbreviation(w, in: base)
                i = w.end
            } else {
                (i, abbreviation) = TextScanner.scanWord(p, at: i, joined: joined, sentence: sentence, into: &sink)
            }
            if sink.stopped { return (i, -1, true) }
            joined = true
            if i &+ 1 < n && base[i] == 0x20 && CharacterClass.isASCIIAlnum(base[i &+ 1]) {
                i &+= 1
                c = base[i]
                continue
            }
            return (i, abbreviation ? i : -1, false)
        }
    }

    /// The word at `start` (an ASCII letter or digit) if it is plain: letters and digits up to a character
    /// that cannot continue it (so no apostrophe inside it and no non-ASCII letter), at most
    /// ``maxWordBytes`` long, and not an article that may be assimilated (`as-Sadr`). Reads eight bytes
    /// at a time and hashes as it reads; nil sends the word to the general path.
    @inline(__always)
    private static func plainWord(_ base: UnsafePointer<UInt8>, _ n: Int, at start: Int) -> PlainWord? {
        // The first eight bytes: all of most words.
        let x = start &+ 8 <= n ? ByteLanes.load(base + start) : ByteLanes.load(base + start, count: n &- start)
        let (alnum, up) = ByteLanes.alnum(x)
        let k = ByteLanes.leadingCount(alnum)
        let keep = ByteLanes.lowBytes(k)
        let head = x & keep, lowerHead = (x | ByteLanes.caseBits) & keep
        var upper = up & keep
        var h = ByteTable.mix(ByteTable.seed, lowerHead)
        var j = start &+ k
        if k == 8 {
            // A longer word: the rest, eight bytes at a time.
            while true {
                let x = j &+ 8 <= n ? ByteLanes.load(base + j) : ByteLanes.load(base + j, count: n &- j)
                let (alnum, up) = ByteLanes.alnum(x)
                let k = ByteLanes.leadingCount(alnum)
                if k == 0 { break }
                let keep = ByteLanes.lowBytes(k)
                upper |= up & keep
                h = ByteTable.mix(h, (x | ByteLanes.caseBits) & keep)
                j &+= k
                if k < 8 { break }
            }
        }
        let count = j - start
        if count > maxWordBytes { return nil }
        if j < n {
            // Only an apostrophe, a hyphen or a non-ASCII character after the letters needs a closer look.
            let c = base[j]
            if (c >= 0x80 || c == 0x27 || c == 0x60 || c == 0x2D) && !endsPlainWord(base, n, start: start, end: j) {
                return nil
            }
        }
        return PlainWord(start: start, end: j, hash: h, head: head,
                         lowerHead: lowerHead, hasUpper: upper != 0)
    }

    /// Whether the apostrophe, hyphen or non-ASCII character that stops the letters and digits at `end`
    /// also ends the plain word that starts at `start`.
    @inline(never)
    private static func endsPlainWord(_ base: UnsafePointer<UInt8>, _ n: Int, start: Int, end j: Int) -> Bool {
        let c = base[j]
        let p = UnsafeBufferPointer(start: base, count: n)
        if c >= 0x80 {
            let (v, l) = CharacterClass.decode(p, j)
            return !(CharacterClass.isApostrophe(v) ? continuesWord(p, j + l) : CharacterClass.isWordScalar(v))
        }
        if c == 0x27 || c == 0x60 { return !continuesWord(p, j + 1) }
        // as-, ash-, ad-, at-, ...: perhaps the assimilated article (``assimilates(_:_:_:_:)`` decides).
        let count = j - start
        guard c == 0x2D && (count == 2 || count == 3) && base[start] | 0x20 == 0x61 else { return true }
        switch base[start + 1] | 0x20 {
        case 0x73, 0x64, 0x74, 0x7A, 0x6E, 0x72: return false
        default: return true
        }
    }

    /// The class and length of the non-ASCII scalar at `i`.
    @inline(never)
    private static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (ByteClass, Int) {
        let (v, l) = CharacterClass.decode(p, i)
        return (ByteClass.of(scalar: v), l)
    }

    /// Whether the word at `i` starts with a lowercase non-ASCII letter.
    @inline(never)
    private static func startsLowercase(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (v, _) = CharacterClass.decode(p, i)
        return Unicode.Scalar(v).map { $0.properties.isLowercase } ?? false
    }

    /// Reads any word at `start`, copying it as written (apostrophes deleted) and lowercased, and hands
    /// it to the sink: the general path. Returns where the word ends, and whether a period right after
    /// it would end an abbreviation.
    private static func scanWord<S: TokenSink>(_ p: UnsafeBufferPointer<UInt8>, at start: Int, joined: Bool,
                                               sentence: Int, into sink: inout S) -> (end: Int, abbreviation: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * maxWordBytes) { buffer in
            let rawBuf = UnsafeMutableBufferPointer(rebasing: buffer[..<maxWordBytes])
            let lowBuf = UnsafeMutableBufferPointer(rebasing: buffer[maxWordBytes...])
            let n = p.count
            var j = start
            var k = 0
            var nonASCII = false
            var hasUpper = false
            while j < n {
                let c = p[j]
                if c < 0x80 {
                    if CharacterClass.isASCIIAlnum(c) {
                        if k < maxWordBytes {
                            rawBuf[k] = c
                            let l = CharacterClass.isASCIIUpper(c) ? c | 0x20 : c
                            hasUpper = hasUpper || l != c
                            lowBuf[k] = l
                        }
                        k += 1; j += 1
                        continue
                    }
                    if c == 0x27 || c == 0x60 {
                        if continuesWord(p, j + 1) { j += 1; continue }
                    }
                    break
                }
                let (w, l) = CharacterClass.decode(p, j)
                if CharacterClass.isApostrophe(w) {
                    if continuesWord(p, j + l) { j += l; continue }
                    break
                }
                if CharacterClass.isWordScalar(w) {
                    nonASCII = true
                    for q in 0..<l where k + q < maxWordBytes { rawBuf[k + q] = p[j + q]; lowBuf[k + q] = p[j + q] }
                    k += l; j += l
                    continue
                }
                break
            }
            // An apostrophe is deleted only before a letter, so the word ends at `j`.
            let m = min(k, maxWordBytes)
            // The assimilated Arabic article: as-Sadr, ash-Shammari, ad-Din, an-Najaf.
            var lm = m
            if !nonASCII, m >= 2, m <= 3, lowBuf[0] == 0x61, j < n, p[j] == 0x2D, assimilates(lowBuf, m, p, j + 1) {
                lowBuf[1] = 0x6C
                lm = 2
            }
            let lower = UnsafeBufferPointer(rebasing: lowBuf[..<lm])
            sink.word(start: start, end: j, raw: UnsafeBufferPointer(rebasing: rawBuf[..<m]), lower: lower,
                      lowerHash: ByteTable.hash(lower), nonASCII: nonASCII, hasUpper: hasUpper, joined: joined,
                      sentence: sentence)
            let abbreviation = !nonASCII && ((m == 1 && CharacterClass.isASCIILower(lowBuf[0]))
                || (m <= 6 && abbreviationTable.lookup(UnsafeBufferPointer(rebasing: lowBuf[..<m])) >= 0))
            return (j, abbreviation)
        }
    }

    /// Whether the bytes at `i` start a word letter (so an apostrophe before them is inside a word),
    /// excluding a possessive `s` that ends the word.
    static func continuesWord(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
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
