import Testing
@_spi(MQInternals) @testable import QueryLang

/// Dates on the columnar executor: comparisons as intervals, `bin`, grouping and sorting of publication
/// dates of every precision (and none), answered as the row executor answers and as the language
/// reference says (answers below worked out from the dates by hand).
@Suite("Dates on vectors")
struct DateVectorTests {
    /// One mention of Kataib Hezbollah a document; the dates of every precision, two the same, one missing.
    static let dates: [(id: String, published: String?)] = [
        ("d01", "2024"), ("d02", "2024-05"), ("d03", "2024-05-02"), ("d04", "2024-05-31"), ("d05", "2023-12"),
        ("d06", nil), ("d07", "2024-01-01"), ("d08", "2025"), ("d09", "2024-02-29"), ("d10", "2024-05-02"),
    ]

    static func corpus(extra: [(id: String, published: String?)] = []) -> Corpus {
        var b = CorpusBuilder(name: "dates")
        b.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah")
        for d in dates + extra {
            b.addDocument(id: d.id, text: "Kataib Hezbollah said so.\n", outlet: "Wire", published: d.published)
        }
        return try! b.build().get()
    }

    static let exact = corpus()
    /// The same with an approximate date among them: `published` then stays on the row executor.
    static let approximate = corpus(extra: [("d11", "~2022")])

    /// The values of one column of the result, as JSON prints them.
    static func column(_ query: String, _ name: String, corpus: Corpus = exact) throws -> [String] {
        let out = try ExecutorRuns.engine(corpus, columnar: true).makeSession().run(query, file: "case")
        guard case let .table(t, _)? = out.last else { return [] }
        return t.rows.map { row in
            guard case let .record(r) = row, let i = r.keys.firstIndex(of: name) else { return "?" }
            switch r.values[i] {
            case .null: return "null"
            case let .date(d): return d.description
            case let .int(n): return String(n)
            case let .string(s): return s
            default: return "\(r.values[i])"
            }
        }
    }

    static func isColumnar(_ query: String, _ corpus: Corpus = exact) throws -> Bool {
        let e = ExecutorRuns.engine(corpus, columnar: true)
        return e.explain(try e.compile(query)).hasPrefix("columnar")
    }

    @Test(arguments: [
        ("docs | where published < @2024-05 | sort by id | select id", ["d05", "d07", "d09"]),
        ("docs | where published <= @2024-05 | sort by id | select id", ["d01", "d02", "d03", "d04", "d05", "d07", "d09", "d10"]),
        ("docs | where published > @2024-05-02 | sort by id | select id", ["d04", "d08"]),
        ("docs | where published >= @2024-05-02 | sort by id | select id", ["d01", "d02", "d03", "d04", "d08", "d10"]),
        ("docs | where published == @2024-05-02 | sort by id | select id", ["d03", "d10"]),
        ("docs | where published == @2024 | sort by id | select id", ["d01"]),
        ("docs | where published == null | sort by id | select id", ["d06"]),
    ])
    func comparisons(_ query: String, _ ids: [String]) throws {
        #expect(try Self.isColumnar(query))
        #expect(try Self.column(query, "id") == ids)
    }

    @Test func binByMonthGroupsAndSorts() throws {
        let q = "mentions | summarize n = count() by m = bin(doc.published, 1m) | sort by m"
        #expect(try Self.isColumnar(q))
        // A year stays a year; nulls last; at one first day the coarser date first.
        #expect(try Self.column(q, "m") == ["2023-12", "2024", "2024-01", "2024-02", "2024-05", "2025", "null"])
        #expect(try Self.column(q, "n") == ["1", "1", "1", "1", "4", "1", "1"])
    }

    @Test func groupsByYearAndByDate() throws {
        let y = "docs | summarize n = count() by y = bin(published, 1y) | sort by y"
        #expect(try Self.column(y, "y") == ["2023", "2024", "2025", "null"])
        #expect(try Self.column(y, "n") == ["1", "7", "1", "1"])
        let p = "docs | summarize n = count() by p = published | sort by p"
        #expect(try Self.isColumnar(p))
        #expect(try Self.column(p, "p") == ["2023-12", "2024", "2024-01-01", "2024-02-29", "2024-05", "2024-05-02", "2024-05-31", "2025", "null"])
        #expect(try Self.column(p, "n") == ["1", "1", "1", "1", "1", "2", "1", "1", "1"])
    }

    @Test func anApproximateDateKeepsPublishedOnRows() throws {
        let q = "docs | summarize n = count() by p = published | sort by p"
        #expect(try !Self.isColumnar(q, Self.approximate))
        #expect(try Self.column(q, "p", corpus: Self.approximate).contains("~2022"))
        // bin of a date literal still compiles, since it reads no approximate date.
        #expect(try Self.isColumnar("docs | where bin(@2024-05-02, 1m) == @2024-05 | count", Self.approximate))
    }

    /// `bin` on a date's key gives the key of `bin` on the date, for dates of every precision, approximate
    /// or not, at the ends of months, years and the calendar, and widths of every unit.
    @Test func binOnKeysIsBinOnDates() {
        var dates: [PartialDate] = []
        for y in [1, 2, 3, 399, 400, 401, 1999, 2000, 2023, 2024, 9998, 9999] {
            for approximate in [false, true] {
                dates.append(PartialDate(year: y, approximate: approximate)!)
                for m in 1...12 {
                    dates.append(PartialDate(year: y, month: m, approximate: approximate)!)
                    for d in Set([1, 2, 15, 28, PartialDate.daysIn(month: m, year: y)]) {
                        dates.append(PartialDate(year: y, month: m, day: d, approximate: approximate)!)
                    }
                }
            }
        }
        var wrong: [String] = []
        for width in ["1y", "2y", "5y", "10y", "1q", "2q", "1m", "2m", "5m", "1w", "2w", "1d", "3d", "10d", "10000y"] {
            let (n, unit) = DateBin.parse(width)!
            for d in dates where DateVectors.binKey(d.sortKey, n, unit) != DateBin.bin(d, n, unit).sortKey {
                wrong.append("bin(\(d), \(width))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    static let shapes = [
        "docs | where published < @2024-05 | select id",
        "docs | where published != @2024-05-02 | select id, published",
        "docs | where published > @2024 or published < @2024 | select id",
        "docs | extend y = bin(published, 1y) | where published >= y | select id, y",
        "docs | extend y = bin(published, 1y) | where published > y or y < published | select id",
        "docs | extend q = bin(published, 1q), w = bin(published, 1w), d = bin(published, 1d), f = bin(published, 5y) | select id, q, w, d, f",
        "docs | extend m = bin(published, 2m) | where m <= @2024-03 | select id, m",
        "mentions | summarize n = count() by m = bin(doc.published, 1m) | sort by m",
        "mentions | summarize n = count(), d = dcount(doc.published) by w = bin(doc.published, 1w), e = entity",
        "docs | summarize n = count() by p = published, y = bin(published, 1y)",
        "docs | distinct q = bin(published, 1q) | sort by q desc",
        "docs | sort by published desc, id | select id, published",
        "docs | top 3 by published asc, id | select id, published",
        "docs | where published == null or published == @2024 | count",
        "docs | where bin(published, 1y) == @2024 | count",
        "docs | where published >= @2024-05 and published <= @2024-05 | select id",
        "docs | join (docs | where published == @2024-05-02) on id == id | select id, published, published1",
        "docs | where published >= \"2024\" | count",
        "docs | summarize n = count() by m = bin(published, \"13x\")",
    ]

    @Test(arguments: shapes)
    func agreesWithTheRowExecutor(_ query: String) {
        for corpus in [Self.exact, Self.approximate] {
            let a = ExecutorRuns.output(ExecutorRuns.engine(corpus, columnar: true), query), b = ExecutorRuns.output(ExecutorRuns.engine(corpus, columnar: false), query)
            #expect(a == b, "\(query)\n--- columnar\n\(a)\n--- rows\n\(b)")
        }
    }
}
