/// What the rows of a table are.
public enum RowKind: Sendable, Equatable, CustomStringConvertible {
    case documents, entities, mentions, facts
    /// Records with these columns (nil: not known statically); `base` is the reference they extend.
    case records([String]?, base: ReferenceKind?)
    case values

    /// The kind as diagnostics print it: `entities`, `records`, `values`.
    public var description: String {
        switch self {
        case .documents: return "documents"
        case .entities: return "entities"
        case .mentions: return "mentions"
        case .facts: return "facts"
        case .records: return "records"
        case .values: return "values"
        }
    }

    /// The kind of corpus reference the rows are, if they are one.
    public var reference: ReferenceKind? {
        switch self {
        case .documents: return .document
        case .entities: return .entity
        case .mentions: return .mention
        case .facts: return .fact
        case let .records(_, base): return base
        case .values: return nil
        }
    }
}

/// The four kinds of corpus references.
public enum ReferenceKind: String, Sendable, CaseIterable {
    case document, entity, mention, fact

    /// The rows of a table of such references.
    public var rowKind: RowKind {
        switch self {
        case .document: return .documents
        case .entity: return .entities
        case .mention: return .mentions
        case .fact: return .facts
        }
    }

    /// The type of one such reference.
    public var valueType: ValueType {
        switch self {
        case .document: return .document
        case .entity: return .entity
        case .mention: return .mention
        case .fact: return .fact
        }
    }
}

/// Every field of every reference kind, with its type and a one-line description (for `check`,
/// completion, `.schema` and docs/language.md).
@_spi(MQInternals) public enum FieldCatalog {
    @_spi(MQInternals) public struct Field: Sendable {
        @_spi(MQInternals) public let name: String
        @_spi(MQInternals) public let type: ValueType
        @_spi(MQInternals) public let help: String
    }

    @_spi(MQInternals) public static let sources: [(name: String, kind: ReferenceKind, help: String)] = [
        ("docs", .document, "every document of the corpus"),
        ("entities", .entity, "every entity of the catalog"),
        ("mentions", .mention, "every mention of an entity in a document, all zones"),
        ("facts", .fact, "every curated fact"),
    ]

    @_spi(MQInternals) public static func fields(of kind: ReferenceKind) -> [Field] {
        switch kind {
        case .document: return document
        case .entity: return entity
        case .mention: return mention
        case .fact: return fact
        }
    }

    @_spi(MQInternals) public static func field(_ name: String, of kind: ReferenceKind) -> Field? {
        fields(of: kind).first { $0.name == name }
    }

    /// The columns a table of this kind shows.
    @_spi(MQInternals) public static func columns(of kind: ReferenceKind) -> [String] {
        switch kind {
        case .document: return ["id", "title", "outlet", "published"]
        case .entity: return ["id", "type", "name"]
        case .mention: return ["doc", "entity", "sentence", "zone", "surface"]
        case .fact: return ["id", "subject", "predicate", "object", "date", "doc", "source", "quote"]
        }
    }

    static let document: [Field] = [
        Field(name: "id", type: .string, help: "file stem of the raw document"),
        Field(name: "title", type: .string, help: "title from the metadata, else the first line"),
        Field(name: "outlet", type: .string, help: "outlet as printed (null when the text names none)"),
        Field(name: "outlet_entity", type: .entity, help: "the outlet as a catalog entity, where known"),
        Field(name: "authors", type: .list(.string), help: "authors as printed"),
        Field(name: "published", type: .date, help: "publication date with its precision, or null"),
        Field(name: "url", type: .string, help: "URL, where known"),
        Field(name: "language", type: .string, help: "language code"),
        Field(name: "text", type: .string, help: "the raw text, exactly as on disk"),
        Field(name: "length", type: .int, help: "size of the raw text in bytes"),
        Field(name: "annotated", type: .bool, help: "whether the document has metadata"),
        Field(name: "metadata_source", type: .string, help: "curated (sidecar or documents.tsv) or inferred (title, date, outlet and zones read from the text)"),
        Field(name: "path", type: .string, help: "path of the raw file in the corpus"),
        Field(name: "mentions", type: .list(.mention), help: "mentions in this document, in text order"),
        Field(name: "entities", type: .list(.entity), help: "distinct entities mentioned, in order of first mention"),
        Field(name: "facts", type: .list(.fact), help: "facts whose evidence is this document"),
        Field(name: "sentences", type: .int, help: "number of sentences"),
    ]

    static let entity: [Field] = [
        Field(name: "id", type: .string, help: "stable catalog id"),
        Field(name: "type", type: .string, help: "armed_group, umbrella, political_party, state_body, organization, person, country or place"),
        Field(name: "name", type: .string, help: "preferred name"),
        Field(name: "aliases", type: .list(.string), help: "every other name form"),
        Field(name: "acronyms", type: .list(.string), help: "acronyms (matched case-sensitively)"),
        Field(name: "names", type: .list(.string), help: "every name form, preferred first"),
        Field(name: "country", type: .entity, help: "the entity's country, where known"),
        Field(name: "description", type: .string, help: "one-line description"),
        Field(name: "mentions", type: .list(.mention), help: "every mention of the entity"),
        Field(name: "docs", type: .list(.document), help: "documents that mention it (all zones)"),
        Field(name: "facts", type: .list(.fact), help: "facts whose subject is the entity"),
        Field(name: "mention_count", type: .int, help: "number of mentions"),
    ]

    static let mention: [Field] = [
        Field(name: "doc", type: .document, help: "the document"),
        Field(name: "entity", type: .entity, help: "the entity (null when a shared name could not be attributed)"),
        Field(name: "sentence", type: .int, help: "sentence index in the document, from 0"),
        Field(name: "start", type: .int, help: "UTF-8 byte offset where the mention starts in the raw text"),
        Field(name: "end", type: .int, help: "UTF-8 byte offset just after the mention"),
        Field(name: "surface", type: .string, help: "the text as written"),
        Field(name: "zone", type: .string, help: "headline, standfirst, body, caption, navigation, byline, dateline, related, ad, comments, prompt, bio or references"),
        Field(name: "own", type: .bool, help: "whether the zone is the article's own text (headline, standfirst, body, caption)"),
        Field(name: "ambiguous", type: .bool, help: "whether the name is shared and was attributed from context"),
        Field(name: "uncertain", type: .bool, help: "whether the name stands inside a longer proper name the catalog does not know (the entity is a guess)"),
        Field(name: "text", type: .string, help: "the sentence holding the mention"),
    ]

    static let fact: [Field] = [
        Field(name: "id", type: .string, help: "stable fact id"),
        Field(name: "subject", type: .entity, help: "who or what the fact is about"),
        Field(name: "predicate", type: .string, help: "leads, member_of, designated_by, ... (docs/corpus-format.md)"),
        Field(name: "object", type: .any, help: "an entity, or a value (number, date, text)"),
        Field(name: "unit", type: .string, help: "unit of a numeric object (fighters, USD, ...)"),
        Field(name: "date", type: .date, help: "when it happened or was asserted"),
        Field(name: "from", type: .date, help: "start of validity"),
        Field(name: "until", type: .date, help: "end of validity"),
        Field(name: "said_by", type: .entity, help: "who asserts it (null: the document's outlet)"),
        Field(name: "source", type: .string, help: "who says so: said_by's name, else the document's outlet"),
        Field(name: "doc", type: .document, help: "evidence document"),
        Field(name: "quote", type: .string, help: "verbatim evidence quote"),
        Field(name: "note", type: .string, help: "curator's note"),
    ]
}
