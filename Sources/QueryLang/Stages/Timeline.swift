/// `timeline`: the dated events of the input entities (their facts, and the own-text documents that
/// mention them), oldest first, undated facts last. Built from the postings (Runtime/TimelineRows.swift), column
/// by column: a `select` right after it reads only the columns it names. On batches, the same rows are
/// handed on as vectors (Columnar/TimelineColumns.swift).
extension Parser {
    mutating func parseTimeline(_ start: Span) throws -> (kind: StageKind, end: Span) { (.timeline, start) }
}

extension StageOutput {
    static let timeline: StageOutput = [("date", .date), ("entity", .entity), ("kind", .string), ("what", .string),
                                        ("source", .string), ("doc", .document), ("quote", .string)]
}

extension Checker {
    mutating func checkTimeline(_ s: StageInput) -> Row {
        requireInput(.entity, s, example: "entities | where id == \"...\" | timeline")
        return records(StageOutput.timeline.columns, base: nil)
    }
}

extension Interpreter {
    func openTimeline(_ input: RowStream, _ span: Span) throws -> RowStream {
        let t = try timeline(input, span).table()
        return RowStream(rows: t.rows, columns: t.columns)
    }

    func timeline(_ input: RowStream, _ span: Span) throws -> TimelineRows {
        let rows = try input.collect { try checkRows($0, span, "the input of 'timeline'") }
        return try timeline(Table(rows: rows, columns: input.columns), span)
    }
}
