/// `timeline`: the dated events of the input entities (their facts, and the own-text documents that
/// mention them), oldest first, undated facts last. Built from the postings (Runtime/Timeline.swift), column
/// by column: a `select` right after it reads only the columns it names.
extension Interpreter {
    func timeline(_ input: RowStream, _ span: Span) throws -> TimelineRows {
        let rows = try input.collect { try checkRows($0, span, "the input of 'timeline'") }
        return try timeline(Table(rows: rows, columns: input.columns), span)
    }
}
