/// GitHub-flavoured Markdown tables.
public struct MarkdownRenderer: Sendable {
    /// A Markdown writer: `MarkdownRenderer().render(table, corpus: corpus)`.
    public init() {}

    /// The table as Markdown: a header row, a separator row and a row per result row; `|` in cells escaped.
    public func render(_ t: Table, corpus: Corpus) -> String {
        func esc(_ s: String) -> String {
            // A run of line breaks becomes one space (none at the ends): a Markdown cell stays on its line.
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            for u in TerminalSanitizer.clean(s).unicodeScalars {
                if isLineBreak(u) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                if u == "|" { out.append("\\") }
                out.append(u)
            }
            return String(out)
        }
        var out = "| " + t.columns.map(esc).joined(separator: " | ") + " |\n"
        out += "|" + t.columns.map { _ in " --- |" }.joined() + "\n"
        for row in t.rows {
            out += "| " + t.columns.map { esc(ValueText.cell(ValueText.column(row, $0, corpus: corpus), corpus: corpus)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
