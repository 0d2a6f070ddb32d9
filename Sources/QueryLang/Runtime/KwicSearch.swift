/// Keyword in context: occurrences of a phrase in documents, with the text around them.
enum Kwic {
    struct Hit {
        var left: String
        var match: String
        var right: String
    }

    /// The text around `start..<end`, `width` characters each side, white space collapsed.
    static func context(_ doc: Document, start: Int, end: Int, width: Int) -> Hit {
        let text = doc.text, u = text.utf8
        let s = u.index(u.startIndex, offsetBy: start), e = u.index(u.startIndex, offsetBy: end)
        let before = text[..<s], after = text[e...]
        func collapse<S: StringProtocol>(_ t: S) -> String {
            var out = ""
            var space = false
            for ch in t {
                if ch.isWhitespace { space = true; continue }
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            }
            return out
        }
        var left = collapse(before.suffix(width * 2))
        if before.last?.isWhitespace == true && !left.isEmpty { left += " " }
        var right = collapse(after.prefix(width * 2))
        if after.first?.isWhitespace == true && !right.isEmpty { right = " " + right }
        // Cut at word boundaries where a space is near the cut.
        var l = String(left.suffix(width))
        if l.count == width, left.count > width, let sp = l.firstIndex(of: " "), l.distance(from: l.startIndex, to: sp) < 12 {
            l = String(l[l.index(after: sp)...])
        }
        var r = String(right.prefix(width))
        if r.count == width, right.count > width, let sp = r.lastIndex(of: " "), r.distance(from: sp, to: r.endIndex) < 12 {
            r = String(r[..<sp])
        }
        return Hit(left: l, match: String(text[s..<e]), right: r)
    }

    /// What makes a text look like a regular expression rather than words (for warning W301), or nil.
    static func regexSign(_ s: String) -> String? {
        for esc in ["\\b", "\\w", "\\d", "\\s", "\\W", "\\S", "\\D", "(?i)", ".*", ".+"] where s.contains(esc) {
            return "it holds \(esc)"
        }
        if s.contains("|") { return "it holds |" }
        if s.hasPrefix("^") || (s.hasSuffix("$") && s.count > 1) { return "it is anchored with ^ or $" }
        if let open = s.firstIndex(of: "["), s[open...].contains("]") { return "it holds a [...] class" }
        // `drones?`, `militia+`: a repetition right after a letter, in a single word.
        if !s.contains(" ") {
            let chars = Array(s)
            for i in chars.indices.dropFirst() where "?*+".contains(chars[i]) && (chars[i - 1].isLetter || chars[i - 1] == ")") {
                return "it holds \(chars[i - 1])\(chars[i])"
            }
        }
        return nil
    }

    /// UTF-8 ranges of whole-word occurrences of `phrase` in `doc`, compared with the name normaliser
    /// (case, diacritics, apostrophes and spelling variants folded).
    static func find(_ phrase: [String], in doc: Document, normalizer: Normalizer) -> [Range<Int>] {
        guard !phrase.isEmpty else { return [] }
        var sink = OffsetSink(normalizer: normalizer)
        var scanner = TextScanner()
        doc.withUTF8 { scanner.scan($0, into: &sink) }
        let words = sink.words
        var out: [Range<Int>] = []
        var i = 0
        while i + phrase.count <= words.count {
            var k = 0
            while k < phrase.count && words[i + k].folded == phrase[k] && (k == 0 || words[i + k].joined) { k += 1 }
            if k == phrase.count {
                out.append(words[i].start..<words[i + k - 1].end)
                i += k
            } else {
                i += 1
            }
        }
        return out
    }

    private struct OffsetSink: TokenSink {
        let normalizer: Normalizer
        var words: [(start: Int, end: Int, folded: String, joined: Bool)] = []
        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let f = nonASCII ? Folding.fold(String(decoding: raw, as: UTF8.self)) : String(decoding: lower, as: UTF8.self)
            words.append((start, end, normalizer.spelling.canonical(f), joined))
        }
    }
}
