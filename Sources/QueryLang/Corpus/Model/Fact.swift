/// What a fact says about its subject: another entity, or a typed value.
public enum FactObject: Hashable, Sendable {
    case entity(Int)
    case number(Double, unit: String?)
    case date(PartialDate)
    case text(String)
}

/// The documented predicate vocabulary of curated facts.
public enum Predicate: String, CaseIterable, Sendable {
    case leads, memberOf = "member_of", splinterOf = "splinter_of", founded, foundedBy = "founded_by"
    case designatedBy = "designated_by", sanctionedBy = "sanctioned_by", killedBy = "killed_by"
    case fundedBy = "funded_by", backedBy = "backed_by", alliedWith = "allied_with"
    case affiliatedWith = "affiliated_with", position, strength, budget
    case activeIn = "active_in", basedIn = "based_in", locatedIn = "located_in", attacked, designated
    case foundedIn = "founded_in"

    /// Whether the predicate takes an entity object (true) or a typed value (false).
    public var takesEntity: Bool {
        switch self {
        case .founded, .position, .strength, .budget: return false
        default: return true
        }
    }
}

/// A curated claim with its evidence: a document and a verbatim quote found in it.
/// Facts are never merged or overwritten: two sources that disagree are two facts.
public struct Fact: Sendable {
    public let id: String
    public let index: Int
    public let subject: Int
    public let predicate: String
    public let object: FactObject
    public let date: PartialDate?
    public let from: PartialDate?
    public let until: PartialDate?
    /// Catalog index of who asserts it; nil means the document's outlet.
    public let saidBy: Int?
    /// Evidence document index.
    public let doc: Int
    /// The verbatim quote as written in the fact file; nil for imported facts without evidence text.
    public let quote: String?
    /// UTF-8 byte range of the quote in the raw document.
    public let quoteStart: Int?
    public let quoteEnd: Int?
    public let note: String?
    public let location: SourceLocation?

    public init(id: String, index: Int, subject: Int, predicate: String, object: FactObject,
                date: PartialDate? = nil, from: PartialDate? = nil, until: PartialDate? = nil,
                saidBy: Int? = nil, doc: Int, quote: String? = nil, quoteStart: Int? = nil,
                quoteEnd: Int? = nil, note: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.index = index
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.date = date
        self.from = from
        self.until = until
        self.saidBy = saidBy
        self.doc = doc
        self.quote = quote
        self.quoteStart = quoteStart
        self.quoteEnd = quoteEnd
        self.note = note
        self.location = location
    }
}
