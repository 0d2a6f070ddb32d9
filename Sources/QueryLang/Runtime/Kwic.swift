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

    /// UTF-8 ranges of whole-word occurrences of `phrase` in `doc`, compared with the name normaliser
    /// (case, diacritics, apostrophes and spelling variants folded), leftmost first, not overlapping.
    /// The text is scanned once, keeping only the last words of the phrase's length; the scan stops early
    /// when `stop` says so (asked every 4,096 words), and the caller then stops the query.
    static func find(_ phrase: [String], in doc: Document, normalizer: Normalizer, stop: (() -> Bool)? = nil) -> [Range<Int>] {
        guard !phrase.isEmpty else { return [] }
        var sink = OffsetSink(normalizer: normalizer, phrase: phrase, stop: stop)
        var scanner = TextScanner()
        doc.withUTF8 { scanner.scan($0, into: &sink) }
        return sink.found
    }

    private struct OffsetSink: TokenSink {
        let normalizer: Normalizer
        let phrase: [String]
        let stop: (() -> Bool)?
        /// The words since the last occurrence, at most the phrase's length of them.
        var window: [(start: Int, end: Int, folded: String, joined: Bool)] = []
        var found: [Range<Int>] = []
        var countdown = 4096

        var stopped: Bool {
            mutating get {
                countdown -= 1
                guard countdown <= 0, let stop else { return false }
                countdown = 4096
                return stop()
            }
        }

        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let f = nonASCII ? Folding.fold(String(decoding: raw, as: UTF8.self)) : String(decoding: lower, as: UTF8.self)
            if window.count == phrase.count { window.removeFirst() }
            window.append((start, end, normalizer.spelling.canonical(f), joined))
            guard window.count == phrase.count else { return }
            for k in 0..<phrase.count where window[k].folded != phrase[k] || (k > 0 && !window[k].joined) { return }
            found.append(window[0].start..<window[phrase.count - 1].end)
            window.removeAll(keepingCapacity: true)
        }
    }
}
