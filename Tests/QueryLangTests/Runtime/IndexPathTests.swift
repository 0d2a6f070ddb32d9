import Testing
@testable import QueryLang

/// The evaluator answers some query shapes from the corpus postings (Timeline.swift, ColumnarRows.swift).
/// Each test runs such a query and a form of it that the index paths do not take (`where true` between
/// `timeline` and `select`), over every entity of the seeds, and expects the same rows in the same order,
/// or the same error.
@Suite("Index paths give the general path's answers")
struct IndexPathTests {
    static let engine = Engine(corpus: Seeds.corpus)
    var corpus: Corpus { Seeds.corpus }

    /// CSV of the last output, or the error's code, message and hints (not its place: the two forms of a
    /// query differ in length).
    func run(_ query: String) -> String {
        do {
            let outputs = try Self.engine.makeSession().run(query)
            return outputs.map { OutputFormat.csv.render($0, corpus: corpus) }.joined()
        } catch {
            return error.items.map { "error \($0.code): \($0.message) \($0.hints)" }.joined(separator: "\n")
        }
    }

    func expectSame(_ indexed: String, _ general: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let a = run(indexed), b = run(general)
        #expect(a == b, "\(indexed)\n\(a)\n--- general: \(general)\n\(b)", sourceLocation: sourceLocation)
    }

    // MARK: timeline

    /// The timeline of entities as the documentation states it, built from the corpus API: facts about
    /// each entity and its dated own-text documents, stably sorted by date, undated rows last.
    func expectedTimeline(_ entities: [Int]) -> String {
        var rows: [(date: PartialDate?, line: String)] = []
        func cell(_ s: String?) -> String {
            guard let s else { return "" }
            return s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        for e in entities {
            for f in corpus.facts(about: e) {
                var objectDate: PartialDate? = nil
                if case let .date(d) = f.object { objectDate = d }
                let when = f.date ?? f.from ?? objectDate ?? f.until
                rows.append((when, [cell(when?.description), corpus.entities[e].id, "fact", corpus.documents[f.doc].id].joined(separator: ",")))
            }
            for d in corpus.documents(mentioning: e, ownTextOnly: true) {
                guard let date = corpus.documents[d].published else { continue }
                rows.append((date, [date.description, corpus.entities[e].id, "document", corpus.documents[d].id].joined(separator: ",")))
            }
        }
        let sorted = rows.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?):
                if PartialDate.sortsBefore(x, y) { return true }
                if PartialDate.sortsBefore(y, x) { return false }
                return a.offset < b.offset
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        return "date,entity,kind,doc\n" + sorted.map { $0.element.line + "\n" }.joined()
    }

    @Test func timelineRowsAndOrder() {
        for e in corpus.entities {
            let q = "entities | where id == \"\(e.id)\" | timeline"
            #expect(run(q + " | select date, entity = entity.id, kind, doc = doc.id") == expectedTimeline([e.index]), "\(e.id)")
            expectSame(q, "entities | take 100000 | where id == \"\(e.id)\" | timeline")
            expectSame(q + " | select what, source, quote, date", q + " | where true | select what, source, quote, date")
        }
        #expect(run("entities | timeline | select date, entity = entity.id, kind, doc = doc.id") == expectedTimeline(Array(corpus.entities.indices)))
        let all = "entities | where type == \"armed_group\" | timeline"
        expectSame(all, all + " | where true")
        expectSame(all + " | count", all + " | where true | count")
    }

    @Test func aSelectRightAfterTimelineReadsItsColumns() {
        let q = "entities | where type == \"armed_group\" or type == \"person\" | timeline"
        for cols in ["date, kind, doc = doc.id", "date, date, d = date", "e = entity.name, entity.type, doc.published, doc.title.x",
                     "n = len(what), y = year(date), what, k = kind == \"fact\"", "quote, source, doc", "entity.id, entity.docs",
                     "kind.x", "date.x", "doc.nothing"] {
            expectSame(q + " | select \(cols)", q + " | where true | select \(cols)")
            expectSame(q + " | select \(cols) | take 3", q + " | where true | select \(cols) | take 3")
        }
        // A function parameter named like a column is the parameter.
        let def = "def f(kind) = entities | where id == \"kataib-hezbollah\" | timeline | select kind | take 2\n"
        #expect(run(def + "f(\"x\")") == "kind\nx\nx\n")
    }

    @Test func dateSortKeysOrderAndRebuildDates() throws {
        var dates: [PartialDate] = []
        for y in [1, 2, 4, 99, 100, 399, 400, 1600, 1900, 1999, 2000, 2023, 2024, 9999] {
            for approx in [false, true] {
                dates.append(try #require(PartialDate(year: y, approximate: approx)))
                for m in 1...12 {
                    dates.append(try #require(PartialDate(year: y, month: m, approximate: approx)))
                    for d in 1...PartialDate.daysIn(month: m, year: y) {
                        dates.append(try #require(PartialDate(year: y, month: m, day: d, approximate: approx)))
                    }
                }
            }
        }
        for d in dates {
            #expect(PartialDate(sortKey: d.sortKey) == d, "\(d)")
            #expect(d.sortKey < PartialDate.noSortKey)
        }
        for (a, b) in zip(dates, dates.shuffled()) {
            #expect((a.sortKey < b.sortKey) == PartialDate.sortsBefore(a, b), "\(a) \(b)")
        }
    }
}
