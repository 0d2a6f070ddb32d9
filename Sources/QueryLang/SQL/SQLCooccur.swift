/// `cooccur by sentence|document [all]`: a self-join of the input mentions by unit (sentence or document)
/// with `a < b` in catalog order, each pair counted once per unit; mentions with no entity are skipped,
/// and only the article's own text counts unless `all`. Ranked as mq ranks pairs: count, largest first,
/// then a, then b. `docs` lists the documents in corpus order.
struct SQLCooccur {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ input: SQLRelation, _ scope: CooccurScope, _ all: Bool) throws -> SQLRelation {
        guard input.base == .mention else {
            throw compiler.unsupported("cooccur works on mentions", span)
        }
        let q = compiler.fresh("q"), u = compiler.fresh("u")
        let bySentence = scope == .sentence
        let own = all ? "" : " AND \(q).own"
        // The (document[, sentence], entity) units once, materialised and joined with themselves: the input
        // is read once (on the sharded layout, fetched from the shards once), as a hand-written CTE does.
        // DISTINCT ON, which PostgreSQL always answers by sorting (it never hashes it), and not DISTINCT:
        // a large input would be deduplicated by parallel workers' partial hash aggregates and a final hash
        // aggregate over their output, which, once it spills to disk (more units than work_mem holds),
        // spends its time walking and clearing its hash table, for minutes where the sort takes seconds.
        let unit = (bySentence ? ["doc", "sentence", "entity"] : ["doc", "entity"]).map { "\(q).\($0)" }.joined(separator: ", ")
        let units = "SELECT DISTINCT ON (\(unit)) \(unit) FROM (\(input.sql)) \(q) " +
            "WHERE \(q).entity IS NOT NULL\(own) ORDER BY \(unit)"
        let sameUnit = bySentence ? " AND x.sentence = y.sentence" : ""
        let o1 = compiler.fresh("o:"), o2 = compiler.fresh("o:"), o3 = compiler.fresh("o:")
        let c = SQLRelation.column
        let sql = """
            WITH \(u) AS MATERIALIZED (\(units)) \
            SELECT x.entity AS \(c("a")), y.entity AS \(c("b")), count(*) AS \(c("count")), \
            array_agg(\(bySentence ? "DISTINCT " : "")x.doc ORDER BY x.doc) AS \(c("docs")), \
            count(*) AS \(SQLDialect.ident(o1)), x.entity AS \(SQLDialect.ident(o2)), y.entity AS \(SQLDialect.ident(o3)) \
            FROM \(u) x JOIN \(u) y ON x.doc = y.doc\(sameUnit) AND x.entity < y.entity GROUP BY x.entity, y.entity
            """
        return SQLRelation(sql: sql, shape: .record([("a", .ref(.entity)), ("b", .ref(.entity)), ("count", .int), ("docs", .documents)], base: nil),
                           order: [(o1, true), (o2, false), (o3, false)])
    }
}
