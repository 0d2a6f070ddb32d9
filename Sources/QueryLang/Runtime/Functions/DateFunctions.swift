/// Functions on dates with a precision.
enum DateFunctions {
    static let all: [QueryFunction] = [
        QueryFunction(name: "year", minArgs: 1, maxArgs: 1, signature: "year(d: date) -> int", help: "the year", returns: .int) { a, c in
            try c.date(a[0], "year's argument").map { .int(Int64($0.year)) } ?? .null
        },
        QueryFunction(name: "month", minArgs: 1, maxArgs: 1, signature: "month(d: date) -> int",
                      help: "the month, or null for a year-only date", returns: .int) { a, c in
            try c.date(a[0], "month's argument")?.month.map { .int(Int64($0)) } ?? .null
        },
        QueryFunction(name: "day", minArgs: 1, maxArgs: 1, signature: "day(d: date) -> int",
                      help: "the day, or null when the date has no day", returns: .int) { a, c in
            try c.date(a[0], "day's argument")?.day.map { .int(Int64($0)) } ?? .null
        },
        QueryFunction(name: "precision", minArgs: 1, maxArgs: 1, signature: "precision(d: date) -> string",
                      help: "\"year\", \"month\" or \"day\"", returns: .string) { a, c in
            try c.date(a[0], "precision's argument").map { .string($0.precision.name) } ?? .null
        },
        QueryFunction(name: "date", minArgs: 1, maxArgs: 3, signature: "date(s: string) or date(year, month?, day?) -> date",
                      help: "a date from text (YYYY, YYYY-MM, YYYY-MM-DD) or from numbers", returns: .date) { a, c in
            if a.count == 1, case .string = a[0] { return try c.date(a[0], "date's argument").map(Value.date) ?? .null }
            guard let y = try c.int(a[0], "the year") else { return .null }
            let m = a.count > 1 ? try c.int(a[1], "the month") : nil
            let d = a.count > 2 ? try c.int(a[2], "the day") : nil
            guard let date = PartialDate(year: Int(clamping: y), month: m.map { Int(clamping: $0) }, day: d.map { Int(clamping: $0) }) else {
                throw c.error("no such date: \(y)\(m.map { "-\($0)" } ?? "")\(d.map { "-\($0)" } ?? "")")
            }
            return .date(date)
        },
    ]
}
