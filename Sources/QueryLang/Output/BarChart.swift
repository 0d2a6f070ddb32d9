/// `render bar`: one horizontal bar a row, in the rows' order, under a title line (`value by label`).
///
/// ```text
/// n by entity
/// Kataib Hezbollah    ████████████████████████████████████████████▌ 33
/// Asaib Ahl al-Haq    ███████████████████████▏ 17
/// ```
/// Labels take at most a third of the width (cut with "…"); the longest bar fills what is left after
/// the widest number. Bars start at zero and are drawn to an eighth of a cell; a value at or below zero
/// or null has no bar (its number is shown), a value above zero always has at least an eighth.
struct BarChart {
    let data: ChartData
    let style: ChartStyle

    func lines() -> [String] {
        let chart = data.chart
        let count = data.labels.count
        let shown = min(count, style.maxRows ?? count)
        let width = style.fitted
        let labels = data.labels.prefix(shown)
        let values = data.numbers.prefix(shown)
        let texts = values.map { $0.map(data.format) ?? "null" }
        let labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, max(8, width / 3))
        let valueWidth = texts.map(DisplayWidth.of).max() ?? 1
        let room = max(1, width - labelWidth - 2 - valueWidth)
        let top = values.compactMap { $0 }.max() ?? 0
        var out = ChartInk.wrap("\(chart.y ?? "value") by \(chart.x)", width, "1", style.color)
        for (i, label) in labels.enumerated() {
            let cut = DisplayWidth.pad(DisplayWidth.truncate(label, to: labelWidth), labelWidth)
            let eighths = ChartInk.level(values[values.startIndex + i] ?? 0, of: top, steps: room * 8)
            let bar = ChartInk.bar(eighths)
            out.append(cut + " " + ChartInk.paint(bar, ChartInk.palette[0], style.color) + (bar.isEmpty ? "" : " ") + texts[i])
        }
        if shown < count {
            out += ChartInk.wrap("… \(count - shown) more bars (take or top to choose them)", width, "2", style.color)
        }
        return out
    }
}
