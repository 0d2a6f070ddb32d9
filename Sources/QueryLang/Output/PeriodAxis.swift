/// The time axis of a chart: periods of a unit (day, month, year) and a step (a week is 7 days, a
/// quarter 3 months), counted as `bin` counts them (weeks from Monday 0001-01-01, quarters and years
/// from year 0), so that the periods of `bin(date, 1w)` are the axis's periods.
///
/// A date is placed only on an axis no finer than the date: a date known to the year is not in any
/// month (``index(_:)`` is nil), as `bin` never makes a date finer than it is.
struct PeriodAxis: Equatable {
    enum Unit: Int, Comparable {
        case year = 0, month = 1, day = 2
        static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }
        init(_ p: PartialDate.Precision) {
            switch p {
            case .year: self = .year
            case .month: self = .month
            case .day: self = .day
            }
        }
    }

    let unit: Unit
    let step: Int
    /// The number (in steps from the origin) of the first period.
    let first: Int
    /// How many periods, first to last.
    let count: Int

    /// The date as a count of units: days since 0001-01-01, months since January of year 0, years.
    static func ordinal(_ d: PartialDate, _ unit: Unit) -> Int? {
        switch unit {
        case .year: return d.year
        case .month: return d.month.map { d.year * 12 + $0 - 1 }
        case .day: return d.day == nil ? nil : d.firstDay
        }
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    init(unit: Unit, step: Int, first: Int, count: Int) {
        self.unit = unit
        self.step = step
        self.first = first
        self.count = count
    }

    /// The axis of `unit` and `step` from the earliest to the latest of `dates` (those it can place).
    init?(unit: Unit, step: Int, covering dates: [PartialDate]) {
        var lo = Int.max, hi = Int.min
        for d in dates {
            guard let o = Self.ordinal(d, unit) else { continue }
            let p = Self.floorDiv(o, step)
            lo = min(lo, p)
            hi = max(hi, p)
        }
        guard lo <= hi else { return nil }
        self.init(unit: unit, step: step, first: lo, count: hi - lo + 1)
    }

    /// The axis the values of a date column stand on: the unit of the finest date, and a week, a
    /// quarter, 10 or 5 years when at least three distinct dates all start one (as `bin`'s do).
    static func inferred(from dates: [PartialDate]) -> PeriodAxis? {
        guard let finest = dates.map(\.precision).max() else { return nil }
        let unit = Unit(finest)
        let ordinals = Set(dates.compactMap { ordinal($0, unit) })
        var step = 1
        if ordinals.count >= 3 {
            let candidates: [Int] = switch unit {
            case .day: [7]
            case .month: [3]
            case .year: [10, 5]
            }
            step = candidates.first { k in ordinals.allSatisfy { $0 % k == 0 } } ?? 1
        }
        return PeriodAxis(unit: unit, step: step, covering: dates)
    }

    /// The period of a date, counted from the first; nil for a date coarser than the unit.
    func index(_ d: PartialDate) -> Int? {
        guard let o = Self.ordinal(d, unit) else { return nil }
        return Self.floorDiv(o, step) - first
    }

    /// The first day of period `i` as `bin` writes it: `2013`, `2013-04`, `2025-04-07`.
    func label(_ i: Int) -> String {
        let o = (first + i) * step
        switch unit {
        case .year: return String(o)
        case .month:
            let m = o % 12 + 1
            return "\(o / 12)-" + (m < 10 ? "0" : "") + String(m)
        case .day:
            let (y, m, d) = PartialDate.civil(o)
            return PartialDate(year: max(1, min(9999, y)), month: m, day: d)?.description ?? String(y)
        }
    }

    /// The period's name: "day", "week", "month", "quarter", "year", "5 years".
    func name(times k: Int = 1) -> String {
        let (one, units): (String, Int) = switch (unit, step) {
        case (.day, 7): ("week", k)
        case (.day, _): ("day", step * k)
        case (.month, 3): ("quarter", k)
        case (.month, _): ("month", step * k)
        case (.year, _): ("year", step * k)
        }
        return units == 1 ? one : "\(units) \(one)s"
    }
}
