/// The derived look-up lists of a corpus, built from its mentions and facts: what makes "the documents
/// that mention X", "the entities of document D" and "the facts about X" a list read rather than a scan.
/// One value, so that the cache can store them and re-opening rebuilds none.
///
/// Built in linear passes with no hashing: each list is counted first, then filled at its final size.
struct Postings: Sendable {
    /// Per document, the index of its first mention in the corpus's mention list; one extra at the end.
    var documentMentionStart: [Int]
    /// Per entity, indices into the mention list, ascending.
    var entityMentions: [[Int32]]
    /// Per entity, the documents that mention it (ascending), in any zone and in the article's own text.
    var entityDocuments: [[Int32]]
    var entityOwnDocuments: [[Int32]]
    /// Per document, the distinct entities it mentions, in order of first mention (any zone, own text).
    var documentEntities: [[Int32]]
    var documentOwnEntities: [[Int32]]
    /// Per entity, the facts in which it is the subject or the entity object.
    var entityFacts: [[Int32]]
    /// Entity and document indices by id.
    var entityByID: [String: Int]
    var documentByID: [String: Int]

    /// Postings as stored (by the cache).
    init(documentMentionStart: [Int], entityMentions: [[Int32]], entityDocuments: [[Int32]], entityOwnDocuments: [[Int32]],
         documentEntities: [[Int32]], documentOwnEntities: [[Int32]], entityFacts: [[Int32]],
         entityByID: [String: Int], documentByID: [String: Int]) {
        self.documentMentionStart = documentMentionStart
        self.entityMentions = entityMentions
        self.entityDocuments = entityDocuments
        self.entityOwnDocuments = entityOwnDocuments
        self.documentEntities = documentEntities
        self.documentOwnEntities = documentOwnEntities
        self.entityFacts = entityFacts
        self.entityByID = entityByID
        self.documentByID = documentByID
    }

    /// `perDocument`, when given, holds each document's distinct entities as ``DocumentEntities`` found
    /// them while its mentions were fresh (the loader does this on all cores); else they are derived here.
    /// `entityByID` and `documentByID` map every id to its index (the loader has them already).
    init(mentions: MentionList, documentCount: Int, entityCount: Int, facts: [Fact],
         entityByID: [String: Int], documentByID: [String: Int], perDocument: (all: [[Int32]], own: [[Int32]])? = nil) {
        // The mentions of each entity on one core; on the other, where each document's mentions start, the
        // entities of each document (unless given) and the documents of each entity.
        let (byEntity, byDocument) = concurrently({ Postings.mentionsPerEntity(mentions, entityCount: entityCount) }, {
            Postings.byDocument(mentions, documentCount: documentCount, entityCount: entityCount, perDocument: perDocument)
        })
        self.init(byEntity: byEntity, byDocument: byDocument, entityFacts: Postings.factsPerEntity(facts, entityCount: entityCount),
                  entityByID: entityByID, documentByID: documentByID)
    }

    /// The postings from their two halves, which the loader builds beside the facts' check, each on a core
    /// of its own: ``mentionsPerEntity(_:entityCount:)`` and ``byDocument(_:documentCount:entityCount:perDocument:)``.
    init(byEntity: [[Int32]], byDocument: ByDocument, entityFacts: [[Int32]], entityByID: [String: Int], documentByID: [String: Int]) {
        self.entityByID = entityByID
        self.documentByID = documentByID
        documentMentionStart = byDocument.starts
        documentEntities = byDocument.perDocument.all
        documentOwnEntities = byDocument.perDocument.own
        entityMentions = byEntity
        entityDocuments = byDocument.all
        entityOwnDocuments = byDocument.own
        self.entityFacts = entityFacts
    }

    /// The postings that go by document: where each document's mentions start, the entities of each
    /// document, and, inverted, the documents of each entity (any zone, own text).
    struct ByDocument {
        var starts: [Int]
        var perDocument: (all: [[Int32]], own: [[Int32]])
        var all: [[Int32]]
        var own: [[Int32]]
    }

    /// See ``ByDocument``; `perDocument`, when given, holds each document's distinct entities as the
    /// loader found them while matching.
    static func byDocument(_ mentions: MentionList, documentCount: Int, entityCount: Int,
                           perDocument: (all: [[Int32]], own: [[Int32]])?) -> ByDocument {
        var starts = [Int](repeating: 0, count: documentCount + 1)
        mentions.withUnsafeBufferPointer { ms in
            for k in ms.indices { starts[Int(ms[k].doc) + 1] += 1 }
        }
        for d in 0..<documentCount { starts[d + 1] += starts[d] }
        let lists = perDocument ?? Postings.entitiesPerDocument(mentions, starts: starts, entityCount: entityCount)
        return ByDocument(starts: starts, perDocument: lists, all: Postings.invert(lists.all, count: entityCount),
                          own: Postings.invert(lists.own, count: entityCount))
    }

    /// Per entity, the facts in which it is the subject or the entity object.
    static func factsPerEntity(_ facts: [Fact], entityCount: Int) -> [[Int32]] {
        var factsOf = [[Int32]](repeating: [], count: entityCount)
        facts.withUnsafeBufferPointer { facts in
            // Read in place (a copy of a fact would retain every string in it).
            for k in facts.indices {
                let subject = facts[k].subject, index = Int32(facts[k].index)
                factsOf[subject].append(index)
                if case let .entity(o) = facts[k].object, o != subject { factsOf[o].append(index) }
            }
        }
        return factsOf
    }

    /// Items grouped into `count` lists, in the order given: `fill` calls its argument with each item's
    /// list and the item. A counting sort into one flat buffer (counted, then each item stored at its
    /// list's cursor), then one array per list copied out of it: no list grows, and no per-item append
    /// goes through an array of arrays.
    private static func grouped(count: Int, sizes: [Int], _ fill: ((Int, Int32) -> Void) -> Void) -> [[Int32]] {
        var starts = [Int](repeating: 0, count: count + 1)
        for k in 0..<count { starts[k + 1] = starts[k] + sizes[k] }
        let flat = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, starts[count]))
        defer { flat.deallocate() }
        var cursor = starts
        cursor.withUnsafeMutableBufferPointer { cursor in
            fill { list, item in
                flat[cursor[list]] = item
                cursor[list] += 1
            }
        }
        return (0..<count).map { k in Array(flat[starts[k]..<starts[k + 1]]) }
    }

    /// Per entity, the indices of its mentions, ascending.
    static func mentionsPerEntity(_ mentions: MentionList, entityCount: Int) -> [[Int32]] {
        var counts = [Int](repeating: 0, count: entityCount)
        for m in mentions where m.entity >= 0 { counts[Int(m.entity)] += 1 }
        return grouped(count: entityCount, sizes: counts) { put in
            mentions.withUnsafeBufferPointer { ms in
                for k in ms.indices where ms[k].entity >= 0 { put(Int(ms[k].entity), Int32(k)) }
            }
        }
    }

    /// Per document, its distinct entities (any zone, own text), from the mentions in document order.
    private static func entitiesPerDocument(_ mentions: MentionList, starts: [Int], entityCount: Int) -> (all: [[Int32]], own: [[Int32]]) {
        let documentCount = starts.count - 1
        var finder = DocumentEntities(entityCount: entityCount)
        var all: [[Int32]] = [], own: [[Int32]] = []
        all.reserveCapacity(documentCount)
        own.reserveCapacity(documentCount)
        for d in 0..<documentCount {
            let found = finder.find(in: mentions[starts[d]..<starts[d + 1]], doc: d)
            all.append(found.all)
            own.append(found.own)
        }
        return (all, own)
    }

    /// From lists per document to lists per entity: the documents of each entity, ascending.
    private static func invert(_ lists: [[Int32]], count: Int) -> [[Int32]] {
        var sizes = [Int](repeating: 0, count: count)
        for list in lists { for e in list { sizes[Int(e)] += 1 } }
        return grouped(count: count, sizes: sizes) { put in
            for (d, list) in lists.enumerated() { for e in list { put(Int(e), Int32(d)) } }
        }
    }
}

/// Finds the distinct entities of one document's mentions, in order of first mention, with one stamp per
/// entity instead of a set per document. One per thread.
struct DocumentEntities {
    private var seen: [Int32]
    private var seenOwn: [Int32]

    init(entityCount: Int) {
        seen = [Int32](repeating: -1, count: entityCount)
        seenOwn = [Int32](repeating: -1, count: entityCount)
    }

    /// The distinct entities of document `doc` (whose mentions these are): in any zone, and in its own text.
    mutating func find<C: Collection>(in mentions: C, doc: Int) -> (all: [Int32], own: [Int32]) where C.Element == Mention {
        var all: [Int32] = [], own: [Int32] = []
        let stamp = Int32(truncatingIfNeeded: doc)
        for m in mentions where m.entity >= 0 {
            let e = Int(m.entity)
            if seen[e] != stamp { seen[e] = stamp; all.append(m.entity) }
            if m.zone.isOwnText && seenOwn[e] != stamp { seenOwn[e] = stamp; own.append(m.entity) }
        }
        return (all, own)
    }
}
