/// Rows a stage produces column by column (``TimelineRows``): the value of a row in a column is computed
/// when it is read. A `select` right after such a stage reads only the columns its expressions name, so
/// the record of every column of every row is never built; any other stage gets the rows as records.
protocol ColumnarRows {
    var columns: [String] { get }
    var count: Int { get }
    func value(_ row: Int, _ column: Int) -> Value
}

extension ColumnarRows {
    /// A row as the record of all its columns: what the stage's table holds.
    func record(_ row: Int) -> Value {
        .record(Record(keys: columns, values: columns.indices.map { value(row, $0) }))
    }

    /// The rows as a table of records.
    func table() -> Table {
        Table(rows: (0..<count).map(record), columns: columns)
    }
}

/// How a `select` column reads a columnar row. Evaluating a read gives what evaluating its expression
/// on the row's record gives, with the same steps counted and the same errors.
indirect enum ColumnRead {
    /// A bare name that is a column of the rows (not shadowed by a function parameter).
    case column(Int, Span)
    /// `read.name`
    case field(ColumnRead, String, Span)
    /// Anything else: evaluated on the row's record.
    case expression(Expr)
}

extension Interpreter {
    /// The rows of a stage that produces them column by column, or nil for the other stages.
    func columnarRows(_ stage: Stage, _ input: Table) throws -> (any ColumnarRows)? {
        if case .timeline = stage.kind { return try timeline(input, stage.span) }
        return nil
    }

    /// What a select column's expression reads from rows with these columns.
    func columnRead(_ e: Expr, _ columns: [String], _ outer: Env) -> ColumnRead {
        switch e {
        case let .name(n, span):
            // Names resolve to function parameters first, then to the row's fields (ColumnarRows.record).
            if outer.locals[n] == nil, let k = columns.firstIndex(of: n) { return .column(k, span) }
        case let .field(base, name, span):
            let b = columnRead(base, columns, outer)
            if case .expression = b { break }
            return .field(b, name.name, span)
        default: break
        }
        return .expression(e)
    }

    /// `select` on columnar rows: each output row built from the columns it reads; the record of the
    /// whole row only for a column that needs it. `limit` is how many rows the next stage keeps.
    func select(_ rows: some ColumnarRows, _ cols: [Column], _ outer: Env, limit: Int? = nil) throws -> Table {
        let names = columnNames(cols)
        let reads = cols.map { columnRead($0.expr, rows.columns, outer) }
        let needsRecord = reads.contains { if case .expression = $0 { return true } else { return false } }
        let n = min(rows.count, limit ?? .max)
        var out: [Value] = []
        out.reserveCapacity(n)
        for r in 0..<n {
            let env = Env(row: needsRecord ? rows.record(r) : nil, locals: outer.locals)
            var values: [Value] = []
            values.reserveCapacity(reads.count)
            for c in reads { values.append(try read(c, rows, r, env)) }
            out.append(.record(Record(keys: names, values: values)))
        }
        return Table(rows: out, columns: names)
    }

    private func read(_ c: ColumnRead, _ rows: some ColumnarRows, _ r: Int, _ env: Env) throws -> Value {
        switch c {
        case let .column(k, span):
            try tick(span)
            return rows.value(r, k)
        case let .field(base, name, span):
            try tick(span)
            return try field(try read(base, rows, r, env), name, span)
        case let .expression(e):
            return try eval(e, env)
        }
    }
}
