/// `neighbors E [depth N] [directed]`: the entities within N hops (default 1, at most 6) of an entity in
/// the graph of the input rows (facts, mentions, or both: see ``EntityGraph``).
///
/// One row per hop that reaches an entity for the first time at its distance: `depth` (1 for a direct
/// neighbour), `from` (an entity one hop nearer to E, E itself at depth 1), `entity`, `via`, `weight`,
/// `facts` and `docs` (the hop's evidence, as in `paths`). An entity reached at depth 2 through two
/// neighbours of E has two rows. Rows come by depth, then weight (largest first), then catalog order.
/// `directed` follows facts from subject to object only.
@_spi(MQInternals) public struct NeighborsSpec: Sendable, Equatable {
    /// The entity whose neighbours are wanted.
    @_spi(MQInternals) public var entity: Expr
    /// How many hops at most (default 1).
    @_spi(MQInternals) public var depth: Expr?
    /// Whether facts are followed from subject to object only.
    @_spi(MQInternals) public var directed: Bool

    static let maxDepth = 6
    static let columns = ["depth", "from", "entity", "via", "weight", "facts", "docs"]

    func formatted(_ e: (Expr) -> String) -> String {
        "neighbors " + e(entity) + (depth.map { " depth " + e($0) } ?? "") + (directed ? " directed" : "")
    }
}

extension Parser {
    mutating func parseNeighbors(_ start: Span) throws -> (kind: StageKind, end: Span) {
        if at(.newline) || at(.eof) || at(.pipe) || at(.rparen) {
            throw error(at(.eof) ? .unfinishedStatement : .unexpectedToken, "neighbors needs the entity to start from", current.span,
                        hints: ["neighbors \"kataib-hezbollah\" depth 2"])
        }
        let e = try binary(0)
        let options = try graphOptions(count: "depth", after: e.span)
        return (.neighbors(NeighborsSpec(entity: e, depth: options.count, directed: options.directed)), options.end)
    }

    /// The options of a graph stage after its entities, in any order: `directed`, and the word `count`
    /// (`depth`, `max`) before a number; `end` is where the stage's text ends.
    mutating func graphOptions(count word: String, after start: Span) throws -> (directed: Bool, count: Expr?, end: Span) {
        var directed = false, count: Expr? = nil, end = start
        while true {
            if atWord("directed") { directed = true; end = advance().span }
            else if atWord(word) { advance(); let n = try binary(0); count = n; end = n.span }
            else { return (directed, count, end) }
        }
    }
}

extension Checker {
    mutating func checkNeighbors(_ spec: NeighborsSpec, _ s: StageInput) -> Row {
        let st = s.stage, input = s.row, outer = s.outer
        checkGraphInput(st, input)
        checkEntityArgument(spec.entity, outer, stage: "neighbors")
        checkGraphCount(spec.depth, outer, max: NeighborsSpec.maxDepth, what: "neighbors depth")
        return Checker.recordRow([("depth", .int), ("from", .entity), ("entity", .entity), ("via", .string), ("weight", .int),
                                  ("facts", .list(.fact)), ("docs", .list(.document))])
    }
}

extension Interpreter {
    func openNeighbors(_ input: PlanNode, _ spec: NeighborsSpec, _ node: PlanNode, _ env: Env) throws -> RowStream {
        let span = node.span
        let start = try graphEntity(spec.entity, env, stage: "neighbors")
        let maxDepth = try graphCount(spec.depth, default: 1, max: NeighborsSpec.maxDepth, env, what: "neighbors depth")
        let graph = try entityGraph(input, directed: spec.directed, env, span, stage: "neighbors")
        // Breadth-first, one level at a time; every hop into an entity first reached at this level.
        var distance: [Int: Int] = [start: 0]
        var frontier = [start]
        var hops: [(depth: Int, from: Int, to: Int)] = []
        for depth in 1...maxDepth {
            var next: [Int] = []
            var seen = Set<Int64>()
            for u in frontier {
                try graph.eachNeighbor(of: u, step: { try step(span) }) { v in
                    if let d = distance[v], d < depth { return }
                    if distance[v] == nil { distance[v] = depth; next.append(v) }
                    if seen.insert(Int64(u) << 32 | Int64(v)).inserted {
                        hops.append((depth, u, v))
                        try checkRows(hops.count, span, "neighbors")
                    }
                }
            }
            if next.isEmpty { break }
            frontier = next.sorted()
        }
        var rows: [(key: (Int, Int, Int, Int), row: Value)] = []
        for h in hops {
            try tick(span)
            let hop = graph.hop(h.from, h.to, corpus: corpus)
            let weight = hop.facts.count + hop.shared
            rows.append(((h.depth, -weight, h.to, h.from), .record(Record(keys: NeighborsSpec.columns, values: [
                .int(Int64(h.depth)), .entity(h.from), .entity(h.to), .string(hop.via), .int(Int64(weight)),
                .list(hop.facts.map(Value.fact)), .list(hop.docs.map(Value.document)),
            ]))))
        }
        rows.sort { $0.key < $1.key }
        return RowStream(rows: rows.map(\.row), columns: NeighborsSpec.columns)
    }
}
