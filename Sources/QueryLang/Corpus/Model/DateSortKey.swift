/// A partial date packed into one integer that orders as ``PartialDate/sortsBefore(_:_:)`` does, and from
/// which the date can be rebuilt: sorting and storing dates as integers loses nothing.
extension PartialDate {
    /// The first day the date covers, then its precision (coarser first), then exact before approximate.
    /// Below 2^25 for every date (years 1 to 9999).
    var sortKey: UInt32 {
        UInt32(firstDay) << 3 | UInt32(precision.rawValue) << 1 | (approximate ? 1 : 0)
    }

    /// A key no date has, above every date's: where a date is missing and sorts last.
    static let noSortKey = UInt32.max

    /// The date whose ``sortKey`` is `key`.
    init(sortKey key: UInt32) {
        let (y, m, d) = PartialDate.civil(Int(key >> 3))
        let precision = Precision(rawValue: Int(key >> 1 & 3)) ?? .day
        self.init(year: y, month: precision >= .month ? m : nil, day: precision == .day ? d : nil,
                  approximate: key & 1 == 1)!
    }

    /// Year, month and day of a day number (``firstDay``), the inverse of ``ordinal(_:_:_:)``.
    static func civil(_ ordinal: Int) -> (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days, on days since 0000-03-01.
        let z = ordinal + 306
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
