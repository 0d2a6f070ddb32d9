extension Corpus {
    /// The indexes a corpus derives from its documents, entities, mentions and facts when it is built (see
    /// the initialiser), as one value: what the cache stores or builds alongside, so that re-opening a
    /// corpus rebuilds none of them on the way.
    struct Postings {
        /// Per document, the index of its first mention; one extra at the end.
        var documentMentionStart: [Int]
        /// Per entity, indices into `mentions`.
        var entityMentions: [[Int32]]
        /// Per entity, the documents that mention it (ascending), in any zone and in own text.
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
    }

    var postings: Postings {
        Postings(documentMentionStart: documentMentionStart, entityMentions: entityMentions,
                 entityDocuments: entityDocuments, entityOwnDocuments: entityOwnDocuments,
                 documentEntities: documentEntities, documentOwnEntities: documentOwnEntities,
                 entityFacts: entityFacts, entityByID: entityByID, documentByID: documentByID)
    }
}
