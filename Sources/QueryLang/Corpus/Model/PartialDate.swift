/// A calendar date with the precision its source gives: a year, a month or a day.
///
/// Sources say "2014", "June 2014" or "17 November 2023"; a `PartialDate` keeps exactly that much.
/// Comparisons treat a partial date as the interval it covers: `2014 < 2015-03`, and `2014` neither
/// precedes nor follows `2014-06` (see ``PartialDate/compare(_:)``).
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How much of the date the source gives.
    public enum Precision: Int, Sendable, Comparable, CaseIterable {
        case year = 0, month = 1, day = 2
        /// Year before month before day.
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
        /// `year`, `month` or `day`.
        public var name: String { ["year", "month", "day"][rawValue] }
    }

    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12, when the source gives it.
    public let month: Int?
    /// The day of the month, when the source gives it (then `month` is set too).
    public let day: Int?
    /// `~2013`: "in around 2013".
    public let approximate: Bool

    /// The finest part given.
    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    /// A date, or nil when it does not exist (month 13, 31 June, a day without a month):
    /// ```swift
    /// let june = PartialDate(year: 2014, month: 6)!     // "2014-06"
    /// ```
    public init?(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        guard (1...9999).contains(year) else { return nil }
        if let month { guard (1...12).contains(month) else { return nil } }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
        self.approximate = approximate
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII digits), with an optional leading `~` (or `@` as
    /// in the language); white space around it is ignored.
    public init?(parsing text: String) {
        var t = text
        let fields = t.withUTF8 { PartialDate.fields($0) }
            ?? (text.utf8.contains { $0 >= 0x80 } ? { var u = text.trimmed; return u.withUTF8 { PartialDate.fields($0) } }() : nil)
        guard let (y, m, d, approx) = fields else { return nil }
        self.init(year: y, month: m, day: d, approximate: approx)
    }

    /// Year, month, day and `~` of a date's UTF-8 text, or nil if it is not one.
    private static func fields(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int?, Int?, Bool)? {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
        var i = 0, end = b.count
        while i < end && isSpace(b[i]) { i += 1 }
        while end > i && isSpace(b[end - 1]) { end -= 1 }
        if i < end && b[i] == 0x40 { i += 1 }  // @
        var approx = false
        if i < end && b[i] == 0x7E { approx = true; i += 1 }  // ~
        /// `count` ASCII digits at `i` as a number, then past them.
        func digits(_ count: Int) -> Int? {
            guard end - i >= count else { return nil }
            var v = 0
            for k in i..<(i + count) {
                let c = b[k] &- 0x30
                guard c < 10 else { return nil }
                v = v * 10 + Int(c)
            }
            i += count
            return v
        }
        guard let y = digits(4) else { return nil }
        var m: Int? = nil, d: Int? = nil
        if i < end {
            guard b[i] == 0x2D else { return nil }
            i += 1
            guard let v = digits(2) else { return nil }
            m = v
            if i < end {
                guard b[i] == 0x2D else { return nil }
                i += 1
                guard let v = digits(2) else { return nil }
                d = v
            }
        }
        guard i == end else { return nil }
        return (y, m, d, approx)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, after `~` when approximate. Written digit by digit (a date is
    /// printed for every row of a timeline; a formatted string costs a hundred times more).
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 11) { b in
            var n = 0
            func put(_ v: Int, digits: Int) {
                var d = digits, v = v
                while d > 0 {
                    d -= 1
                    b[n + d] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                    v /= 10
                }
                n += digits
            }
            if approximate { b[n] = 0x7E; n += 1 }
            put(year, digits: 4)
            if let month { b[n] = 0x2D; n += 1; put(month, digits: 2) }
            if let day { b[n] = 0x2D; n += 1; put(day, digits: 2) }
            return String(decoding: UnsafeBufferPointer(rebasing: b[..<n]), as: UTF8.self)
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 of the first day the date covers.
    public var firstDay: Int { PartialDate.ordinal(year, month ?? 1, day ?? 1) }
    /// Days since 0001-01-01 of the last day the date covers.
    public var lastDay: Int {
        let m = month ?? 12
        return PartialDate.ordinal(year, m, day ?? PartialDate.daysIn(month: m, year: year))
    }

    static func ordinal(_ y: Int, _ m: Int, _ d: Int) -> Int {
        // Days from civil (Howard Hinnant's algorithm), shifted so that 0001-01-01 is 0.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 306
    }

    /// Interval comparison: `.orderedAscending` when all of `self` lies before `other`,
    /// `.orderedDescending` when all of it lies after, `nil` when the intervals overlap but differ
    /// (2014 vs 2014-06), `.orderedSame` when both are the same date at the same precision.
    public func compare(_ other: PartialDate) -> ComparisonOrder? {
        if lastDay < other.firstDay { return .ascending }
        if firstDay > other.lastDay { return .descending }
        if firstDay == other.firstDay && lastDay == other.lastDay { return .same }
        return nil
    }

    /// Whether the interval of `self` lies within the interval of `other` (2014-06 within 2014).
    public func isWithin(_ other: PartialDate) -> Bool {
        firstDay >= other.firstDay && lastDay <= other.lastDay
    }

    /// A total order for sorting: by first day, then coarser precision first.
    public static func sortsBefore(_ a: PartialDate, _ b: PartialDate) -> Bool {
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        if a.precision != b.precision { return a.precision < b.precision }
        return !a.approximate && b.approximate
    }
}

/// The order of two dates as intervals (``PartialDate/compare(_:)``): `same` when neither precedes the other.
public enum ComparisonOrder: Sendable { case ascending, same, descending }
