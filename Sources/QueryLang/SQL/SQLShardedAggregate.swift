/// `summarize` over a partitioned table of the sharded layout (docs/scale-out.md) as one aggregate per
/// partition, combined on the coordinator.
///
/// PostgreSQL 15's postgres_fdw sends an aggregate to a shard only whole: with partitionwise aggregation a
/// `GROUP BY` that contains the partition key (the document) runs on the shards, any other grouping
/// fetches every row of the partitions to the coordinator and aggregates there. When the summarize's input
/// is a scan of documents or mentions with only row-by-row stages after it (`where`, `select`, `extend`)
/// that read no partitioned table whole (a join of the catalog is fine), each partition's rows are aggregated by a statement of their own over that partition's foreign table
/// (`mq.mentions_0`, ...), which postgres_fdw sends to the partition's shard, and the partial results are
/// combined: counts and sums summed, minima and maxima of minima and maxima, an average from the sums and
/// counts. A distinct count is not combined from partial ones (a value can be in several partitions): such a
/// summarize, and any other input, compiles as on one server. `explain` shows the union of the partitions.
@_spi(MQInternals) public struct SQLShardedAggregate {
    let compiler: SQLCompiler
    let summarize: SQLSummarize

    /// The manifest key of a sharded coordinator (its value: the number of shards, one partition each).
    @_spi(MQInternals) public static let manifestKey = "shards"

    /// The number of partitions a coordinator's manifest gives (0 on one server); nil when it cannot be read.
    @_spi(MQInternals) public static func partitions(_ connection: SQLConnection) -> Int? {
        guard let rows = try? connection.query("SELECT value FROM mq.manifest WHERE key = '\(manifestKey)'") else { return nil }
        return rows.first?[0].flatMap { Int($0) } ?? 0
    }

    /// The reference kinds whose tables are partitioned by document.
    static func isPartitioned(_ kind: ReferenceKind) -> Bool { kind == .document || kind == .mention }

    /// The rows of one partition of `kind`'s table, as ``SQLCompiler/scan(_:_:)`` gives the whole table.
    func scan(_ kind: ReferenceKind, partition: Int) -> SQLRelation {
        let o = compiler.fresh("o:")
        let cols = SQLFields.tableColumns(kind).map { "t.\($0)" }.joined(separator: ", ")
        return SQLRelation(sql: "SELECT \(cols), t.ord AS \(SQLDialect.ident(o)) FROM \(SQLFields.table(kind))_\(partition) t",
                           shape: .reference(kind), order: [(o, false)])
    }

    /// The partitioned table whose rows `node` reads and the stages after its scan (in order), when every
    /// stage keeps or drops each row by itself; nil otherwise.
    static func rowByRowChain(_ node: PlanNode) -> (kind: ReferenceKind, stages: [PlanNode])? {
        switch node.op {
        case let .scan(kind): return isPartitioned(kind) ? (kind, []) : nil
        case let .columnar(inner, _): return rowByRowChain(inner)
        case let .filter(i, _), let .indexedFilter(i, _), let .select(i, _), let .extend(i, _):
            return rowByRowChain(i).map { ($0.kind, $0.stages + [node]) }
        default: return nil
        }
    }

    /// The input compiled over one partition: the scan of the partition, then each stage as usual
    /// (conditions that read other tables still read them whole).
    private func relation(_ chain: (kind: ReferenceKind, stages: [PlanNode]), partition: Int) throws -> SQLRelation {
        var r = scan(chain.kind, partition: partition)
        for node in chain.stages {
            let saved = compiler.stage
            compiler.stage = (node.name, node.nameSpan)
            r = try SQLStages(compiler: compiler, node: node).compile(r)
            compiler.stage = saved
        }
        return r
    }

    /// Whether SQL names a partitioned table itself (`mq.mentions`), not one of its partitions (`mq.mentions_0`).
    static func readsWholePartitionedTable(_ sql: String) -> Bool {
        for table in ["mq.documents", "mq.zones", "mq.sentences", "mq.mentions"] {
            var rest = sql[...]
            while let r = rest.range(of: table) {
                if r.upperBound == rest.endIndex || rest[r.upperBound] != "_" { return true }
                rest = rest[r.upperBound...]
            }
        }
        return false
    }

    /// An aggregate as the partial results each partition computes and the expression over them (their
    /// columns, in order) that combines them; no partial results for a constant.
    private struct Decomposed {
        var partials: [String]
        var combine: ([String]) -> String
        var type: SQLType
    }

    private func decompose(_ name: String, _ args: [Expr], _ span: Span, _ x: SQLExpressionCompiler,
                           _ rows: SQLRelation, _ q: String) throws -> Decomposed? {
        // The minimum or maximum of dates folds the rows in their order (docs/postgresql.md): no partial results.
        if name == "min" || name == "max", args.count == 1, try x.compile(args[0]).type == .date { return nil }
        let whole = try summarize.aggregate(name, args, span, x, rows, q)
        let summed: ([String]) -> String = { "COALESCE(sum(\($0[0])), 0)::bigint" }
        if name == "count" { return Decomposed(partials: [whole.sql], combine: summed, type: .int) }
        guard args.count == 1 else { return nil }
        let a = try x.compile(args[0])
        if name == "countif" {
            // A FILTER counts the rows whose condition is true, not null: the bare value, which postgres_fdw
            // sends to a shard where PostgreSQL 15's does not send the COALESCE of a condition.
            return Decomposed(partials: [a.type == .bool ? "count(*) FILTER (WHERE \(a.sql))" : whole.sql], combine: summed, type: .int)
        }
        // An aggregate of nulls is a constant.
        if a.type == .null { return Decomposed(partials: [], combine: { _ in whole.sql }, type: whole.type) }
        switch (name, whole.type) {
        case ("sum", .int): return Decomposed(partials: ["sum(\(a.sql))"], combine: summed, type: .int)
        case ("sum", .float): return Decomposed(partials: ["sum(\(a.sql))"], combine: { "COALESCE(sum(\($0[0])), 0)" }, type: .float)
        case ("avg", .float):
            return Decomposed(partials: ["sum(\(a.sql))", "count(\(a.sql))"],
                              combine: { "(sum(\($0[0])) / NULLIF(sum(\($0[1])), 0))::float8" }, type: .float)
        case ("min", .bool): return Decomposed(partials: [whole.sql], combine: { "bool_and(\($0[0]))" }, type: .bool)
        case ("max", .bool): return Decomposed(partials: [whole.sql], combine: { "bool_or(\($0[0]))" }, type: .bool)
        case ("min", .int), ("max", .int), ("min", .float), ("max", .float):
            return Decomposed(partials: [whole.sql], combine: { "\(name)(\($0[0]))" }, type: whole.type)
        // A distinct count: a value seen by two partitions would be counted twice. The minimum or maximum
        // of strings: in code point order (`COLLATE "C"`), which postgres_fdw does not send to a shard, so
        // that the partition's aggregate would run on the coordinator anyway.
        default: return nil
        }
    }

    /// The summarize of the rows of `chain` (``rowByRowChain(_:)`` of its input) as partial aggregates per
    /// partition; nil when the layout is not sharded, the input is not a partitioned table's rows kept or
    /// dropped one by one, or an aggregate does not combine from partial results.
    func compile(_ chain: (kind: ReferenceKind, stages: [PlanNode])?, _ aggs: [Column], _ by: [Column]) throws -> SQLRelation? {
        guard compiler.partitions > 1, let chain else { return nil }
        let keyNames = Column.outputNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        let calls = Aggregates.calls(in: aggs.map(\.expr))
        let q = compiler.fresh("q"), p = compiler.fresh("p"), g = compiler.fresh("g")
        var branches: [String] = []
        // What the first partition's compilation says of the keys and aggregates (the same for every one).
        var keys: [(id: (column: String, kind: ReferenceKind)?, type: SQLType)] = []
        var decomposed: [Decomposed] = []
        var firstSeen = false
        for i in 0..<compiler.partitions {
            let rows = try relation(chain, partition: i)
            let joins = SQLJoins()
            let x = compiler.expressions(rows, alias: q, joins: joins)
            var list: [String] = []
            for (n, k) in by.enumerated() {
                let hidden = SQLDialect.ident("k:\(n)")
                if let id = try summarize.idKey(k.expr, x) {
                    list.append("\(id.column) AS \(hidden)")
                    if i == 0 { keys.append((id, .string)) }
                    continue
                }
                let e = try x.compile(k.expr)
                if e.type == .factObject { throw compiler.unsupported("grouping by a fact's object", k.expr.span) }
                list.append("\(e.sql) AS \(hidden)")
                if i == 0 { keys.append((nil, e.type)) }
            }
            var column = 0
            for call in calls {
                guard let d = try decompose(call.name.name, call.args, call.span, x, rows, q) else { return nil }
                for partial in d.partials {
                    list.append("\(partial) AS \(SQLDialect.ident("p:\(column)"))")
                    column += 1
                }
                if i == 0 { decomposed.append(d) }
            }
            if i == 0 { firstSeen = rows.order.count == 1 && !rows.order[0].descending }
            if firstSeen { list.append("min(\(q).\(SQLDialect.ident(rows.order[0].column))) AS \(SQLDialect.ident("p:o"))") }
            // A partition of no rows and no keys still gives its one row of partial results (count 0).
            if list.isEmpty { list.append("count(*) AS \(SQLDialect.ident("p:n"))") }
            let group = by.isEmpty ? "" : " GROUP BY " + (1...by.count).map(String.init).joined(separator: ", ")
            let branch = "SELECT \(list.joined(separator: ", ")) FROM (\(rows.sql)) \(q)\(joins.clause)\(group)"
            // A branch that joins or reads a partitioned table whole (`doc.outlet`, `x in entities`) would read
            // it once per partition on the coordinator, where the whole-table statement lets the planner join
            // partition with partition on the shards: such a summarize is left to it.
            if Self.readsWholePartitionedTable(branch) { return nil }
            branches.append(branch)
        }
        // The partial results combined per group, then the catalog's ids of the reference keys, then the
        // columns around the aggregates.
        var combined: [String] = [], outer: [String] = []
        var columns: [(String, SQLType)] = []
        let after = SQLJoins()
        for (n, k) in keys.enumerated() {
            let hidden = SQLDialect.ident("k:\(n)")
            combined.append("\(p).\(hidden) AS \(hidden)")
            if let id = k.id {
                let j = after.alias(SQLFields.table(id.kind), on: "\(g).\(hidden)", context: compiler)
                outer.append("\(j).id AS \(SQLRelation.column(keyNames[n]))")
                columns.append((keyNames[n], .string))
            } else {
                outer.append("\(g).\(hidden) AS \(SQLRelation.column(keyNames[n]))")
                columns.append((keyNames[n], k.type))
            }
        }
        var results: [Int: SQLExpr] = [:]
        var column = 0
        for (i, (call, d)) in zip(calls, decomposed).enumerated() {
            let parts = (0..<d.partials.count).map { k in "\(p).\(SQLDialect.ident("p:\(column + k)"))" }
            column += d.partials.count
            let hidden = SQLDialect.ident("a:\(i)")
            combined.append("\(d.combine(parts)) AS \(hidden)")
            results[call.span.start] = SQLExpr("\(g).\(hidden)", d.type)
        }
        for (n, e) in try summarize.aggregateColumns(aggs, names.dropFirst(keyNames.count), over: g, results) {
            outer.append("\(e.sql) AS \(SQLRelation.column(n))")
            columns.append((n, e.type))
        }
        var order: [(String, Bool)] = []
        if firstSeen {
            let first = compiler.fresh("o:")
            combined.append("min(\(p).\(SQLDialect.ident("p:o"))) AS \(SQLDialect.ident(first))")
            outer.append("\(g).\(SQLDialect.ident(first))")
            order = [(first, false)]
        }
        // Without keys, one row whatever the aggregates (an aggregate makes the SELECT one row).
        if by.isEmpty { combined.append("count(*) AS \(SQLDialect.ident("p:n"))") }
        let group = by.isEmpty ? "" : " GROUP BY " + (1...by.count).map(String.init).joined(separator: ", ")
        let sql = "SELECT \(outer.joined(separator: ", ")) FROM (SELECT \(combined.joined(separator: ", ")) FROM (" +
            branches.joined(separator: " UNION ALL ") + ") \(p)\(group)) \(g)\(after.clause)"
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: order)
    }
}
