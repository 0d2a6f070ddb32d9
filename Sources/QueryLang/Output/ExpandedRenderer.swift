/// The expanded display of a table (`.mode line`, `\x` in the REPL, or a row too wide for the terminal):
/// each row as a block of `name  value` lines under a `── row N ──` rule, values wrapped to the width.
struct ExpandedRenderer: Sendable {
    let options: TableRenderer.Options

    func render(_ t: Table, shown: [Value], corpus: Corpus) -> String {
        let nameWidth = t.columns.map { DisplayWidth.of($0) }.max() ?? 0
        // Values wrap at the width; a value column narrower than 20 is not worth wrapping into.
        let valueWidth = options.width.map { max(20, $0 - nameWidth - 2) }
        let (bold, dim, reset) = options.color ? ("\u{1B}[1m", "\u{1B}[2m", "\u{1B}[0m") : ("", "", "")
        let ruleWidth = options.width.map { min($0, 80) } ?? 40
        var out = ""
        for (n, row) in shown.enumerated() {
            let title = "── row \(n + 1) "
            out += dim + title + String(repeating: "─", count: max(2, ruleWidth - DisplayWidth.of(title))) + reset + "\n"
            for c in t.columns {
                let v = ValueText.column(row, c, corpus: corpus)
                let text: String
                switch v {
                case .int, .float: text = NumberText.grouped(v)
                default: text = ValueText.cell(v, corpus: corpus)
                }
                let lines = Self.wrap(text, to: valueWidth)
                out += bold + DisplayWidth.pad(c, nameWidth) + reset + "  " + lines[0] + "\n"
                let indent = String(repeating: " ", count: nameWidth + 2)
                for l in lines.dropFirst() { out += indent + l + "\n" }
            }
        }
        out += dim + TableRenderer.footer(total: t.rows.count, shown: shown.count) + reset + "\n"
        return out
    }

    /// The text's lines (its own line breaks kept), each cut into pieces of at most `width` columns at
    /// spaces where it can.
    static func wrap(_ text: String, to width: Int?) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard let width, DisplayWidth.of(line) > width else { out.append(line); continue }
            var current = ""
            var currentWidth = 0
            for word in line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
                var word = word
                var w = DisplayWidth.of(word)
                if currentWidth > 0 && currentWidth + 1 + w > width {
                    out.append(current)
                    current = ""
                    currentWidth = 0
                }
                // A word longer than the width is cut into pieces.
                while w > width {
                    var piece = ""
                    var pw = 0
                    for ch in word {
                        let cw = DisplayWidth.of(String(ch))
                        if pw + cw > width { break }
                        piece.append(ch)
                        pw += cw
                    }
                    if !current.isEmpty { out.append(current); current = ""; currentWidth = 0 }
                    out.append(piece)
                    word = String(word.dropFirst(piece.count))
                    w = DisplayWidth.of(word)
                }
                if currentWidth > 0 { current += " "; currentWidth += 1 }
                current += word
                currentWidth += w
            }
            out.append(current)
        }
        return out.isEmpty ? [""] : out
    }
}
