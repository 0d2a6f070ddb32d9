import Foundation

/// Where in a text a regular expression can match, by its ``RegexPrefilter``: the ranges (UTF-16, as
/// the regex engine counts) around each occurrence of the literal, or none when the literal does not
/// occur. The engine then runs on those ranges with transparent bounds, so `\b`, `^`, `$` and lookaround
/// see the whole text and a match found there is a match of the whole text; every match contains an
/// occurrence of the literal and lies in that occurrence's range, so none is missed.
///
/// Case-folded literals are ASCII, searched with ASCII case folding. A few other characters fold to ASCII
/// letters under ICU's full case folding (the Kelvin sign to "k", "ſ" to "s", "ß" to "ss", the "ff"
/// ligature, ...): a text holding any of them is searched whole where the literal is missing or the parts
/// around it hold no match (``partsMayMiss(_:)``).
extension RegexPrefilter {
    /// More occurrences than this: the rest of the text is one range (one engine run instead of many).
    static let maximumRanges = 8

    /// Whether the windows of ``search(_:_:)`` may not hold every match: where the engine finds none in
    /// them, the whole text must still be searched (a case-folded literal, and a character folding to ASCII).
    func partsMayMiss(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { partsMayMiss(bytes: $0) }
    }

    /// ``partsMayMiss(_:)`` of a text's UTF-8 bytes.
    func partsMayMiss(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        caseless && RegexPrefilter.hasFoldingToASCII(bytes)
    }

    enum Outcome {
        /// The literal does not occur.
        case noLiteral
        /// `run` found a match in a window.
        case found
        /// The literal occurs and `run` found no match in the windows around it.
        case missed
    }

    /// Hands `run` the windows where a match can lie, one at a time in text order until it finds a match
    /// (it returns true): each as a text (the whole text, or a piece of it with the context `\b` reads,
    /// ``piece(_:_:)``) and the UTF-16 range of it to search with transparent bounds. A window spans from
    /// the most bytes a match can have before an occurrence of the literal (a UTF-16 unit is at most three
    /// bytes) to the most it can have after; after ``maximumRanges`` windows, or when a match's width is
    /// unbounded, the last window runs to the end of the text and holds every later one.
    func search(_ text: String, _ run: (String, NSRange) throws -> Bool) rethrows -> Outcome {
        var copy = text
        return try copy.withUTF8 { try search(bytes: $0, whole: { text }, run) }
    }

    /// ``search(_:_:)`` of a text given as its UTF-8 bytes: the whole text is made (`whole`) only for a
    /// pattern that reads beyond its windows, so that a scan of stored texts copies only the windows.
    func search(bytes: UnsafeBufferPointer<UInt8>, whole: () -> String, _ run: (String, NSRange) throws -> Bool) rethrows -> Outcome {
        var text: String? = nil
        // UTF-16 offsets in the whole text, counted once from the start.
        var counted = 0, units = 0
        func offset(_ b: Int) -> Int {
            if b >= counted { units += RegexPrefilter.utf16Count(bytes, counted, b) } else { units -= RegexPrefilter.utf16Count(bytes, b, counted) }
            counted = b
            return units
        }
        func runs(_ w: Range<Int>) throws -> Bool {
            if local {
                let (piece, range) = RegexPrefilter.piece(bytes, w)
                return try run(piece, range)
            }
            let lo = offset(w.lowerBound)
            if text == nil { text = whole() }
            return try run(text!, NSRange(location: lo, length: offset(w.upperBound) - lo))
        }
        var from = 0, windows = 0, reached = 0
        while let p = find(bytes, from) {
            // A window inside the last one adds nothing.
            let hi = width.map { RegexPrefilter.characterStart(bytes, min(bytes.count, p + 3 * $0)) } ?? bytes.count
            from = p + 1
            if hi <= reached { continue }
            let lo = RegexPrefilter.characterStart(bytes, before.map { max(0, p - 3 * $0) } ?? 0)
            windows += 1
            let last = windows >= RegexPrefilter.maximumRanges || hi == bytes.count
            if try runs(lo..<(last ? bytes.count : hi)) { return .found }
            if last { return .missed }
            reached = hi
        }
        return windows == 0 ? .noLiteral : .missed
    }

    /// The start of the character holding byte `i` (or the end).
    static func characterStart(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        while i > 0, i < t.count, t[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// A window as a piece of text of its own, with the characters `\b` reads around it: after it, a few
    /// characters; before it, back over combining marks and format characters (which `\b` skips) to a
    /// few characters more. The piece's start and end are the text's where they reach them.
    static func piece(_ t: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> (text: String, range: NSRange) {
        var lo = w.lowerBound, plain = 0
        while lo > 0, plain < 4 {
            lo = characterStart(t, lo - 1)
            var v: UInt32 = 0
            var len = 1
            let b = t[lo]
            // No ASCII character is a combining mark or a format character.
            if b < 0x80 { plain += 1; continue }
            do {
                len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                for j in 1..<len where lo + j < t.count { v = v << 6 | UInt32(t[lo + j] & 0x3F) }
            }
            let props = Unicode.Scalar(v)?.properties
            if !(props?.isGraphemeExtend ?? false || props?.generalCategory == .format) { plain += 1 }
        }
        let hi = characterStart(t, min(t.count, w.upperBound + 16))
        let text = String(decoding: UnsafeBufferPointer(rebasing: t[lo..<hi]), as: UTF8.self)
        let before = utf16Count(t, lo, w.lowerBound)
        return (text, NSRange(location: before, length: utf16Count(t, w.lowerBound, w.upperBound)))
    }

    /// The first occurrence of the literal at or after byte `from`. Eight starting places are tested at
    /// once, as the bytes of a 64-bit word, on the literal's first and last bytes (a case-folded literal's
    /// letters compared with the bit that tells ASCII upper from lower case set); only the places where
    /// both agree are compared whole.
    private func find(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int? {
        let n = literal.count
        guard n > 0, let base = t.baseAddress, from >= 0, t.count - from >= n else { return nil }
        let first = literal[0], last = literal[n - 1]
        func fold(_ c: UInt8) -> UInt8 { caseless && c >= 0x61 && c <= 0x7A ? 0x20 : 0 }
        let foldFirst = fold(first), foldLast = fold(last)
        let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let firsts = ones &* UInt64(first), lasts = ones &* UInt64(last)
        let foldFirsts = ones &* UInt64(foldFirst), foldLasts = ones &* UInt64(foldLast)
        // The top bit of each byte of `v` that is zero (exact: no carry crosses from one byte to the next).
        func zeros(_ v: UInt64) -> UInt64 { ~(((v & low7) &+ low7) | v) & ~low7 }
        let raw = UnsafeRawPointer(base)
        let end = t.count - n
        var i = from
        while i + 7 <= end {
            let a = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) | foldFirsts
            let b = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + n - 1, as: UInt64.self)) | foldLasts
            var both = zeros(a ^ firsts) & zeros(b ^ lasts)
            while both != 0 {
                let k = both.trailingZeroBitCount >> 3
                if matchesAt(t, i + k) { return i + k }
                both &= both &- 1
            }
            i += 8
        }
        while i <= end {
            if t[i] | foldFirst == first, t[i + n - 1] | foldLast == last, matchesAt(t, i) { return i }
            i += 1
        }
        return nil
    }

    private func matchesAt(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        if caseless {
            for k in 1..<literal.count {
                var b = t[p + k]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != literal[k] { return false }
            }
        } else {
            for k in 1..<literal.count where t[p + k] != literal[k] { return false }
        }
        return true
    }

    /// UTF-16 units of the UTF-8 bytes `lo..<hi` (which start on a character).
    static func utf16Count(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var n = 0
        for k in lo..<hi {
            let b = t[k]
            if b & 0xC0 != 0x80 { n += 1 }
            if b >= 0xF0 { n += 1 }
        }
        return n
    }

    // MARK: Characters that fold to ASCII

    /// Whether the text holds a character other than ASCII whose case mappings reach an ASCII letter.
    static func hasFoldingToASCII(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        let (leads, scalars) = foldingToASCII
        var k = 0
        while k < t.count {
            let b = t[k]
            if b < 0x80 { k += 1; continue }
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            if leads[Int(b)], k + len <= t.count {
                var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                for j in 1..<len { v = v << 6 | UInt32(t[k + j] & 0x3F) }
                if scalars.contains(v) { return true }
            }
            k += len
        }
        return false
    }

    /// The strings lower-, upper- and title-casing reach from `c`, applied up to three times (`c` itself
    /// among them).
    static func caseMappings(of c: Unicode.Scalar) -> Set<String> {
        var reached: Set<String> = [String(c)]
        var frontier: [String] = [String(c)]
        for _ in 0..<3 {
            var next: [String] = []
            for s in frontier {
                for m in [s.lowercased(), s.uppercased(), s.capitalized] where reached.insert(m).inserted { next.append(m) }
            }
            frontier = next
        }
        return reached
    }

    /// The characters (and the first bytes of their UTF-8 forms) other than ASCII from which lower-,
    /// upper- or title-casing, applied up to three times, reaches a string holding an ASCII letter: a
    /// superset of those ICU's case-insensitive matching equates with ASCII.
    static let foldingToASCII: (leads: [Bool], scalars: Set<UInt32>) = {
        var leads = [Bool](repeating: false, count: 256)
        var scalars = Set<UInt32>()
        for v in UInt32(0x80)...UInt32(0x1FFFF) {
            guard let c = Unicode.Scalar(v), c.properties.changesWhenCaseMapped || c.properties.changesWhenCaseFolded else { continue }
            let reached = caseMappings(of: c)
            if reached.contains(where: { $0.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic } }) {
                scalars.insert(v)
                leads[Int(Array(String(c).utf8)[0])] = true
            }
        }
        return (leads, scalars)
    }()
}
