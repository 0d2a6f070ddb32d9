/// Builds a ``Corpus`` in memory from entities, documents, facts and zones named by id, with the loader's
/// checks: every problem is returned (as the loader reports a corpus directory's), nothing traps.
///
/// ```swift
/// var b = CorpusBuilder(name: "desk")
/// b.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah", aliases: ["KH"], country: "iraq")
/// b.addEntity(id: "iraq", type: .country, name: "Iraq")
/// b.addDocument(id: "a", text: "Kataib Hezbollah is active in Iraq.\n", published: "2024-05")
/// b.addFact(id: "kh-iraq", subject: "kh", predicate: "active_in", object: .entity("iraq"), doc: "a",
///           quote: "Kataib Hezbollah is active in Iraq.")
/// switch b.build() {
/// case let .success(corpus): print(corpus.documents.count)
/// case let .failure(error): print(error.problems)   // unknown ids, quotes not found, bad dates, ...
/// }
/// ```
/// `CorpusBuilder(extending:)` starts from a loaded corpus: adding documents to it gives a new corpus that
/// shares the old one's texts, and (when no entity is added) its mentions are kept and only the new
/// documents are matched.
public struct CorpusBuilder: Sendable {
    /// The object of a fact: an entity by id, or a typed value.
    public enum Object: Sendable {
        /// An entity, by id.
        case entity(String)
        /// A number with an optional unit ("fighters").
        case number(Double, unit: String? = nil)
        /// A date as text: `2024`, `2024-05` or `2024-05-01` (`~` in front for approximate).
        case date(String)
        /// Free text.
        case text(String)
    }

    private struct EntityDraft: Sendable {
        var id: String, type: EntityType, name: String, aliases: [EntityName], country: String?, description: String?
    }
    private struct DocumentDraft: Sendable {
        var id: String, text: String, title: String?, outlet: String?, published: String?, url: String?
        var zones: [(ZoneKind, ClosedRange<Int>)]
    }
    private struct FactDraft: Sendable {
        var id: String, subject: String, predicate: String, object: Object, date: String?, doc: String, quote: String?
    }

    private let name: String
    private let base: Corpus?
    private var entities: [EntityDraft] = []
    private var documents: [DocumentDraft] = []
    private var facts: [FactDraft] = []

    /// An empty builder for a corpus called `name`.
    public init(name: String = "memory") {
        self.name = name
        self.base = nil
    }

    /// A builder that starts from `corpus`: what is added joins its entities, documents and facts.
    public init(extending corpus: Corpus) {
        self.name = corpus.name
        self.base = corpus
    }

    /// Adds an entity: its preferred name and other name forms (aliases as plain names, or
    /// ``EntityName``s with their kind), and its country by id.
    public mutating func addEntity(id: String, type: EntityType, name: String, aliases: [String] = [],
                                   names: [EntityName] = [], country: String? = nil, description: String? = nil) {
        entities.append(EntityDraft(id: id, type: type, name: name, aliases: aliases.map { EntityName($0, kind: .alias) } + names,
                                    country: country, description: description))
    }

    /// Adds a document: its text, metadata, the publication date as text (`2024-05-01`), and its zones as
    /// line ranges (1-based, inclusive: `(.navigation, 1...3)`).
    public mutating func addDocument(id: String, text: String, title: String? = nil, outlet: String? = nil,
                                     published: String? = nil, url: String? = nil,
                                     zones: [(ZoneKind, ClosedRange<Int>)] = []) {
        documents.append(DocumentDraft(id: id, text: text, title: title, outlet: outlet, published: published, url: url, zones: zones))
    }

    /// Adds a fact: subject and entity object by id, a predicate of the documented vocabulary
    /// (``Predicate``), its date as text, its evidence document by id and a quote found verbatim in it.
    public mutating func addFact(id: String, subject: String, predicate: String, object: Object, date: String? = nil,
                                 doc: String, quote: String? = nil) {
        facts.append(FactDraft(id: id, subject: subject, predicate: predicate, object: object, date: date, doc: doc, quote: quote))
    }

    /// The corpus, or every problem found (as a ``CorpusLoadError``, in the order things were added;
    /// the `file` of a problem names the kind and id: `entity kh`, `document a`, `fact kh-iraq`).
    public func build() -> Result<Corpus, CorpusLoadError> {
        var problems: [LoadProblem] = []
        let (entityList, entityIndex) = buildEntities(&problems)
        let (documentList, documentIndex) = buildDocuments(&problems)
        let factList = buildFacts(entityIndex: entityIndex, documentIndex: documentIndex, documents: documentList, &problems)
        // Names shared by two entities, unless both mark them ambiguous (the loader's rule).
        var keys: [[String]]? = []
        let names = NameIndex(entities: entityList, normalizer: Normalizer(), nameKeys: &keys)
        var owners: [String: [(entity: Int, ambiguous: Bool)]] = [:]
        for (e, list) in (keys ?? []).enumerated() {
            for (n, key) in zip(entityList[e].names, list) {
                if key.isEmpty || key == "=" {
                    problems.append(LoadProblem(file: "entity \(entityList[e].id)", message: "the name '\(n.text)' has no letters or digits"))
                } else if let k = owners[key]?.firstIndex(where: { $0.entity == e }) {
                    if n.kind == .ambiguous { owners[key]![k].ambiguous = true }
                } else {
                    owners[key, default: []].append((e, n.kind == .ambiguous))
                }
            }
        }
        for (key, list) in owners.sorted(by: { $0.value[0].entity < $1.value[0].entity }) where list.count > 1 {
            for o in list where !o.ambiguous {
                let others = list.filter { $0.entity != o.entity }.map { "'\(entityList[$0.entity].id)'" }
                let text = entityList[o.entity].names.first { Normalizer().words($0.text).joined(separator: " ") == key }?.text ?? key
                problems.append(LoadProblem(file: "entity \(entityList[o.entity].id)",
                                            message: "the name '\(text)' of '\(entityList[o.entity].id)' is also a name of \(others.joined(separator: ", "))",
                                            hint: "mark it ambiguous on every entity that shares it, or keep it on one"))
            }
        }
        if problems.contains(where: { $0.severity == .error }) { return .failure(CorpusLoadError(problems: problems)) }
        if let base, entities.isEmpty {
            // The old documents' mentions stand: only the new documents are matched.
            let added = Array(documentList[base.documents.count...])
            let matched = Corpus.match(added.map { ($0.text, $0.zones) }, index: base.names)
            let offset = Int32(base.documents.count)
            let mentions = Array(base.mentions) + matched.mentions.map {
                Mention(doc: $0.doc + offset, entity: $0.entity, sentence: $0.sentence, start: $0.start, end: $0.end,
                        zone: $0.zone, ambiguous: $0.ambiguous)
            }
            return .success(Corpus(name: name, directory: base.directory, documents: documentList, entities: entityList, facts: factList,
                                   index: base.names, mentions: MentionList(mentions), sentenceStarts: base.sentenceStarts + matched.sentences,
                                   warnings: problems))
        }
        let matched = Corpus.match(documentList.map { ($0.text, $0.zones) }, index: names)
        return .success(Corpus(name: name, directory: base?.directory, documents: documentList, entities: entityList, facts: factList,
                               index: names, mentions: MentionList(matched.mentions), sentenceStarts: matched.sentences,
                               warnings: problems))
    }

    private func buildEntities(_ problems: inout [LoadProblem]) -> ([Entity], [String: Int]) {
        var list = base?.entities ?? []
        var index = Dictionary(list.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for e in entities {
            if index[e.id] != nil {
                problems.append(LoadProblem(file: "entity \(e.id)", message: "duplicate entity id '\(e.id)'"))
                continue
            }
            if e.id.isEmpty || e.name.isEmpty {
                problems.append(LoadProblem(file: "entity \(e.id)", message: "an entity needs an id and a name"))
                continue
            }
            index[e.id] = list.count + entities.count  // placeholder, fixed below
            list.append(Entity(id: e.id, index: list.count, type: e.type, name: e.name,
                               names: [EntityName(e.name, kind: .name)] + e.aliases, description: e.description))
        }
        index = Dictionary(list.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        // Countries, now that every id is known.
        for (i, e) in list.enumerated() {
            guard let draft = entities.first(where: { $0.id == e.id }), let cc = draft.country else { continue }
            guard let c = index[cc] else {
                problems.append(LoadProblem(file: "entity \(e.id)", message: "unknown country '\(cc)' for '\(e.id)'",
                                            hint: Suggestions.hint(for: cc, in: list.filter { $0.type == .country }.map(\.id))))
                continue
            }
            if list[c].type != .country {
                problems.append(LoadProblem(file: "entity \(e.id)", message: "'\(cc)' is a \(list[c].type.rawValue), not a country"))
                continue
            }
            list[i] = Entity(id: e.id, index: i, type: e.type, name: e.name, names: e.names, country: c, description: e.description)
        }
        return (list, index)
    }

    private func buildDocuments(_ problems: inout [LoadProblem]) -> ([Document], [String: Int]) {
        var list = base?.documents ?? []
        var index = Dictionary(list.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for d in documents {
            let where_ = "document \(d.id)"
            if d.id.isEmpty { problems.append(LoadProblem(file: where_, message: "a document needs an id")); continue }
            if index[d.id] != nil { problems.append(LoadProblem(file: where_, message: "duplicate document id '\(d.id)'")); continue }
            if d.text.isEmpty { problems.append(LoadProblem(file: where_, message: "empty document")); continue }
            if d.text.utf8.contains(0) { problems.append(LoadProblem(file: where_, message: "the text holds a NUL byte")); continue }
            var published: PartialDate? = nil
            if let p = d.published {
                published = PartialDate(parsing: p)
                if published == nil {
                    problems.append(LoadProblem(file: where_, message: "bad date '\(p)' for published", hint: "write YYYY, YYYY-MM or YYYY-MM-DD"))
                }
            }
            let lineStarts = Document.lineStarts(of: d.text)
            var zones: [Zone] = []
            for (kind, lines) in d.zones {
                guard lines.lowerBound >= 1, lines.upperBound <= lineStarts.count else {
                    problems.append(LoadProblem(file: where_, message: "zone \(kind.rawValue) lines \(lines.lowerBound)-\(lines.upperBound) are outside the text's \(lineStarts.count) lines"))
                    continue
                }
                let end = lines.upperBound < lineStarts.count ? lineStarts[lines.upperBound] : d.text.utf8.count
                zones.append(Zone(kind: kind, firstLine: lines.lowerBound, lastLine: lines.upperBound, start: lineStarts[lines.lowerBound - 1], end: end))
            }
            index[d.id] = list.count
            list.append(Document(id: d.id, index: list.count, path: d.id + ".txt", text: d.text, title: d.title, outlet: d.outlet,
                                 published: published, url: d.url, zones: zones, annotated: true, lineStarts: lineStarts))
        }
        return (list, index)
    }

    private func buildFacts(entityIndex: [String: Int], documentIndex: [String: Int], documents: [Document],
                            _ problems: inout [LoadProblem]) -> [Fact] {
        var list = base?.facts ?? []
        var ids = Set(list.map(\.id))
        func entity(_ id: String, _ what: String, _ fact: String) -> Int? {
            if let i = entityIndex[id] { return i }
            problems.append(LoadProblem(file: "fact \(fact)", message: "unknown entity id '\(id)' in \(what)",
                                        hint: Suggestions.hint(for: id, in: entityIndex.keys)))
            return nil
        }
        func date(_ text: String, _ what: String, _ fact: String) -> PartialDate? {
            if let d = PartialDate(parsing: text) { return d }
            problems.append(LoadProblem(file: "fact \(fact)", message: "bad date '\(text)' for \(what)", hint: "write YYYY, YYYY-MM or YYYY-MM-DD"))
            return nil
        }
        for f in facts {
            let before = problems.count
            let where_ = "fact \(f.id)"
            if !ids.insert(f.id).inserted { problems.append(LoadProblem(file: where_, message: "duplicate fact id '\(f.id)'")) }
            let subject = entity(f.subject, "subject", f.id)
            let predicate = Predicate(rawValue: f.predicate)
            if predicate == nil {
                problems.append(LoadProblem(file: where_, message: "unknown predicate '\(f.predicate)'",
                                            hint: Suggestions.hint(for: f.predicate, in: Predicate.allCases.map(\.rawValue))))
            }
            var object: FactObject? = nil
            switch f.object {
            case let .entity(id): object = entity(id, "object", f.id).map(FactObject.entity)
            case let .number(n, unit): object = n.isFinite ? .number(n, unit: unit) : nil
                if !n.isFinite { problems.append(LoadProblem(file: where_, message: "the number is not finite")) }
            case let .date(text): object = date(text, "object", f.id).map(FactObject.date)
            case let .text(t): object = .text(t)
            }
            if let predicate {
                if case .entity = f.object, !predicate.takesEntity {
                    problems.append(LoadProblem(file: where_, message: "predicate '\(predicate.rawValue)' takes a value, not an entity"))
                } else if !predicate.takesEntity {} else if case .entity = f.object {} else {
                    problems.append(LoadProblem(file: where_, message: "predicate '\(predicate.rawValue)' takes an entity object, not a value"))
                }
            }
            let when = f.date.flatMap { date($0, "date", f.id) }
            let doc = documentIndex[f.doc]
            if doc == nil {
                problems.append(LoadProblem(file: where_, message: "unknown document '\(f.doc)'", hint: Suggestions.hint(for: f.doc, in: documentIndex.keys)))
            }
            var range: Range<Int>? = nil
            if let quote = f.quote, let doc {
                range = QuoteLocator.locate(quote, in: documents[doc])
                if range == nil {
                    problems.append(LoadProblem(file: where_, message: "quote not found in document '\(f.doc)': \"\(quote.prefix(60))\(quote.count > 60 ? "…" : "")\"",
                                                hint: "copy it verbatim from the document's text"))
                }
            }
            guard problems.count == before, let subject, let predicate, let object, let doc else { continue }
            list.append(Fact(id: f.id, index: list.count, subject: subject, predicate: predicate.rawValue, object: object, date: when,
                             doc: doc, quote: f.quote, quoteStart: range?.lowerBound, quoteEnd: range?.upperBound))
        }
        return list
    }
}
