/// `extend name = expr, ...`: each row as a record with the new columns added (or replaced); the record
/// keeps the reference it was made from, so navigation still works after it.
extension Parser {
    mutating func parseExtend(_ start: Span) throws -> (kind: StageKind, end: Span) {
        let cols = try columns()
        return (.extend(cols), cols.last!.expr.span)
    }
}

extension Checker {
    mutating func checkExtend(_ cols: [Column], _ s: StageInput) -> Row {
        let added = columns(cols, s.ctx)
        var r = s.row.withColumnsOfReference
        if r.columns != nil {
            for (n, t) in added { r.columns![n] = t; if !r.order.contains(n) { r.order.append(n) } }
        }
        return r
    }
}

extension Interpreter {
    func openExtend(_ input: RowStream, _ cols: [Column], _ outer: Env) throws -> RowStream {
        let names = Column.outputNames(cols)
        var columns = input.columns
        for n in names where !columns.contains(n) { columns.append(n) }
        return mapping(input, columns: columns) { row in
            let env = Env(row: row, locals: outer.locals)
            var rec = self.fields.record(row)
            for (n, c) in zip(names, cols) { rec.set(n, try self.eval(c.expr, env)) }
            return .record(rec)
        }
    }
}
