/// `render timechart`: the numbers of each period of a date column as columns of block characters, eight
/// lines high (four with two or three series, two with more), one panel per series on a shared scale
/// and a shared time axis.
///
/// ```text
/// n by period, a column per year
///  4 ┤    █
///    │    █  ▄
///  0 └──────────
///     2013    2025
/// ```
/// The axis runs from the earliest period to the latest with every period between (an empty one is a
/// gap). Its unit is that of the finest date; a week, a quarter, 5 or 10 years when the dates all start
/// one, as `bin`'s do (``PeriodAxis``). Rows of the same period (and series) are summed. When there are
/// more periods than columns, a column sums several (the title says how many). Rows without a date, with a
/// date coarser than the axis (a year on a month axis: it is in no month), or without a number are not
/// drawn, and a footer counts them. Series are drawn largest total first, eight at most.
struct TimeChart {
    let data: ChartData
    let style: ChartStyle
    static let maxPanels = 8

    func lines() -> [String] {
        let chart = data.chart
        let dated = data.dates.compactMap { $0 }
        guard chart.y != nil, let axis = PeriodAxis.inferred(from: dated) else {
            return title(nil, 1) + ["(no dated rows to draw)"] + notes(axis: nil)
        }
        var all = data.seriesByTotal(dated: true)
        if chart.series == nil { all = [("", Array(data.dates.indices), 0)] }
        let panels = Array(all.prefix(Self.maxPanels))
        let height = panels.count == 1 ? 8 : panels.count <= 3 ? 4 : 2
        // The scale's label is known only after summing, and summing depends on how many columns are left
        // beside the label: fit them again while a wider label takes room (columns only grow wider).
        var group = 1
        var sums = panels.map { p in column(p.rows, axis, group: 1) }
        var labelWidth = 1
        for _ in 0..<4 {
            let peak = max(0, sums.flatMap { $0 }.max() ?? 0)
            labelWidth = max(labelWidth, DisplayWidth.of(data.format(peak)))
            let room = max(1, style.fitted - labelWidth - 2)
            let needed = (axis.count + room - 1) / room
            if needed == group { break }
            group = needed
            sums = panels.map { p in column(p.rows, axis, group: group) }
        }
        let top = max(0, sums.flatMap { $0 }.max() ?? 0)
        let topText = data.format(top)
        let columns = sums.first?.count ?? 0
        var out = title(axis, group)
        for (k, p) in panels.enumerated() {
            let colour = ChartInk.palette[k % ChartInk.palette.count]
            if chart.series != nil { out.append(ChartInk.paint(DisplayWidth.truncate(p.name, to: style.fitted), colour, style.color)) }
            let eighths = sums[k].map { ChartInk.level($0, of: top, steps: height * 8) }
            for r in (0..<height).reversed() {
                let head = r == height - 1 ? DisplayWidth.padLeft(topText, labelWidth) + " ┤" : String(repeating: " ", count: labelWidth) + " │"
                var cells = String(eighths.map { e -> Character in
                    let level = e - r * 8
                    return level >= 8 ? "█" : level > 0 ? ChartInk.vertical[level - 1] : " "
                })
                while cells.last == " " { cells.removeLast() }
                out.append(ChartInk.paint(head, "2", style.color) + ChartInk.paint(cells, colour, style.color))
            }
            out.append(ChartInk.paint(DisplayWidth.padLeft("0", labelWidth) + " └" + String(repeating: "─", count: columns), "2", style.color))
        }
        out.append(String(repeating: " ", count: labelWidth + 2) + Self.ticks(columns) { axis.label($0 * group) })
        if all.count > panels.count {
            let rest = all.dropFirst(panels.count)
            out += ChartInk.wrap("… \(rest.count) more series not drawn (the smallest totals: \(rest.prefix(3).map(\.name).joined(separator: ", "))\(rest.count > 3 ? ", …" : ""))",
                                 style.fitted, "2", style.color)
        }
        return out + notes(axis: axis)
    }

    /// The sum of each column of `group` periods over the rows `rows`.
    private func column(_ rows: [Int], _ axis: PeriodAxis, group: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: (axis.count + group - 1) / group)
        for i in rows {
            guard let d = data.dates[i], let p = axis.index(d), let v = data.numbers[i] else { continue }
            sums[p / group] += v
        }
        return sums
    }

    private func title(_ axis: PeriodAxis?, _ group: Int) -> [String] {
        let c = data.chart
        var t = "\(c.y ?? "value") by \(c.x)" + (c.series.map { " and \($0)" } ?? "")
        if let axis { t += ", a column per \(axis.name(times: group))" }
        return ChartInk.wrap(t, style.fitted, "1", style.color)
    }

    /// What was not drawn, and why.
    private func notes(axis: PeriodAxis?) -> [String] {
        var out: [String] = []
        let undated = data.dates.filter { $0 == nil }.count
        if undated > 0 { out.append("\(Self.rows(undated)) without a date in '\(data.chart.x)' not drawn") }
        if let axis {
            var coarse: [PartialDate.Precision: Int] = [:]
            for d in data.dates.compactMap({ $0 }) where axis.index(d) == nil { coarse[d.precision, default: 0] += 1 }
            for (p, n) in coarse.sorted(by: { $0.key < $1.key }) {
                out.append("\(Self.rows(n)) dated only to the \(p.name) not drawn (a \(p.name) is in no single \(axis.name()))")
            }
        }
        if data.chart.y != nil {
            let missing = data.numbers.filter { $0 == nil }.count
            if missing > 0 { out.append("\(Self.rows(missing)) without a number in '\(data.chart.y!)' not counted") }
        }
        return out.flatMap { ChartInk.wrap($0, style.fitted, "2", style.color) }
    }

    static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

    /// Labels under `columns` columns: the first at the left, the last ending at the right, the middle one
    /// centred, each only where it leaves two spaces to its neighbours.
    static func ticks(_ columns: Int, _ label: (Int) -> String) -> String {
        guard columns > 0 else { return "" }
        var line = [Character](repeating: " ", count: max(columns, DisplayWidth.of(label(0))))
        var taken: [ClosedRange<Int>] = []
        func place(_ text: String, at start: Int) {
            let chars = Array(text)
            guard !chars.isEmpty else { return }
            let range = start...(start + chars.count - 1)
            guard start >= 0, range.upperBound < line.count,
                  !taken.contains(where: { $0.lowerBound - 2 <= range.upperBound && range.lowerBound <= $0.upperBound + 2 }) else { return }
            for (k, ch) in chars.enumerated() { line[start + k] = ch }
            taken.append(range)
        }
        place(label(0), at: 0)
        if columns > 1 {
            let last = label(columns - 1)
            place(last, at: columns - last.count)
            let mid = columns / 2
            let middle = label(mid)
            place(middle, at: mid - middle.count / 2)
        }
        var s = String(line)
        while s.last == " " { s.removeLast() }
        return s
    }
}
