/// `conflicts`, `corroboration` and `asof` on PostgreSQL: joins and comparisons of the claims the push
/// stores with each fact (``SQLClaims``), under ``FactClaims``' rules, over the input's facts.
///
/// The input's facts are taken each once, at their first row, and numbered in the input's order (`pos`),
/// as ``Interpreter/factRows(_:_:stage:)`` reads them; a fact is compared with the input facts of its
/// subject and predicate (``Interpreter/factGroups(_:)``), whose first place is the group's (`grp`).
struct SQLClaimStages {
    let compiler: SQLCompiler
    let nameSpan: Span

    private func c(_ n: String) -> String { SQLRelation.column(n) }

    /// `WITH i AS (...)`: the input's facts, each once, with `ord`, `pos`, `grp`, `subject` and `predicate`.
    private func numbered(_ input: SQLRelation, _ stage: String) throws -> String {
        guard input.base == .fact else { throw compiler.unsupported("\(stage) works on facts", nameSpan) }
        let q = compiler.fresh("q"), n = compiler.fresh("q")
        let order = (input.order.isEmpty ? "" : input.orderBy(q) + ", ") + "\(q).ord"
        return """
            WITH i AS (SELECT \(n).ord, \(n).pos, min(\(n).pos) OVER (PARTITION BY f.subject, f.predicate) AS grp, \
            f.subject, f.predicate \
            FROM (SELECT \(q).ord, min(\(q).rn) AS pos FROM (SELECT \(q).ord, row_number() OVER (ORDER BY \(order)) AS rn \
            FROM (\(input.sql)) \(q)) \(q) WHERE \(q).ord IS NOT NULL GROUP BY \(q).ord) \(n) JOIN mq.facts f ON f.ord = \(n).ord)
            """
    }

    /// A set of predicates as an SQL test of `a.predicate`.
    private static func among(_ a: String, _ set: Set<String>) -> String {
        set.isEmpty ? "false" : "\(a).predicate IN (\(set.sorted().map(SQLDialect.string).joined(separator: ", ")))"
    }

    /// Whether two day intervals (columns `first`/`last` of `a` and `b`) overlap.
    private static func overlap(_ a: String, _ b: String, _ what: String) -> String {
        "(\(a).claim_\(what)_first <= \(b).claim_\(what)_last AND \(b).claim_\(what)_first <= \(a).claim_\(what)_last)"
    }

    /// ``FactClaims/compatible(_:_:)`` of the facts' dates: an absent date may be any time.
    private static func compatibleDates(_ a: String, _ b: String) -> String {
        "(\(a).claim_date_first IS NULL OR \(b).claim_date_first IS NULL OR \(overlap(a, b, "date")))"
    }

    /// ``FactClaims/sameObject(_:_:)`` is `same` (true or false; nil is neither): objects of one sort, with
    /// equal (unequal) values or, for dates, overlapping (disjoint) intervals.
    private static func sameObject(_ a: String, _ b: String, _ same: Bool) -> String {
        let value = same ? "\(a).claim_value = \(b).claim_value" : "\(a).claim_value <> \(b).claim_value"
        let dates = same ? overlap(a, b, "object") : "NOT \(overlap(a, b, "object"))"
        return "(\(a).claim_sort = \(b).claim_sort AND (\(value) OR (\(a).claim_value IS NULL AND \(dates))))"
    }

    /// The displayed source of the fact `a` (`said_by`'s name, else the outlet).
    private func source(_ a: String) throws -> String {
        guard case let .success(e)? = SQLFields.field(.fact, a, "source") else { throw compiler.unsupported("a fact's source", nameSpan) }
        return e.sql
    }

    /// One row per pair of input facts that disagree (``FactClaims/conflict(_:_:_:)``), the earlier first;
    /// in the order of their groups, then of the first fact, then of the second.
    func conflicts(_ input: SQLRelation) throws -> SQLRelation {
        let with = try numbered(input, "conflicts")
        let values = "(\(Self.among("a", FactClaims.singleValued)) AND \(Self.sameObject("a", "b", false)) AND \(Self.compatibleDates("a", "b")))"
        let dates = "(\(Self.among("a", FactClaims.singleEvent)) AND a.claim_date_first IS NOT NULL AND b.claim_date_first IS NOT NULL "
            + "AND NOT \(Self.overlap("a", "b", "date")))"
        let o = (compiler.fresh("o:"), compiler.fresh("o:"), compiler.fresh("o:"))
        let sql = """
            \(with) SELECT a.subject AS \(c("subject")), a.predicate AS \(c("predicate")), a.ord AS \(c("fact")), \
            a.ord AS \(c("object")), a.date AS \(c("date")), \(try source("a")) AS \(c("source")), b.ord AS \(c("fact2")), \
            b.ord AS \(c("object2")), b.date AS \(c("date2")), \(try source("b")) AS \(c("source2")), \
            CASE WHEN \(values) THEN 'different values' ELSE 'different dates' END AS \(c("reason")), \
            ia.grp AS \(SQLDialect.ident(o.0)), ia.pos AS \(SQLDialect.ident(o.1)), ib.pos AS \(SQLDialect.ident(o.2)) \
            FROM i ia JOIN mq.facts a ON a.ord = ia.ord \
            JOIN i ib ON ib.subject = ia.subject AND ib.predicate = ia.predicate AND ib.pos > ia.pos \
            JOIN mq.facts b ON b.ord = ib.ord \
            WHERE (a.doc <> b.doc OR a.claim_source <> b.claim_source) AND (\(values) OR \(dates))
            """
        let columns: [(name: String, type: SQLType)] = [
            ("subject", .ref(.entity)), ("predicate", .string), ("fact", .ref(.fact)), ("object", .factObject), ("date", .date),
            ("source", .string), ("fact2", .ref(.fact)), ("object2", .factObject), ("date2", .date), ("source2", .string), ("reason", .string),
        ]
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: [(o.0, false), (o.1, false), (o.2, false)])
    }

    /// Each input fact with the number of sources and documents among itself and the input facts that
    /// agree with it (``FactClaims/agree(_:_:)``), and those facts in input order.
    func corroboration(_ input: SQLRelation) throws -> SQLRelation {
        let with = try numbered(input, "corroboration")
        let agree = "(\(Self.sameObject("x", "y", true)) AND \(Self.compatibleDates("x", "y")))"
        let o = compiler.fresh("o:")
        // The pairs of one group by a hash join on subject and predicate, aggregated per fact (grouped by
        // the table's key, so that its other columns may be read).
        let sql = """
            \(with) SELECT \(SQLFields.tableColumns(.fact).map { "x.\($0)" }.joined(separator: ", ")), \
            x.id AS \(c("id")), x.subject AS \(c("subject")), x.predicate AS \(c("predicate")), x.ord AS \(c("object")), \
            x.date AS \(c("date")), count(DISTINCT y.claim_source) AS \(c("sources")), count(DISTINCT y.doc) AS \(c("documents")), \
            COALESCE(array_agg(y.ord ORDER BY iy.pos) FILTER (WHERE y.ord <> x.ord), '{}') AS \(c("agreeing")), \
            ix.pos AS \(SQLDialect.ident(o)) \
            FROM i ix JOIN mq.facts x ON x.ord = ix.ord \
            JOIN i iy ON iy.subject = ix.subject AND iy.predicate = ix.predicate JOIN mq.facts y ON y.ord = iy.ord \
            WHERE y.ord = x.ord OR \(agree) GROUP BY x.ord, ix.pos
            """
        let columns: [(name: String, type: SQLType)] = [
            ("id", .string), ("subject", .ref(.entity)), ("predicate", .string), ("object", .factObject), ("date", .date),
            ("sources", .int), ("documents", .int), ("agreeing", .facts),
        ]
        var out = SQLRelation(sql: sql, shape: .record(columns, base: .fact), order: [(o, false)])
        out.ownColumns = true
        return out
    }

    /// The input facts that held at the date (``Interpreter/holds(_:at:_:)``), in input order, with the
    /// first date each is known to hold and the basis. The date is evaluated by mq (its first and last
    /// days sent, as bind parameters when it is computed from run parameters).
    func asof(_ input: SQLRelation, _ dateExpr: Expr) throws -> SQLRelation {
        guard let v = try compiler.knownValue(dateExpr) else {
            throw compiler.unsupported("a date that is not known before the query runs", dateExpr.span)
        }
        let days = FactClaims.days(try compiler.interpreter.asofDate(v, dateExpr.span))
        func day(_ d: Int) -> String {
            guard let names = NamesRead.of(dateExpr), names.contains(where: { $0.hasPrefix("$") }) else { return String(d) }
            return compiler.bind("a day of the date computed from " + names.sorted().joined(separator: ", "), String(d), as: "bigint")
        }
        let (lo, hi) = (day(days.lowerBound), day(days.upperBound))
        let with = try numbered(input, "asof")
        let states = "NOT \(Self.among("x", FactClaims.notStates))"
        // The basis, tried in order; null when the fact does not hold.
        let basis = """
            CASE WHEN x.claim_until_last < \(lo) THEN NULL \
            WHEN x.claim_from_first IS NOT NULL THEN CASE WHEN x.claim_from_first <= \(hi) THEN 'from' END \
            WHEN x.claim_date_first IS NOT NULL THEN CASE WHEN x.claim_date_first <= \(hi) AND (x.claim_until_last IS NOT NULL \
            OR x.claim_date_last >= \(lo)) THEN 'date' END \
            WHEN x.claim_until_last IS NOT NULL THEN 'until' \
            WHEN x.claim_stated_first <= \(hi) AND x.claim_stated_last >= \(lo) THEN 'stated' END
            """
        let b = compiler.fresh("q"), o = compiler.fresh("o:")
        let inner = """
            \(with) SELECT \(SQLFields.tableColumns(.fact).map { "x.\($0)" }.joined(separator: ", ")), x.claim_stated, ix.pos, \
            \(basis) AS basis FROM i ix JOIN mq.facts x ON x.ord = ix.ord WHERE \(states)
            """
        let since = "CASE \(b).basis WHEN 'from' THEN \(b).\"from\" WHEN 'date' THEN \(b).date WHEN 'stated' THEN \(b).claim_stated END"
        let sql = """
            SELECT \(SQLFields.tableColumns(.fact).map { "\(b).\($0)" }.joined(separator: ", ")), \(b).id AS \(c("id")), \
            \(b).subject AS \(c("subject")), \(b).predicate AS \(c("predicate")), \(b).ord AS \(c("object")), \(since) AS \(c("since")), \
            \(b).until AS \(c("until")), \(b).basis AS \(c("basis")), \(try source(b)) AS \(c("source")), \(b).doc AS \(c("doc")), \
            \(b).pos AS \(SQLDialect.ident(o)) FROM (\(inner)) \(b) WHERE \(b).basis IS NOT NULL
            """
        let columns: [(name: String, type: SQLType)] = [
            ("id", .string), ("subject", .ref(.entity)), ("predicate", .string), ("object", .factObject), ("since", .date),
            ("until", .date), ("basis", .string), ("source", .string), ("doc", .ref(.document)),
        ]
        var out = SQLRelation(sql: sql, shape: .record(columns, base: .fact), order: [(o, false)])
        out.ownColumns = true
        return out
    }
}
