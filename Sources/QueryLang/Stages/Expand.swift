/// `expand name = list`: one row per item of the list (none for an empty list or null), the item in the
/// named column.
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
