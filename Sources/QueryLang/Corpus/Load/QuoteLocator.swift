#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a fact's evidence quote in the raw text of its document.
///
/// The first verbatim occurrence wins. Failing that, runs of white space match any white space and curly
/// quote marks match straight ones, so a quote copied out of a rendered page still pins its place in the
/// file.
enum QuoteLocator {
    /// UTF-8 byte range of the first verbatim occurrence of `quote` in `text`; failing that, of the first
    /// occurrence with white space and quote marks folded; or nil.
    static func locate(_ quote: String, in text: String) -> Range<Int>? { locate(quote, in: DocumentText(text)) }

    /// The same, in a document's text.
    static func locate(_ quote: String, in document: Document) -> Range<Int>? { locate(quote, in: document.storedText) }

    /// The verbatim search reads the bytes in place; the text is made into a `String` only for the
    /// folded search, when there is no verbatim occurrence.
    private static func locate(_ quote: String, in text: DocumentText) -> Range<Int>? {
        guard quote.unicodeScalars.contains(where: { !CharacterClass.isSpace($0.value) }) else { return nil }
        if let r = text.withUTF8({ verbatim(quote, in: $0) }) { return r }
        return folded(quote, in: text.string)
    }

    /// The first occurrence with white space and quote marks folded.
    private static func folded(_ quote: String, in text: String) -> Range<Int>? {
        let (q, _) = normalized(quote)
        guard !q.isEmpty else { return nil }
        let (t, offsets) = normalized(text)
        guard q.count <= t.count else { return nil }
        // Knuth-Morris-Pratt: linear in the text whatever the quote (a naive scan of "aaa...ab" in a long
        // run of "a" is quadratic and would hang the load).
        var fail = [Int](repeating: 0, count: q.count)
        var k = 0
        for j in 1..<max(1, q.count) {
            while k > 0 && q[j] != q[k] { k = fail[k - 1] }
            if q[j] == q[k] { k += 1 }
            fail[j] = k
        }
        k = 0
        for i in 0..<t.count {
            while k > 0 && t[i] != q[k] { k = fail[k - 1] }
            if t[i] == q[k] { k += 1 }
            if k == q.count {
                let startScalar = i - q.count + 1
                let start = offsets[startScalar]
                let end = offsets[i] + offsetsWidth(text, offsets[i])
                return start..<end
            }
        }
        return nil
    }

    /// The byte range of the first exact occurrence (a plain byte search: no copy of the text).
    private static func verbatim(_ quote: String, in tb: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var q = quote
        return q.withUTF8 { qb -> Range<Int>? in
            guard let qp = qb.baseAddress, let tp = tb.baseAddress, !qb.isEmpty, qb.count <= tb.count else { return nil }
            // memchr to each candidate first byte, memcmp to confirm.
            let last = tb.count - qb.count
            var i = 0
            while i <= last, let hit = memchr(tp + i, Int32(qp[0]), last - i + 1) {
                let start = tp.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(tp + start, qp, qb.count) == 0 { return start..<(start + qb.count) }
                i = start + 1
            }
            return nil
        }
    }

    /// Scalars with quotes folded and white space collapsed (trimmed), and each one's UTF-8 offset.
    private static func normalized(_ s: String) -> ([UInt32], [Int]) {
        var out: [UInt32] = []
        var offsets: [Int] = []
        out.reserveCapacity(s.utf8.count)
        var offset = 0
        var pendingSpace = false
        for u in s.unicodeScalars {
            let v = u.value
            let w = UTF8.width(u)
            defer { offset += w }
            if CharacterClass.isSpace(v) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(0x20); offsets.append(offset - 1); pendingSpace = false }
            switch v {
            case 0x2018, 0x2019, 0x02BC, 0x2032: out.append(0x27)
            case 0x201C, 0x201D, 0x2033: out.append(0x22)
            default: out.append(v)
            }
            offsets.append(offset)
        }
        return (out, offsets)
    }

    private static func offsetsWidth(_ text: String, _ offset: Int) -> Int {
        let u = text.utf8
        let b = u[u.index(u.startIndex, offsetBy: offset)]
        if b < 0x80 { return 1 }
        if b >= 0xF0 { return 4 }
        if b >= 0xE0 { return 3 }
        return 2
    }
}
