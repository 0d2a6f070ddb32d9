/// Aligned text tables fitted to a width, with a row cap and a footer saying what was left out.
public struct TableRenderer: Sendable {
    public struct Options: Sendable {
        /// Total width to fit (terminal columns); nil for no limit.
        public var width: Int?
        /// Rows shown at most; the footer counts the rest.
        public var maxRows: Int?
        public var color: Bool
        public init(width: Int? = nil, maxRows: Int? = nil, color: Bool = false) {
            self.width = width
            self.maxRows = maxRows
            self.color = color
        }
    }

    public var options: Options

    public init(options: Options = .init()) { self.options = options }

    public func render(_ t: Table, corpus: Corpus) -> String {
        let shown = options.maxRows.map { Array(t.rows.prefix(max(0, $0))) } ?? t.rows
        var cells: [[String]] = shown.map { row in
            t.columns.map { c in
                let v = ValueText.column(row, c, corpus: corpus)
                return oneLine(TerminalSanitizer.clean(ValueText.cell(v, corpus: corpus)))
            }
        }
        let columns = t.columns.map { TerminalSanitizer.clean($0, singleLine: true) }
        var widths = columns.map { DisplayWidth.of($0) }
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        if let limit = options.width { widths = fit(widths, to: limit) }
        cells = cells.map { r in r.enumerated().map { DisplayWidth.truncate($1, to: widths[$0]) } }
        let (bold, dim, reset) = options.color ? ("\u{1B}[1m", "\u{1B}[2m", "\u{1B}[0m") : ("", "", "")
        var out = ""
        let header = columns.enumerated().map { DisplayWidth.pad(DisplayWidth.truncate($1, to: widths[$0]), widths[$0]) }
        out += bold + header.joined(separator: "  ").trimmingTrailingSpaces() + reset + "\n"
        out += dim + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + reset + "\n"
        for r in cells {
            out += r.enumerated().map { DisplayWidth.pad($1, widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        let n = t.rows.count
        var footer = "(\(n) row\(n == 1 ? "" : "s")"
        if shown.count < n { footer += ", \(n - shown.count) not shown: add | take N, or use .maxrows" }
        out += dim + footer + ")" + reset + "\n"
        return out
    }

    private func oneLine(_ s: String) -> String {
        s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") : s
    }

    /// Shrinks the widest columns until the row fits (never below 6 characters).
    private func fit(_ widths: [Int], to limit: Int) -> [Int] {
        var w = widths
        let gaps = 2 * max(0, w.count - 1)
        while w.reduce(0, +) + gaps > limit {
            guard let i = w.indices.max(by: { w[$0] < w[$1] }), w[i] > 6 else { break }
            let excess = w.reduce(0, +) + gaps - limit
            let second = w.enumerated().filter { $0.offset != i }.map(\.element).max() ?? 6
            w[i] = max(6, max(second, w[i] - excess))
            if w[i] == second && w[i] > 6 { w[i] -= 1 }
        }
        return w
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Terminal display width: wide East Asian characters take two columns, combining marks none.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += width(u) }
        return w
    }

    static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    public static func pad(_ s: String, _ width: Int) -> String {
        let w = of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    public static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        var out = ""
        var w = 0
        for ch in s {
            let cw = of(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }
}
