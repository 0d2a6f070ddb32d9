/// CSV (RFC 4180 quoting) or TSV (tabs and line breaks in values written as spaces), with a header row.
/// Null is an empty field. Like JSON, these formats are for other programs: a reference is written as its
/// id (so that a row joins back to the catalog), and a list or record as JSON inside the cell.
public struct DelimitedRenderer: Sendable {
    public let separator: Character

    public init(separator: Character) { self.separator = separator }

    public func render(_ t: Table, corpus: Corpus) -> String {
        var out = t.columns.map(field).joined(separator: String(separator)) + "\n"
        for row in t.rows {
            out += t.columns.map { c -> String in
                let v = ValueText.column(row, c, corpus: corpus)
                return v.isNull ? "" : field(ValueText.dataCell(v, corpus: corpus))
            }.joined(separator: String(separator)) + "\n"
        }
        return out
    }

    private func field(_ s: String) -> String {
        if separator == "\t" {
            return String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        if s.contains(where: { $0 == separator || $0 == "\"" || $0.isNewline }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

/// GitHub-flavoured Markdown tables.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ t: Table, corpus: Corpus) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        var out = "| " + t.columns.map(esc).joined(separator: " | ") + " |\n"
        out += "|" + t.columns.map { _ in " --- |" }.joined() + "\n"
        for row in t.rows {
            out += "| " + t.columns.map { esc(ValueText.cell(ValueText.column(row, $0, corpus: corpus), corpus: corpus)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

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
