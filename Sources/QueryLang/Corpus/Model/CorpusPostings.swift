extension Corpus {
    /// The corpus's postings as one value, for the cache to store.
    var postings: Postings {
        Postings(documentMentionStart: documentMentionStart, entityMentions: entityMentions,
                 entityDocuments: entityDocuments, entityOwnDocuments: entityOwnDocuments,
                 documentEntities: documentEntities, documentOwnEntities: documentOwnEntities,
                 entityFacts: entityFacts, entityByID: entityByID, documentByID: documentByID)
    }
}
