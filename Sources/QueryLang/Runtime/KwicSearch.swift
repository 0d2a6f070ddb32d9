/// Keyword in context: occurrences of a phrase in documents, with the text around them.
enum Kwic {
    struct Hit {
        var left: String
        var match: String
        var right: String
    }

    /// The text around `start..<end`, `width` characters each side, white space collapsed.
    ///
    /// Only a window of bytes around the match is read and made into text (enough for `width` characters
    /// of up to 4 bytes each, twice over, before white space is collapsed), never the whole document:
    /// the cost of a hit does not grow with the size of its document.
    static func context(_ doc: Document, start: Int, end: Int, width: Int) -> Hit {
        let (before, match, after) = doc.withUTF8 { u -> (String, String, String) in
            let s = max(0, min(start, u.count)), e = max(s, min(end, u.count))
            let reach = max(0, width) * 8 + 64
            var ls = max(0, s - reach)
            while ls < s && u[ls] & 0xC0 == 0x80 { ls += 1 }  // start at a whole character
            var re = min(u.count, e + reach)
            while re > e && re < u.count && u[re] & 0xC0 == 0x80 { re -= 1 }
            func text(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self) }
            return (text(ls, s), text(s, e), text(e, re))
        }
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
        return Hit(left: l, match: match, right: r)
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

    /// UTF-8 ranges of whole-word occurrences of `phrase` (``Normalizer/phraseWords(_:)``) in `doc`, found
    /// by the one phrase matcher (``PhraseFinder``: compared as names and `has` compare), leftmost first,
    /// not overlapping. The scan stops early when `stop` says so (asked every 4,096 words), and the caller
    /// then stops the query. A phrase of more than ``PhraseFinder/maxWords`` words is found nowhere.
    static func find(_ phrase: [String], in doc: Document, normalizer: Normalizer, stop: (() -> Bool)? = nil) -> [Range<Int>] {
        guard let finder = PhraseFinder(words: phrase, spelling: normalizer.spelling) else { return [] }
        return doc.withUTF8 { finder.ranges(in: $0, stop: stop) }
    }
}
