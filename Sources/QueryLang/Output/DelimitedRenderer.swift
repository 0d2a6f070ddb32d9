/// CSV (RFC 4180 quoting) or TSV (tabs and line breaks in values written as spaces), with a header row.
/// Null is an empty field. Like JSON, these formats are for other programs: a reference is written as its
/// id (so that a row joins back to the catalog), and a list or record as JSON inside the cell. Unless
/// `exact`, every field is made safe for a terminal (`TerminalSanitizer`, line breaks kept inside quoted
/// CSV fields) and guarded against formula injection (`FormulaGuard`).
public struct DelimitedRenderer: Sendable {
    /// `,` for CSV, a tab for TSV.
    public let separator: Character
    /// Fields exactly as the data holds them (for programs; a spreadsheet may run a formula cell).
    public let exact: Bool

    /// A CSV (`","`) or TSV (`"\t"`) writer: `DelimitedRenderer(separator: ",").render(table, corpus: corpus)`.
    public init(separator: Character, exact: Bool = false) {
        self.separator = separator
        self.exact = exact
    }

    /// The header row and a line per row.
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
        let s = exact ? s : FormulaGuard.guarded(TerminalSanitizer.clean(s))
        // Scalars, not Characters: a comma, quote, tab or line break followed by a combining mark is one
        // Character, but a CSV or TSV reader sees the byte.
        if separator == "\t" {
            guard s.unicodeScalars.contains(where: { $0 == "\t" || isLineBreak($0) }) else { return s }
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars { out.append(u == "\t" || isLineBreak(u) ? " " : u) }
            return String(out)
        }
        let sep = separator.unicodeScalars.first!
        guard s.unicodeScalars.contains(where: { $0 == sep || $0 == "\"" || isLineBreak($0) }) else { return s }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for u in s.unicodeScalars {
            if u == "\"" { out.append("\"") }
            out.append(u)
        }
        out.append("\"")
        return String(out)
    }
}

/// Line feed, carriage return, vertical tab, form feed, NEL, line and paragraph separators.
func isLineBreak(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
}
