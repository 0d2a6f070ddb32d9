/// Aligned text tables fitted to a width, with a row cap and a footer saying what was left out.
///
/// Numbers are right-aligned (a column whose values are all numbers or null), with thousands separators
/// in a column that holds a number of 10,000 or more (so that years such as 2014 read as years). The columns of keyword in context, `left`
/// just before `match`, are aligned on the keyword: `left` is right-aligned and, when it must be cut,
/// loses its far end. A row wider than the width is shown expanded (one field per line) when
/// ``Options/expanded`` is `.auto`.
public struct TableRenderer: Sendable {
    /// Whether rows are shown as a table or one field per line (`.mode expanded` in the REPL).
    public enum Expanded: String, Sendable, CaseIterable {
        /// Always a table (the widest columns are cut to fit).
        case off
        /// Always one field per line.
        case on
        /// A table when its rows fit the width, else one field per line.
        case auto
    }

    /// How a table is fitted and shown.
    public struct Options: Sendable {
        /// Total width to fit (terminal columns); nil for no limit.
        public var width: Int?
        /// Rows shown at most; the footer counts the rest.
        public var maxRows: Int?
        /// Whether to set the header in bold and the footer dim with ANSI escapes (for a terminal).
        public var color: Bool
        /// Widest a column may be, in terminal columns; nil for no limit.
        public var maxColumnWidth: Int?
        /// Table, one field per line, or whichever fits.
        public var expanded: Expanded
        /// How a result of `render` is drawn (its width, colour and rows).
        public var chart = ChartStyle()
        /// Options; the defaults show every row at full width, as a table, without colour.
        public init(width: Int? = nil, maxRows: Int? = nil, color: Bool = false, maxColumnWidth: Int? = nil,
                    expanded: Expanded = .off) {
            self.width = width
            self.maxRows = maxRows
            self.color = color
            self.maxColumnWidth = maxColumnWidth
            self.expanded = expanded
        }
    }

    /// How tables are fitted and shown.
    public var options: Options

    /// A renderer: `TableRenderer(options: .init(width: 100, maxRows: 20)).render(table, corpus: corpus)`.
    public init(options: Options = .init()) { self.options = options }

    /// How a column is aligned and cut.
    enum Alignment { case left, right, keywordLeft }

    /// The table as aligned text, with a footer when rows were left out; values from the corpus are made
    /// safe for a terminal.
    public func render(_ t: Table, corpus: Corpus) -> String {
        let shown = options.maxRows.map { Array(t.rows.prefix(max(0, $0))) } ?? t.rows
        var numeric = Array(repeating: true, count: t.columns.count)
        var sawNumber = Array(repeating: false, count: t.columns.count)
        var large = Array(repeating: false, count: t.columns.count)
        let values: [[Value]] = shown.map { row in t.columns.map { ValueText.column(row, $0, corpus: corpus) } }
        for r in values {
            for (i, v) in r.enumerated() {
                switch v {
                case let .int(n): sawNumber[i] = true; if n.magnitude >= 10_000 { large[i] = true }
                case let .float(f): sawNumber[i] = true; if abs(f) >= 10_000 { large[i] = true }
                case .null: break
                default: numeric[i] = false
                }
            }
        }
        var cells: [[String]] = values.map { r in
            r.enumerated().map { i, v in
                switch v {
                case .int, .float: return NumberText.text(v, grouped: large[i])
                case .null: return "null"
                default: return oneLine(TerminalSanitizer.clean(ValueText.cell(v, corpus: corpus)))
                }
            }
        }
        let align: [Alignment] = t.columns.indices.map { i in
            if t.columns[i] == "left", i + 1 < t.columns.count, t.columns[i + 1] == "match" { return .keywordLeft }
            return numeric[i] && sawNumber[i] ? .right : .left
        }
        let columns = t.columns.map { TerminalSanitizer.clean($0, singleLine: true) }
        var widths = columns.map { DisplayWidth.of($0) }
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        if let cap = options.maxColumnWidth, cap > 0 { widths = widths.map { min($0, max(cap, 1)) } }
        let natural = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if options.expanded == .on || (options.expanded == .auto && options.width.map { natural > $0 } == true) {
            return ExpandedRenderer(options: options).render(t, shown: shown, corpus: corpus)
        }
        if let limit = options.width { widths = fit(widths, to: limit) }
        cells = cells.map { r in
            r.enumerated().map { i, c in
                align[i] == .keywordLeft ? DisplayWidth.truncateHead(c, to: widths[i]) : DisplayWidth.truncate(c, to: widths[i])
            }
        }
        func place(_ s: String, _ i: Int) -> String {
            align[i] == .left ? DisplayWidth.pad(s, widths[i]) : DisplayWidth.padLeft(s, widths[i])
        }
        let (bold, dim, reset) = options.color ? ("\u{1B}[1m", "\u{1B}[2m", "\u{1B}[0m") : ("", "", "")
        var out = ""
        let header = columns.enumerated().map { place(DisplayWidth.truncate($1, to: widths[$0]), $0) }
        out += bold + header.joined(separator: "  ").trimmingTrailingSpaces() + reset + "\n"
        out += dim + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + reset + "\n"
        for r in cells {
            out += r.enumerated().map { place($1, $0) }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        out += dim + Self.footer(total: t.rows.count, shown: shown.count) + reset + "\n"
        return out
    }

    static func footer(total n: Int, shown: Int) -> String {
        var footer = "(\(n) row\(n == 1 ? "" : "s")"
        if shown < n { footer += ", \(n - shown) not shown: add | take N, or use .maxrows" }
        return footer + ")"
    }

    func oneLine(_ s: String) -> String {
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

/// Numbers as a table shows them: in a column that holds a number of 10,000 or more, every number with
/// thousands separators; otherwise plain (so that years such as 2014 read as years).
enum NumberText {
    static func text(_ v: Value, grouped: Bool) -> String {
        switch v {
        case let .int(i):
            return grouped ? group(String(i.magnitude), negative: i < 0) : String(i)
        case let .float(f):
            let s = Preview.formatFloat(f)
            guard grouped, f.isFinite, !s.contains("e"), let dot = s.firstIndex(of: ".") else { return s }
            let whole = s[s.startIndex..<dot].drop { $0 == "-" }
            return group(String(whole), negative: f < 0) + s[dot...]
        default:
            return ""
        }
    }

    /// A number on its own (the expanded display): separators from 10,000 on.
    static func grouped(_ v: Value) -> String {
        switch v {
        case let .int(i): return text(v, grouped: i.magnitude >= 10_000)
        case let .float(f): return text(v, grouped: abs(f) >= 10_000)
        default: return ""
        }
    }

    private static func group(_ digits: String, negative: Bool) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (negative ? "-" : "") + out
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
@_spi(MQInternals) public enum DisplayWidth {
    @_spi(MQInternals) public static func of(_ s: String) -> Int {
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

    @_spi(MQInternals) public static func pad(_ s: String, _ width: Int) -> String {
        let w = of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    @_spi(MQInternals) public static func padLeft(_ s: String, _ width: Int) -> String {
        let w = of(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    /// `s` cut to `width` at its start: "…the end of the text".
    @_spi(MQInternals) public static func truncateHead(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        var kept: [Character] = []
        var w = 0
        for ch in s.reversed() {
            let cw = of(String(ch))
            if w + cw > width - 1 { break }
            kept.append(ch)
            w += cw
        }
        return "…" + String(kept.reversed())
    }

    @_spi(MQInternals) public static func truncate(_ s: String, to width: Int) -> String {
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
