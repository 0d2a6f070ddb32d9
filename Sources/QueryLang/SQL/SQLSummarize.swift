/// `summarize aggregates by keys` as GROUP BY. Groups are by value as mq groups them (nulls together);
/// when the input's order is one ascending column, the groups keep mq's first-seen order (the smallest
/// of that column in each group).
struct SQLSummarize {
    let compiler: SQLCompiler

    func compile(_ input: SQLRelation, _ aggs: [Column], _ by: [Column]) throws -> SQLRelation {
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
            x.aggregates[call.span.start] = try aggregate(call.name.name, call.args, call.span, x)
        }
        var outer = compiler.expressions(nil, alias: q)
        outer.aggregates = x.aggregates
        for (n, a) in zip(names.dropFirst(keyNames.count), aggs) {
            let e = try outer.compile(a.expr)
            list.append("\(e.sql) AS \(SQLRelation.column(n))")
            columns.append((n, e.type))
        }
        var order: [(String, Bool)] = []
        if input.order.count == 1, !input.order[0].descending {
            let o = compiler.fresh("o:")
            list.append("min(\(q).\(SQLDialect.ident(input.order[0].column))) AS \(SQLDialect.ident(o))")
            order = [(o, false)]
        }
        let group = by.isEmpty ? "" : " GROUP BY " + (1...by.count).map(String.init).joined(separator: ", ")
        return SQLRelation(sql: "SELECT \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q)\(joins.clause)\(group)",
                           shape: .record(columns, base: nil), order: order)
    }

    private func aggregate(_ name: String, _ args: [Expr], _ span: Span, _ x: SQLExpressionCompiler) throws -> SQLExpr {
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
        default:
            throw compiler.unsupported("the aggregate \(name)() on \(a.type)", span)
        }
    }
}
