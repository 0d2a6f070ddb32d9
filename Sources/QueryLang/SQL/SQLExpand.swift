/// `expand name = list` on PostgreSQL: a lateral join with the list's rows, in mq's order of the items
/// (a hidden order column after the input's), so that `take` and the final order match the in-memory
/// rows.
///
/// Lists that are stored as rows: an entity's `names` (`aliases`: all but the preferred name; `acronyms`)
/// from `mq.entity_names`, its `mentions`, `docs` and `facts`; a document's `authors` (an array), its
/// `mentions`, `entities` (in order of first mention) and `facts`. A list written in the query (`[1, 2]`)
/// is a VALUES list; any other value is one row, none when it is null (as in memory).
struct SQLExpand {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ input: SQLRelation, _ col: Column) throws -> SQLRelation {
        let name = Column.outputNames([col])[0]
        let q = compiler.fresh("q")
        let joins = SQLJoins()
        let x = compiler.expressions(input, alias: q, joins: joins)
        let items: (sql: String, type: SQLType)
        if let (kind, field) = x.listField(col.expr) {
            items = try stored(kind, field, q, col.expr.span)
        } else if case let .list(values)? = try compiler.knownValue(col.expr), compiler.parameterName(col.expr) == nil {
            items = try written(values, x, col.expr.span)
        } else {
            let e = try x.compile(col.expr)
            if e.type == .factObject || e.type == .documents || e.type == .facts { throw compiler.unsupported("expanding a \(e.type)", col.expr.span) }
            items = ("SELECT v.item, 1::bigint AS n FROM (SELECT \(e.sql) AS item) v WHERE v.item IS NOT NULL", e.type)
        }
        let o = compiler.fresh("o:")
        let a = compiler.fresh("x")
        var columns = input.recordColumns
        if let i = columns.firstIndex(where: { $0.name == name }) { columns[i].type = items.type } else { columns.append((name, items.type)) }
        let list = input.carried(q, dropping: [name]) + ["\(a).item AS \(SQLRelation.column(name))", "\(a).n AS \(SQLDialect.ident(o))"]
        let sql = "SELECT \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q)\(joins.clause) CROSS JOIN LATERAL (\(items.sql)) \(a)"
        return SQLRelation(sql: sql, shape: .record(columns, base: input.base), order: input.order + [(o, false)])
    }

    /// The items of a list field of the row `q` (of kind `kind`), as rows `(item, n)`, `n` their order.
    func stored(_ kind: ReferenceKind, _ field: String, _ q: String, _ at: Span) throws -> (sql: String, type: SQLType) {
        switch (kind, field) {
        case (.entity, "names"), (.entity, "aliases"), (.entity, "acronyms"):
            let only = field == "aliases" ? " AND t.seq > 0" : field == "acronyms" ? " AND t.kind = 'acronym'" : ""
            return ("SELECT t.name AS item, t.seq::bigint AS n FROM mq.entity_names t WHERE t.entity = \(q).ord\(only)", .string)
        case (.entity, "mentions"):
            return ("SELECT t.ord AS item, t.ord AS n FROM mq.mentions t WHERE t.entity = \(q).ord", .ref(.mention))
        case (.entity, "docs"):
            return ("SELECT t.doc AS item, t.doc AS n FROM mq.mentions t WHERE t.entity = \(q).ord GROUP BY t.doc", .ref(.document))
        case (.entity, "facts"):
            return ("SELECT t.ord AS item, t.ord AS n FROM mq.facts t WHERE t.subject = \(q).ord", .ref(.fact))
        case (.document, "authors"):
            return ("SELECT t.item, t.n FROM mq.documents d CROSS JOIN LATERAL unnest(d.authors) WITH ORDINALITY t(item, n) WHERE d.ord = \(q).ord", .string)
        case (.document, "mentions"):
            return ("SELECT t.ord AS item, t.seq::bigint AS n FROM mq.mentions t WHERE t.doc = \(q).ord", .ref(.mention))
        case (.document, "entities"):
            return ("SELECT t.entity AS item, min(t.seq)::bigint AS n FROM mq.mentions t WHERE t.doc = \(q).ord AND t.entity IS NOT NULL GROUP BY t.entity", .ref(.entity))
        case (.document, "facts"):
            return ("SELECT t.ord AS item, t.ord AS n FROM mq.facts t WHERE t.doc = \(q).ord", .ref(.fact))
        default:
            throw compiler.unsupported("the list '\(field)' of \(kind.rawValue)s is not stored as rows", at)
        }
    }

    /// A list mq knows before the query runs, as a VALUES list; its items must have one SQL type.
    private func written(_ values: [Value], _ x: SQLExpressionCompiler, _ at: Span) throws -> (sql: String, type: SQLType) {
        let items = try values.map { try x.value($0, at) }
        let types = Set(items.map(\.type.description)).subtracting(["null"])
        guard types.count <= 1 else { throw compiler.unsupported("a list of values of several types", at) }
        let type = items.first { $0.type != .null }?.type ?? .null
        if type == .factObject || type == .documents || type == .facts { throw compiler.unsupported("expanding a \(type)", at) }
        // Null items are rows too (a list keeps them); an empty list has no rows.
        guard !items.isEmpty else { return ("SELECT NULL::\(type.castName) AS item, 0::bigint AS n WHERE false", type) }
        let rows = items.enumerated().map { "(\($0.element.typed(as: type).sql), \($0.offset)::bigint)" }
        return ("SELECT * FROM (VALUES \(rows.joined(separator: ", "))) v(item, n)", type)
    }
}
