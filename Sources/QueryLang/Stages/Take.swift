/// `take N`: the first N rows. Nothing above it is asked for more.
extension Parser {
    mutating func parseTake(_ start: Span) throws -> (kind: StageKind, end: Span) {
        try expressionStage(StageKind.take)
    }
}

extension Checker {
    mutating func checkTake(_ n: Expr, _ s: StageInput) -> Row {
        countArgument(n, s.outer, "take")
        return s.row
    }
}

extension Interpreter {
    func openTake(_ input: RowStream, _ count: Expr, _ env: Env) throws -> RowStream {
        try openTake(input, try countArgument(count, env, "take"))
    }

    func openTake(_ input: RowStream, _ n: Int) throws -> RowStream {
        var left = n
        return RowStream(columns: input.columns) { max in
            guard left > 0 else { return [] }
            let rows = try input.next(Swift.min(max, left))
            left -= rows.count
            return rows
        }
    }
}
