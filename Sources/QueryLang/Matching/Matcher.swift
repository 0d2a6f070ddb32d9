/// Derives mentions and sentences from document text with a compiled ``NameIndex``.
///
/// Leftmost-longest over whole words: at each word the trie is walked as far as the text allows, the
/// longest accepted name wins, and matching resumes after it. Words of one name must be separated only
/// by spaces, hyphens or periods within one sentence; a one-word name needs a capital in the text
/// (`Trump`, not "laws trump decrees"). A name shared by several entities is attributed
/// from context (see ``Matcher/attribute(_:from:ambiguousGroups:)``).
@_spi(MQInternals) public struct Matcher {
    let index: NameIndex
    private var scanner = TextScanner()
    private var sink: WordSink

    /// Per name group: its one entity, or -1 for a name shared by several (a flat copy of
    /// `index.groups` for the hot path).
    private let groupEntity: [Int32]
    /// Per entity: the last unambiguous mention of it in the document being attributed, or -1.
    private var lastMention: [Int]

    @_spi(MQInternals) public init(index: NameIndex) {
        self.index = index
        self.sink = WordSink(index: index)
        groupEntity = index.groups.map { $0.count == 1 ? $0[0] : -1 }
        let entityCount = index.groups.reduce(0) { max($0, Int($1.max() ?? -1) + 1) }
        lastMention = Array(repeating: -1, count: entityCount)
    }

    /// Result of matching one document.
    @_spi(MQInternals) public struct Output: Sendable {
        @_spi(MQInternals) public var mentions: [Mention] = []
        /// UTF-8 byte offset of the first word of each sentence.
        @_spi(MQInternals) public var sentenceStarts: [Int32] = []
    }

    @_spi(MQInternals) public mutating func match(_ document: Document) -> Output {
        document.withUTF8 { match(bytes: $0, doc: Int32(document.index), zones: document.zones) }
    }

    @_spi(MQInternals) public mutating func match(bytes: UnsafeBufferPointer<UInt8>, doc: Int32, zones: [Zone]) -> Output {
        var out = Output()
        out.sentenceStarts = match(bytes: bytes, doc: doc, zones: zones, appendingTo: &out.mentions)
        return out
    }

    /// Matches one document and appends its mentions to `mentions` (the loader collects many documents'
    /// mentions so, without a copy per document); returns the UTF-8 offsets of its sentences.
    mutating func match(bytes: UnsafeBufferPointer<UInt8>, doc: Int32, zones: [Zone],
                        appendingTo mentions: inout [Mention]) -> [Int32] {
        sink.reset()
        scanner.scan(bytes, into: &sink)
        let first = mentions.count
        // Only the words of the vocabulary are kept (see ``WordSink``).
        let words = sink.words.all
        var ambiguousGroups: [Int32] = []
        let groupEntity = self.groupEntity
        // The mention found last, whether it is uncertain waits for where the next one starts (see
        // ``UncertainMatch/isUncertain(_:start:end:before:after:titleCase:)``), and the end of the one
        // before it.
        var pending = -1
        var beforePending = -1
        var pendingStart = -1
        var pendingEnd = -1
        var titleCase = UncertainMatch.TitleCaseLine()
        var i = 0
        let n = words.count
        var active = ReusableBuffer<Int32>(capacity: 8), next = ReusableBuffer<Int32>(capacity: 8)
        let trie = index.trie
        while i < n {
            let r0 = trie.child(0, words[i].exact), r1 = trie.child(0, words[i].folded)
            if r0 < 0 && r1 < 0 { i += 1; continue }
            // Walk every way the words can continue a name (exact acronym words first), keep the longest.
            active.removeAll()
            if r0 >= 0 { active.append(r0) }
            if r1 >= 0 && r1 != r0 { active.append(r1) }
            var bestEnd = -1
            var bestGroup: Int32 = -1
            var j = i
            while active.count > 0 {
                for node in active.all where trie.accept[Int(node)] >= 0 {
                    // A one-word name never matches an all-lowercase word ("laws trump decrees").
                    if j == i && node != r0 && !words[i].capital { continue }
                    bestEnd = j; bestGroup = trie.accept[Int(node)]; break
                }
                j += 1
                if j >= n || !words[j].joined { break }
                let w = words[j]
                next.removeAll()
                for node in active.all {
                    let e = trie.child(node, w.exact)
                    if e >= 0 && !next.all.contains(e) { next.append(e) }
                    let f = trie.child(node, w.folded)
                    if f >= 0 && !next.all.contains(f) { next.append(f) }
                }
                swap(&active, &next)
            }
            if bestEnd >= 0 {
                let start = words[i].start, end = words[bestEnd].end
                var zone = ZoneKind.body
                for z in zones where Int(start) >= z.start && Int(start) < z.end { zone = z.kind; break }
                if pending >= 0 {
                    if UncertainMatch.isUncertain(bytes, start: pendingStart, end: pendingEnd, before: beforePending,
                                                  after: Int(start), titleCase: &titleCase) {
                        Matcher.markUncertain(&mentions, pending)
                    }
                    beforePending = pendingEnd
                }
                let entity = groupEntity[Int(bestGroup)]
                pending = mentions.count
                pendingStart = Int(start)
                pendingEnd = Int(end)
                mentions.append(Mention(doc: doc, entity: entity, sentence: words[i].sentence,
                                        start: start, end: end, zone: zone, ambiguous: entity < 0))
                if entity < 0 { ambiguousGroups.append(bestGroup) }
                i = bestEnd + 1
            } else {
                i += 1
            }
        }
        if pending >= 0 && UncertainMatch.isUncertain(bytes, start: pendingStart, end: pendingEnd, before: beforePending,
                                                      after: bytes.count, titleCase: &titleCase) {
            Matcher.markUncertain(&mentions, pending)
        }
        if !ambiguousGroups.isEmpty {
            attribute(&mentions, from: first, ambiguousGroups: ambiguousGroups)
        }
        return Array(sink.sentenceStarts)
    }

    /// Marks `mentions[k]` uncertain: it stands inside a longer proper name the catalog does not know (see
    /// ``UncertainMatch``). The match loop asks, for each mention, as soon as the next one is found (where
    /// the next starts bounds the words after it), while the text around it is still in cache.
    @inline(never)
    private static func markUncertain(_ mentions: inout [Mention], _ k: Int) {
        let m = mentions[k]
        mentions[k] = Mention(doc: m.doc, entity: m.entity, sentence: m.sentence, start: m.start, end: m.end,
                              zone: m.zone, ambiguous: m.ambiguous, uncertain: true)
    }

    /// Attributes mentions of shared names: to the candidate mentioned unambiguously most recently before,
    /// else to the only candidate mentioned unambiguously later in the document; otherwise unresolved (-1).
    /// The document's mentions are `mentions[first...]`; `ambiguousGroups` holds the name group of each
    /// ambiguous one, in order.
    private mutating func attribute(_ mentions: inout [Mention], from first: Int, ambiguousGroups: [Int32]) {
        var nextGroup = 0
        for k in first..<mentions.count {
            let m = mentions[k]
            if !m.ambiguous {
                lastMention[Int(m.entity)] = k
                continue
            }
            let candidates = index.groups[Int(ambiguousGroups[nextGroup])]
            nextGroup += 1
            var chosen: Int32 = -1
            var best = -1
            for c in candidates where lastMention[Int(c)] > best { best = lastMention[Int(c)]; chosen = c }
            if chosen < 0 {
                let later = candidates.filter { c in mentions[(k + 1)...].contains { !$0.ambiguous && $0.entity == c } }
                if later.count == 1 { chosen = later[0] }
            }
            mentions[k] = Mention(doc: m.doc, entity: chosen, sentence: m.sentence, start: m.start, end: m.end,
                                  zone: m.zone, ambiguous: true, uncertain: m.uncertain)
        }
        for m in mentions[first...] where !m.ambiguous { lastMention[Int(m.entity)] = -1 }
    }
}

/// One word of a document as the matcher needs it (only words of the vocabulary are kept).
struct MatchWord {
    var start: Int32
    var end: Int32
    var folded: Int32
    var exact: Int32
    var sentence: Int32
    /// Only spaces, hyphens or a period separate it from the previous kept word, in the same sentence.
    var joined: Bool
    /// The word has an uppercase letter, or is in a script without case.
    var capital: Bool
}

/// A growable buffer reused from text to text: appends with one capacity check (an `Array` also checks,
/// out of line, that its storage is not shared) and empties without freeing.
final class ReusableBuffer<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The elements appended since the last ``removeAll()``; valid until the next append.
    var all: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    func append(_ e: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: e)
        count += 1
    }

    func removeAll() { count = 0 }

    @inline(never)
    private func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}

/// Looks each scanned word up in the vocabulary and keeps those that can be part of a name.
///
/// Every name word is in the vocabulary, so a word outside it can neither start nor continue a name. It
/// is not kept: the next kept word is marked not `joined` instead, which ends a name there just as the
/// word itself would. The first word of each sentence is noted on the way.
struct WordSink: TokenSink {
    let index: NameIndex
    private let folded: ByteTable.Reader
    private let exact: ByteTable.Reader
    /// The vocabulary words of the text, in order.
    private(set) var words = ReusableBuffer<MatchWord>(capacity: 1024)
    /// UTF-8 byte offset of the first word of each sentence, gathered in a reused buffer.
    private var sentenceBuffer = ReusableBuffer<Int32>(capacity: 256)
    private var sentence = -1
    /// Whether a word outside the vocabulary came after the last kept word.
    private var gap = false
    /// Non-ASCII words seen so far (the slow path), by their bytes as written (looked up as bytes, so
    /// that a word seen before costs no string): the position of its entry in `foldedWords`, which holds
    /// its folded word's id and whether it counts as capitalised.
    private var foldedCache = ByteTable()
    private var foldedWords: [(id: Int32, capital: Bool)] = []

    /// UTF-8 byte offset of the first word of each sentence of the text; valid until the next text.
    var sentenceStarts: UnsafeBufferPointer<Int32> { sentenceBuffer.all }

    init(index: NameIndex) {
        self.index = index
        // The index holds the tables, so their readers stay valid.
        folded = index.folded.reader
        exact = index.exact.reader
    }

    /// Starts a new text.
    mutating func reset() {
        // A copied sink must not share the buffer it fills.
        if !isKnownUniquelyReferenced(&words) { words = ReusableBuffer(capacity: 1024) }
        if !isKnownUniquelyReferenced(&sentenceBuffer) { sentenceBuffer = ReusableBuffer(capacity: 256) }
        if !isKnownUniquelyReferenced(&foldedCache) { foldedCache = ByteTable(); foldedWords = [] }
        words.removeAll()
        sentenceBuffer.removeAll()
        sentence = -1
        gap = false
    }

    /// The fast path: looks the word up where it stands, lowercased and (if it has a capital) as written.
    @inline(__always)
    mutating func plainWord(_ w: PlainWord, in text: UnsafePointer<UInt8>, joined: Bool, sentence: Int) {
        let bytes = UnsafeBufferPointer(start: text + w.start, count: w.end - w.start)
        let f = folded.lookup(bytes, head: w.lowerHead, hash: w.hash, foldingCase: true)
        // Acronyms are few: their filter says no to nearly every word, capitalised or not, so it is asked
        // first (a branch the processor predicts, where "has a capital" is not).
        let e = exact.mayContain(hash: w.hash) && w.hasUpper
            ? exact.lookup(bytes, head: w.head, hash: w.hash, foldingCase: false) : -1
        add(start: w.start, end: w.end, folded: f, exact: e, capital: w.hasUpper, joined: joined, sentence: sentence)
    }

    mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                       lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
        var f: Int32
        var e: Int32 = -1
        var capital = hasUpper
        if nonASCII {
            // The slow path, once per spelling and sink: fold, apply the spelling table, look up.
            let seen = foldedCache.lookup(raw)
            if seen >= 0 {
                (f, capital) = foldedWords[Int(seen)]
            } else {
                let r = String(decoding: raw, as: UTF8.self)
                let folding = Folding.fold(word: raw)
                capital = capital || folding.hasUpper || !folding.hasLower
                let canonical = index.normalizer.spelling.canonical(folding.folded)
                f = index.folded.lookup(canonical)
                // A scholarly transliteration may double a letter news text writes once (`Ḥaqq`).
                if f < 0 { f = index.skeletons[NameIndex.skeleton(canonical)] ?? -1 }
                if foldedWords.count < 200_000 {
                    foldedCache.insert(r, Int32(foldedWords.count))
                    foldedWords.append((f, capital))
                }
            }
        } else {
            f = folded.lookup(lower, head: ByteTable.head(lower), hash: lowerHash, foldingCase: false)
            if hasUpper { e = index.exact.lookup(raw) }
        }
        add(start: start, end: end, folded: f, exact: e, capital: capital, joined: joined, sentence: sentence)
    }

    @inline(never)
    private mutating func startSentence(_ s: Int, at start: Int) {
        sentenceBuffer.append(Int32(truncatingIfNeeded: start))
        sentence = s
    }

    @inline(__always)
    private mutating func add(start: Int, end: Int, folded f: Int32, exact e: Int32, capital: Bool, joined: Bool,
                              sentence s: Int) {
        if s != sentence { startSentence(s, at: start) }
        if f < 0 && e < 0 {
            gap = true
            return
        }
        words.append(MatchWord(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                               folded: f, exact: e, sentence: Int32(truncatingIfNeeded: s),
                               joined: joined && !gap, capital: capital))
        gap = false
    }
}
