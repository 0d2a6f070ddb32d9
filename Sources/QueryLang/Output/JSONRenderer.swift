/// JSON: an array of row objects, or one object per line.
public struct JSONRenderer: Sendable {
    /// A JSON writer: `JSONRenderer().array(table, corpus: corpus)`.
    public init() {}

    func object(_ row: Value, _ columns: [String], corpus: Corpus) -> String {
        "{" + columns.map { JSONText.quote($0) + ":" + ValueText.json(ValueText.column(row, $0, corpus: corpus), corpus: corpus) }.joined(separator: ",") + "}"
    }

    /// The rows as one JSON array of objects (column name to value), as `--format json` writes them.
    public func array(_ t: Table, corpus: Corpus) -> String {
        "[" + t.rows.map { object($0, t.columns, corpus: corpus) }.joined(separator: ",\n ") + "]"
    }

    /// One JSON object a line, as `--format jsonl` writes them.
    public func lines(_ t: Table, corpus: Corpus) -> String {
        t.rows.map { object($0, t.columns, corpus: corpus) + "\n" }.joined()
    }
}
