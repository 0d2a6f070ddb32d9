/// FollowTheMoney entities, one JSON object a line (`{"id", "schema", "properties"}`), the form Aleph,
/// OpenSanctions and `ftm` read.
///
/// Every reference in a result (a row that is a reference, or a reference in any column, list or record)
/// is written with what it needs to stand on its own: an entity as Person / Organization / PublicBody /
/// Address with all its names; a document as Article; a mention as Mention with its entity and Article;
/// (a place's mention has no `resolved`: FtM resolves mentions to legal entities only);
/// a fact as an interval (Membership, Directorship, Occupancy, Sanction, Associate, UnknownLink, Event)
/// with its subject, object and Article as `proof`, the quote as `description`. Dates are FtM prefix dates
/// (`2020`, `2020-01`, `2020-01-05`): a date is written at the precision it is known to. Each entity is
/// written once per result. Ids are stable across runs: the kind, then the corpus's own id
/// (`entity-<id>`, `article-<id>`, `fact-<id>`, `mention-<doc>-<start>-<end>`, `position-<text>`), so
/// they join back to the corpus (``FtMRenderer/corpusID(_:)``).
public struct FtMRenderer {
    let corpus: Corpus
    private var written = Set<String>()
    private var out = ""

    /// A writer of FollowTheMoney entities for values of `corpus`.
    public init(corpus: Corpus) { self.corpus = corpus }

    /// The FtM lines of a table.
    public static func render(_ t: Table, corpus: Corpus) -> String {
        var r = FtMRenderer(corpus: corpus)
        for row in t.rows { r.walk(row) }
        return r.out
    }

    /// The lines of a single value (a reference or a list of them).
    public static func render(_ v: Value, corpus: Corpus) -> String {
        var r = FtMRenderer(corpus: corpus)
        r.walk(v)
        return r.out
    }

    /// The kind and corpus id an FtM id stands for: `("entity", "kataib-hezbollah")`.
    public static func corpusID(_ ftmID: String) -> (kind: String, id: String)? {
        for kind in ["entity", "article", "fact", "mention", "position"] where ftmID.hasPrefix(kind + "-") {
            return (kind, String(ftmID.dropFirst(kind.count + 1)))
        }
        return nil
    }

    private mutating func walk(_ v: Value) {
        switch v {
        case let .entity(i): entity(i)
        case let .document(i): article(i)
        case let .mention(i): mention(i)
        case let .fact(i): fact(i)
        case let .list(items): for x in items { walk(x) }
        case let .record(r): for x in r.values { walk(x) }
        case let .table(t): for x in t.rows { walk(x) }
        default: break
        }
    }

    // MARK: ids and schemata

    static func entityID(_ e: Entity) -> String { "entity-" + e.id }
    static func articleID(_ d: Document) -> String { "article-" + d.id }

    /// The schema of a catalog entity. Countries are state actors in this corpus (they back, designate,
    /// sanction), so they are public bodies; places are addresses.
    static func schema(_ type: EntityType) -> String {
        switch type {
        case .person: return "Person"
        case .stateBody, .country: return "PublicBody"
        case .place: return "Address"
        case .armedGroup, .umbrella, .politicalParty, .organization: return "Organization"
        }
    }

    private mutating func emit(_ id: String, _ schema: String, _ props: [(String, [String])]) {
        var body = "{\"id\":" + JSONText.quote(id) + ",\"schema\":" + JSONText.quote(schema) + ",\"properties\":{"
        var first = true
        for (key, values) in props {
            let vs = values.filter { !$0.isEmpty }
            guard !vs.isEmpty else { continue }
            if !first { body += "," }
            first = false
            body += JSONText.quote(key) + ":[" + vs.map(JSONText.quote).joined(separator: ",") + "]"
        }
        out += body + "}}\n"
    }

    // MARK: entities, articles, mentions

    private mutating func entity(_ i: Int) {
        let e = corpus.entities[i]
        let id = Self.entityID(e)
        guard written.insert(id).inserted else { return }
        var props: [(String, [String])] = [("name", [e.name])]
        let others = e.names.dropFirst()
        props.append(("alias", others.filter { $0.kind == .alias || $0.kind == .acronym }.map(\.text)))
        props.append(("previousName", others.filter { $0.kind == .previous }.map(\.text)))
        props.append(("weakAlias", others.filter { $0.kind == .ambiguous }.map(\.text)))
        if e.type == .place { props.append(("full", [e.name])) }
        if let d = e.description { props.append(("description", [d])) }
        // FtM's country property takes ISO codes, which the catalog does not hold: the country is named.
        var notes: [String] = []
        if let c = e.country { notes.append("Country: " + corpus.entities[c].name) }
        if let n = e.note { notes.append(n) }
        props.append(("notes", notes))
        props.append(("keywords", [e.type.rawValue]))
        emit(id, Self.schema(e.type), props)
    }

    private mutating func article(_ i: Int) {
        let d = corpus.documents[i]
        let id = Self.articleID(d)
        guard written.insert(id).inserted else { return }
        var props: [(String, [String])] = [("title", [d.title]), ("author", d.authors)]
        if let o = d.outlet { props.append(("publisher", [o])) }
        if let p = d.published { props.append(("publishedAt", [Self.date(p)])) }
        if let u = d.url { props.append(("sourceUrl", [u])) }
        if let l = Self.language(d.language) { props.append(("language", [l])) }
        props.append(("fileName", [String(d.path.split(separator: "/").last ?? Substring(d.path))]))
        props.append(("bodyText", [d.text]))
        emit(id, "Article", props)
    }

    private mutating func mention(_ i: Int) {
        let m = corpus.mentions[i]
        let d = corpus.documents[Int(m.doc)]
        let id = "mention-\(d.id)-\(m.start)-\(m.end)"
        guard written.insert(id).inserted else { return }
        article(Int(m.doc))
        var props: [(String, [String])] = [("name", [d.slice(Int(m.start), Int(m.end))]), ("document", [Self.articleID(d)])]
        if m.entity >= 0 {
            // FtM resolves a mention to a legal entity only: a place's mention keeps its detected schema.
            let e = corpus.entities[Int(m.entity)]
            props.append(("detectedSchema", [Self.schema(e.type)]))
            if e.type != .place {
                entity(Int(m.entity))
                props.append(("resolved", [Self.entityID(e)]))
            }
        }
        emit(id, "Mention", props)
    }

    // MARK: facts

    private mutating func fact(_ i: Int) {
        let f = corpus.facts[i]
        let id = "fact-" + f.id
        guard written.insert(id).inserted else { return }
        let subject = corpus.entities[f.subject]
        entity(f.subject)
        article(f.doc)
        var props: [(String, [String])] = []
        let schema: String
        var object: Entity?
        if case let .entity(o) = f.object { object = corpus.entities[o]; entity(o) }
        let sid = Self.entityID(subject)
        let isOrg: (Entity) -> Bool = { ["Organization", "PublicBody"].contains(Self.schema($0.type)) }
        let isLegal: (Entity) -> Bool = { isOrg($0) || $0.type == .person }
        switch (f.predicate, object) {
        case let ("member_of", o?) where isLegal(subject) && isOrg(o):
            schema = "Membership"
            props += [("member", [sid]), ("organization", [Self.entityID(o)])]
        case let ("leads", o?) where isLegal(subject) && isOrg(o):
            schema = "Directorship"
            props += [("director", [sid]), ("organization", [Self.entityID(o)]), ("role", ["leader"])]
        case let ("sanctioned_by", o?), let ("designated_by", o?):
            schema = "Sanction"
            props += [("entity", [sid]), ("authority", [o.name]),
                      ("program", [f.predicate == "designated_by" ? "designation" : "sanctions"])]
        case let (p, o?) where subject.type == .person && o.type == .person && ["allied_with", "affiliated_with"].contains(p):
            schema = "Associate"
            props += [("person", [sid]), ("associate", [Self.entityID(o)]), ("relationship", [p.replacingOccurrences(of: "_", with: " ")])]
        case let (p, o?):
            schema = "UnknownLink"
            props += [("subject", [sid]), ("object", [Self.entityID(o)]), ("role", [p.replacingOccurrences(of: "_", with: " ")])]
        case ("position", nil) where subject.type == .person && Self.title(f.object) != nil:
            let title = Self.title(f.object) ?? ""
            schema = "Occupancy"
            let post = "position-" + Self.slug(title)
            if written.insert(post).inserted { emit(post, "Position", [("name", [title])]) }
            props += [("holder", [sid]), ("post", [post])]
        default:
            schema = "Event"
            props += [("name", ["\(subject.name): \(f.predicate.replacingOccurrences(of: "_", with: " ")) \(Self.text(f.object))"]),
                      ("involved", [sid])]
            if case let .date(d) = f.object { props.append(("date", [Self.date(d)])) }
        }
        if let d = f.date { props.append(("date", [Self.date(d)])) }
        if let d = f.from { props.append(("startDate", [Self.date(d)])) }
        if let d = f.until { props.append(("endDate", [Self.date(d)])) }
        if let q = f.quote { props.append(("description", [q])) }
        if let n = f.note { props.append(("summary", [n])) }
        if let s = f.saidBy { props.append(("publisher", [corpus.entities[s].name])) }
        props.append(("proof", [Self.articleID(corpus.documents[f.doc])]))
        props.append(("recordId", [f.id]))
        emit(id, schema, Self.merged(props))
    }

    // MARK: values

    /// Properties with the same key written once, their values together.
    static func merged(_ props: [(String, [String])]) -> [(String, [String])] {
        var order: [String] = [], values: [String: [String]] = [:]
        for (k, v) in props {
            if values[k] == nil { order.append(k) }
            for x in v where !(values[k] ?? []).contains(x) { values[k, default: []].append(x) }
        }
        return order.map { ($0, values[$0] ?? []) }
    }

    /// An FtM prefix date: the date at its own precision (an approximate date loses its `~`).
    static func date(_ d: PartialDate) -> String {
        var s = d.description
        if s.hasPrefix("~") { s.removeFirst() }
        return s
    }

    static func text(_ o: FactObject) -> String {
        switch o {
        case let .entity(i): return "#\(i)"
        case let .number(n, unit): return Preview.formatFloat(n) + (unit.map { " " + $0 } ?? "")
        case let .date(d): return d.description
        case let .text(t): return t
        }
    }

    static func title(_ o: FactObject) -> String? {
        if case let .text(t) = o { return t }
        return nil
    }

    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for c in s.lowercased() {
            if c.isLetter || c.isNumber {
                out.append(c)
                dash = false
            } else if !dash && !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// ISO 639-3, as FtM's language type takes it, for the two-letter codes the corpus uses.
    static func language(_ code: String) -> String? {
        let table = ["en": "eng", "ar": "ara", "fa": "fas", "ku": "kur", "fr": "fra", "de": "deu", "tr": "tur",
                     "ur": "urd", "ru": "rus", "es": "spa", "he": "heb", "zh": "zho"]
        if code.count == 3 { return code.lowercased() }
        return table[code.lowercased()]
    }
}
