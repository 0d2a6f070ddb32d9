/// The graph of `neighbors` and `paths` on PostgreSQL (``EntityGraph`` in memory), as SQL over the stage's
/// input rows: two edge lists defined once as common table expressions and inlined where they are read,
/// so that the planner reads them through the tables' indexes.
///
/// - `fe` (facts): each input fact whose object is another entity, `(s, o, fact, fk, p, fdoc)`: subject,
///   object, the fact's ordinal, its place in the input (the order in which mq lists a hop's facts),
///   predicate and document.
/// - `mi` (mentions): each input mention of an entity in a document's own text, `(doc, entity)`.
///
/// The input is facts, mentions, or a `union` of them (each side read on its own, since SQL has no row
/// of two kinds); anything else is refused, as mq refuses it at run time.
struct SQLGraph {
    let compiler: SQLCompiler
    let nameSpan: Span
    let stageName: String
    /// The CTE names of the edge lists (nil when the input has no rows of that kind).
    private(set) var facts: String?
    private(set) var mentions: String?
    /// The CTE definitions, in order (`name AS (...)`).
    private(set) var definitions: [String] = []
    let directed: Bool

    init(compiler: SQLCompiler, input: PlanNode, directed: Bool, nameSpan: Span, stage: String) throws {
        self.compiler = compiler
        self.nameSpan = nameSpan
        self.stageName = stage
        self.directed = directed
        var factSides: [String] = [], mentionSides: [String] = []
        for (i, side) in try sides(input).enumerated() {
            let q = compiler.fresh("q")
            switch side.base {
            case .fact?:
                // The input's order as one key: sides in turn, rows in their order.
                let rank = side.order.isEmpty ? "\(q).ord" : "row_number() OVER (ORDER BY \(side.orderBy(q)))"
                factSides.append("SELECT \(q).ord AS fact, (\(i)::bigint << 40) + \(rank) AS fk FROM (\(side.sql)) \(q)")
            case .mention?:
                mentionSides.append("SELECT \(q).doc, \(q).entity FROM (\(side.sql)) \(q) WHERE \(q).entity IS NOT NULL AND \(q).own")
            default:
                throw compiler.unsupported("\(stage) works on facts or mentions (the edges of the graph)", nameSpan)
            }
        }
        compiler.stage = (stage, nameSpan)
        if !factSides.isEmpty {
            let name = compiler.fresh("fe"), x = compiler.fresh("x")
            facts = name
            definitions.append("""
                \(name) AS NOT MATERIALIZED (SELECT f.subject AS s, f.object_entity AS o, f.ord AS fact, \(x).fk, f.predicate AS p, \
                f.doc AS fdoc FROM (\(factSides.joined(separator: " UNION ALL "))) \(x) JOIN mq.facts f ON f.ord = \(x).fact \
                WHERE f.object_entity IS NOT NULL AND f.object_entity <> f.subject)
                """)
        }
        if !mentionSides.isEmpty {
            let name = compiler.fresh("mi")
            mentions = name
            definitions.append("\(name) AS NOT MATERIALIZED (\(mentionSides.joined(separator: " UNION ALL ")))")
        }
    }

    /// The relations of the input: one, or each side of a union (and of unions within it).
    private func sides(_ node: PlanNode) throws -> [SQLRelation] {
        if case let .union(left, right) = node.op {
            var inner = right
            while case let .pipeline(source, stages, _) = inner, stages.isEmpty, case .pipeline = source { inner = source }
            if case let .pipeline(_, _, span) = inner, let plan = compiler.plans?.plan(at: span, in: compiler.file) {
                return try sides(left) + sides(plan)
            }
            return try sides(left) + [compiler.subquery(right)]
        }
        return [try compiler.relation(node)]
    }

    /// The hops that leave the entities of `frontier` (a FROM item with a column `e`): rows
    /// `(u, v, fact, fk, label, fdoc, doc)`, one per fact joining `u` to `v` (with its label: the predicate,
    /// `(reverse)` when the fact reads from `v` to `u`) and one per document whose own text mentions both.
    /// `reverse`: the hops that arrive at the frontier's entities instead (`u` still the frontier's entity),
    /// which differ only for facts of a directed walk. `ends`: a condition on the other end (given its
    /// column), applied before the hops are paired, so that the pairs towards excluded entities (those
    /// reached already) are never made.
    func hops(from frontier: String, reverse: Bool = false, ends: ((String) -> String)? = nil) -> String {
        func and(_ column: String) -> String { ends.map { " AND " + $0(column) } ?? "" }
        var parts: [String] = []
        if let fe = facts {
            let forward = "SELECT f.s AS u, f.o AS v, f.fact, f.fk, f.p AS label, f.fdoc, NULL::bigint AS doc FROM \(fe) f " +
                "WHERE f.s IN (SELECT e FROM \(frontier))\(and("f.o"))"
            let backward = "SELECT f.o AS u, f.s AS v, f.fact, f.fk, f.p || ' (reverse)' AS label, f.fdoc, NULL::bigint AS doc FROM \(fe) f " +
                "WHERE f.o IN (SELECT e FROM \(frontier))\(and("f.s"))"
            if !directed { parts += [forward, backward] } else { parts.append(reverse ? backward : forward) }
        }
        if let mi = mentions {
            // Each entity's documents once, each document's entities once.
            let ud = "SELECT DISTINCT x.entity AS u, x.doc FROM \(mi) x WHERE x.entity IN (SELECT e FROM \(frontier))"
            let dv = "SELECT DISTINCT y.doc, y.entity AS v FROM \(mi) y WHERE y.doc IN (SELECT x.doc FROM \(mi) x " +
                "WHERE x.entity IN (SELECT e FROM \(frontier)))\(and("y.entity"))"
            parts.append("SELECT a.u, b.v, NULL::bigint AS fact, NULL::bigint AS fk, NULL::text AS label, NULL::bigint AS fdoc, a.doc FROM (\(ud)) a " +
                         "JOIN (\(dv)) b ON b.doc = a.doc AND b.v <> a.u")
        }
        return parts.joined(separator: " UNION ALL ")
    }

    /// The hop rows (as ``hops(from:reverse:ends:)`` makes them) of given pairs: `pairs` a relation of
    /// distinct `(u, v)`. The shared documents of each pair are the meeting of the two entities' documents
    /// (read by the entity index from both ends), not every document of `u`, which for a hub is most of
    /// the corpus.
    func hops(between pairs: String) -> String {
        var parts: [String] = []
        if let fe = facts {
            parts.append("SELECT p.u, p.v, f.fact, f.fk, f.p AS label, f.fdoc, NULL::bigint AS doc FROM \(pairs) p " +
                         "JOIN \(fe) f ON f.s = p.u AND f.o = p.v")
            if !directed {
                parts.append("SELECT p.u, p.v, f.fact, f.fk, f.p || ' (reverse)' AS label, f.fdoc, NULL::bigint AS doc FROM \(pairs) p " +
                             "JOIN \(fe) f ON f.o = p.u AND f.s = p.v")
            }
        }
        if let mi = mentions {
            parts.append("SELECT p.u, p.v, NULL::bigint AS fact, NULL::bigint AS fk, NULL::text AS label, NULL::bigint AS fdoc, s.doc " +
                         "FROM \(pairs) p " +
                         "CROSS JOIN LATERAL (SELECT x.doc FROM \(mi) x WHERE x.entity = p.u INTERSECT " +
                         "SELECT y.doc FROM \(mi) y WHERE y.entity = p.v) s")
        }
        return parts.joined(separator: " UNION ALL ")
    }

    /// The evidence of each hop `(u, v)` of the hop rows `rows` (from ``hops(from:reverse:)``), grouped by
    /// `(u, v)` and the columns `keys`: `facts` (in the input's order), `via` (the facts' labels, each once
    /// in the order of first use, then `cooccur` when the two share documents), `weight` (facts and shared
    /// documents), `docs` (the facts' documents, then the shared ones, each once), as mq's `hop` gives them.
    func evidence(_ rows: String, keys: [String]) -> String {
        let g = compiler.fresh("g"), h = compiler.fresh("h")
        let group = (keys + ["u", "v"]).map { "\(h).\($0)" }.joined(separator: ", ")
        let grouped = """
            SELECT \(group), \
            COALESCE(array_agg(\(h).fact ORDER BY \(h).fk) FILTER (WHERE \(h).fact IS NOT NULL), '{}') AS facts, \
            COALESCE(array_agg(\(h).label ORDER BY \(h).fk) FILTER (WHERE \(h).fact IS NOT NULL), '{}') AS labels, \
            COALESCE(array_agg(\(h).fdoc ORDER BY \(h).fk) FILTER (WHERE \(h).fact IS NOT NULL), '{}') AS fdocs, \
            COALESCE(array_agg(DISTINCT \(h).doc ORDER BY \(h).doc) FILTER (WHERE \(h).doc IS NOT NULL), '{}') AS shared \
            FROM (\(rows)) \(h) GROUP BY \(group)
            """
        let via = "concat_ws(', ', (SELECT string_agg(t.l, ', ' ORDER BY t.n) FROM (SELECT l, min(n) AS n FROM unnest(\(g).labels) " +
            "WITH ORDINALITY z(l, n) GROUP BY l) t), CASE WHEN cardinality(\(g).shared) > 0 THEN 'cooccur' END)"
        let docs = "ARRAY(SELECT t.d FROM unnest(\(g).fdocs || \(g).shared) WITH ORDINALITY t(d, n) GROUP BY t.d ORDER BY min(t.n))"
        return """
            SELECT \((keys + ["u", "v", "facts"]).map { "\(g).\($0)" }.joined(separator: ", ")), \(via) AS via, \
            (cardinality(\(g).facts) + cardinality(\(g).shared))::bigint AS weight, \(docs) AS docs FROM (\(grouped)) \(g)
            """
    }

    /// The `WITH` list of the edge lists followed by `more` definitions.
    func with(_ more: [String], recursive: Bool = false) -> String {
        (recursive ? "WITH RECURSIVE " : "WITH ") + (definitions + more).joined(separator: ", ")
    }

    /// The ordinal of the entity a stage starts from or goes to (an entity or a text naming one), evaluated
    /// by mq before the query runs; bound as a parameter when it reads run parameters.
    func entity(_ e: Expr) throws -> String {
        guard try compiler.knownValue(e) != nil else {
            throw compiler.unsupported("an entity that is not known before the query runs", e.span)
        }
        let i = try compiler.interpreter.graphEntity(e, .top, stage: stageName)
        if let names = NamesRead.of(e), let p = names.sorted().first(where: { $0.hasPrefix("$") }) {
            return compiler.bind(p, String(i), as: "bigint")
        }
        return SQLDialect.int(Int64(i))
    }

    /// A whole-number option (`depth`, `max`), evaluated by mq before the query runs; with the name of
    /// the run parameter it reads, if any.
    func count(_ e: Expr?, default value: Int, max: Int, what: String) throws -> (value: Int, parameter: String?) {
        guard let e else { return (value, nil) }
        guard try compiler.knownValue(e) != nil else {
            throw compiler.unsupported("\(what) that is not known before the query runs", e.span)
        }
        let n = try compiler.interpreter.graphCount(e, default: value, max: max, .top, what: what)
        return (n, NamesRead.of(e)?.sorted().first { $0.hasPrefix("$") })
    }
}

extension PlanNode {
    /// Whether the node is a graph stage (`neighbors`, `paths`), whose SQL reads its input's plan itself.
    var readsGraph: Bool {
        switch op {
        case .neighbors, .paths: return true
        default: return false
        }
    }
}
