/// `count`: one row with the number of input rows (counted as they flow, never held).
extension Interpreter {
    func openCount(_ input: RowStream) throws -> RowStream {
        var n = 0
        while true {
            let rows = try input.next()
            if rows.isEmpty { break }
            n += rows.count
        }
        return RowStream(rows: [.record(Record(keys: ["count"], values: [.int(Int64(n))]))], columns: ["count"])
    }
}
