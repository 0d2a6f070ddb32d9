/// CSV (RFC 4180 quoting) or TSV (tabs and line breaks in values written as spaces), with a header row.
/// Null is an empty field. Unless `exact`, every field is made safe for a terminal (`TerminalSanitizer`,
/// line breaks kept inside quoted CSV fields) and guarded against formula injection (`FormulaGuard`).
public struct DelimitedRenderer: Sendable {
    public let separator: Character
    /// Fields exactly as the data holds them (for programs; a spreadsheet may run a formula cell).
    public let exact: Bool

    public init(separator: Character, exact: Bool = false) {
        self.separator = separator
        self.exact = exact
    }

    public func render(_ t: Table, corpus: Corpus) -> String {
        var out = t.columns.map(field).joined(separator: String(separator)) + "\n"
        for row in t.rows {
            out += t.columns.map { c -> String in
                let v = ValueText.column(row, c, corpus: corpus)
                return v.isNull ? "" : field(ValueText.cell(v, corpus: corpus))
            }.joined(separator: String(separator)) + "\n"
        }
        return out
    }

    private func field(_ s: String) -> String {
        let s = exact ? s : FormulaGuard.guarded(TerminalSanitizer.clean(s))
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
            TerminalSanitizer.clean(s).replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
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
