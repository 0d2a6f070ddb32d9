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
    /// The fact's id in the facts file, e.g. `kh-designated-2009`.
    public let id: String
    /// Position in ``Corpus/facts``.
    public let index: Int
    /// Catalog index of the entity the fact is about.
    public let subject: Int
    /// What is claimed, one of ``Predicate`` (`member_of`, `designated_by`, ...).
    public let predicate: String
    /// The other entity, or the value (number, date, text), of the claim.
    public let object: FactObject
    /// When the event happened, for a one-off event.
    public let date: PartialDate?
    /// Start of the period the claim holds for.
    public let from: PartialDate?
    /// End of the period the claim holds for.
    public let until: PartialDate?
    /// Catalog index of who asserts it; nil means the document's outlet.
    public let saidBy: Int?
    /// Evidence document index.
    public let doc: Int
    /// The verbatim quote as written in the fact file; nil for imported facts without evidence text.
    public let quote: String?
    /// UTF-8 byte range of the quote in the raw document.
    public let quoteStart: Int?
    /// UTF-8 byte offset just past the quote in the raw document.
    public let quoteEnd: Int?
    /// A curator's note on the fact.
    public let note: String?
    /// Where the fact is written in the facts file.
    public let location: SourceLocation?

    /// A fact by catalog and document indexes, unchecked. ``CorpusBuilder/addFact`` takes ids instead,
    /// finds the quote in its document and reports what does not resolve.
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
