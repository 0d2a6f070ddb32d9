/// `expand name = list`: one row per item of the list (none for an empty list or null), the item in the
/// named column.
extension Parser {
    mutating func parseExpand(_ start: Span) throws -> (kind: StageKind, end: Span) {
        let cols = try columns()
        guard cols.count == 1 else { throw error(.unexpectedToken, "expand takes one list field", cols[1].expr.span) }
        return (.expand(cols[0]), cols[0].expr.span)
    }
}

extension Checker {
    mutating func checkExpand(_ col: Column, _ s: StageInput) -> Row {
        let (n, t) = columns([col], s.ctx)[0]
        var r = s.row.withColumnsOfReference
        if r.columns != nil {
            if case let .list(inner) = t { r.columns![n] = inner } else { r.columns![n] = .any }
            if !r.order.contains(n) { r.order.append(n) }
        }
        return r
    }
}

extension Interpreter {
    func openExpand(_ input: RowStream, _ col: Column, _ span: Span, _ outer: Env) throws -> RowStream {
        let name = Column.outputNames([col])[0]
        var columns = input.columns
        if !columns.contains(name) { columns.append(name) }
        return flatMapping(input, columns: columns) { row in
            let v = try self.eval(col.expr, Env(row: row, locals: outer.locals))
            let items: [Value]
            switch v {
            case let .list(l): items = l
            case let .table(t): items = t.rows
            case .null: items = []
            default: items = [v]
            }
            try self.checkRows(items.count, span, "the result of expand")
            let base = self.fields.record(row)
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items {
                try self.tick(span)
                var rec = base
                rec.set(name, item)
                out.append(.record(rec))
            }
            return out
        }
    }
}
