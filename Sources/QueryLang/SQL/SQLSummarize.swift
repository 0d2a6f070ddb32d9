/// `summarize aggregates by keys` as GROUP BY. Groups are by value as mq groups them (nulls together);
/// when the input's order is one ascending column, the groups keep mq's first-seen order (the smallest
/// of that column in each group).
///
/// A key that is the id of a referenced row (`entity.id`, `doc.id`) groups by the reference's ordinal and
/// reads the id after the aggregation (``grouped(_:_:_:_:)``): ids and ordinals match one to one, so the
/// groups are the same, the catalog is joined to one row per group instead of to every input row, and on
/// the sharded layout the grouping of the large table's own columns can run where its rows are.
struct SQLSummarize {
    let compiler: SQLCompiler

    func compile(_ input: SQLRelation, _ aggs: [Column], _ by: [Column]) throws -> SQLRelation {
        if let r = try grouped(input, aggs, by) { return r }
        let q = compiler.fresh("q")
        let joins = SQLJoins()
        var x = compiler.expressions(input, alias: q, joins: joins)
        let keyNames = Column.outputNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        var list: [String] = []
        var columns: [(String, SQLType)] = []
        for (n, k) in zip(keyNames, by) {
            let e = try x.compile(k.expr)
            if e.type == .factObject { throw compiler.unsupported("grouping by a fact's object", k.expr.span) }
            list.append("\(e.sql) AS \(SQLRelation.column(n))")
            columns.append((n, e.type))
        }
        // Each aggregate call compiled over the input rows; the column around it reads no row.
        for call in Aggregates.calls(in: aggs.map(\.expr)) {
            x.aggregates[call.span.start] = try aggregate(call.name.name, call.args, call.span, x, input, q)
        }
        for (n, e) in try aggregateColumns(aggs, names.dropFirst(keyNames.count), over: q, x.aggregates) {
            list.append("\(e.sql) AS \(SQLRelation.column(n))")
            columns.append((n, e.type))
        }
        var order: [(String, Bool)] = []
        if let first = firstSeen(input, q) {
            list.append(first.sql)
            order = [(first.name, false)]
        }
        let group = by.isEmpty ? "" : " GROUP BY " + (1...by.count).map(String.init).joined(separator: ", ")
        return SQLRelation(sql: "SELECT \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q)\(joins.clause)\(group)",
                           shape: .record(columns, base: nil), order: order)
    }

    /// The reference whose id a key is (`entity.id` on a column of the row): its SQL column and kind.
    func idKey(_ e: Expr, _ x: SQLExpressionCompiler) throws -> (column: String, kind: ReferenceKind)? {
        guard case let .field(base, f, _) = e, f.name == "id", !compiler.isKnown(base) else { return nil }
        let b = try x.compile(base)
        guard case let .ref(k) = b.type, k != .mention, SQLJoins.isColumn(b.sql) else { return nil }
        return (b.sql, k)
    }

    /// Summarize in two steps when a key is an id of a referenced row: the aggregation grouped by the
    /// ordinals (`GROUP BY q.entity`), then the ids of its groups' references joined on their keys.
    /// nil when no key is such an id.
    private func grouped(_ input: SQLRelation, _ aggs: [Column], _ by: [Column]) throws -> SQLRelation? {
        let q = compiler.fresh("q"), g = compiler.fresh("g")
        let joins = SQLJoins(), after = SQLJoins()
        let x = compiler.expressions(input, alias: q, joins: joins)
        let ids = try by.map { try idKey($0.expr, x) }
        guard ids.contains(where: { $0 != nil }) else { return nil }
        let keyNames = Column.outputNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        var inner: [String] = [], outer: [String] = []
        var columns: [(String, SQLType)] = []
        for (i, (n, k)) in zip(keyNames, by).enumerated() {
            let hidden = SQLDialect.ident("k:\(i)")
            if let id = ids[i] {
                inner.append("\(id.column) AS \(hidden)")
                let j = after.alias(SQLFields.table(id.kind), on: "\(g).\(hidden)", context: compiler)
                outer.append("\(j).id AS \(SQLRelation.column(n))")
                columns.append((n, .string))
                continue
            }
            let e = try x.compile(k.expr)
            if e.type == .factObject { throw compiler.unsupported("grouping by a fact's object", k.expr.span) }
            inner.append("\(e.sql) AS \(hidden)")
            outer.append("\(g).\(hidden) AS \(SQLRelation.column(n))")
            columns.append((n, e.type))
        }
        // Each aggregate call a column of the grouped rows; the column around it reads those.
        var results: [Int: SQLExpr] = [:]
        for (i, call) in Aggregates.calls(in: aggs.map(\.expr)).enumerated() {
            let a = try aggregate(call.name.name, call.args, call.span, x, input, q)
            let hidden = SQLDialect.ident("a:\(i)")
            inner.append("\(a.sql) AS \(hidden)")
            results[call.span.start] = SQLExpr("\(g).\(hidden)", a.type)
        }
        for (n, e) in try aggregateColumns(aggs, names.dropFirst(keyNames.count), over: g, results) {
            outer.append("\(e.sql) AS \(SQLRelation.column(n))")
            columns.append((n, e.type))
        }
        var order: [(String, Bool)] = []
        if let first = firstSeen(input, q) {
            inner.append(first.sql)
            outer.append("\(g).\(SQLDialect.ident(first.name))")
            order = [(first.name, false)]
        }
        let group = " GROUP BY " + (1...by.count).map(String.init).joined(separator: ", ")
        let sql = "SELECT \(outer.joined(separator: ", ")) FROM (SELECT \(inner.joined(separator: ", ")) FROM (\(input.sql)) \(q)" +
            "\(joins.clause)\(group)) \(g)\(after.clause)"
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: order)
    }

    /// The output columns of the aggregates, named `names`, read from the rows of `alias` where each
    /// aggregate call is the expression of `results` at the call's position.
    func aggregateColumns(_ aggs: [Column], _ names: ArraySlice<String>, over alias: String,
                                  _ results: [Int: SQLExpr]) throws -> [(String, SQLExpr)] {
        var x = compiler.expressions(nil, alias: alias)
        x.aggregates = results
        return try zip(names, aggs).map { n, a in (n, try x.compile(a.expr)) }
    }

    /// When the input's order is one ascending column, the column that keeps mq's first-seen order of the
    /// groups: its name and its select item (the smallest of that column in each group of `q`'s rows).
    private func firstSeen(_ input: SQLRelation, _ q: String) -> (name: String, sql: String)? {
        guard input.order.count == 1, !input.order[0].descending else { return nil }
        let name = compiler.fresh("o:")
        return (name, "min(\(q).\(SQLDialect.ident(input.order[0].column))) AS \(SQLDialect.ident(name))")
    }

    /// An aggregate call over the rows of `input` (read through the alias `q`); also the whole aggregate
    /// that ``SQLShardedAggregate`` splits into partial ones.
    func aggregate(_ name: String, _ args: [Expr], _ span: Span, _ x: SQLExpressionCompiler,
                           _ input: SQLRelation, _ q: String) throws -> SQLExpr {
        if name == "count" { return SQLExpr("count(*)", .int) }
        guard args.count == 1 else { throw compiler.unsupported("\(name)() with \(args.count) arguments", span) }
        let a = try x.compile(args[0])
        switch (name, a.type) {
        case ("countif", .bool), ("countif", .null): return SQLExpr("count(*) FILTER (WHERE \(a.condition))", .int)
        case ("dcount", .date): return SQLExpr("count(DISTINCT mq.date_same(\(a.sql)))", .int)
        case ("dcount", .null): return SQLExpr("0::bigint", .int)
        case ("dcount", let t) where t != .factObject: return SQLExpr("count(DISTINCT \(a.sql))", .int)
        case ("sum", .int): return SQLExpr("COALESCE(sum(\(a.sql)), 0)::bigint", .int)
        case ("sum", .float): return SQLExpr("COALESCE(sum(\(a.sql)), 0)", .float)
        case ("sum", .null): return SQLExpr("0::bigint", .int)
        case ("avg", .int), ("avg", .float): return SQLExpr("(avg(\(a.sql)))::float8", .float)
        case ("min", .int), ("max", .int), ("min", .float), ("max", .float): return SQLExpr("\(name)(\(a.sql))", a.type)
        case ("min", .string), ("max", .string): return SQLExpr("\(name)(\(a.sortable))", .string)
        case ("min", .bool): return SQLExpr("bool_and(\(a.sql))", .bool)
        case ("max", .bool): return SQLExpr("bool_or(\(a.sql))", .bool)
        case ("min", .null), ("max", .null): return .null
        case ("min", .date), ("max", .date):
            // mq's answer depends on the order of the rows (SQLDateAggregates).
            guard !input.order.isEmpty else {
                throw compiler.unsupported("\(name)() of dates over rows in no defined order (mq keeps the first of overlapping dates)", span)
            }
            return SQLExpr(SQLDateAggregates.call(name, a.sql, order: input.orderBy(q)), .date)
        default:
            throw compiler.unsupported("the aggregate \(name)() on \(a.type)", span)
        }
    }
}
