/// `select name = expr, ...`: one record per row with the named columns.
extension Parser {
    mutating func parseSelect(_ start: Span) throws -> (kind: StageKind, end: Span) {
        if at(.star) {
            // `select *` keeps every column of the row; `select *, n = expr` adds columns, as extend does.
            let star = advance()
            let cols = consume(.comma) ? [Column.star(star.span)] + (try columns()) : [Column.star(star.span)]
            return (.select(cols), cols.count > 1 ? cols.last!.expr.span : star.span)
        }
        let cols = try columns()
        return (.select(cols), cols.last!.expr.span)
    }
}

extension Checker {
    mutating func checkSelect(_ cols: [Column], _ s: StageInput) -> Row {
        if cols.first?.isStar == true { return checkExtend(Array(cols.dropFirst()), s) }
        return records(columns(cols, s.ctx), base: nil)
    }
}

extension Planner {
    static func planSelect(_ input: PlanNode, _ cols: [Column]) -> PlanNode.Op {
        // `select *, n = ...` keeps every column of the row and adds the new ones: an extend.
        if cols.first?.isStar == true { return .extend(input, Array(cols.dropFirst())) }
        return .select(input, cols)
    }
}

extension Interpreter {
    /// A `select` node: over a `timeline` right before it, only the timeline columns it names are made.
    func openSelect(_ input: PlanNode, _ cols: [Column], _ node: PlanNode, _ env: Env) throws -> RowStream {
        if case let .timeline(source) = input.op {
            let t = try select(try timeline(try open(source, env), input.span), cols, env, limit: node.rowCap)
            return RowStream(rows: t.rows, columns: t.columns)
        }
        return try openSelect(try open(input, env), cols, env)
    }

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
