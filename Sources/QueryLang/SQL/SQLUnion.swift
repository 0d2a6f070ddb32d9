/// `union`: the left rows, then the right rows. References of one kind stay references; records get the
/// columns of both (a row without a column shows null). Each side's order is kept as its row number.
struct SQLUnion {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ left: SQLRelation, _ rightExpr: Expr) throws -> SQLRelation {
        let right = try compiler.subquery(rightExpr)
        compiler.stage = ("union", span)
        let side = compiler.fresh("o:"), number = compiler.fresh("o:")
        func ordinal(_ rel: SQLRelation, _ a: String) -> String {
            rel.order.isEmpty ? "NULL::bigint" : "row_number() OVER (ORDER BY \(rel.orderBy(a)))"
        }
        let l = compiler.fresh("l"), r = compiler.fresh("r")
        let shape: SQLRelation.Shape
        let leftList: [String], rightList: [String]
        switch (left.shape, right.shape) {
        case let (.reference(a), .reference(b)) where a == b:
            let cols = SQLFields.tableColumns(a)
            leftList = cols.map { "\(l).\($0)" }
            rightList = cols.map { "\(r).\($0)" }
            shape = .reference(a)
        case let (.record(lc, nil), .record(rc, nil)):
            var cols = lc
            for c in rc where !cols.contains(where: { $0.name == c.name }) { cols.append(c) }
            var ll: [String] = [], rl: [String] = []
            for (i, c) in cols.enumerated() {
                let a = lc.first { $0.name == c.name }, b = rc.first { $0.name == c.name }
                var t = a?.type ?? b!.type
                if t == .null { t = b?.type ?? .null }
                if let a, let b, a.type != b.type, a.type != .null, b.type != .null {
                    throw compiler.unsupported("the column '\(c.name)' is \(a.type) on the left and \(b.type) on the right", span)
                }
                cols[i].type = t
                ll.append(a.map { "\(l).\(SQLRelation.column($0.name))" + ($0.type == .null ? "::\(t.castName)" : "") } ?? "NULL::\(t.castName)")
                rl.append(b.map { "\(r).\(SQLRelation.column($0.name))" + ($0.type == .null ? "::\(t.castName)" : "") } ?? "NULL::\(t.castName)")
            }
            leftList = ll.enumerated().map { "\($1) AS \(SQLRelation.column(cols[$0].name))" }
            rightList = rl
            shape = .record(cols, base: nil)
        default:
            throw compiler.unsupported("a union of rows of different kinds (references and records)", span)
        }
        let sql = """
            SELECT \((leftList + ["0 AS \(SQLDialect.ident(side))", "\(ordinal(left, l)) AS \(SQLDialect.ident(number))"]).joined(separator: ", ")) \
            FROM (\(left.sql)) \(l) UNION ALL \
            SELECT \((rightList + ["1", ordinal(right, r)]).joined(separator: ", ")) FROM (\(right.sql)) \(r)
            """
        return SQLRelation(sql: sql, shape: shape, order: [(side, false), (number, false)])
    }
}
