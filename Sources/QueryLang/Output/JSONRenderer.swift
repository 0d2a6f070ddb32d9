/// JSON: an array of row objects, or one object per line.
public struct JSONRenderer: Sendable {
    public init() {}

    func object(_ row: Value, _ columns: [String], corpus: Corpus) -> String {
        "{" + columns.map { JSONText.quote($0) + ":" + ValueText.json(ValueText.column(row, $0, corpus: corpus), corpus: corpus) }.joined(separator: ",") + "}"
    }

    public func array(_ t: Table, corpus: Corpus) -> String {
        "[" + t.rows.map { object($0, t.columns, corpus: corpus) }.joined(separator: ",\n ") + "]"
    }

    public func lines(_ t: Table, corpus: Corpus) -> String {
        t.rows.map { object($0, t.columns, corpus: corpus) + "\n" }.joined()
    }
}
