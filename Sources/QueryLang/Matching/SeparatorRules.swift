/// What the separators between words mean to ``TextScanner``: a period after an abbreviation ends no
/// sentence, a citation marker after a sentence end is stepped over, and an apostrophe-like mark with an
/// `s` after a word is a possessive.
extension TextScanner {
    /// Lowercased abbreviations that a period does not end a sentence after.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "st", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "prof",
        "gov", "sen", "rep", "maj", "capt", "brig", "cpl", "pvt", "adm", "cmdr", "rev", "hon", "mt", "ft",
        "approx", "est", "dept", "univ", "fig", "al", "pp", "op", "cf", "ie", "eg", "lit",
    ]

    static let abbreviationTable: ByteTable = {
        let t = ByteTable(capacity: abbreviations.count)
        for a in abbreviations { t.insert(a, 1) }
        return t
    }()

    /// Where the citation marker at `i` ends, if the word there is one: a reference number or letter in
    /// brackets right after a sentence end (`.[37]`, `.[a]`, `.[12, 13]`: up to three digits or one
    /// letter, then `]` or `,`), or up to three digits glued to the period after a word (`Iraq.12 The`,
    /// but not `2020.37`, a decimal).
    @inline(never)
    static func citationMarker(_ base: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Int? {
        guard i >= 2 else { return nil }
        var j = i
        var digits = 0, letters = 0
        while j < n && j - i < 4 {
            let c = base[j]
            if (c &- 0x30) < 10 { digits += 1 } else if CharacterClass.isASCIIAlnum(c) { letters += 1 } else { break }
            j += 1
        }
        let next: UInt8 = j < n ? base[j] : 0x20
        let before = base[i - 1]
        if before == 0x5B {  // [
            guard (letters == 0 && digits >= 1 && digits <= 3) || (digits == 0 && letters == 1) else { return nil }
            return next == 0x5D || next == 0x2C ? j : nil
        }
        guard before == 0x2E, letters == 0, digits >= 1, digits <= 3,
              next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { return nil }
        let ender = base[i - 2]
        return CharacterClass.isASCIIAlnum(ender) && (ender &- 0x30) >= 10 || ender == 0x29 || ender == 0x22 ? j : nil
    }

    /// Where the possessive `'s` at `i` ends, if there is one: right after a word, an apostrophe-like mark
    /// (`width` bytes) and then an `s` that does not go on into a word (the word before ended at the mark
    /// for that reason).
    @inline(never)
    static func possessiveEnd(_ p: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> Int? {
        let s = i + width
        guard i > 0, s < p.count, p[s] | 0x20 == 0x73, CharacterClass.isApostrophe(CharacterClass.decode(p, i).0),
              !continuesWord(p, s) else { return nil }
        // A word ends at `i`: a letter or digit before it, or a letter outside ASCII.
        let c = p[i - 1]
        if c < 0x80 { return CharacterClass.isASCIIAlnum(c) ? s + 1 : nil }
        var k = i - 1
        while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
        let v = CharacterClass.decode(p, k).0
        return CharacterClass.isWordScalar(v) && !CharacterClass.isApostrophe(v) ? s + 1 : nil
    }

    /// Whether a period right after the plain word `w` ends an abbreviation (`U.S.`, `Gen.`, `a.m.`).
    static func isAbbreviation(_ w: PlainWord, in base: UnsafePointer<UInt8>) -> Bool {
        let count = w.end - w.start
        return (count == 1 && CharacterClass.isASCIILower(UInt8(truncatingIfNeeded: w.lowerHead)))
            || (count <= 6 && abbreviationTable.lookup(UnsafeBufferPointer(start: base + w.start, count: count),
                                                       head: w.lowerHead, hash: w.hash, foldingCase: true) >= 0)
    }
}
