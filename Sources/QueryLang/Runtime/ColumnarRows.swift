/// Rows a stage produces column by column (``TimelineRows``): the value of a row in a column is computed
/// when it is read. A `select` right after such a stage reads only the columns its expressions name, so
/// the record of every column of every row is never built; any other stage gets the rows as records.
protocol ColumnarRows {
    var columns: [String] { get }
    var count: Int { get }
    func value(_ row: Int, _ column: Int) -> Value
    /// Touches, in one tight loop, the memory that reading `fields` of `column` will need for these rows
    /// (scattered over a large corpus, it is fetched many rows at a time rather than one miss per row);
    /// returns anything computed from it, so that the reads are done. Changes nothing.
    func warm(_ rows: Range<Int>, column: Int, fields: [String]) -> Int
    /// The document in `column` of `row`, when that column holds only documents (nil for other columns):
    /// `select` then reads `doc.id` straight from the corpus's list of ids.
    func document(_ row: Int, _ column: Int) -> Int?
}

extension ColumnarRows {
    func warm(_ rows: Range<Int>, column: Int, fields: [String]) -> Int { 0 }
    func document(_ row: Int, _ column: Int) -> Int? { nil }

    /// A row as the record of all its columns: what the stage's table holds.
    func record(_ row: Int) -> Value {
        .record(Record(keys: columns, values: columns.indices.map { value(row, $0) }))
    }

    /// The rows as a table of records.
    func table() -> Table {
        Table(rows: (0..<count).map(record), columns: columns)
    }
}

/// How a `select` column reads a columnar row: a column, then fields of its value in turn (`doc.id`), or,
/// for any other expression, the expression evaluated on the row's record. Either gives what evaluating the
/// expression on the record gives, with the same steps counted and the same errors.
struct ColumnRead {
    /// The column a bare name reads (a name that is not a function parameter), with the name's span; nil
    /// when the expression is evaluated on the record.
    var column: (index: Int, span: Span)?
    /// Fields read from the column's value, innermost first, each with the span of its `.field`.
    var fields: [(name: String, span: Span)] = []
    var expression: Expr
}

extension Interpreter {
    /// What a select column's expression reads from rows with these columns.
    func columnRead(_ e: Expr, _ columns: [String], _ outer: Env) -> ColumnRead {
        var read = ColumnRead(column: nil, expression: e)
        var x = e
        while case let .field(base, name, span) = x {
            read.fields.insert((name.name, span), at: 0)
            x = base
        }
        // Names resolve to function parameters first, then to the row's fields (ColumnarRows.record).
        if case let .name(n, span) = x, outer.locals[n] == nil, let k = columns.firstIndex(of: n) {
            read.column = (k, span)
        } else {
            read.fields = []
        }
        return read
    }

    /// `select` on columnar rows: each output row built from the columns it reads; the record of the
    /// whole row only for a column that needs it. `limit` is how many rows the next stage keeps.
    func select(_ rows: some ColumnarRows, _ cols: [Column], _ outer: Env, limit: Int? = nil) throws -> Table {
        let names = Column.outputNames(cols)
        let reads = cols.map { columnRead($0.expr, rows.columns, outer) }
        let needsRecord = reads.contains { $0.column == nil }
        let documentIDs = corpus.documentIDs
        let n = min(rows.count, limit ?? .max)
        var out: [Value] = []
        out.reserveCapacity(n)
        // Rows are built a block at a time, each block's memory warmed first.
        let block = 256
        let warming = reads.compactMap { c in c.column.map { (column: $0.index, fields: c.fields.map(\.name)) } }
        for r in 0..<n {
            if r % block == 0 {
                let range = r..<min(n, r + block)
                for w in warming { warmed &+= rows.warm(range, column: w.column, fields: w.fields) }
            }
            let record = needsRecord ? rows.record(r) : nil
            var values: [Value] = []
            values.reserveCapacity(reads.count)
            for c in reads {
                guard let (k, span) = c.column else {
                    values.append(try eval(c.expression, Env(row: record, locals: outer.locals)))
                    continue
                }
                // A flat loop: the steps are counted, but the stack cannot grow here.
                try step(span)
                if c.fields.count == 1, c.fields[0].name == "id", let d = rows.document(r, k) {
                    // `doc.id`, the usual way to show a document: the same value and steps as the field read.
                    try step(c.fields[0].span)
                    values.append(.string(documentIDs[d]))
                    continue
                }
                var v = rows.value(r, k)
                for (name, span) in c.fields {
                    try step(span)
                    v = try field(v, name, span)
                }
                values.append(v)
            }
            out.append(.record(Record(keys: names, values: values)))
        }
        return Table(rows: out, columns: names)
    }
}
