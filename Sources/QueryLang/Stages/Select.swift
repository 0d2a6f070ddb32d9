/// `select name = expr, ...`: one record per row with the named columns.
extension Interpreter {
    func openSelect(_ input: RowStream, _ cols: [Column], _ outer: Env) throws -> RowStream {
        let names = Column.outputNames(cols)
        return mapping(input, columns: names) { row in
            let env = Env(row: row, locals: outer.locals)
            return .record(Record(keys: names, values: try cols.map { try self.eval($0.expr, env) }))
        }
    }

    /// One output row per input row, pulled as the consumer needs them.
    func mapping(_ input: RowStream, columns: [String], _ transform: @escaping (Value) throws -> Value) -> RowStream {
        RowStream(columns: columns) { max in try input.next(max).map(transform) }
    }
}

extension Interpreter {
    /// Zero or more output rows per input row, handed on as the consumer asks for them: the input is read
    /// one row at a time, so nothing is computed for rows the consumer will not take.
    func flatMapping(_ input: RowStream, columns: [String], _ transform: @escaping (Value) throws -> [Value]) -> RowStream {
        var pending: [Value] = []
        var position = 0
        return RowStream(columns: columns) { max in
            var out: [Value] = []
            while out.count < max {
                if position < pending.count {
                    let n = Swift.min(max - out.count, pending.count - position)
                    out += pending[position..<position + n]
                    position += n
                    continue
                }
                guard let row = try input.next(1).first else { break }
                pending = try transform(row)
                position = 0
            }
            return out
        }
    }
}
