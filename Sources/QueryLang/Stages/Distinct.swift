/// `distinct [cols]`: the first row of each distinct value (of the whole row, or of the named columns,
/// which then become the rows). Rows stream out as they are first seen; only the set of seen keys is held.
extension Parser {
    mutating func parseDistinct(_ start: Span) throws -> (kind: StageKind, end: Span) {
        if atStageEnd { return (.distinct([]), start) }
        let cols = try columns()
        return (.distinct(cols), cols.last!.expr.span)
    }
}

extension Checker {
    mutating func checkDistinct(_ cols: [Column], _ s: StageInput) -> Row {
        if cols.isEmpty { return s.row }
        return records(columns(cols, s.ctx), base: nil)
    }
}

extension Interpreter {
    func openDistinct(_ input: RowStream, _ cols: [Column], _ outer: Env) throws -> RowStream {
        var seen = Set<Value>()
        if cols.isEmpty {
            return filtering(input) { row in seen.insert(row).inserted }
        }
        let names = Column.outputNames(cols)
        let records = try openSelect(input, cols, outer)
        let kept = filtering(records) { rec in seen.insert(rec).inserted }
        return RowStream(columns: names) { max in try kept.next(max) }
    }
}
