/// Compiles mq expressions to PostgreSQL expressions with mq's semantics: `==` is null-equal (`IS NOT
/// DISTINCT FROM`), other comparisons with null are false, `and`/`or` treat null as false, dates compare
/// as intervals, strings compare by code point, a reference equals a string holding its id.
///
/// Parts that read no row (`ent("...")`, `doc("...")`, `date("2014")`, arithmetic on constants) are
/// evaluated by mq and sent as constants: entities and facts as their catalog ordinals, documents by id.
struct SQLExpressionCompiler {
    /// The row the expression reads: a relation's SELECT seen through `alias`.
    struct Row {
        let alias: String
        let relation: SQLRelation
    }

    let context: SQLCompiler
    let row: Row?
    /// Where navigation joins go (nil: navigation is a subquery).
    var joins: SQLJoins? = nil
    /// Inside summarize: the SQL of each aggregate call, by its position in the text.
    var aggregates: [Int: SQLExpr] = [:]

    func compile(_ e: Expr) throws -> SQLExpr {
        if let n = context.parameterName(e), let v = context.global(n), let p = try context.parameter(n, v, e.span) { return p }
        if let p = try context.parameterExpression(e) { return p }
        if context.isConstant(e) { return try constant(e) }
        switch e {
        case let .literal(l, _): return literal(l)
        case let .name(n, span): return try name(n, span)
        case let .field(base, f, span):
            let b = try compile(base)
            switch b.type {
            case .null: return .null
            case let .ref(k):
                if let joins, SQLJoins.isColumn(b.sql), FieldCatalog.field(f.name, of: k) != nil {
                    let j = joins.alias(SQLFields.table(k), on: b.sql, context: context)
                    if let r = SQLFields.field(k, j, f.name) { return try context.unwrap(r, span) }
                }
                guard let r = SQLFields.navigate(k, b.sql, f.name) else {
                    throw context.unsupported("'\(f.name)' is not a field of \(k.rawValue)s", span)
                }
                return try context.unwrap(r, span)
            default:
                throw context.unsupported("the field '\(f.name)' of \(b.type)", span)
            }
        case let .unary(op, x, span):
            let v = try compile(x)
            switch (op, v.type) {
            case (.not, .bool), (.not, .null): return SQLExpr("(NOT \(v.sql))", .bool, notNull: v.notNull)
            case (.negate, .int), (.negate, .float): return SQLExpr("(-\(v.sql))", v.type)
            case (.negate, .null): return .null
            default: throw context.unsupported("'\(op.rawValue)' on \(v.type)", span)
            }
        case let .binary(op, l, r, span):
            return try SQLOperators(compiler: self).binary(op, l, r, span)
        case let .call(name, args, span):
            if Aggregates.named[name.name] != nil {
                guard let a = aggregates[span.start] else {
                    throw context.unsupported("the aggregate '\(name.name)' outside summarize", span)
                }
                return a
            }
            return try SQLFunctions(compiler: self).call(name.name, args, span)
        case let .list(_, span):
            throw context.unsupported("a list value (lists are compiled only on the right of 'in')", span)
        case let .record(_, span):
            throw context.unsupported("a record value", span)
        case let .index(_, _, span):
            throw context.unsupported("indexing ('[...]')", span)
        case let .pipeline(_, _, span):
            throw context.unsupported("a nested query used as a value (only 'x in (query)' is compiled)", span)
        }
    }

    func literal(_ l: Literal) -> SQLExpr {
        switch l {
        case .null: return .null
        case let .bool(b): return SQLExpr(SQLDialect.bool(b), .bool, notNull: true)
        case let .int(i): return SQLExpr(SQLDialect.int(i), .int, notNull: true)
        case let .float(f): return SQLExpr(SQLDialect.float(f), .float, notNull: true)
        case let .string(s): return SQLExpr(SQLDialect.string(s), .string, notNull: true)
        case let .date(d): return SQLExpr(SQLDialect.int(SQLDate.key(d)), .date, notNull: true)
        }
    }

    /// A row-invariant expression: evaluated by mq, sent as a constant.
    func constant(_ e: Expr) throws -> SQLExpr {
        try value(try context.evaluate(e), e.span)
    }

    func value(_ v: Value, _ span: Span) throws -> SQLExpr {
        switch v {
        case .null: return .null
        case let .bool(b): return SQLExpr(SQLDialect.bool(b), .bool, notNull: true)
        case let .int(i): return SQLExpr(SQLDialect.int(i), .int, notNull: true)
        case let .float(f): return SQLExpr(SQLDialect.float(f), .float, notNull: true)
        case let .string(s):
            guard !s.utf8.contains(0) else { throw context.unsupported("a string holding a NUL character", span) }
            return SQLExpr(SQLDialect.string(s), .string, notNull: true)
        case let .date(d): return SQLExpr(SQLDialect.int(SQLDate.key(d)), .date, notNull: true)
        case let .entity(i): return SQLExpr(SQLDialect.int(Int64(i)), .ref(.entity), notNull: true)
        case let .fact(i): return SQLExpr(SQLDialect.int(Int64(i)), .ref(.fact), notNull: true)
        case let .document(i):
            // Documents by id: their ordinals are the server's.
            let id = context.corpus.documents[i].id
            return SQLExpr("(SELECT d.ord FROM mq.documents d WHERE d.id = \(SQLDialect.string(id)))", .ref(.document))
        default:
            throw context.unsupported("a constant \(v.typeName)", span)
        }
    }

    /// A bare name: a column of the row, else a field of the row's reference.
    func name(_ n: String, _ span: Span) throws -> SQLExpr {
        let hidden = row.map { r in r.relation.recordColumns.contains { $0.name == n } || r.relation.base.map { FieldCatalog.field(n, of: $0) != nil } == true } ?? false
        if !hidden, let v = context.global(n) { return try value(v, span) }
        guard let row else { throw context.unsupported("the variable '\(n)'", span) }
        if let c = row.relation.recordColumns.first(where: { $0.name == n }) {
            return SQLExpr("\(row.alias).\(SQLRelation.column(c.name))", c.type)
        }
        if let k = row.relation.base, let r = SQLFields.field(k, row.alias, n) {
            return try context.unwrap(r, span)
        }
        throw context.unsupported("the name '\(n)' (a variable, or a field the rows do not have)", span)
    }

    /// Whether `e` is a bare name of a list field of the row's reference (`entities` on documents).
    func listField(_ e: Expr) -> (kind: ReferenceKind, name: String)? {
        guard case let .name(n, _) = e, let row, let k = row.relation.base,
              !row.relation.recordColumns.contains(where: { $0.name == n }) else { return nil }
        return FieldCatalog.field(n, of: k).flatMap { f in
            if case .list = f.type { return (k, n) }
            return nil
        }
    }
}
