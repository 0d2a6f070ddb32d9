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
    public let end: Int32
    public let zone: ZoneKind
    /// Whether the matched name was an ambiguous one, attributed from context.
    public let ambiguous: Bool
    /// Whether the name stands inside a longer proper name the catalog does not know (`Washington
    /// Institute`, `Hezbollah Battalions`, `Sadr City`): the entity is a guess, not an exact match.
    public let uncertain: Bool

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

    public var isResolved: Bool { entity >= 0 }
}
