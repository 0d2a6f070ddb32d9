/// Derives mentions and sentences from document text with a compiled ``NameIndex``.
///
/// Leftmost-longest over whole words: at each word the trie is walked as far as the text allows, the
/// longest accepted name wins, and matching resumes after it. Words of one name must be separated only
/// by spaces, hyphens or periods within one sentence; a one-word name needs a capital in the text
/// (`Trump`, not "laws trump decrees"). A name shared by several entities is attributed
/// from context (see ``Matcher/attribute(_:)``).
public struct Matcher {
    let index: NameIndex
    private var scanner = TextScanner()
    private var sink: WordSink

    public init(index: NameIndex) {
        self.index = index
        self.sink = WordSink(index: index)
    }

    /// Result of matching one document.
    public struct Output: Sendable {
        public var mentions: [Mention] = []
        /// UTF-8 byte offset of the first word of each sentence.
        public var sentenceStarts: [Int32] = []
    }

    public mutating func match(_ document: Document) -> Output {
        var text = document.text
        return text.withUTF8 { match(bytes: $0, doc: Int32(document.index), zones: document.zones) }
    }

    public mutating func match(bytes: UnsafeBufferPointer<UInt8>, doc: Int32, zones: [Zone]) -> Output {
        sink.reset()
        scanner.scan(bytes, into: &sink)
        var out = Output()
        out.sentenceStarts = sink.sentenceStarts
        // Only words of the vocabulary are stored; see ``WordSink``.
        let words = sink.words
        var pending: [(Mention, group: Int32)] = []
        var i = 0
        let n = words.count
        var active: [Int32] = [], next: [Int32] = []
        active.reserveCapacity(4); next.reserveCapacity(4)
        while i < n {
            let r0 = index.child(0, words[i].exact), r1 = index.child(0, words[i].folded)
            if r0 < 0 && r1 < 0 { i += 1; continue }
            // Walk every way the words can continue a name (exact acronym words first), keep the longest.
            active.removeAll(keepingCapacity: true)
            if r0 >= 0 { active.append(r0) }
            if r1 >= 0 && r1 != r0 { active.append(r1) }
            var bestEnd = -1
            var bestGroup: Int32 = -1
            var j = i
            while !active.isEmpty {
                for node in active where index.accept[Int(node)] >= 0 {
                    // A one-word name never matches an all-lowercase word ("laws trump decrees").
                    if j == i && node != r0 && !words[i].capital { continue }
                    bestEnd = j; bestGroup = index.accept[Int(node)]; break
                }
                j += 1
                if j >= n || !words[j].joined { break }
                let w = words[j]
                next.removeAll(keepingCapacity: true)
                for node in active {
                    let e = index.child(node, w.exact)
                    if e >= 0 && !next.contains(e) { next.append(e) }
                    let f = index.child(node, w.folded)
                    if f >= 0 && !next.contains(f) { next.append(f) }
                }
                swap(&active, &next)
            }
            if bestEnd >= 0 {
                let start = words[i].start, end = words[bestEnd].end
                var zone = ZoneKind.body
                for z in zones where Int(start) >= z.start && Int(start) < z.end { zone = z.kind; break }
                let g = index.groups[Int(bestGroup)]
                let m = Mention(doc: doc, entity: g.count == 1 ? g[0] : -1, sentence: words[i].sentence,
                                start: start, end: end, zone: zone, ambiguous: g.count > 1)
                pending.append((m, bestGroup))
                i = bestEnd + 1
            } else {
                i += 1
            }
        }
        out.mentions = Matcher.attribute(pending, groups: index.groups)
        return out
    }

    /// Attributes mentions of shared names: to the candidate mentioned unambiguously most recently before,
    /// else to the only candidate mentioned unambiguously later in the document; otherwise unresolved (-1).
    static func attribute(_ pending: [(Mention, group: Int32)], groups: [[Int32]]) -> [Mention] {
        guard pending.contains(where: { $0.0.ambiguous }) else { return pending.map(\.0) }
        var result: [Mention] = []
        result.reserveCapacity(pending.count)
        var recent: [Int32: Int] = [:]
        for (k, p) in pending.enumerated() {
            let m = p.0
            if !m.ambiguous {
                recent[m.entity] = k
                result.append(m)
                continue
            }
            let candidates = groups[Int(p.group)]
            var chosen: Int32 = -1
            var best = -1
            for c in candidates { if let r = recent[c], r > best { best = r; chosen = c } }
            if chosen < 0 {
                let later = candidates.filter { c in pending[(k + 1)...].contains { !$0.0.ambiguous && $0.0.entity == c } }
                if later.count == 1 { chosen = later[0] }
            }
            result.append(Mention(doc: m.doc, entity: chosen, sentence: m.sentence, start: m.start, end: m.end,
                                  zone: m.zone, ambiguous: true))
        }
        return result
    }
}

/// One word of a document as the matcher needs it.
struct MatchWord {
    var start: Int32
    var end: Int32
    var folded: Int32
    var exact: Int32
    var sentence: Int32
    var joined: Bool
    /// The word has an uppercase letter, or is in a script without case.
    var capital: Bool
}

/// Looks each scanned word up in the vocabulary and keeps those that can be part of a name.
///
/// Every name word is in the vocabulary, so a word outside it can neither start nor continue a name. It
/// is not stored: the next stored word is marked not `joined` instead, which ends a name there just as
/// the word itself would. The first word of each sentence is noted on the way.
struct WordSink: TokenSink {
    let index: NameIndex
    private let folded: ByteTable
    private let exact: ByteTable
    /// The vocabulary words of the text, in order.
    private(set) var words: [MatchWord] = []
    /// UTF-8 byte offset of the first word of each sentence.
    private(set) var sentenceStarts: [Int32] = []
    private var sentence = -1
    /// Whether a word outside the vocabulary came after the last stored word.
    private var gap = false
    /// Non-ASCII words folded so far (the slow path), by their bytes as written.
    var foldedCache: [String: Int32] = [:]

    init(index: NameIndex) {
        self.index = index
        folded = index.folded
        exact = index.exact
        words.reserveCapacity(1024)
    }

    /// Starts a new text.
    mutating func reset() {
        words.removeAll(keepingCapacity: true)
        sentenceStarts = []
        sentence = -1
        gap = false
    }

    /// The fast path: looks the word up where it stands, lowercased and (if it has a capital) as written.
    @inline(__always)
    mutating func plainWord(_ w: PlainWord, in text: UnsafePointer<UInt8>, joined: Bool, sentence: Int) {
        let bytes = UnsafeBufferPointer(start: text + w.start, count: w.end - w.start)
        let f = folded.lookup(bytes, head: w.lowerHead, hash: w.hash, foldingCase: true)
        let e = w.hasUpper ? exact.lookup(bytes, head: w.head, hash: w.hash, foldingCase: false) : -1
        add(start: w.start, end: w.end, folded: f, exact: e, capital: w.hasUpper, joined: joined, sentence: sentence)
    }

    mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                       lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
        var f: Int32
        var e: Int32 = -1
        var capital = hasUpper
        if nonASCII {
            let r = String(decoding: raw, as: UTF8.self)
            capital = capital || r.unicodeScalars.contains { $0.properties.isUppercase }
                || !r.unicodeScalars.contains { $0.properties.isLowercase }
            if let cached = foldedCache[r] {
                f = cached
            } else {
                let folded = Folding.fold(r)
                f = index.folded.lookup(index.normalizer.spelling.canonical(folded))
                if foldedCache.count < 200_000 { foldedCache[r] = f }
            }
        } else {
            f = folded.lookup(lower, hash: lowerHash)
            if hasUpper { e = exact.lookup(raw) }
        }
        add(start: start, end: end, folded: f, exact: e, capital: capital, joined: joined, sentence: sentence)
    }

    @inline(__always)
    private mutating func add(start: Int, end: Int, folded f: Int32, exact e: Int32, capital: Bool, joined: Bool,
                              sentence s: Int) {
        if s != sentence {
            sentenceStarts.append(Int32(start))
            sentence = s
        }
        if f < 0 && e < 0 {
            gap = true
            return
        }
        words.append(MatchWord(start: Int32(start), end: Int32(end), folded: f, exact: e, sentence: Int32(s),
                               joined: joined && !gap, capital: capital))
        gap = false
    }
}
