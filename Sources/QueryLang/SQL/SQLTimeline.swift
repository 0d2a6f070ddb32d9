/// `timeline` on PostgreSQL: for each input entity, its facts (as subject, or as the entity object) and
/// the dated documents that mention it in their own text, as ``TimelineRows`` makes them.
///
/// A fact's words (`what`) are mq's own, stored by the push (`mq.facts.what`); its date is the first of
/// its date, the start and the date it states, then the end of its validity (``TimelineRows/date(of:)``).
/// The order is mq's stable sort by date: the date key (``SQLDate``, undated last), then the input's
/// order, then facts before documents, each in catalog or corpus order.
struct SQLTimeline {
    let compiler: SQLCompiler
    let nameSpan: Span

    func compile(_ input: SQLRelation) throws -> SQLRelation {
        guard input.base == .entity else { throw compiler.unsupported("timeline works on entities", nameSpan) }
        let q = compiler.fresh("q")
        let (date, inputOrder, kind, item) = (compiler.fresh("o:"), input.order.map(\.column), compiler.fresh("o:"), compiler.fresh("o:"))
        let orderList = inputOrder.map { "\(q).\(SQLDialect.ident($0))" } + ["\(q).ord"]
        let hidden = compiler.fresh("o:")
        guard case let .success(source) = SQLFields.field(.fact, "f", "source") else { throw compiler.unsupported("a fact's source", nameSpan) }
        func c(_ n: String) -> String { SQLRelation.column(n) }
        let factDate = "COALESCE(f.date, f.\"from\", f.object_date, f.until)"
        let facts = """
            SELECT \(factDate) AS \(c("date")), \(q).ord AS \(c("entity")), 'fact'::text AS \(c("kind")), f.what AS \(c("what")), \
            \(source.sql) AS \(c("source")), f.doc AS \(c("doc")), f.quote AS \(c("quote")), \
            \(orderList.joined(separator: ", ")), 0 AS \(SQLDialect.ident(kind)), f.ord AS \(SQLDialect.ident(item)) \
            FROM (\(input.sql)) \(q) JOIN mq.facts f ON f.subject = \(q).ord OR f.object_entity = \(q).ord
            """
        let documents = """
            SELECT d.published, \(q).ord, 'document'::text, d.title, d.outlet, d.ord, NULL::text, \
            \(orderList.joined(separator: ", ")), 1, d.ord \
            FROM (\(input.sql)) \(q) JOIN mq.documents d ON d.published IS NOT NULL AND EXISTS \
            (SELECT 1 FROM mq.mentions m WHERE m.doc = d.ord AND m.entity = \(q).ord AND m.own)
            """
        // The input's order columns keep their names; the entity's ordinal is a last tie-breaker (rows
        // of an input without an order).
        let u = compiler.fresh("u")
        let renamed = (inputOrder + ["ord"]).map { $0 == "ord" ? "\(u).ord AS \(SQLDialect.ident(hidden))" : "\(u).\(SQLDialect.ident($0))" }
        let sql = """
            SELECT \(["date", "entity", "kind", "what", "source", "doc", "quote"].map { "\(u).\(c($0))" }.joined(separator: ", ")), \
            \(u).\(c("date")) AS \(SQLDialect.ident(date)), \(renamed.joined(separator: ", ")), \
            \(u).\(SQLDialect.ident(kind)), \(u).\(SQLDialect.ident(item)) \
            FROM (\(facts) UNION ALL \(documents)) \(u)
            """
        let columns: [(name: String, type: SQLType)] = [("date", .date), ("entity", .ref(.entity)), ("kind", .string), ("what", .string),
                                                          ("source", .string), ("doc", .ref(.document)), ("quote", .string)]
        let order = [(date, false)] + input.order.map { ($0.column, $0.descending) } + [(hidden, false), (kind, false), (item, false)]
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: order)
    }
}
