/// The built-in functions that have an exact SQL form. Functions whose mq semantics PostgreSQL does not
/// share (ICU case mapping of `normalize`, list functions) are refused by name.
struct SQLFunctions {
    let compiler: SQLExpressionCompiler
    var context: SQLCompiler { compiler.context }

    func call(_ name: String, _ args: [Expr], _ span: Span) throws -> SQLExpr {
        if context.userFunctions.contains(name) {
            throw context.unsupported("the function '\(name)' defined with def", span)
        }
        if name == "len", args.count == 1, let n = try SQLTextLength.call(args[0], compiler, span) { return n }
        let a = try args.map { try compiler.compile($0) }
        func one(_ allowed: [SQLType]) throws -> SQLExpr {
            guard a.count == 1, allowed.contains(a[0].type) || a[0].type == .null else {
                throw context.unsupported("\(name)() on \(a.first?.type.description ?? "nothing")", span)
            }
            return a[0]
        }
        switch name {
        case "if":
            guard a.count == 3 else { throw context.unsupported("if() with \(a.count) arguments", span) }
            let t = try common([a[1], a[2]], span, name)
            return SQLExpr("(CASE WHEN \(a[0].condition) THEN \(a[1].typed(as: t).sql) ELSE \(a[2].typed(as: t).sql) END)", t)
        case "coalesce":
            let t = try common(a, span, name)
            if t == .null { return .null }
            return SQLExpr("COALESCE(" + a.map { $0.typed(as: t).sql }.joined(separator: ", ") + ")", t)
        case "lower", "upper":
            let x = try one([.string])
            return SQLExpr("\(name)(\(x.sql))", .string)
        case "abs":
            let x = try one([.int, .float])
            return SQLExpr("abs(\(x.sql))", x.type)
        case "floor", "ceil":
            let x = try one([.int, .float])
            if x.type == .int { return x }
            return SQLExpr("\(name)(\(x.sql))", .float)
        case "float":
            let x = try one([.int, .float])
            return SQLExpr("(\(x.sql))::float8", .float)
        case "year":
            let x = try one([.date])
            return SQLExpr("extract(year FROM date '0001-01-01' + mq.date_first(\(x.sql))::integer)::bigint", .int)
        case "month":
            let x = try one([.date])
            return SQLExpr("(CASE WHEN ((\(x.sql)) >> 1) & 3 >= 1 THEN extract(month FROM date '0001-01-01' + mq.date_first(\(x.sql))::integer)::bigint END)", .int)
        case "day":
            let x = try one([.date])
            return SQLExpr("(CASE WHEN ((\(x.sql)) >> 1) & 3 = 2 THEN extract(day FROM date '0001-01-01' + mq.date_first(\(x.sql))::integer)::bigint END)", .int)
        case "str", "concat": return try SQLText(context: context).call(name, a, span)
        case "len":
            let x = try one([.string])
            return SQLExpr("mq.len(\(x.sql))", .int)
        case "precision":
            let x = try one([.date])
            return SQLExpr("(CASE ((\(x.sql)) >> 1) & 3 WHEN 0 THEN 'year' WHEN 1 THEN 'month' WHEN 2 THEN 'day' END)", .string)
        default:
            throw context.unsupported("the function '\(name)' (its SQL form would not give mq's answers)", span)
        }
    }

    /// The type the branches of `if`/`coalesce` share.
    private func common(_ xs: [SQLExpr], _ span: Span, _ name: String) throws -> SQLType {
        var t = SQLType.null
        for x in xs where x.type != .null {
            if t == .null { t = x.type; continue }
            if t == x.type { continue }
            if t.isNumeric && x.type.isNumeric { t = .float; continue }
            throw context.unsupported("\(name)() mixing \(t) and \(x.type)", span)
        }
        return t
    }
}
