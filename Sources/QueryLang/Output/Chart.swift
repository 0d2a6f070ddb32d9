/// A chart a result asks to be drawn as (the `render` stage, Stages/Render.swift): its kind and the
/// columns it reads. The table and line formats draw it with Unicode block characters fitted to
/// ``ChartStyle/width``; the data formats write the table's rows as they are.
public struct Chart: Sendable, Equatable {
    /// The charts `render` draws.
    public enum Kind: String, Sendable, CaseIterable {
        /// One horizontal bar a row: a label and a number.
        case bar
        /// Numbers summed by period of a date column, one panel per series.
        case timechart
        /// One line of periods per series: rows counted (or a number summed) by period.
        case sparkline
    }

    /// Which chart.
    public var kind: Kind
    /// The labels (bar) or the dates (timechart, sparkline).
    public var x: String
    /// The numbers; nil for a sparkline that counts rows (or a chart with nothing to read).
    public var y: String?
    /// The column whose values split the rows into series.
    public var series: String?

    /// A chart of `kind` reading the columns `x`, `y` and `series`.
    public init(kind: Kind, x: String, y: String?, series: String?) {
        self.kind = kind
        self.x = x
        self.y = y
        self.series = series
    }
}

/// How charts are drawn: the width to fit (the terminal's, or 80 columns when the output is not a
/// terminal), colour (only on a colour terminal), and how many bars or lines at most.
public struct ChartStyle: Sendable {
    /// Columns to fit (at least 24 are used).
    public var width: Int
    /// Whether to colour the bars and axes with ANSI codes: only for a colour terminal.
    public var color: Bool
    /// Bars (bar) or lines (sparkline) shown at most; a footer counts the rest. nil: all.
    public var maxRows: Int?
    /// 80 columns without colour, every row: the style for a file or a pipe.
    public init(width: Int = 80, color: Bool = false, maxRows: Int? = nil) {
        self.width = width
        self.color = color
        self.maxRows = maxRows
    }

    /// The narrowest width a chart is drawn at.
    static let minimumWidth = 24
    var fitted: Int { max(width, Self.minimumWidth) }
}

/// Draws a table's ``Chart``: the data read once, each kind in its own file.
enum ChartDrawing {
    static func draw(_ t: Table, _ chart: Chart, corpus: Corpus, style: ChartStyle) -> String {
        let data = ChartData(t, chart, corpus: corpus)
        var lines: [String]
        switch chart.kind {
        case .bar: lines = BarChart(data: data, style: style).lines()
        case .timechart: lines = TimeChart(data: data, style: style).lines()
        case .sparkline: lines = Sparklines(data: data, style: style).lines()
        }
        if t.rows.isEmpty { lines = ["(no rows to draw)"] }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The values a chart reads, one entry per row: the label or date, the number, the series (as text made
/// safe for a terminal, on one line).
struct ChartData {
    let chart: Chart
    var labels: [String] = []
    var dates: [PartialDate?] = []
    var numbers: [Double?] = []
    var series: [String?] = []
    /// Whether every number is whole (they are then shown without a fraction).
    var whole = true

    init(_ t: Table, _ chart: Chart, corpus: Corpus) {
        self.chart = chart
        for row in t.rows {
            let x = ValueText.column(row, chart.x, corpus: corpus)
            if chart.kind == .bar { labels.append(Self.text(x, corpus)) } else if case let .date(d) = x { dates.append(d) } else { dates.append(nil) }
            if let y = chart.y {
                let v = ValueText.column(row, y, corpus: corpus).asDouble.flatMap { $0.isFinite ? $0 : nil }
                if let v, v != v.rounded() { whole = false }
                numbers.append(v)
            } else {
                numbers.append(chart.kind == .sparkline ? 1 : nil)
            }
            if let s = chart.series { series.append(Self.text(ValueText.column(row, s, corpus: corpus), corpus)) }
            else { series.append(nil) }
        }
    }

    static func text(_ v: Value, _ corpus: Corpus) -> String {
        TerminalSanitizer.clean(ValueText.cell(v, corpus: corpus), singleLine: true)
    }

    /// A number as the chart shows it: whole numbers with separators from 10,000, others with at most
    /// three decimals.
    func format(_ v: Double) -> String {
        if whole, abs(v) < 9e15 { return NumberText.grouped(.int(Int64(v))) }
        let rounded = (v * 1000).rounded() / 1000
        return NumberText.grouped(.float(rounded))
    }

    /// The series in order of their totals, largest first (ties: first seen first), with their rows. The
    /// total counts the rows a time axis can place only when `dated`.
    func seriesByTotal(dated: Bool = false) -> [(name: String, rows: [Int], total: Double)] {
        var index: [String: Int] = [:]
        var out: [(name: String, rows: [Int], total: Double)] = []
        for i in series.indices {
            let name = series[i] ?? "null"
            let k: Int
            if let found = index[name] { k = found } else {
                k = out.count
                index[name] = k
                out.append((name, [], 0))
            }
            out[k].rows.append(i)
            if !dated || dates[i] != nil { out[k].total += max(0, numbers[i] ?? 0) }
        }
        return out.enumerated().sorted { a, b in
            a.element.total != b.element.total ? a.element.total > b.element.total : a.offset < b.offset
        }.map(\.element)
    }
}

/// Block characters and colours.
enum ChartInk {
    /// Eighths of a cell, left to right: ▏ (1/8) ... █ (8/8).
    static let horizontal: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// Eighths of a cell, bottom to top: ▁ (1/8) ... █ (8/8).
    static let vertical: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Bar colours, one per series in turn (cyan, yellow, magenta, green, blue, red).
    static let palette = ["36", "33", "35", "32", "34", "31"]

    /// A horizontal bar of `eighths` eighths of a cell.
    static func bar(_ eighths: Int) -> String {
        guard eighths > 0 else { return "" }
        var s = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { s.append(horizontal[eighths % 8 - 1]) }
        return s
    }

    /// `v` on a scale of `steps` where `top` is full: at least 1 for a value above zero, 0 for one at or
    /// below zero; a sum that overflowed to infinity is full, never a crash.
    static func level(_ v: Double, of top: Double, steps: Int, round: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int {
        guard v > 0, top > 0 else { return 0 }
        let r = v / top
        guard r.isFinite else { return v.isInfinite ? steps : 1 }
        return min(steps, max(1, Int((r * Double(steps)).rounded(round))))
    }

    /// Text (a title, a note) made safe and broken into lines of at most `width` columns at spaces; a
    /// word wider than that is cut with "…". Each line painted with `code` when `color`.
    static func wrap(_ text: String, _ width: Int, _ code: String, _ color: Bool) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in TerminalSanitizer.clean(text, singleLine: true).split(separator: " ") {
            let w = DisplayWidth.truncate(String(word), to: width)
            if line.isEmpty { line = w } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(w) <= width { line += " " + w } else {
                lines.append(line)
                line = w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { paint($0, code, color) }
    }

    static func paint(_ s: String, _ code: String, _ on: Bool) -> String {
        on && !s.isEmpty ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s
    }
}
