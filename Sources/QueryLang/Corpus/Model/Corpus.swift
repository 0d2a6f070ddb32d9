/// A loaded corpus: documents, the entity catalog, curated facts, and the mentions derived from them.
///
/// Immutable once built and safe to share between threads. Load one from a directory with
/// ``Corpus/load(directory:)`` or build one in memory with ``Corpus/init(name:documents:entities:facts:)``.
public final class Corpus: Sendable {
    /// The corpus's name: its directory's last component, or the name given in memory.
    public let name: String
    /// The directory it was loaded from, if any.
    public let directory: String?
    /// The documents, in id order; `documents[i].index == i`.
    public let documents: [Document]
    /// The entity catalog; `entities[i].index == i`.
    public let entities: [Entity]
    /// The curated facts, in file order; `facts[i].index == i`.
    public let facts: [Fact]
    /// Every mention, ordered by document and then by offset.
    public let mentions: MentionList
    /// Per document, the UTF-8 offset where each sentence starts.
    @_spi(MQInternals) public let sentenceStarts: [[Int32]]
    @_spi(MQInternals) public let names: NameIndex
    /// Non-fatal problems found while loading.
    public let warnings: [LoadProblem]
    /// How long each loading phase took.
    @_spi(MQInternals) public let timings: LoadTimings
    /// Whether the corpus came from the cache (see ``CorpusCache``).
    @_spi(MQInternals) public let fromCache: Bool
    /// Texts made into Strings once and shared by the rows of queries.
    let sharedTexts = SharedTexts()

    let documentMentionStart: [Int]  // per document, index of its first mention; one extra at the end
    let entityMentions: [[Int32]]    // per entity, indices into `mentions`
    /// Postings: per entity, the documents that mention it (ascending), in any zone and in own text.
    let entityDocuments: [[Int32]]
    let entityOwnDocuments: [[Int32]]
    /// Per document, the distinct entities it mentions, in order of first mention (any zone, own text).
    let documentEntities: [[Int32]]
    let documentOwnEntities: [[Int32]]
    /// Per entity, the facts in which it is the subject or the entity object.
    let entityFacts: [[Int32]]
    /// Per document, its id: 16 bytes a document, where reading `id` touches a whole `Document`.
    let documentIDs: [String]
    /// Per document, the ``PartialDate/sortKey`` of its publication date (``PartialDate/noSortKey`` when it
    /// has none): 4 bytes a document, where reading `published` touches a whole `Document`.
    let documentDateKeys: [UInt32]
    let entityByID: [String: Int]
    let documentByID: [String: Int]

    /// Builds a corpus from values in memory: the matcher derives mentions from the documents' text.
    /// Document, entity and fact `index` fields must equal their positions, and nothing is checked:
    /// ``CorpusBuilder`` takes the same values by id and reports what does not resolve.
    public convenience init(name: String = "memory", documents: [Document], entities: [Entity], facts: [Fact] = []) {
        let index = NameIndex(entities: entities, normalizer: Normalizer())
        let matched = Corpus.match(documents.map { ($0.text, $0.zones) }, index: index)
        self.init(name: name, directory: nil, documents: documents, entities: entities, facts: facts,
                  index: index, mentions: MentionList(matched.mentions), sentenceStarts: matched.sentences, warnings: [])
    }

    init(name: String, directory: String?, documents: [Document], entities: [Entity], facts: [Fact],
         index: NameIndex, mentions: MentionList, sentenceStarts: [[Int32]], warnings: [LoadProblem],
         timings: LoadTimings = LoadTimings(), fromCache: Bool = false, postings: Postings? = nil) {
        self.timings = timings
        self.fromCache = fromCache
        self.name = name
        self.directory = directory
        self.documents = documents
        self.entities = entities
        self.facts = facts
        self.names = index
        self.mentions = mentions
        self.sentenceStarts = sentenceStarts
        self.warnings = warnings
        let p = postings ?? Postings(mentions: mentions, documentCount: documents.count, entityCount: entities.count, facts: facts,
                                     entityByID: Dictionary(entities.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a }),
                                     documentByID: Dictionary(documents.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a }))
        documentMentionStart = p.documentMentionStart
        entityMentions = p.entityMentions
        entityDocuments = p.entityDocuments
        entityOwnDocuments = p.entityOwnDocuments
        documentEntities = p.documentEntities
        documentOwnEntities = p.documentOwnEntities
        entityFacts = p.entityFacts
        self.documentIDs = documents.map(\.id)
        self.documentDateKeys = documents.map { $0.published?.sortKey ?? PartialDate.noSortKey }
        entityByID = p.entityByID
        documentByID = p.documentByID
    }

    /// A corpus re-opened from the cache (see ``CorpusCache``): the postings and look-ups are taken as given, none is rebuilt.
    init(name: String, directory: String?, documents: [Document], entities: [Entity], facts: [Fact],
         index: NameIndex, mentions: MentionList, sentenceStarts: [[Int32]], postings: Postings, warnings: [LoadProblem]) {
        self.name = name
        self.directory = directory
        self.documents = documents
        self.entities = entities
        self.facts = facts
        self.mentions = mentions
        self.sentenceStarts = sentenceStarts
        self.names = index
        self.warnings = warnings
        timings = LoadTimings()
        fromCache = true
        documentMentionStart = postings.documentMentionStart
        entityMentions = postings.entityMentions
        entityDocuments = postings.entityDocuments
        entityOwnDocuments = postings.entityOwnDocuments
        documentEntities = postings.documentEntities
        documentOwnEntities = postings.documentOwnEntities
        entityFacts = postings.entityFacts
        entityByID = postings.entityByID
        documentByID = postings.documentByID
        documentIDs = documents.map(\.id)
        documentDateKeys = documents.map { $0.published?.sortKey ?? PartialDate.noSortKey }
    }

    /// A copy of `other` with other timings: every derived index is taken over as it is.
    private init(copying other: Corpus, timings: LoadTimings) {
        name = other.name
        directory = other.directory
        documents = other.documents
        entities = other.entities
        facts = other.facts
        mentions = other.mentions
        sentenceStarts = other.sentenceStarts
        names = other.names
        warnings = other.warnings
        self.timings = timings
        fromCache = other.fromCache
        documentMentionStart = other.documentMentionStart
        entityMentions = other.entityMentions
        entityDocuments = other.entityDocuments
        entityOwnDocuments = other.entityOwnDocuments
        documentEntities = other.documentEntities
        documentOwnEntities = other.documentOwnEntities
        entityFacts = other.entityFacts
        documentIDs = other.documentIDs
        documentDateKeys = other.documentDateKeys
        entityByID = other.entityByID
        documentByID = other.documentByID
    }

    /// Matches every document on all cores.
    static func match(_ texts: [(String, [Zone])], index: NameIndex) -> (mentions: [Mention], sentences: [[Int32]]) {
        let parts = parallelChunks(texts.count, minChunk: 8) { range -> ([Mention], [[Int32]]) in
            var matcher = Matcher(index: index)
            var ms: [Mention] = []
            var ss: [[Int32]] = []
            ss.reserveCapacity(range.count)
            for d in range {
                var t = texts[d].0
                let out = t.withUTF8 { matcher.match(bytes: $0, doc: Int32(d), zones: texts[d].1) }
                ms += out.mentions
                ss.append(out.sentenceStarts)
            }
            return (ms, ss)
        }
        var mentions: [Mention] = []
        mentions.reserveCapacity(parts.reduce(0) { $0 + $1.0.count })
        var sentences: [[Int32]] = []
        sentences.reserveCapacity(texts.count)
        for (m, s) in parts { mentions += m; sentences += s }
        return (mentions, sentences)
    }

    // MARK: Look-ups

    /// The entity with this catalog id: `corpus.entity(id: "kataib-hezbollah")`.
    public func entity(id: String) -> Entity? { entityByID[id].map { entities[$0] } }
    /// The document with this id (the file stem).
    public func document(id: String) -> Document? { documentByID[id].map { documents[$0] } }
    /// The fact with this id.
    public func fact(id: String) -> Fact? { facts.first { $0.id == id } }

    /// Entities with a name form equal to `name` after normalisation (ids are accepted too).
    public func entities(named name: String) -> [Entity] {
        if let e = entity(id: name) { return [e] }
        return names.entities(named: name).map { entities[$0] }
    }

    /// Mentions in one document, in text order.
    public func mentions(inDocument doc: Int) -> MentionList.SubSequence {
        mentions[documentMentionStart[doc]..<documentMentionStart[doc + 1]]
    }

    /// Number of mentions of one entity.
    public func mentionCount(of entity: Int) -> Int { entityMentions[entity].count }

    /// Indices of the documents that mention an entity, ascending.
    public func documents(mentioning entity: Int, ownTextOnly: Bool = false) -> [Int] {
        (ownTextOnly ? entityOwnDocuments[entity] : entityDocuments[entity]).map(Int.init)
    }

    /// Whether a document mentions an entity (in any zone): a binary search of the postings.
    public func document(_ doc: Int, mentions entity: Int) -> Bool {
        let list = entityDocuments[entity]
        var lo = 0, hi = list.count
        let d = Int32(doc)
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < d { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count && list[lo] == d
    }

    /// The facts whose subject or entity object is `entity`, in catalog order.
    public func facts(about entity: Int) -> [Fact] { entityFacts[entity].map { facts[Int($0)] } }

    /// The text of a mention as it stands in the raw document.
    public func surface(_ m: Mention) -> String {
        documents[Int(m.doc)].slice(Int(m.start), Int(m.end))
    }

    /// The UTF-8 byte range of a sentence.
    public func sentenceRange(doc: Int, sentence: Int) -> Range<Int> {
        let starts = sentenceStarts[doc]
        let start = openingStart(doc, Int(starts[sentence]))
        let end = sentence + 1 < starts.count ? openingStart(doc, Int(starts[sentence + 1])) : documents[doc].byteCount
        return start..<end
    }

    /// A sentence begins at its first word, or at the opening quotes and brackets just before it.
    private func openingStart(_ doc: Int, _ wordStart: Int) -> Int {
        documents[doc].withUTF8 { u in
            var i = wordStart
            var steps = 0
            while i > 0 && steps < 4 {
                let b = u[i - 1]
                if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B { i -= 1; steps += 1; continue }
                // “ ‘ (E2 80 9C / E2 80 98) and « (C2 AB)
                if i >= 3 && (b == 0x9C || b == 0x98) && u[i - 3] == 0xE2 && u[i - 2] == 0x80 { i -= 3; steps += 1; continue }
                if i >= 2 && b == 0xAB && u[i - 2] == 0xC2 { i -= 2; steps += 1; continue }
                break
            }
            return i
        }
    }

    /// The text of a sentence, without the white space around it; one String per sentence, shared by
    /// every caller (``SharedTexts``).
    public func sentenceText(doc: Int, sentence: Int) -> String {
        sharedTexts.text(SharedTexts.sentence(doc, sentence)) {
            let r = trimmedSentenceRange(doc: doc, sentence: sentence)
            return documents[doc].slice(r.lowerBound, r.upperBound)
        }
    }

    /// A document's whole text, made into a String once and shared (``SharedTexts``).
    public func documentText(_ doc: Int) -> String {
        sharedTexts.text(SharedTexts.document(doc)) { documents[doc].text }
    }

    /// The byte range of a sentence without the white space (Unicode White_Space) at its ends, found from
    /// both ends: it costs the white space, not the sentence (a page of one 50 MB sentence).
    func trimmedSentenceRange(doc: Int, sentence: Int) -> Range<Int> {
        let r = sentenceRange(doc: doc, sentence: sentence)
        return documents[doc].withUTF8 { u in
            var s = max(0, min(r.lowerBound, u.count)), e = max(s, min(r.upperBound, u.count))
            func scalar(at i: Int) -> (Unicode.Scalar, Int) {
                let b0 = UInt32(u[i])
                if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
                func c(_ k: Int) -> UInt32 { i + k < u.count ? UInt32(u[i + k] & 0x3F) : 0 }
                let (v, n): (UInt32, Int) = b0 < 0xE0 ? ((b0 & 0x1F) << 6 | c(1), 2)
                    : b0 < 0xF0 ? ((b0 & 0x0F) << 12 | c(1) << 6 | c(2), 3)
                    : ((b0 & 0x07) << 18 | c(1) << 12 | c(2) << 6 | c(3), 4)
                return (Unicode.Scalar(v) ?? " ", n)
            }
            while s < e {
                let (ch, n) = scalar(at: s)
                guard ch.properties.isWhitespace else { break }
                s += n
            }
            while e > s {
                var p = e - 1
                while p > s && u[p] & 0xC0 == 0x80 { p -= 1 }
                guard scalar(at: p).0.properties.isWhitespace else { break }
                e = p
            }
            return s..<e
        }
    }
}

extension Corpus {
    /// How many rows the source of `kind` has (`docs`, `entities`, `mentions`, `facts`).
    func count(of kind: ReferenceKind) -> Int {
        switch kind {
        case .document: return documents.count
        case .entity: return entities.count
        case .mention: return mentions.count
        case .fact: return facts.count
        }
    }
}

extension Corpus {
    /// The same corpus with other load timings (its postings are shared, not rebuilt).
    func withTimings(_ t: LoadTimings) -> Corpus { Corpus(copying: self, timings: t) }
}
