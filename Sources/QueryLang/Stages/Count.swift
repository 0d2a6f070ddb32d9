/// `count`: one row with the number of input rows (counted as they flow, never held).
extension Parser {
    mutating func parseCount(_ start: Span) throws -> (kind: StageKind, end: Span) { (.count, start) }
}

extension StageOutput {
    static let count: StageOutput = [("count", .int)]
}

extension Checker {
    mutating func checkCount(_ s: StageInput) -> Row { records(StageOutput.count.columns, base: nil) }
}

extension Interpreter {
    func openCount(_ input: RowStream) throws -> RowStream {
        var n = 0
        while true {
            let rows = try input.next()
            if rows.isEmpty { break }
            n += rows.count
        }
        return RowStream(rows: [.record(Record(keys: StageOutput.count.names, values: [.int(Int64(n))]))], columns: StageOutput.count.names)
    }
}
