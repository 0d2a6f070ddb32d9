/// `render sparkline`: one line per series (the entity of a `timeline`), its rows counted (or a number
/// summed) by period on a time axis shared by every line, with the total and the undated rows after it.
///
/// ```text
/// rows by date and entity, a character per year
/// Kataib Hezbollah    ▄  █ ▄      ▄   6 dated, 5 undated
/// Badr Organization   █     ▄         3 dated
///                     2003            2025
/// ```
/// The period is the finest of day, week, month, quarter, year, 2, 5, 10, 20, 50, 100 years... whose
/// periods fit the width, and never finer than the coarsest date: a line with a date known only to the
/// year is drawn by year (or coarser), so that every dated row is in a period. Each line has its own
/// scale (its busiest period is a full block; any period with a row has at least ▁; an empty one is a
/// space): the lines show when, the totals how much. Lines are in order of their totals, largest first.
struct Sparklines {
    let data: ChartData
    let style: ChartStyle

    /// The periods tried, finest first.
    static let periods: [(PeriodAxis.Unit, Int)] = [(.day, 1), (.day, 7), (.month, 1), (.month, 3)]
        + [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].map { (.year, $0) }

    func lines() -> [String] {
        let chart = data.chart
        var groups = data.seriesByTotal(dated: true)
        if chart.series == nil { groups = [("all rows", Array(data.dates.indices), 0)] }
        let shown = Array(groups.prefix(style.maxRows ?? groups.count))
        let totals = shown.map { g in
            (dated: g.rows.reduce(0.0) { $0 + (data.dates[$1] != nil ? data.numbers[$1] ?? 0 : 0) },
             undated: g.rows.filter { data.dates[$0] == nil }.count)
        }
        let counts = totals.map { t in data.format(t.dated) + " dated" + (t.undated > 0 ? ", \(t.undated) undated" : "") }
        let width = style.fitted
        let labelWidth = min(shown.map { DisplayWidth.of($0.name) }.max() ?? 0, max(8, width / 3))
        let countWidth = counts.map(DisplayWidth.of).max() ?? 0
        let room = max(1, width - labelWidth - countWidth - 2)
        let dated = data.dates.compactMap { $0 }
        let what = chart.y ?? "rows"
        guard let coarsest = dated.map(\.precision).min(),
              let axis = Self.periods.lazy.filter({ $0.0 <= PeriodAxis.Unit(coarsest) })
                .compactMap({ PeriodAxis(unit: $0.0, step: $0.1, covering: dated) }).first(where: { $0.count <= room })
                ?? PeriodAxis(unit: .year, step: 10000, covering: dated) else {
            return title("\(what) by \(chart.x)", nil) + zip(shown, counts).map { g, c in
                DisplayWidth.pad(DisplayWidth.truncate(g.name, to: labelWidth), labelWidth) + " " + c
            }
        }
        var out = title("\(what) by \(chart.x)" + (chart.series.map { " and \($0)" } ?? ""), axis)
        for (k, g) in shown.enumerated() {
            var sums = [Double](repeating: 0, count: axis.count)
            for i in g.rows {
                guard let d = data.dates[i], let p = axis.index(d), let v = data.numbers[i] else { continue }
                sums[p] += v
            }
            let peak = sums.max() ?? 0
            let line = String(sums.map { v -> Character in
                let level = ChartInk.level(v, of: peak, steps: 8, round: .up)
                return level == 0 ? " " : ChartInk.vertical[level - 1]
            })
            let label = DisplayWidth.pad(DisplayWidth.truncate(g.name, to: labelWidth), labelWidth)
            out.append(label + " " + ChartInk.paint(line, ChartInk.palette[0], style.color) + " " + counts[k])
        }
        let ticks = TimeChart.ticks(axis.count) { axis.label($0) }
        out.append(String(repeating: " ", count: labelWidth + 1) + ChartInk.paint(ticks, "2", style.color))
        if shown.count < groups.count {
            out += ChartInk.wrap("… \(groups.count - shown.count) more lines (where or take to choose them)", width, "2", style.color)
        }
        let missing = chart.y == nil ? 0 : data.numbers.filter { $0 == nil }.count
        if missing > 0 { out += ChartInk.wrap("\(TimeChart.rows(missing)) without a number not counted", width, "2", style.color) }
        return out
    }

    private func title(_ text: String, _ axis: PeriodAxis?) -> [String] {
        let t = text + (axis.map { ", a character per \($0.name())" } ?? "")
        return ChartInk.wrap(t, style.fitted, "1", style.color)
    }
}
