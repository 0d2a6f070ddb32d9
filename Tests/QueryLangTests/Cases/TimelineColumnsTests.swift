import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The timeline on batches of vectors (``TimelineColumns``) gives the row executor's rows, in its order:
/// the seeds, and a corpus built here with more rows than a batch holds, dates of every precision that tie
/// across documents and facts, undated documents (left out) and undated facts (last).
@Suite("Timeline on batches")
struct TimelineColumnsTests {
    /// Two entities; 9,000 documents (two batches and more for `kh`), most mentioning `kh`, a third `iraq`
    /// too; dates cycling through years, months and days so that many rows share a date, one in
    /// thirteen undated; facts dated at those same dates, and some without a date.
    static let built: Corpus = {
        var b = CorpusBuilder(name: "timeline")
        b.addEntity(id: "iraq", type: .country, name: "Iraq")
        b.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah", country: "iraq")
        b.addEntity(id: "us", type: .country, name: "United States")
        for k in 0..<9000 {
            let text = k % 3 == 0 ? "Kataib Hezbollah was seen in Iraq.\n" : k % 7 == 0 ? "Nothing happened.\n" : "Kataib Hezbollah said so.\n"
            b.addDocument(id: "d\(k)", text: text, title: "Report \(k % 50)", outlet: k % 5 == 0 ? nil : "Wire \(k % 4)",
                          published: date(k))
        }
        for k in 0..<60 {
            b.addFact(id: "f\(k)", subject: "kh", predicate: k % 2 == 0 ? "active_in" : "allied_with",
                      object: .entity(k % 2 == 0 ? "iraq" : "us"), date: k % 4 == 3 ? nil : date(k * 11),
                      doc: "d\(k * 3)", quote: k % 6 == 0 ? "Kataib Hezbollah was seen in Iraq." : nil)
        }
        return try! b.build().get()
    }()

    static func date(_ k: Int) -> String? {
        switch k % 13 {
        case 0: return nil
        case 1, 2: return "\(2020 + k % 5)"
        case 3, 4, 5: return "\(2020 + k % 5)-0\(1 + k % 9)"
        default: return "\(2020 + k % 5)-0\(1 + k % 9)-1\(k % 10)"
        }
    }

    static let queries = [
        #"entities | where id == "kh" | timeline | select date, kind, doc = doc.id"#,
        #"entities | where id == "kh" | timeline"#,
        #"entities | where id == "kh" | timeline | select date, kind, what, source, quote, e = entity.id, doc"#,
        #"entities | where type == "country" | timeline | select date, e = entity.id, kind, doc = doc.id"#,
        #"entities | timeline | count"#,
        #"entities | where id == "kh" or id == "iraq" | timeline | where kind == "fact" | select date, what"#,
        #"entities | where id == "nobody" | timeline | select date, kind"#,
        #"entities | where id == "kh" | timeline | summarize n = count() by k = kind, y = bin(date, 1y) | sort by k, y"#,
        #"entities | where id == "kh" | timeline | take 5000 | select date, what"#,
        #"entities | where id == "kh" | timeline | sort by what, date | take 30 | select what, date, doc = doc.id"#,
    ]

    @Test(arguments: queries)
    func sameRowsAsTheRowExecutor(_ query: String) throws {
        for corpus in [Seeds.corpus, Self.built] {
            let columnar = ExecutorRuns.engine(corpus, columnar: true), rows = ExecutorRuns.engine(corpus, columnar: false)
            let plan = columnar.explain(try columnar.compile(query))
            #expect(plan.contains("timeline (postings: facts and own-text documents by entity)  (vectors of "), "\(query)\n\(plan)")
            let a = ExecutorRuns.output(columnar, query), b = ExecutorRuns.output(rows, query)
            #expect(a == b, "\(query)\n--- columnar\n\(a.prefix(2000))\n--- rows\n\(b.prefix(2000))")
        }
    }

    /// The rows the built corpus gives, counted from how it was built: `kh`'s dated documents (every one
    /// of the 9,000 but those with `k % 7 == 0` and not `k % 3 == 0`, less the undated) and its 60 facts;
    /// dates never decrease until the undated facts, which come last.
    @Test func rowsOfTheBuiltCorpus() throws {
        let mentioning = (0..<9000).filter { $0 % 3 == 0 || $0 % 7 != 0 }
        let dated = mentioning.filter { Self.date($0) != nil }.count
        let out = try ExecutorRuns.engine(Self.built, columnar: true).makeSession()
            .run(#"entities | where id == "kh" | timeline | select date, kind"#, file: "case")
        guard case let .table(t, _)? = out.last else { Issue.record("no table"); return }
        #expect(t.rows.count == dated + 60)
        let keys = t.rows.map { row -> UInt32 in
            guard case let .record(r) = row, case let .date(d) = r.values[0] else { return PartialDate.noSortKey }
            return d.sortKey
        }
        #expect(keys == keys.sorted())
        // Facts without a date: one in four, and those whose date would have been none.
        let undated = (0..<60).filter { $0 % 4 == 3 || Self.date($0 * 11) == nil }.count
        #expect(keys.suffix(undated).allSatisfy { $0 == PartialDate.noSortKey } && keys.filter { $0 == PartialDate.noSortKey }.count == undated)
    }

    /// A generated corpus, when `MQ_TIMELINE_CORPUS` names its directory (`bench/out/c10000`): the most-
    /// mentioned entity, several entities, entities filtered by type, and none, on both executors.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MQ_TIMELINE_CORPUS"] != nil))
    func generatedCorpus() throws {
        let corpus = try Corpus.load(directory: ProcessInfo.processInfo.environment["MQ_TIMELINE_CORPUS"]!)
        let columnar = ExecutorRuns.engine(corpus, columnar: true), rows = ExecutorRuns.engine(corpus, columnar: false)
        let top = ExecutorRuns.output(columnar, "mentions | summarize n = count() by e = entity.id | top 3 by n desc, e asc | select e")
        let ids = top.split(separator: "\"").enumerated().filter { $0.offset % 4 == 3 }.map { String($0.element) }
        #expect(ids.count == 3, "\(top)")
        for query in [
            #"entities | where id == "\#(ids[0])" | timeline | select date, kind, doc = doc.id"#,
            #"entities | where id == "\#(ids[1])" or id == "\#(ids[2])" | timeline | select date, e = entity.id, kind, what, source, doc"#,
            #"entities | where type == "person" | timeline | where kind == "fact" | select date, e = entity.id, what, quote"#,
            #"entities | where id == "\#(ids[2])" | timeline | summarize n = count() by m = bin(date, 1m), kind | sort by m, kind"#,
            #"entities | where id == "nobody" | timeline | select date"#,
        ] {
            let a = ExecutorRuns.output(columnar, query), b = ExecutorRuns.output(rows, query)
            #expect(a.count > 20 || query.contains("nobody"), "\(query)\n\(a.prefix(500))")
            #expect(a == b, "\(query)\n--- columnar\n\(a.prefix(2000))\n--- rows\n\(b.prefix(2000))")
        }
    }

    /// A timeline whose stages do not all run on batches keeps its own part there.
    @Test func underARowStage() throws {
        let engine = ExecutorRuns.engine(Seeds.corpus, columnar: true)
        let query = #"entities | where id == "kataib-hezbollah" | timeline | extend w = len(what) | select date, w"#
        let plan = engine.explain(try engine.compile(query))
        #expect(plan.contains("timeline (postings: facts and own-text documents by entity)  (vectors of every column)"), "\(plan)")
        #expect(ExecutorRuns.output(engine, query) == ExecutorRuns.output(ExecutorRuns.engine(Seeds.corpus, columnar: false), query))
    }
}
