/// `bin(d, width)`: the bucket a date falls in, for counting by period
/// (`summarize count() by y = bin(date, "1y")`). An approximate date is binned as its exact reading.
///
/// The width is a string, a count and a unit: `"1y"`, `"5y"`, `"1q"`, `"1m"`, `"2w"`, `"1d"`. The
/// bucket is the date of its first day at the bucket's precision: a year for `y`, a month for `q` and `m`,
/// a day (the Monday) for `w` and `d`; widths above 1 count from year 0, January of year 0, and the week
/// of 0001-01-01. A date is never put in a bucket finer than what it says: a date known only to the year
/// stays a year (`bin(@2020, "1m")` is `2020`, not January 2020), a month stays a month under `w` and `d`.
enum DateBin {
    enum Unit: Character { case y = "y", q = "q", m = "m", w = "w", d = "d" }

    static let function = QueryFunction(
        name: "bin", minArgs: 2, maxArgs: 2, signature: "bin(d: date, width: string) -> date",
        help: "the period a date falls in, at the period's precision (never finer than the date's own)",
        returns: .date
    ) { a, c in
        guard let width = try c.string(a[1], "bin's width") else { return .null }
        guard let (n, unit) = parse(width) else {
            throw c.error("bin's width is a count and a unit y, q, m, w or d (\"1y\", \"1q\", \"1m\", \"1w\", \"1d\"), not '\(width)'")
        }
        guard let d = try c.date(a[0], "bin's date") else { return .null }
        return .date(bin(d, n, unit))
    }

    static func parse(_ s: String) -> (Int, Unit)? {
        guard let last = s.last, let unit = Unit(rawValue: last) else { return nil }
        let digits = s.dropLast()
        guard let n = digits.isEmpty ? 1 : Int(digits), n >= 1, n <= 10_000 else { return nil }
        return (n, unit)
    }

    static func bin(_ d: PartialDate, _ n: Int, _ unit: Unit) -> PartialDate {
        func floor(_ x: Int, _ k: Int) -> Int { x >= 0 ? x / k * k : -((-x + k - 1) / k * k) }
        switch unit {
        case .y:
            return PartialDate(year: max(1, floor(d.year, n))) ?? d
        case .q, .m:
            guard let month = d.month else { return PartialDate(year: d.year) ?? d }
            let k = unit == .q ? 3 * n : n
            let index = floor(d.year * 12 + month - 1, k)
            return PartialDate(year: max(1, index / 12), month: index % 12 + 1) ?? d
        case .w, .d:
            guard d.day != nil else { return PartialDate(year: d.year, month: d.month) ?? d }
            let day = d.firstDay
            // 0001-01-01 (day 0) was a Monday: weeks start on Mondays.
            let start = unit == .w ? floor(day, 7 * n) : floor(day, n)
            let (y, m, dd) = PartialDate.civil(start)
            return PartialDate(year: max(1, y), month: m, day: dd) ?? d
        }
    }
}
