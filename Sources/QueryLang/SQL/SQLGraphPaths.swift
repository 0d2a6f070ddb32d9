/// `paths from A to B [directed] [max N]` on PostgreSQL: mq's search (``Interpreter/shortestPaths``) as one
/// statement, in four recursive parts.
///
/// 1. The search (`w`): one row per step, holding each side's frontier and the entities it has reached
///    (arrays); each step widens the side with the smaller frontier (A's on a tie), A's side along the
///    walk, B's against it, until a new frontier holds an entity the other side has reached (`met`) or a
///    frontier is empty. mq's own rule, so the searches stop at the same depths `d0` (from A) and `d1`.
///    The entities where they meet are those at `d0` from A and `d1` from B, where mq joins the paths.
/// 2. The chains from each meeting entity back to A (`hd`) and on to B (`td`), one row per level with the
///    chains of that level as arrays (each chain its parent's index and its entity): the chains of a
///    level are the first N in mq's order (meeting entity, then each entity nearer to the end, in catalog
///    order), which hold the first N of the next level's.
/// 3. The chains unwound into entities (`hu`, `tu`) and paired at their meeting entity, the first N pairs
///    in mq's order (`pp`): the paths, each a list of entities.
/// 4. Each hop's evidence (``SQLGraph/evidence(_:keys:)``), one row per hop, by path and step.
struct SQLGraphPaths {
    let compiler: SQLCompiler
    let nameSpan: Span

    func compile(_ input: PlanNode, _ spec: PathsSpec) throws -> SQLRelation {
        let graph = try SQLGraph(compiler: compiler, input: input, directed: spec.directed, nameSpan: nameSpan, stage: "paths")
        let a = try graph.entity(spec.from), b = try graph.entity(spec.to)
        let max = try graph.count(spec.max, default: PathsSpec.defaultMax, max: PathsSpec.maxPaths, what: "paths max")
        let limit = max.parameter.map { compiler.bind($0, String(max.value), as: "bigint") } ?? String(max.value)
        let (w, fin, la, lb) = (compiler.fresh("w"), compiler.fresh("fin"), compiler.fresh("la"), compiler.fresh("lb"))
        let (hd, td, hu, tu) = (compiler.fresh("hd"), compiler.fresh("td"), compiler.fresh("hu"), compiler.fresh("tu"))
        let (pp, pn, st) = (compiler.fresh("pp"), compiler.fresh("pn"), compiler.fresh("st"))
        // A side's next frontier: the entities one hop from its frontier that it has not reached.
        func grow(_ frontier: String, _ reached: String, reverse: Bool) -> String {
            let unreached = { (end: String) in "NOT EXISTS (SELECT 1 FROM unnest(\(w).\(reached)) rv(e) WHERE rv.e = \(end))" }
            return "SELECT r.v FROM (\(graph.hops(from: "unnest(\(w).\(frontier)) z(e)", reverse: reverse, ends: unreached))) r"
        }
        let search = """
            \(w)(i, j, grew, fa, va, fb, vb, met) AS (\
            SELECT 0, 0, -1, ARRAY[\(a)]::bigint[], ARRAY[\(a)]::bigint[], ARRAY[\(b)]::bigint[], ARRAY[\(b)]::bigint[], false \
            WHERE \(a) <> \(b) \
            UNION ALL \
            SELECT \(w).i + 1 - s.g, \(w).j + s.g, s.g, CASE s.g WHEN 0 THEN x.n ELSE \(w).fa END, \
            CASE s.g WHEN 0 THEN \(w).va || x.n ELSE \(w).va END, CASE s.g WHEN 1 THEN x.n ELSE \(w).fb END, \
            CASE s.g WHEN 1 THEN \(w).vb || x.n ELSE \(w).vb END, \
            EXISTS (SELECT 1 FROM unnest(x.n) p(e) JOIN unnest(CASE s.g WHEN 0 THEN \(w).vb ELSE \(w).va END) q(e) ON q.e = p.e) \
            FROM \(w) CROSS JOIN LATERAL (SELECT CASE WHEN cardinality(\(w).fa) <= cardinality(\(w).fb) THEN 0 ELSE 1 END AS g) s \
            CROSS JOIN LATERAL (SELECT COALESCE(array_agg(DISTINCT n.v ORDER BY n.v), '{}') AS n FROM (\
            SELECT * FROM (\(grow("fa", "va", reverse: false))) f WHERE s.g = 0 UNION ALL \
            SELECT * FROM (\(grow("fb", "vb", reverse: true))) f WHERE s.g = 1) n(v)) x \
            WHERE NOT \(w).met AND cardinality(\(w).fa) > 0 AND cardinality(\(w).fb) > 0)
            """
        let levels = [
            "\(fin) AS (SELECT i AS d0, j AS d1 FROM \(w) WHERE met)",
            "\(la)(k, e) AS (SELECT \(w).i, z.e FROM \(w), unnest(\(w).fa) z(e) WHERE \(w).grew IN (-1, 0))",
            "\(lb)(k, e) AS (SELECT \(w).j, z.e FROM \(w), unnest(\(w).fb) z(e) WHERE \(w).grew IN (-1, 1))",
        ]
        // The chains of one side: level 0 the meeting entities, level t+1 the first N chains one entity
        // longer, each extended by the entities one hop nearer to the side's end.
        func chains(_ name: String, _ depth: String, _ level: String, reverse: Bool) -> String {
            let nearer = { (end: String) in "\(end) IN (SELECT lv.e FROM \(level) lv WHERE lv.k = \(fin).\(depth) - \(name).t - 1)" }
            return """
            \(name)(t, par, nodes) AS (\
            SELECT 0, '{}'::bigint[], ARRAY(SELECT \(la).e FROM \(la) JOIN \(lb) ON \(lb).e = \(la).e \
            WHERE \(la).k = \(fin).d0 AND \(lb).k = \(fin).d1 ORDER BY \(la).e) FROM \(fin) \
            UNION ALL \
            SELECT \(name).t + 1, x.par, x.nodes FROM \(name) CROSS JOIN \(fin) CROSS JOIN LATERAL (\
            SELECT array_agg(c.i ORDER BY c.i, c.p) AS par, array_agg(c.p ORDER BY c.i, c.p) AS nodes FROM (\
            SELECT DISTINCT n.i, r.v AS p FROM unnest(\(name).nodes) WITH ORDINALITY n(e, i) JOIN (\
            \(graph.hops(from: "unnest(\(name).nodes) z(e)", reverse: reverse, ends: nearer))) r ON r.u = n.e \
            ORDER BY n.i, r.v LIMIT \(limit)) c) x WHERE \(name).t < \(fin).\(depth))
            """
        }
        // A side's chains as entities: (t, rank of the chain among the last level's, entity at level t).
        func unwound(_ name: String, _ chains: String, _ depth: String) -> String {
            """
            \(name)(t, rank, i, e) AS (\
            SELECT c.t, z.i, z.i, z.e FROM \(chains) c JOIN \(fin) ON c.t = \(fin).\(depth) \
            CROSS JOIN LATERAL unnest(c.nodes) WITH ORDINALITY z(e, i) \
            UNION ALL \
            SELECT u.t - 1, u.rank, c.par[u.i::int], p.nodes[c.par[u.i::int]::int] FROM \(name) u JOIN \(chains) c ON c.t = u.t \
            JOIN \(chains) p ON p.t = u.t - 1 WHERE u.t > 0)
            """
        }
        let paths = [
            chains(hd, "d0", la, reverse: true), chains(td, "d1", lb, reverse: false),
            unwound(hu, hd, "d0"), unwound(tu, td, "d1"),
            """
            \(pp)(n, hr, tr) AS (SELECT row_number() OVER (ORDER BY h.rank, t.rank), h.rank, t.rank FROM \(hu) h JOIN \(tu) t \
            ON t.e = h.e AND t.t = 0 WHERE h.t = 0 ORDER BY h.rank, t.rank LIMIT \(limit))
            """,
            """
            \(pn)(n, pos, e) AS (SELECT \(pp).n, \(fin).d0 - h.t, h.e FROM \(pp) JOIN \(hu) h ON h.rank = \(pp).hr CROSS JOIN \(fin) \
            UNION ALL SELECT \(pp).n, \(fin).d0 + t.t, t.e FROM \(pp) JOIN \(tu) t ON t.rank = \(pp).tr CROSS JOIN \(fin) WHERE t.t > 0)
            """,
            "\(st)(n, step, u, v) AS (SELECT x.n, x.pos + 1, x.e, y.e FROM \(pn) x JOIN \(pn) y ON y.n = x.n AND y.pos = x.pos + 1)",
        ]
        let rows = graph.hops(between: "(SELECT DISTINCT u, v FROM \(st))")
        let x = compiler.fresh("x")
        let (o1, o2) = (compiler.fresh("o:"), compiler.fresh("o:"))
        let c = SQLRelation.column
        let sql = """
            \(graph.with([search] + levels + paths, recursive: true)) SELECT \(st).n AS \(c("path")), \(st).step::bigint AS \(c("step")), \
            \(st).u AS \(c("from")), \(st).v AS \(c("to")), \(x).via AS \(c("via")), \(x).weight AS \(c("weight")), \
            \(x).facts AS \(c("facts")), \(x).docs AS \(c("docs")), \(st).n AS \(SQLDialect.ident(o1)), \(st).step AS \(SQLDialect.ident(o2)) \
            FROM \(st) JOIN (\(graph.evidence(rows, keys: []))) \(x) ON \(x).u = \(st).u AND \(x).v = \(st).v
            """
        let columns: [(name: String, type: SQLType)] = [("path", .int), ("step", .int), ("from", .ref(.entity)), ("to", .ref(.entity)),
                                                          ("via", .string), ("weight", .int), ("facts", .facts), ("docs", .documents)]
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: [(o1, false), (o2, false)])
    }
}
