/// `paths from A to B [directed] [max N]`: the shortest paths between two entities in the graph of the
/// input rows (facts, mentions, or both: see ``EntityGraph``), with the evidence of every hop.
///
/// One row per hop: `path` (1, 2, ... up to `max`, default 10), `step` (1 for the hop that leaves A),
/// `from` and `to` (the hop's entities, in the walk's order), `via` (the predicates of the facts joining
/// them, `(reverse)` when a fact reads from `to` to `from`, and `cooccur` when they share documents),
/// `weight` (how many facts and shared documents), `facts` and `docs` (the evidence). Every path is as
/// short as the shortest; when there are more than `max`, the first `max` in the order of the walk (by
/// catalog order at each step). No path: no rows. A to itself: no rows.
///
/// The search is breadth-first from both ends at once, always widening the smaller side, so that two
/// entities joined through a hub of thousands of documents meet without the whole graph being walked.
@_spi(MQInternals) public struct PathsSpec: Sendable, Equatable {
    /// The entity the paths start from.
    @_spi(MQInternals) public var from: Expr
    /// The entity the paths end at.
    @_spi(MQInternals) public var to: Expr
    /// Whether facts are followed from subject to object only.
    @_spi(MQInternals) public var directed: Bool
    /// How many paths at most (default 10).
    @_spi(MQInternals) public var max: Expr?

    static let defaultMax = 10
    static let maxPaths = 10_000
    static let columns = ["path", "step", "from", "to", "via", "weight", "facts", "docs"]

    func formatted(_ e: (Expr) -> String) -> String {
        "paths from " + e(from) + " to " + e(to) + (directed ? " directed" : "") + (max.map { " max " + e($0) } ?? "")
    }
}

extension Parser {
    mutating func parsePaths(_ start: Span) throws -> (kind: StageKind, end: Span) {
        guard atWord("from") else {
            throw error(.unexpectedToken, "expected 'from' after 'paths'", current.span, hints: ["paths from \"kataib-hezbollah\" to \"iran\""])
        }
        advance()
        let from = try binary(0)
        guard atWord("to") else {
            throw error(.unexpectedToken, "expected 'to' and the other entity after 'paths from ...'", current.span,
                        hints: ["paths from \"kataib-hezbollah\" to \"iran\""])
        }
        advance()
        let to = try binary(0)
        let options = try graphOptions(count: "max", after: to.span)
        return (.paths(PathsSpec(from: from, to: to, directed: options.directed, max: options.count)), options.end)
    }
}

extension Checker {
    mutating func checkPaths(_ spec: PathsSpec, _ s: StageInput) -> Row {
        let st = s.stage, input = s.row, outer = s.outer
        checkGraphInput(st, input)
        checkEntityArgument(spec.from, outer, stage: "paths")
        checkEntityArgument(spec.to, outer, stage: "paths")
        checkGraphCount(spec.max, outer, max: PathsSpec.maxPaths, what: "paths max")
        return Checker.recordRow([("path", .int), ("step", .int), ("from", .entity), ("to", .entity), ("via", .string),
                                  ("weight", .int), ("facts", .list(.fact)), ("docs", .list(.document))])
    }
}

extension Interpreter {
    func openPaths(_ input: PlanNode, _ spec: PathsSpec, _ node: PlanNode, _ env: Env) throws -> RowStream {
        let span = node.span
        let a = try graphEntity(spec.from, env, stage: "paths")
        let b = try graphEntity(spec.to, env, stage: "paths")
        let limit = Swift.min(try graphCount(spec.max, default: PathsSpec.defaultMax, max: PathsSpec.maxPaths, env, what: "paths max"),
                              node.rowCap ?? .max)
        let graph = try entityGraph(input, directed: spec.directed, env, span, stage: "paths")
        let found = try shortestPaths(graph, from: a, to: b, limit: limit, span)
        var rows: [Value] = []
        for (n, path) in found.enumerated() {
            for k in 0..<(path.count - 1) {
                try tick(span)
                let hop = graph.hop(path[k], path[k + 1], corpus: corpus)
                rows.append(.record(Record(keys: PathsSpec.columns, values: [
                    .int(Int64(n + 1)), .int(Int64(k + 1)), .entity(path[k]), .entity(path[k + 1]), .string(hop.via),
                    .int(Int64(hop.facts.count + hop.shared)),
                    .list(hop.facts.map(Value.fact)), .list(hop.docs.map(Value.document)),
                ])))
                try checkRows(rows.count, span, "paths")
            }
        }
        return RowStream(rows: rows, columns: PathsSpec.columns)
    }

    /// Up to `limit` shortest paths from `a` to `b` (each a list of entities, `a` first).
    ///
    /// Both ends grow a breadth-first search, one whole level at a time, the side with the smaller
    /// frontier first; each entity reached keeps every entity of the level before that reached it. When a
    /// level reaches entities the other side has reached, the shortest length is the least sum of the two
    /// distances among them, and every shortest path goes through exactly one of those with that sum (they
    /// all lie at the same distance from the side that grew last). The paths are the chains back to
    /// either end joined at those entities.
    func shortestPaths(_ g: EntityGraph, from a: Int, to b: Int, limit: Int, _ span: Span) throws -> [[Int]] {
        guard a != b, limit > 0 else { return [] }
        // Distance and predecessors of each entity reached, from each end. A directed walk grows b's
        // side backwards, from the objects of facts to their subjects.
        var side = [Search(start: a), Search(start: b)]
        while !side[0].frontier.isEmpty && !side[1].frontier.isEmpty {
            let s = side[0].frontier.count <= side[1].frontier.count ? 0 : 1
            let other = 1 - s
            var next: [Int] = []
            let depth = side[s].depth + 1
            for u in side[s].frontier {
                let visit: (Int) throws -> Void = { v in
                    if let d = side[s].distance[v] {
                        if d == depth && side[s].predecessors[v]?.last != u { side[s].predecessors[v, default: []].append(u) }
                        return
                    }
                    side[s].distance[v] = depth
                    side[s].predecessors[v] = [u]
                    next.append(v)
                }
                try g.eachNeighbor(of: u, reverse: s == 1, step: { try step(span) }, visit)
            }
            side[s].depth = depth
            side[s].frontier = next.sorted()
            // Where the two searches meet.
            var best = Int.max
            var meet: [Int] = []
            for v in side[s].frontier {
                guard let d = side[other].distance[v] else { continue }
                if depth + d < best { best = depth + d; meet = [v] } else if depth + d == best { meet.append(v) }
            }
            guard !meet.isEmpty else { continue }
            var paths: [[Int]] = []
            for m in meet {
                for head in try side[0].chains(to: m, limit: limit - paths.count, span, self) {
                    for tail in try side[1].chains(to: m, limit: limit - paths.count, span, self) {
                        paths.append(head + tail.reversed().dropFirst())
                        if paths.count >= limit { return paths }
                    }
                }
            }
            return paths
        }
        return []
    }

    /// One end's breadth-first search.
    struct Search {
        var distance: [Int: Int]
        var predecessors: [Int: [Int]] = [:]
        var frontier: [Int]
        var depth = 0
        init(start: Int) {
            distance = [start: 0]
            frontier = [start]
        }

        /// Up to `limit` chains from the start to `v` (start first), in catalog order at each step.
        func chains(to v: Int, limit: Int, _ span: Span, _ interpreter: Interpreter) throws -> [[Int]] {
            guard let preds = predecessors[v] else { return [[v]] }
            var out: [[Int]] = []
            for p in preds.sorted() {
                try interpreter.step(span)
                for c in try chains(to: p, limit: limit - out.count, span, interpreter) {
                    out.append(c + [v])
                    if out.count >= limit { return out }
                }
            }
            return out
        }
    }
}
