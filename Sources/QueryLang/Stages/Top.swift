/// `top N by k [asc|desc], ...`: the first N rows in the order of the keys (descending unless written
/// otherwise); the sort of `sort` (Stages/Sort.swift) with a count, picked with a bounded heap.
extension Parser {
    mutating func parseTop(_ start: Span) throws -> (kind: StageKind, end: Span) {
        let n = try binary(0)
        guard atWord("by") else { throw error(.unexpectedToken, "expected 'by' after 'top \(describe(n))'", current.span, hints: ["top 10 by count"]) }
        advance()
        let keys = try sortKeys(defaultDescending: true)
        return (.top(n, keys), keys.last!.expr.span)
    }
}

extension Checker {
    mutating func checkTop(_ n: Expr, _ keys: [SortKey], _ s: StageInput) -> Row {
        countArgument(n, s.outer, "top")
        return checkSort(keys, s)
    }
}

extension Interpreter {
    func openTop(_ input: RowStream, _ count: Expr, _ keys: [SortKey], _ node: PlanNode, _ env: Env) throws -> RowStream {
        let n = try countArgument(count, env, "top")
        return try openSort(input, keys, n, node, env)
    }
}
