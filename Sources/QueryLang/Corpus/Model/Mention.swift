/// One occurrence of a catalog name in a document, derived by the name matcher.
public struct Mention: Hashable, Sendable {
    /// Document index.
    public let doc: Int32
    /// Entity index, or -1 when an ambiguous name could not be attributed.
    public let entity: Int32
    /// Sentence index within the document (0-based).
    public let sentence: Int32
    /// UTF-8 byte offsets into the raw text: `start..<end`.
    public let start: Int32
    /// UTF-8 byte offset just past the name.
    public let end: Int32
    /// The zone of the document the name stands in (body, headline, related links, ...).
    public let zone: ZoneKind
    /// Whether the matched name was an ambiguous one, attributed from context.
    public let ambiguous: Bool
    /// Whether the name stands inside a longer proper name the catalog does not know (`Washington
    /// Institute`, `Hezbollah Battalions`, `Sadr City`): the entity is a guess, not an exact match.
    public let uncertain: Bool

    /// A mention by document and entity index; the name matcher makes them when a corpus is built.
    public init(doc: Int32, entity: Int32, sentence: Int32, start: Int32, end: Int32,
                zone: ZoneKind, ambiguous: Bool = false, uncertain: Bool = false) {
        self.doc = doc
        self.entity = entity
        self.sentence = sentence
        self.start = start
        self.end = end
        self.zone = zone
        self.ambiguous = ambiguous
        self.uncertain = uncertain
    }

    /// Whether the mention is attributed to an entity (an ambiguous name may not be).
    public var isResolved: Bool { entity >= 0 }
}
