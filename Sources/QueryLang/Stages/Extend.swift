/// `extend name = expr, ...`: each row as a record with the new columns added (or replaced); the record
/// keeps the reference it was made from, so navigation still works after it.
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
