/// `join`: keys compare as `==` does (a reference equals a string holding its id), except that a null key
/// matches nothing. `semi` and `anti` are EXISTS tests; `inner` and `left` add the right rows' columns
/// (renamed where they clash: `id` -> `id1`), in the order of the left rows, then of their matches.
struct SQLJoin {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ left: SQLRelation, _ kind: JoinKind, _ rightExpr: Expr, _ keys: [JoinKey]) throws -> SQLRelation {
        let right = try compiler.subquery(rightExpr)
        compiler.stage = ("join", span)
        let l = compiler.fresh("l"), r = compiler.fresh("r")
        let lx = compiler.expressions(left, alias: l), rx = compiler.expressions(right, alias: r)
        var on: [String] = []
        for k in keys {
            let a = try lx.compile(k.left), b = try rx.compile(k.right ?? k.left)
            on.append(try match(a, b, k.left.span))
        }
        let cond = on.isEmpty ? "true" : on.joined(separator: " AND ")
        if kind == .semi || kind == .anti {
            var out = left
            out.sql = "SELECT \(l).* FROM (\(left.sql)) \(l) WHERE \(kind == .anti ? "NOT " : "")EXISTS (SELECT 1 FROM (\(right.sql)) \(r) WHERE \(cond))"
            return out
        }
        var columns = SQLDisplay.columns(left)
        var recordColumns = left.recordColumns
        var list = left.carried(l)
        for (name, e) in try SQLDisplay.values(right, alias: r, compiler: compiler) {
            var n = name
            var k = 1
            while columns.contains(n) { n = "\(name)\(k)"; k += 1 }
            columns.append(n)
            recordColumns.append((n, e.type))
            list.append("\(e.sql) AS \(SQLRelation.column(n))")
        }
        list += right.order.map { "\(r).\(SQLDialect.ident($0.column))" }
        let how = kind == .left ? "LEFT JOIN" : "JOIN"
        return SQLRelation(sql: "SELECT \(list.joined(separator: ", ")) FROM (\(left.sql)) \(l) \(how) (\(right.sql)) \(r) ON \(cond)",
                           shape: .record(recordColumns, base: left.base), order: left.order + right.order)
    }

    /// Two join keys equal: null matches nothing; references by id.
    private func match(_ a: SQLExpr, _ b: SQLExpr, _ span: Span) throws -> String {
        func id(_ x: SQLExpr) -> String? {
            switch x.type {
            case .string: return x.sql
            case let .ref(k) where k != .mention: return "(SELECT i.id FROM \(SQLFields.table(k)) i WHERE i.ord = \(x.sql))"
            default: return nil
            }
        }
        switch (a.type, b.type) {
        case (.null, _), (_, .null): return "false"
        case (.date, .date): return "mq.date_same(\(a.sql)) = mq.date_same(\(b.sql))"
        case (.int, .float), (.float, .int): return "(\(a.sql))::float8 = (\(b.sql))::float8"
        case (.factObject, _), (_, .factObject): throw compiler.unsupported("a join key that is a fact's object", span)
        case let (x, y) where x == y: return "\(a.sql) = \(b.sql)"
        default:
            if let x = id(a), let y = id(b) { return "\(x) = \(y)" }
            return "false"
        }
    }
}

/// The columns a table shows and their values, as `join` and `union` see another table's rows.
enum SQLDisplay {
    static func columns(_ rel: SQLRelation) -> [String] {
        var out: [String] = []
        if case .reference(let k) = rel.shape { out = FieldCatalog.columns(of: k) }
        if case .record(_, let b?) = rel.shape { out = FieldCatalog.columns(of: b) }
        for c in rel.recordColumns where !out.contains(c.name) { out.append(c.name) }
        return out
    }

    static func values(_ rel: SQLRelation, alias: String, compiler: SQLCompiler) throws -> [(String, SQLExpr)] {
        let x = compiler.expressions(rel, alias: alias)
        return try columns(rel).map { ($0, try x.name($0, compiler.stage?.span ?? .none)) }
    }
}
