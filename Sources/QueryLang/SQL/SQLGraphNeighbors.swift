/// `neighbors E [depth N] [directed]` on PostgreSQL: the breadth-first walk of ``NeighborsSpec`` unrolled
/// into one statement, one pair of common table expressions per level (the depth is at most 6).
///
/// Level 0 is E. The hops of level k are the hop rows (``SQLGraph/hops(from:reverse:)``) leaving level
/// k-1's entities towards entities of no earlier level (every earlier CTE is visible, which a recursive
/// query's step, seeing only the rows of the step before, is not); level k is their distinct ends. Each
/// hop's evidence is then grouped (``SQLGraph/evidence(_:keys:)``), and the rows ordered as mq orders them:
/// depth, weight (largest first), the reached entity and the entity it is reached from, in catalog order.
/// A depth given as a run parameter unrolls all six levels, each after the parameter's depth empty.
struct SQLGraphNeighbors {
    let compiler: SQLCompiler
    let nameSpan: Span

    func compile(_ input: PlanNode, _ spec: NeighborsSpec) throws -> SQLRelation {
        let graph = try SQLGraph(compiler: compiler, input: input, directed: spec.directed, nameSpan: nameSpan, stage: "neighbors")
        let start = try graph.entity(spec.entity)
        let depth = try graph.count(spec.depth, default: 1, max: NeighborsSpec.maxDepth, what: "neighbors depth")
        let levels = depth.parameter == nil ? depth.value : NeighborsSpec.maxDepth
        let bound = depth.parameter.map { compiler.bind($0, String(depth.value), as: "bigint") }
        var names = [compiler.fresh("l")]
        var defs = ["\(names[0]) AS MATERIALIZED (SELECT \(start) AS e)"]
        var hopTables: [String] = []
        for k in 1...levels {
            let h = compiler.fresh("h"), l = compiler.fresh("l"), r = compiler.fresh("r")
            let earlier = names.map { "SELECT e FROM \($0)" }.joined(separator: " UNION ALL ")
            let guardDepth = bound.map { " WHERE \(k) <= \($0)" } ?? ""
            let new = { (end: String) in "\(end) NOT IN (\(earlier))" }
            defs.append("""
                \(h) AS MATERIALIZED (SELECT \(k) AS k, \(r).* FROM (\(graph.hops(from: names[k - 1], ends: new))) \(r)\(guardDepth))
                """)
            defs.append("\(l) AS MATERIALIZED (SELECT DISTINCT v AS e FROM \(h))")
            names.append(l)
            hopTables.append(h)
        }
        let rows = hopTables.map { "SELECT * FROM \($0)" }.joined(separator: " UNION ALL ")
        let x = compiler.fresh("x")
        let (o1, o2, o3, o4) = (compiler.fresh("o:"), compiler.fresh("o:"), compiler.fresh("o:"), compiler.fresh("o:"))
        let c = SQLRelation.column
        let sql = """
            \(graph.with(defs)) SELECT \(x).k::bigint AS \(c("depth")), \(x).u AS \(c("from")), \(x).v AS \(c("entity")), \
            \(x).via AS \(c("via")), \(x).weight AS \(c("weight")), \(x).facts AS \(c("facts")), \(x).docs AS \(c("docs")), \
            \(x).k AS \(SQLDialect.ident(o1)), \(x).weight AS \(SQLDialect.ident(o2)), \(x).v AS \(SQLDialect.ident(o3)), \
            \(x).u AS \(SQLDialect.ident(o4)) FROM (\(graph.evidence(rows, keys: ["k"]))) \(x)
            """
        let columns: [(name: String, type: SQLType)] = [("depth", .int), ("from", .ref(.entity)), ("entity", .ref(.entity)), ("via", .string),
                                                          ("weight", .int), ("facts", .facts), ("docs", .documents)]
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: [(o1, false), (o2, true), (o3, false), (o4, false)])
    }
}
