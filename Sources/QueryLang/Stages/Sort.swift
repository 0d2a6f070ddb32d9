/// `sort by k [asc|desc], ...` and `top N by k`: a stable sort (ties keep their order; nulls last whichever
/// the direction). With a count (`top N`, or `sort | take N` made `top` by ``TopNPass``), only the first N
/// rows, picked with a bounded heap when they are a small part of the rows.
extension Parser {
    mutating func parseSort(_ start: Span) throws -> (kind: StageKind, end: Span) {
        guard atWord("by") else { throw error(.unexpectedToken, "expected 'by' after 'sort'", current.span, hints: ["sort by date desc"]) }
        advance()
        let keys = try sortKeys(defaultDescending: false)
        return (.sort(keys), keys.last!.expr.span)
    }
}

extension Checker {
    mutating func checkSort(_ keys: [SortKey], _ s: StageInput) -> Row {
        for k in keys { _ = type(k.expr, s.ctx) }
        return s.row
    }
}

extension Interpreter {
    func openSort(_ input: RowStream, _ keys: [SortKey], _ count: Int?, _ node: PlanNode, _ outer: Env) throws -> RowStream {
        let rows = try input.collect { try checkRows($0, node.span, "the input of '\(node.name)'") }
        var out = try sorted(rows, keys, outer, limit: count)
        if let count, out.count > count { out = Array(out.prefix(count)) }
        return RowStream(rows: out, columns: input.columns)
    }

    /// Stable sort by keys; with a limit, only the first `limit` rows, in order (the same rows a full
    /// stable sort puts first, since ties go by position).
    func sorted(_ rows: [Value], _ keys: [SortKey], _ outer: Env, limit: Int? = nil) throws -> [Value] {
        var keyed: [(row: Value, keys: [Value], index: Int)] = []
        keyed.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            let env = Env(row: row, locals: outer.locals)
            keyed.append((row, try keys.map { try eval($0.expr, env) }, i))
        }
        func before(_ a: (row: Value, keys: [Value], index: Int), _ b: (row: Value, keys: [Value], index: Int)) -> Bool {
            for (k, key) in keys.enumerated() {
                let x = a.keys[k], y = b.keys[k]
                // Nulls go last whichever the direction.
                if x.isNull != y.isNull { return y.isNull }
                var c = Value.compareForSort(x, y)
                if key.descending { c = -c }
                if c != 0 { return c < 0 }
            }
            return a.index < b.index
        }
        if let limit, limit < keyed.count / 4 {
            return TopN.select(keyed.count, limit) { before(keyed[$0], keyed[$1]) }.map { keyed[$0].row }
        }
        keyed.sort(by: before)
        return keyed.map(\.row)
    }
}
