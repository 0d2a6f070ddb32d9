/// `cooccur by sentence|document [all]`: the pairs of entities of each unit (sentence or document) of the
/// input mentions, with `a < b` in catalog order, each pair counted once per unit; mentions with no entity are skipped,
/// and only the article's own text counts unless `all`. Ranked as mq ranks pairs: count, largest first,
/// then a, then b. `docs` lists the documents in corpus order.
struct SQLCooccur {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ input: SQLRelation, _ scope: CooccurScope, _ all: Bool) throws -> SQLRelation {
        guard input.base == .mention else {
            throw compiler.unsupported("cooccur works on mentions", span)
        }
        let q = compiler.fresh("q"), g = compiler.fresh("g")
        let bySentence = scope == .sentence
        let own = all ? "" : " AND \(q).own"
        // Each unit's distinct entities as one array, and the unit's pairs from the array with itself.
        // The planner knows the unit columns' statistics (it groups the table's own columns), so it
        // estimates the pairs within a small factor. A self-join of the distinct (unit, entity) rows reads
        // them twice, or, materialised once, hides their statistics: it was estimated at hundreds of
        // times its rows. An aggregate with DISTINCT is never hashed nor split over parallel workers'
        // partial aggregates (which, spilling to disk, ran for minutes): PostgreSQL sorts its input by
        // the unit and each group's entities.
        let unitKeys = (bySentence ? ["doc", "sentence"] : ["doc"]).map { "\(q).\($0)" }.joined(separator: ", ")
        let groups = "SELECT \(unitKeys), array_agg(DISTINCT \(q).entity) AS entities FROM (\(input.sql)) \(q) " +
            "WHERE \(q).entity IS NOT NULL\(own) GROUP BY \(unitKeys)"
        let o1 = compiler.fresh("o:"), o2 = compiler.fresh("o:"), o3 = compiler.fresh("o:")
        let c = SQLRelation.column
        let sql = """
            SELECT x.e AS \(c("a")), y.e AS \(c("b")), count(*) AS \(c("count")), \
            array_agg(\(bySentence ? "DISTINCT " : "")\(g).doc ORDER BY \(g).doc) AS \(c("docs")), \
            count(*) AS \(SQLDialect.ident(o1)), x.e AS \(SQLDialect.ident(o2)), y.e AS \(SQLDialect.ident(o3)) \
            FROM (\(groups)) \(g) CROSS JOIN LATERAL unnest(\(g).entities) x(e) CROSS JOIN LATERAL unnest(\(g).entities) y(e) \
            WHERE x.e < y.e GROUP BY x.e, y.e
            """
        return SQLRelation(sql: sql, shape: .record([("a", .ref(.entity)), ("b", .ref(.entity)), ("count", .int), ("docs", .documents)], base: nil),
                           order: [(o1, true), (o2, false), (o3, false)])
    }
}
