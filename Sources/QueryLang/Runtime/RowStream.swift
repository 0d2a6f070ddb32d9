/// Rows flowing from one plan node to the next, pulled a batch at a time: a stage asks its input for at
/// most as many rows as it still needs, so a `take N` downstream stops every stage above it after N rows,
/// and a query whose answer is small never holds the rows it read on the way.
final class RowStream {
    /// How many rows a stage asks for when nothing downstream limits it.
    static let batch = 1024

    /// Column names in display order.
    let columns: [String]
    private let pull: (Int) throws -> [Value]
    private(set) var finished = false

    /// `pull(max)` returns between 1 and `max` rows, or none at the end.
    init(columns: [String], pull: @escaping (Int) throws -> [Value]) {
        self.columns = columns
        self.pull = pull
    }

    /// The rows of an array.
    convenience init(rows: [Value], columns: [String]) {
        var position = 0
        self.init(columns: columns) { max in
            let end = min(rows.count, position + max)
            defer { position = end }
            return Array(rows[position..<end])
        }
    }

    /// Between 1 and `max` more rows, or none once the input is exhausted.
    func next(_ max: Int = RowStream.batch) throws -> [Value] {
        if finished { return [] }
        let rows = try pull(Swift.max(1, max))
        if rows.isEmpty { finished = true }
        return rows
    }

    /// Every remaining row; `check` is told the count as it grows (to stop at a row limit).
    func collect(_ check: (Int) throws -> Void) throws -> [Value] {
        var out: [Value] = []
        while true {
            let rows = try next()
            if rows.isEmpty { return out }
            out += rows
            try check(out.count)
        }
    }

    /// Calls `body` on every remaining row, in order.
    func forEach(_ body: (Value) throws -> Void) throws {
        while true {
            let rows = try next()
            if rows.isEmpty { return }
            for r in rows { try body(r) }
        }
    }
}
