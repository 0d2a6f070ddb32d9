/// What kind of thing a catalog entity is.
public enum EntityType: String, CaseIterable, Sendable, Comparable {
    case armedGroup = "armed_group"
    case umbrella
    case politicalParty = "political_party"
    case stateBody = "state_body"
    case organization
    case person
    case country
    case place

    /// Orders types by their name in the catalog.
    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
}

/// How a name form relates to its entity (FollowTheMoney's name kinds, reduced).
public enum NameKind: String, Sendable, CaseIterable {
    /// The preferred name.
    case name
    /// Another spelling, translation or transliteration.
    case alias
    /// Matched case-sensitively as a whole word.
    case acronym
    /// A former name.
    case previous
    /// A name knowingly shared with other entities; attributed from context.
    case ambiguous
}

/// One name form of an entity, with how it relates to the entity.
public struct EntityName: Hashable, Sendable {
    /// The name as written in the catalog.
    public let text: String
    /// Preferred name, alias, acronym, former or ambiguous name.
    public let kind: NameKind
    /// A name form: `EntityName("KH", kind: .acronym)`.
    public init(_ text: String, kind: NameKind) {
        self.text = text
        self.kind = kind
    }
}

/// Where a curated record was written: for diagnostics and provenance.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The catalog or facts file, relative to the corpus directory.
    public let file: String
    /// 1-based line of the record in that file.
    public let line: Int
    /// A place in a curated file.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// One curated catalog entity: a group, a person, a body, a country or a place.
public struct Entity: Sendable {
    /// The catalog id, e.g. `kataib-hezbollah`.
    public let id: String
    /// Position in ``Corpus/entities``.
    public let index: Int
    /// Armed group, party, person, place, ...
    public let type: EntityType
    /// The preferred name.
    public let name: String
    /// Every name form, the preferred name first.
    public let names: [EntityName]
    /// Catalog index of the entity's country.
    public let country: Int?
    /// A one-line description from the catalog.
    public let description: String?
    /// A curator's note on the entity.
    public let note: String?
    /// Where the entity is written in the catalog.
    public let location: SourceLocation?

    /// An entity by index, unchecked. ``CorpusBuilder/addEntity`` checks ids and names and sets `index`.
    public init(id: String, index: Int, type: EntityType, name: String, names: [EntityName],
                country: Int? = nil, description: String? = nil, note: String? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.index = index
        self.type = type
        self.name = name
        self.names = names
        self.country = country
        self.description = description
        self.note = note
        self.location = location
    }

    /// Every name form but the preferred one.
    public var aliases: [String] { names.dropFirst().map(\.text) }
}
