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

public struct EntityName: Hashable, Sendable {
    public let text: String
    public let kind: NameKind
    public init(_ text: String, kind: NameKind) {
        self.text = text
        self.kind = kind
    }
}

/// Where a curated record was written: for diagnostics and provenance.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// One curated catalog entity: a group, a person, a body, a country or a place.
public struct Entity: Sendable {
    public let id: String
    /// Position in ``Corpus/entities``.
    public let index: Int
    public let type: EntityType
    public let name: String
    /// Every name form, the preferred name first.
    public let names: [EntityName]
    /// Catalog index of the entity's country.
    public let country: Int?
    public let description: String?
    public let note: String?
    public let location: SourceLocation?

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
