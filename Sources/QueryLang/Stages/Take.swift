/// `take N`: the first N rows. Nothing above it is asked for more.
extension Interpreter {
    func openTake(_ input: RowStream, _ n: Int) throws -> RowStream {
        var left = n
        return RowStream(columns: input.columns) { max in
            guard left > 0 else { return [] }
            let rows = try input.next(Swift.min(max, left))
            left -= rows.count
            return rows
        }
    }
}
