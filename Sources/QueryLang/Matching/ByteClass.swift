/// What a character of text does for the scanner: starts a word, or which kind of separator it is.
///
/// ASCII bytes are classified by a 256-entry table (``ByteClass/table``), so the scanner's main loop
/// reads one table entry per byte; non-ASCII scalars go through ``ByteClass/of(scalar:)``.
enum ByteClass: UInt8 {
    /// A letter or digit: starts (or continues) a word.
    case word
    /// `\n`.
    case newline
    /// Other white space.
    case space
    /// `.`: a sentence end, unless it ends an abbreviation.
    case period
    /// `?`, `!`, `…`.
    case sentenceMark
    /// Hyphens, which join the parts of a name as a space does.
    case hyphen
    /// Quotes and brackets, which may stand between a sentence end and the next sentence.
    case quote
    /// Any other separator.
    case other
    /// A byte of a multi-byte UTF-8 sequence: classify the scalar instead.
    case nonASCII

    /// The class of every byte. Never freed.
    nonisolated(unsafe) static let table: UnsafePointer<ByteClass> = {
        let t = UnsafeMutablePointer<ByteClass>.allocate(capacity: 256)
        for b in 0..<256 {
            let c: ByteClass = b >= 0x80 ? .nonASCII : CharacterClass.isASCIIAlnum(UInt8(b)) ? .word : separator(UInt32(b))
            (t + b).initialize(to: c)
        }
        return UnsafePointer(t)
    }()

    /// The class of a non-ASCII scalar. Apostrophe-like marks never start a word.
    ///
    /// Latin-1 and the General Punctuation block (curly quotes, dashes, spaces: most non-ASCII characters
    /// of news text) are read from tables made once with ``classify(scalar:)``; other scalars go through
    /// the Unicode properties.
    @inline(__always)
    static func of(scalar v: UInt32) -> ByteClass {
        if v < 0x100 { return latin1[Int(v)] }
        if v &- 0x2000 < 0x70 { return punctuation[Int(v &- 0x2000)] }
        return classify(scalar: v)
    }

    /// ``of(scalar:)`` for U+0000...U+00FF. Never freed.
    nonisolated(unsafe) private static let latin1: UnsafePointer<ByteClass> = classes(0..<0x100)
    /// ``of(scalar:)`` for U+2000...U+206F. Never freed.
    nonisolated(unsafe) private static let punctuation: UnsafePointer<ByteClass> = classes(0x2000..<0x2070)

    private static func classes(_ range: Range<UInt32>) -> UnsafePointer<ByteClass> {
        let t = UnsafeMutablePointer<ByteClass>.allocate(capacity: range.count)
        for (k, v) in range.enumerated() { (t + k).initialize(to: classify(scalar: v)) }
        return UnsafePointer(t)
    }

    /// The class of a scalar from its Unicode properties.
    private static func classify(scalar v: UInt32) -> ByteClass {
        if !CharacterClass.isApostrophe(v) && CharacterClass.isWordScalar(v) { return .word }
        return separator(v)
    }

    /// The class of a scalar that is not part of a word.
    private static func separator(_ v: UInt32) -> ByteClass {
        if v == 0x0A { return .newline }
        if CharacterClass.isSpace(v) { return .space }
        if v == 0x2E { return .period }
        if v == 0x3F || v == 0x21 || v == 0x2026 { return .sentenceMark }
        if CharacterClass.isHyphen(v) { return .hyphen }
        // The ʿayn and hamza signs of transliterations (ʿ ʾ ʻ ʼ ...) before a word (`al-ʿĀmirī`) are part
        // of the name, never quote marks: they join as a hyphen does.
        if v >= 0x2B9 && CharacterClass.isApostrophe(v) && v != 0x2019 && v != 0x2018 && v != 0x2032 && v != 0x2035 { return .hyphen }
        switch v {
        case 0x22, 0x201D, 0x201C, 0x2019, 0x2018, 0x27, 0x29, 0x5D, 0x28, 0x5B, 0xBB, 0xAB: return .quote
        default: return .other
        }
    }
}

/// Eight bytes of text at a time, as a little-endian `UInt64` (SWAR: SIMD within a register).
///
/// Each function answers per byte in the byte's high bit (`0x80`), for all eight bytes at once.
enum ByteLanes {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// OR-ed into ASCII letters it lowercases them; digits already have this bit.
    static let caseBits: UInt64 = 0x2020_2020_2020_2020

    /// Which bytes are ASCII letters or digits, and which of those are uppercase letters.
    @inline(__always)
    static func alnum(_ x: UInt64) -> (alnum: UInt64, upper: UInt64) {
        let ascii = ~x & highBits
        let y = x & 0x7F7F_7F7F_7F7F_7F7F
        // Byte sums stay below 0x100, so no carry crosses into the next byte.
        let l = y | caseBits
        let letter = (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505) & ascii  // 0x61...0x7A
        let digit = (y &+ 0x5050_5050_5050_5050) & ~(y &+ 0x4646_4646_4646_4646) & ascii   // 0x30...0x39
        let upper = letter & ~(y << 2)  // letters whose case bit (0x20, moved up to 0x80) is clear
        return ((letter | digit) & highBits, upper & highBits)
    }

    /// Which bytes are lowercase ASCII letters (`a`...`z`).
    @inline(__always)
    static func lowercase(_ x: UInt64) -> UInt64 {
        let y = x & 0x7F7F_7F7F_7F7F_7F7F
        // Byte sums stay below 0x100, so no carry crosses into the next byte.
        return (y &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(y &+ 0x0505_0505_0505_0505) & ~x & highBits  // 0x61...0x7A
    }

    /// How many of the low bytes are set in a mask from ``alnum(_:)``, up to the first clear one (0...8).
    @inline(__always)
    static func leadingCount(_ mask: UInt64) -> Int {
        (~mask & highBits).trailingZeroBitCount >> 3
    }

    /// The 8 bytes at `p` (all readable).
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// The `count` (< 8) bytes at `p`, zero-padded.
    static func load(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var x: UInt64 = 0
        for k in 0..<count { x |= UInt64(p[k]) << (8 * UInt64(k)) }
        return x
    }

    /// A mask of the low `count` (0...8) bytes.
    @inline(__always)
    static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< (UInt64(truncatingIfNeeded: count) &* 8)) &- 1
    }
}
