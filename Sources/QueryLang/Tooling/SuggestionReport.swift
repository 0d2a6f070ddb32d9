/// The YAML `mq corpus suggest` prints: draft catalog entities for the names the catalog does not know,
/// new name forms of known entities (as comments: they go into an existing entry), and draft facts
/// with their quotes. Each part is valid YAML on its own, ready to be pasted into (or written as) a new
/// file under `catalog/` or `facts/`; the loader accepts it as it stands (ids are new, names are not
/// catalog names, quotes are verbatim). Every draft is meant to be checked before it is kept.
@_spi(MQInternals) public struct SuggestionReport {
    @_spi(MQInternals) public let corpus: Corpus
    @_spi(MQInternals) public let names: [NameCandidate]
    @_spi(MQInternals) public let facts: [FactCandidate]

    @_spi(MQInternals) public init(corpus: Corpus, limit: Int = 50) {
        self.corpus = corpus
        names = Array(NameCandidates.find(in: corpus).prefix(limit))
        facts = Array(FactCandidates.find(in: corpus).prefix(limit))
    }

    /// Draft entities (a list for `catalog/*.yaml`) and, as comments, new name forms of known entities.
    @_spi(MQInternals) public func catalogYAML() -> String {
        var lines = ["# Names the catalog does not know, most documents first (mq corpus suggest).",
                     "# Each is a draft: check the type, merge forms of one entity, drop what is no name."]
        var ids = Set(corpus.entities.map(\.id))
        var acronyms = Set<String>()
        var drafts = 0
        for c in names where c.kind == .name || c.kind == .acronym {
            if let a = c.acronym, !acronyms.insert(a).inserted { continue }
            let id = SuggestionReport.uniqueID(SuggestionReport.slug(c.text, fallback: "candidate"), &ids)
            lines.append("")
            var about = "# \(c.count)x in \(c.documents.count) document\(c.documents.count == 1 ? "" : "s") (\(c.documents.prefix(5).joined(separator: ", "))\(c.documents.count > 5 ? ", …" : ""))"
            if c.kind == .name, !c.entities.isEmpty {
                about += "; holds the catalog's " + c.entities.map { corpus.entities[$0].id }.joined(separator: ", ")
            }
            lines.append(about)
            lines.append("#   " + c.context)
            lines.append("- id: \(id)")
            lines.append("  type: \(SuggestionReport.guessType(c.text).rawValue)   # guessed from its words")
            lines.append("  name: " + SuggestionReport.quote(c.text))
            if let a = c.acronym { lines.append("  acronyms: [" + SuggestionReport.quote(a) + "]") }
            drafts += 1
        }
        if drafts == 0 { lines.append("[]") }
        let aliases = names.filter { $0.kind == .aliasAcronym || $0.kind == .aliasName }
        if !aliases.isEmpty {
            lines.append("")
            lines.append("# New name forms of known entities (add them to the entity's entry):")
            for c in aliases {
                let e = corpus.entities[c.entities[0]].id
                let form = c.kind == .aliasAcronym ? "acronyms: [\(c.acronym ?? "")]" : "aliases: [\(c.text)]"
                lines.append("#   \(e): \(form)   (\(c.count)x, \(c.documents.prefix(3).joined(separator: ", ")))")
                lines.append("#     " + c.context)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Draft facts (a list for `facts/*.yaml`), best first.
    @_spi(MQInternals) public func factsYAML() -> String {
        var lines = ["# Draft facts read from trigger phrases, best first (mq corpus suggest).",
                     "# Each quote is the sentence it comes from, verbatim; check the fact against it before keeping it."]
        var ids = Set(corpus.facts.map(\.id))
        for f in facts {
            let subject = corpus.entities[f.subject].id
            let objectPart: String
            var objectLine: String
            switch f.object {
            case let .entity(e):
                objectPart = corpus.entities[e].id
                objectLine = "  object: \(corpus.entities[e].id)"
            case let .date(d):
                objectPart = d.description
                objectLine = "  value: {date: \(d.description)}"
            case let .number(n, unit):
                objectPart = String(Int(n))
                objectLine = "  value: {number: \(n)" + (unit.map { ", unit: \(SuggestionReport.quote($0))" } ?? "") + "}"
            case let .text(t):
                objectPart = t
                objectLine = "  value: {text: \(SuggestionReport.quote(t))}"
            }
            let id = SuggestionReport.uniqueID(SuggestionReport.slug("\(subject) \(f.predicate.rawValue) \(objectPart)", fallback: "fact"), &ids)
            lines.append("")
            lines.append("# from \"\(f.trigger)\", score \(f.score)")
            lines.append("- id: \(id)")
            lines.append("  subject: \(subject)")
            lines.append("  predicate: \(f.predicate.rawValue)")
            lines.append(objectLine)
            if let d = f.date { lines.append("  date: \(d.description)") }
            lines.append("  doc: \(corpus.documents[f.doc].id)")
            lines.append("  quote: " + SuggestionReport.quote(f.quote))
            lines.append("  note: " + SuggestionReport.quote("suggested from \"\(f.trigger)\"; check before keeping"))
        }
        if facts.isEmpty { lines.append("[]") }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Pieces

    /// A YAML double-quoted scalar: every character that is not printable escaped, so that the loader
    /// reads back exactly `s`.
    static func quote(_ s: String) -> String {
        EscapedText.doubleQuoted(s) { u in
            switch u {
            case "\t": return "\\t"
            default:
                let c = u.properties.generalCategory
                guard u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) || c == .format || c == .lineSeparator
                    || c == .paragraphSeparator || c == .unassigned || c == .surrogate || c == .privateUse else { return nil }
                return u.value > 0xFFFF ? "\\U" + EscapedText.hex(u.value, digits: 8) : "\\u" + EscapedText.hex(u.value, digits: 4)
            }
        }
    }

    /// An id from a name: its folded words joined by hyphens (ASCII letters and digits only).
    static func slug(_ text: String, fallback: String) -> String {
        let words = Normalizer(spelling: SpellingTable()).words(text).map { w in String(w.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) }
        let s = words.filter { !$0.isEmpty }.joined(separator: "-").lowercased()
        return s.isEmpty ? fallback : String(s.prefix(60))
    }

    static func uniqueID(_ base: String, _ taken: inout Set<String>) -> String {
        var id = base, n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        taken.insert(id)
        return id
    }

    /// The entity type a name's words suggest; `organization` when they say nothing.
    static func guessType(_ name: String) -> EntityType {
        let words = Set(Normalizer().words(name))
        func has(_ list: [String]) -> Bool { !words.isDisjoint(with: list) }
        if has(["brigades", "brigade", "battalions", "battalion", "kataib", "saraya", "liwa", "militia", "army", "jaish",
                "movement", "harakat", "companies", "asaib", "front", "jabhat", "resistance"]) { return .armedGroup }
        if has(["ministry", "commission", "service", "police", "council", "parliament", "department", "agency", "court",
                "directorate", "command", "forces", "guard", "office", "authority", "government"]) { return .stateBody }
        if has(["party", "alliance", "coalition", "bloc", "list", "trend"]) { return .politicalParty }
        if has(["city", "province", "governorate", "base", "airport", "street", "district", "camp", "square", "bridge",
                "crossing", "town", "village", "desert", "river", "valley", "mountains"]) { return .place }
        return .organization
    }
}
