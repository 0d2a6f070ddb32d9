/// `union (query)`: the input's rows, then the other query's; the columns of both.
extension Parser {
    mutating func parseUnion(_ start: Span) throws -> (kind: StageKind, end: Span) {
        let right = try postfix()
        return (.union(right), right.span)
    }
}

extension Checker {
    mutating func checkUnion(_ right: Expr, _ s: StageInput) -> Row {
        _ = type(right, s.outer)
        return Row(reference: nil, columns: nil)
    }
}

extension Interpreter {
    func openUnion(_ input: RowStream, _ rightExpr: Expr, _ span: Span, _ outer: Env) throws -> RowStream {
        let right = try tableValue(try eval(rightExpr, outer), rightExpr.span)
        var columns = input.columns
        for c in right.columns where !columns.contains(c) { columns.append(c) }
        let rest = RowStream(rows: right.rows, columns: right.columns)
        return RowStream(columns: columns) { max in
            let rows = try input.next(max)
            return rows.isEmpty ? try rest.next(max) : rows
        }
    }
}
