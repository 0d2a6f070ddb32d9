/// Each plan node as a SELECT over its input's (see ``SQLRelation`` for the column conventions).
/// Row-by-row stages keep the input's order columns; `sort` puts its keys in front of them (a stable sort);
/// `take` applies the order with its LIMIT.
struct SQLStages {
    let compiler: SQLCompiler
    let node: PlanNode

    func compile(_ input: SQLRelation?) throws -> SQLRelation {
        switch node.op {
        case let .scan(kind): return compiler.scan(kind, node.span)
        case .rows: throw compiler.unsupported("rows handed in by the host", node.span)
        // The columnar executor's subtree is the same logical plan: compiled as such.
        case let .columnar(inner, _): return try compiler.relation(inner)
        case let .lookupByID(kind, key):
            return try filter(compiler.scan(kind, node.span), .binary(.eq, .name("id", node.span), key, node.span))
        case let .value(e):
            if case .name = e { return try compiler.subquery(e) }
            throw compiler.unsupported("a table that is not a query on the corpus (a variable or a value)", node.span)
        case let .filter(_, cond): return try filter(input!, cond)
        case let .indexedFilter(_, cond): return try filter(input!, Self.expr(cond))
        // The postings are mq's index; the server filters the mentions (by its index on the entity column).
        case let .entityMentions(access): return try filter(compiler.scan(.mention, node.span), access.condition)
        case let .select(_, cols): return try select(input!, cols)
        case let .extend(_, cols): return try extend(input!, cols)
        case let .sort(_, keys): return try sort(input!, keys)
        case let .take(_, count): return try take(input!, count)
        case let .top(_, count, keys): return try take(try sort(input!, keys), count)
        case let .distinct(_, cols): return try distinct(input!, cols)
        case let .summarize(i, aggs, by):
            let s = SQLSummarize(compiler: compiler)
            return try SQLShardedAggregate(compiler: compiler, summarize: s).compile(SQLShardedAggregate.rowByRowChain(i), aggs, by)
                ?? s.compile(input!, aggs, by)
        case let .countsByEntity(aggs, by):
            let s = SQLSummarize(compiler: compiler)
            return try SQLShardedAggregate(compiler: compiler, summarize: s).compile((.mention, []), aggs, by)
                ?? s.compile(compiler.scan(.mention, node.span), aggs, by)
        case .count:
            let q = compiler.fresh("q")
            return SQLRelation(sql: "SELECT count(*) AS \(SQLRelation.column("count")) FROM (\(input!.sql)) \(q)",
                               shape: .record([("count", .int)], base: nil), order: [])
        case let .join(_, kind, right, keys): return try SQLJoin(compiler: compiler, span: node.span).compile(input!, kind, right, keys)
        case let .union(_, right): return try SQLUnion(compiler: compiler, span: node.span).compile(input!, right)
        case let .cooccur(_, scope, all): return try SQLCooccur(compiler: compiler, span: node.span).compile(input!, scope, all)
        case let .pairsByDocument(all, _):
            return try SQLCooccur(compiler: compiler, span: node.span).compile(compiler.scan(.mention, node.span), .document, all)
        case let .expand(_, col): return try SQLExpand(compiler: compiler, span: node.span).compile(input!, col)
        case let .kwic(_, term, width, regex):
            return try SQLKwic(compiler: compiler, span: node.span, nameSpan: node.nameSpan).compile(input!, term, width, regex: regex)
        case .timeline: return try SQLTimeline(compiler: compiler, nameSpan: node.nameSpan).compile(input!)
        // The chart is drawn by mq from the rows the server returns (Stages/Render.swift).
        case .render: return input!
        case let .neighbors(i, spec): return try SQLGraphNeighbors(compiler: compiler, nameSpan: node.nameSpan).compile(i, spec)
        case let .paths(i, spec): return try SQLGraphPaths(compiler: compiler, nameSpan: node.nameSpan).compile(i, spec)
        case .conflicts: return try SQLClaimStages(compiler: compiler, nameSpan: node.nameSpan).conflicts(input!)
        case .corroboration: return try SQLClaimStages(compiler: compiler, nameSpan: node.nameSpan).corroboration(input!)
        case let .asof(_, date): return try SQLClaimStages(compiler: compiler, nameSpan: node.nameSpan).asof(input!, date)
        }
    }

    /// The condition an access path stands for, as written.
    static func expr(_ c: IndexedCondition) -> Expr {
        switch c {
        case let .member(op, needle, list, listSpan, span, _): return .binary(op, needle, .name(list, listSpan), span)
        case let .and(a, b, span, _): return .binary(.and, expr(a), expr(b), span)
        case let .or(a, b, span, _): return .binary(.or, expr(a), expr(b), span)
        case let .general(e): return e
        }
    }

    func filter(_ input: SQLRelation, _ cond: Expr) throws -> SQLRelation {
        let q = compiler.fresh("q")
        let joins = SQLJoins()
        let c = try compiler.expressions(input, alias: q, joins: joins).compile(cond)
        guard c.type == .bool || c.type == .null else {
            throw compiler.unsupported("a condition of type \(c.type)", cond.span)
        }
        var out = input
        out.sql = "SELECT \(q).* FROM (\(input.sql)) \(q)\(joins.clause) WHERE \(c.condition)"
        return out
    }

    func select(_ input: SQLRelation, _ cols: [Column]) throws -> SQLRelation {
        let q = compiler.fresh("q")
        let joins = SQLJoins()
        let x = compiler.expressions(input, alias: q, joins: joins)
        let names = Column.outputNames(cols)
        var out: [(String, SQLType)] = []
        var list: [String] = []
        for (n, c) in zip(names, cols) {
            let e = try x.compile(c.expr)
            out.append((n, e.type))
            list.append("\(e.sql) AS \(SQLRelation.column(n))")
        }
        list += input.order.map { "\(q).\(SQLDialect.ident($0.column))" }
        return SQLRelation(sql: "SELECT \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q)\(joins.clause)",
                           shape: .record(out, base: nil), order: input.order)
    }

    func extend(_ input: SQLRelation, _ cols: [Column]) throws -> SQLRelation {
        let q = compiler.fresh("q")
        let joins = SQLJoins()
        let x = compiler.expressions(input, alias: q, joins: joins)
        let names = Column.outputNames(cols)
        var columns = input.recordColumns
        var added: [String] = []
        for (n, c) in zip(names, cols) {
            let e = try x.compile(c.expr)
            if let i = columns.firstIndex(where: { $0.name == n }) { columns[i].type = e.type } else { columns.append((n, e.type)) }
            added.append("\(e.sql) AS \(SQLRelation.column(n))")
        }
        let list = input.carried(q, dropping: Set(names)) + added
        let shape: SQLRelation.Shape = .record(columns, base: input.base)
        var out = SQLRelation(sql: "SELECT \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q)\(joins.clause)", shape: shape,
                              order: input.order)
        out.ownColumns = input.ownColumns
        return out
    }

    /// A stable sort: the keys (nulls last whichever the direction), then the input's order.
    func sort(_ input: SQLRelation, _ keys: [SortKey]) throws -> SQLRelation {
        let q = compiler.fresh("q")
        let joins = SQLJoins()
        let x = compiler.expressions(input, alias: q, joins: joins)
        var list: [String] = []
        var order: [(String, Bool)] = []
        for k in keys {
            let e = try x.compile(k.expr)
            if e.type == .factObject { throw compiler.unsupported("sorting by a fact's object", k.expr.span) }
            let o = compiler.fresh("o:")
            list.append("\(e.sortable) AS \(SQLDialect.ident(o))")
            order.append((o, k.descending))
        }
        var out = input
        out.sql = "SELECT \(q).*, \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q)\(joins.clause)"
        // Keys that tell every row apart leave no ties for the input's order to break: without it, the
        // columns that kept that order (a summarize's `min(ord)`) are read by nothing and PostgreSQL drops them.
        out.order = identifies(keys, input) ? order : order + input.order
        return out
    }

    /// Whether sort keys include, as they are, the columns that identify the input's rows (a summarize's
    /// keys, through stages that only drop or reorder rows), each of a type whose sorting ties only equal
    /// values.
    private func identifies(_ keys: [SortKey], _ input: SQLRelation) -> Bool {
        guard let rowKey = node.inputs.first.flatMap(Self.rowKey) else { return false }
        let sorted = Set(keys.compactMap { k -> String? in
            guard case let .name(n, _) = k.expr, let c = input.recordColumns.first(where: { $0.name == n }) else { return nil }
            switch c.type {
            case .string, .int, .bool, .ref: return n
            default: return nil
            }
        })
        return rowKey.allSatisfy(sorted.contains)
    }

    /// The names of the columns whose values tell a node's rows apart, when known: a summarize's keys.
    static func rowKey(_ node: PlanNode) -> [String]? {
        switch node.op {
        case let .summarize(_, _, by), let .countsByEntity(_, by): return Column.outputNames(by)
        case let .filter(n, _), let .sort(n, _), let .take(n, _), let .top(n, _, _): return rowKey(n)
        case let .indexedFilter(n, _): return rowKey(n)
        case let .columnar(inner, _): return rowKey(inner)
        default: return nil
        }
    }

    func take(_ input: SQLRelation, _ count: Expr) throws -> SQLRelation {
        guard case let .int(n)? = try compiler.knownValue(count), n >= 0 else {
            throw compiler.unsupported("a count that is not a whole number, 0 or more, known before the query runs", count.span)
        }
        let q = compiler.fresh("q")
        var out = input
        let order = input.order.isEmpty ? "" : " ORDER BY \(input.orderBy(q))"
        let limit = compiler.parameterName(count).map { compiler.bind($0, String(n), as: "bigint") } ?? String(n)
        out.sql = "SELECT \(q).* FROM (\(input.sql)) \(q)\(order) LIMIT \(limit)"
        return out
    }

    /// The first row of each distinct row (or of each distinct value of the columns).
    func distinct(_ input: SQLRelation, _ cols: [Column]) throws -> SQLRelation {
        let rel = cols.isEmpty ? input : try select(input, cols)
        let q = compiler.fresh("q")
        var keys: [String] = []
        if let b = rel.base { keys.append("\(q).ord"); _ = b }
        for c in rel.recordColumns {
            keys.append(c.type == .date ? "mq.date_same(\(q).\(SQLRelation.column(c.name)))" : "\(q).\(SQLRelation.column(c.name))")
        }
        if rel.recordColumns.contains(where: { $0.type == .factObject }) {
            throw compiler.unsupported("distinct on a fact's object", node.span)
        }
        let order = rel.order.isEmpty ? "" : ", " + rel.orderBy(q)
        var out = rel
        out.sql = "SELECT DISTINCT ON (\(keys.joined(separator: ", "))) \(q).* FROM (\(rel.sql)) \(q) ORDER BY \(keys.joined(separator: ", "))\(order)"
        return out
    }
}
