import Testing
@_spi(MQInternals) @testable import QueryLang

/// Charts of `render` on input nobody writes on purpose: every line within the width asked for, no
/// crash on sums that overflow, dates across the whole calendar, thousands of series, a width below the
/// minimum. (The charts' contents are checked in Fixtures/cases/render.cases.)
@Suite("Chart drawing keeps to its width and never fails")
struct ChartDrawingTests {
    static let engine = Engine(corpus: Seeds.corpus)

    func draw(_ query: String, width: Int) throws -> [String] {
        let outputs = try Self.engine.makeSession().run(query)
        var options = TableRenderer.Options()
        options.chart = ChartStyle(width: width, color: false, maxRows: 20)
        let text = outputs.map { OutputFormat.table.render($0, corpus: Seeds.corpus, options: options) }.joined()
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func expectFits(_ query: String, width: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let lines = try draw(query, width: width)
        #expect(lines.count > 1, sourceLocation: sourceLocation)
        for line in lines {
            #expect(DisplayWidth.of(line) <= max(width, ChartStyle.minimumWidth), "\(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func sumsThatOverflowAreFull() throws {
        let lines = try draw("[{d: @2020, n: 1e308}, {d: @2020, n: 1e308}, {d: @2021, n: 1.0}] | render timechart", width: 60)
        #expect(lines.contains { $0.contains("█") })
        try expectFits("[{l: \"a\", n: 1e308}, {l: \"b\", n: 5e-324}] | render bar", width: 40)
        try expectFits("[{d: @2020, n: 1e308}, {d: @2020, n: 1e308}] | render sparkline d, n", width: 40)
    }

    @Test func datesAcrossTheCalendarAreGroupedIntoTheWidth() throws {
        try expectFits("[{d: @0001-01-01, n: 1}, {d: @9999-12-31, n: 2}, {d: @5000-06-15, n: 3}] | render timechart", width: 80)
        let lines = try draw("[{d: @0001-01-01, n: 1}, {d: @9999-12-31, n: 2}] | render timechart", width: 80)
        #expect(lines[0].contains("days"), "a column sums many days: \(lines[0])")
        try expectFits("[{d: @0001-01-01, e: \"a\"}, {d: @9999-12-31, e: \"b\"}] | render sparkline", width: 80)
    }

    @Test func manySeriesAndLongLabelsStayWithinTheWidth() throws {
        // Hundreds of series: each mention's surface and sentence.
        let many = "mentions | select d = date(2020, 1, 1), e = surface + \" \" + str(sentence) + \" a long label for a series\", n = sentence"
        try expectFits("let rows = " + many + "\nrows | render timechart d, n by e", width: 80)
        try expectFits("let rows = " + many + "\nrows | render sparkline d, n by e", width: 80)
        try expectFits("let rows = " + many + "\nrows | render bar e, n", width: 80)
    }

    @Test func aWidthBelowTheMinimumIsTheMinimum() throws {
        try expectFits("docs | summarize n = count() by outlet | render bar", width: 3)
        try expectFits("facts | summarize n = count() by y = bin(date, 1y) | render timechart", width: 0)
    }
}
