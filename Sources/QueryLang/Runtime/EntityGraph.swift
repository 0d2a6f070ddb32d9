/// The graph that `neighbors` and `paths` walk: the entities are its nodes, and its edges come from the
/// rows of the stage's input.
///
/// - A fact whose object is an entity joins its subject and its object (a fact with a value object, such
///   as a date or a number, joins nothing). Fact edges have a direction, subject to object: a walk
///   follows them both ways unless it is `directed`.
/// - Mentions join the entities mentioned in the own text of one document (as `cooccur by document`
///   counts them: headline, standfirst, body and captions; mentions with no entity are skipped). These
///   edges have no direction.
///
/// Rows of both kinds (`facts | union (mentions)`) give both kinds of edges. With the whole `facts` or
/// `mentions` source as input, the graph is read from the corpus's postings instead of from rows.
struct EntityGraph {
    /// A fact edge seen from one of its ends: the other end, the fact, and whether the fact reads from
    /// this end to the other (subject to object).
    struct FactEdge {
        let other: Int32
        let fact: Int32
        let forward: Bool
    }

    let directed: Bool
    /// Per entity, its fact edges (empty arrays when the input has no facts).
    private(set) var factEdges: [[FactEdge]]
    /// Per entity, the documents (ascending) whose own text mentions it among the input mentions.
    private(set) var entityDocuments: [[Int32]]
    /// Per document, the distinct entities its own text mentions among the input mentions.
    private(set) var documentEntities: [[Int32]]
    private(set) var hasFacts = false
    private(set) var hasDocuments = false

    /// The graph of every fact of the corpus, or of every own-text mention, from the postings.
    init(corpus: Corpus, allFacts: Bool, allMentions: Bool, directed: Bool) {
        self.directed = directed
        factEdges = Array(repeating: [], count: allFacts ? corpus.entities.count : 0)
        entityDocuments = allMentions ? corpus.entityOwnDocuments : []
        documentEntities = allMentions ? corpus.documentOwnEntities : []
        hasDocuments = allMentions
        if allFacts { for f in corpus.facts { addFact(f) } }
    }

    /// The graph of the given facts (by index) and (document, entity) incidences of own-text mentions.
    init(corpus: Corpus, facts: [Int], incidences: [(doc: Int32, entity: Int32)], directed: Bool) {
        self.directed = directed
        factEdges = Array(repeating: [], count: facts.isEmpty ? 0 : corpus.entities.count)
        entityDocuments = []
        documentEntities = []
        for i in facts { addFact(corpus.facts[i]) }
        guard !incidences.isEmpty else { return }
        hasDocuments = true
        var sorted = incidences
        sorted.sort { ($0.doc, $0.entity) < ($1.doc, $1.entity) }
        var byEntity = Array(repeating: [Int32](), count: corpus.entities.count)
        var byDocument = Array(repeating: [Int32](), count: corpus.documents.count)
        var last: (Int32, Int32)? = nil
        for p in sorted where last.map({ $0 != (p.doc, p.entity) }) ?? true {
            last = (p.doc, p.entity)
            byDocument[Int(p.doc)].append(p.entity)
            byEntity[Int(p.entity)].append(p.doc)  // documents come in ascending order
        }
        entityDocuments = byEntity
        documentEntities = byDocument
    }

    private mutating func addFact(_ f: Fact) {
        guard case let .entity(o) = f.object, o != f.subject else { return }
        hasFacts = true
        factEdges[f.subject].append(FactEdge(other: Int32(o), fact: Int32(f.index), forward: true))
        factEdges[o].append(FactEdge(other: Int32(f.subject), fact: Int32(f.index), forward: false))
    }

    /// Calls `body` with every neighbour of `e` (a neighbour joined by several edges comes several times);
    /// `step` is called once per edge looked at (the caller's limits). `reverse`: a directed walk that
    /// goes backwards (from the end of a path), following facts from object to subject.
    func eachNeighbor(of e: Int, reverse: Bool = false, step: () throws -> Void, _ body: (Int) throws -> Void) rethrows {
        if hasFacts {
            for edge in factEdges[e] where !directed || edge.forward != reverse {
                try step()
                try body(Int(edge.other))
            }
        }
        if hasDocuments {
            for d in entityDocuments[e] {
                for x in documentEntities[Int(d)] where Int(x) != e {
                    try step()
                    try body(Int(x))
                }
            }
        }
    }

    /// The evidence of the hop from `a` to `b`: the facts joining them (in the walk's direction only when
    /// directed), the documents both are mentioned in, and the hop in words (`via`).
    /// `shared` counts the documents both are mentioned in (`docs` also holds those of the facts).
    func hop(_ a: Int, _ b: Int, corpus: Corpus) -> (facts: [Int], docs: [Int], shared: Int, via: String) {
        var facts: [Int] = []
        var labels: [String] = []
        if hasFacts {
            for edge in factEdges[a] where Int(edge.other) == b && (edge.forward || !directed) {
                facts.append(Int(edge.fact))
                let p = corpus.facts[Int(edge.fact)].predicate
                let label = edge.forward ? p : p + " (reverse)"
                if !labels.contains(label) { labels.append(label) }
            }
        }
        var docs: [Int] = []
        if hasDocuments {
            let x = entityDocuments[a], y = entityDocuments[b]
            var i = 0, j = 0
            while i < x.count && j < y.count {
                if x[i] < y[j] { i += 1 } else if x[i] > y[j] { j += 1 } else { docs.append(Int(x[i])); i += 1; j += 1 }
            }
            if !docs.isEmpty { labels.append("cooccur") }
        }
        // Documents of the facts first, then the shared ones, each once.
        var allDocs: [Int] = []
        var seen = Set<Int>()
        for f in facts where seen.insert(corpus.facts[f].doc).inserted { allDocs.append(corpus.facts[f].doc) }
        for d in docs where seen.insert(d).inserted { allDocs.append(d) }
        return (facts, allDocs, docs.count, labels.joined(separator: ", "))
    }
}

extension Interpreter {
    /// The graph of a stage's input: from the postings when the input is a whole `facts` or `mentions`
    /// source, else from its rows (facts, mentions, or records made from them).
    func entityGraph(_ input: PlanNode, directed: Bool, _ env: Env, _ span: Span, stage: String) throws -> EntityGraph {
        if case let .scan(kind) = input.op, kind == .fact || kind == .mention {
            return EntityGraph(corpus: corpus, allFacts: kind == .fact, allMentions: kind == .mention, directed: directed)
        }
        var facts: [Int] = []
        var incidences: [(doc: Int32, entity: Int32)] = []
        let stream = try open(input, env)
        try stream.forEach { row in
            try tick(span)
            switch row.graphReference {
            case let .fact(i)?: facts.append(i)
            case let .mention(i)?:
                let m = corpus.mentions[i]
                if m.entity >= 0 && m.zone.isOwnText { incidences.append((m.doc, m.entity)) }
            default:
                throw fail(.wrongInput, "\(stage) works on facts or mentions (the edges of the graph), got \(row.typeName) \(preview(row))", span,
                           hints: ["facts | \(stage) ...", "mentions | \(stage) ...", "facts | union (mentions) | \(stage) ..."])
            }
            try checkRows(facts.count + incidences.count, span, "the input of '\(stage)'")
        }
        return EntityGraph(corpus: corpus, facts: facts, incidences: incidences, directed: directed)
    }

    /// The entity a graph stage starts from or goes to: an entity, or a text naming one (its id or any
    /// of its names, as `ent` reads them).
    func graphEntity(_ e: Expr, _ env: Env, stage: String) throws -> Int {
        let v = try eval(e, env)
        switch v {
        case let .entity(i): return i
        case let .string(s):
            let found = corpus.entities(named: s)
            if found.count == 1 { return found[0].index }
            if found.isEmpty {
                throw fail(.unknownGraphEntity, "\(stage): no entity is named '\(s)'", e.span, hints: EntitySuggestions.hints(for: s, in: corpus))
            }
            throw fail(.ambiguousGraphEntity, "\(stage): '\(s)' names \(found.count) entities", e.span,
                       hints: ["write one of: " + found.prefix(5).map { "\"\($0.id)\"" }.joined(separator: ", ")])
        default:
            throw fail(.unknownGraphEntity, "\(stage) needs an entity or its name, got \(v.typeName) \(preview(v))", e.span,
                       hints: ["\(stage) ... \"kataib-hezbollah\" ..., or ent(\"KH\")"])
        }
    }

    /// A whole-number option of a graph stage, from 1 to `max`.
    func graphCount(_ e: Expr?, default value: Int, max: Int, _ env: Env, what: String) throws -> Int {
        guard let e else { return value }
        let v = try eval(e, env)
        guard case let .int(n) = v, n >= 1, n <= max else {
            throw fail(.graphBoundOutOfRange, "\(what) must be a whole number from 1 to \(max), got \(v.typeName) \(preview(v))", e.span)
        }
        return Int(n)
    }
}

extension Value {
    /// The fact or mention a row stands for (itself, or the reference a record was made from).
    var graphReference: Value? {
        switch self {
        case .fact, .mention: return self
        case let .record(r): return r.base?.graphReference
        default: return nil
        }
    }
}

extension EntityGraph {
    /// How `explain` says where the edges come from.
    static func explain(_ input: PlanNode) -> String {
        if case .scan(.fact) = input.op { return "  (edges: every fact, from the postings)" }
        if case .scan(.mention) = input.op { return "  (edges: documents shared in own text, from the postings)" }
        return "  (edges: the input's facts and mentions)"
    }
}
