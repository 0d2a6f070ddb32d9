/// Byte and scalar classes shared by the text scanner and the name normaliser.
enum CharacterClass {
    /// Apostrophe-like marks deleted inside words: ' ’ ‘ ʼ ʻ ʿ ʾ ` ´ ʹ ′ ‵, the ʽ ˀ ˁ of transliterations
    /// (hamza and ʿayn) and the saltillo ꞌ that stands in for them.
    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool {
        switch v {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x02BB, 0x02BF, 0x02BE, 0x60, 0xB4, 0x02B9, 0x2032,
             0x02BD, 0x02C0, 0x02C1, 0x2035, 0xA78B, 0xA78C: return true
        default: return false
        }
    }

    /// Dashes that join the parts of a name, as a space does: the hyphen-minus, every Unicode dash
    /// punctuation (hyphen, non-breaking hyphen, figure, en and em dashes, horizontal bar, the small and
    /// full-width forms), the minus sign and the soft hyphen. `Corps–Quds Force`, `Corps—Quds Force` and
    /// `Corps-Quds Force` are one name.
    @inline(__always)
    static func isHyphen(_ v: UInt32) -> Bool {
        if v == 0x2D { return true }
        switch v {
        case 0x00AD, 0x058A, 0x05BE, 0x1400, 0x1806, 0x2010...0x2015, 0x2212, 0x2E17, 0x2E1A, 0x2E3A, 0x2E3B,
             0x2E40, 0x2E5D, 0x301C, 0x3030, 0x30A0, 0xFE31, 0xFE32, 0xFE58, 0xFE63, 0xFF0D, 0x10EAD: return true
        default: return false
        }
    }

    /// Whether the bytes at `r` of `p` are all spaces or tabs (or none).
    static func onlySpaces(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for k in r where p[k] != 0x20 && p[k] != 0x09 { return false }
        return true
    }

    /// Horizontal and vertical white space, including no-break and thin spaces.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Whether a non-ASCII scalar is part of a word (letters, digits and combining marks).
    static func isWordScalar(_ v: UInt32) -> Bool {
        // Fast answers for the punctuation blocks news text is full of (curly quotes, dashes, spaces).
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA || (v >= 0xB2 && v <= 0xB3) || v == 0xB9 || (v >= 0xBC && v <= 0xBE) }
        if v >= 0x2000 && v <= 0x206F { return false }
        if v >= 0x0100 && v <= 0x024F { return true }  // Latin Extended-A and -B: all letters
        guard let s = Unicode.Scalar(v) else { return false }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .otherNumber: return true
        default: return false
        }
    }

    @inline(__always)
    static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    @inline(__always)
    static func isASCIIUpper(_ b: UInt8) -> Bool { (b &- 0x41) < 26 }

    @inline(__always)
    static func isASCIILower(_ b: UInt8) -> Bool { (b &- 0x61) < 26 }

    /// Decodes one UTF-8 scalar at `i`; returns the value and its length (invalid bytes count as U+FFFD, 1 byte).
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = p.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                    | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }
}
