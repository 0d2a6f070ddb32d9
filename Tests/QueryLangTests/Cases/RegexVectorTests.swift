import Testing
@_spi(MQInternals) @testable import QueryLang

/// `text matches` on the columnar executor, the texts of a batch on the cores at once: the same answers
/// in the same order as the row executor, the same limits (steps, time) and the same diagnostics.
@Suite("Regular expressions on vectors")
struct RegexVectorTests {
    static func isColumnar(_ corpus: Corpus, _ query: String) throws -> Bool {
        let e = ExecutorRuns.engine(corpus, columnar: true)
        return e.explain(try e.compile(query)).hasPrefix("columnar")
    }

    /// Forty texts on which `(a|aa)+$` backtracks without end (the pattern check lets it through), and
    /// one, the last, that it matches at once.
    static let slow: Corpus = {
        var b = CorpusBuilder(name: "regex")
        b.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah")
        for i in 0..<40 { b.addDocument(id: String(format: "d%02d", i), text: String(repeating: "a", count: 60) + "!\n") }
        b.addDocument(id: "z", text: "aa\n")
        return try! b.build().get()
    }()

    @Test(arguments: [
        "docs | where text matches r\"(?i)\\bmilitias?\\b\" | select id",
        "docs | where text matches \"Hezbollah\" | select id, outlet",
        "docs | where text matches r\"\\d{4}\" or outlet == null | count",
        "docs | where text matches r\"^\\S\" | count",
        "docs | where text matches \"no such words here\" | count",
        "mentions | where doc.text matches r\"(?i)drones?\" | summarize n = count() by zone",
    ])
    func sameAnswersAsRows(_ query: String) throws {
        #expect(try Self.isColumnar(Seeds.corpus, query))
        let a = ExecutorRuns.output(ExecutorRuns.engine(Seeds.corpus, columnar: true), query)
        let b = ExecutorRuns.output(ExecutorRuns.engine(Seeds.corpus, columnar: false), query)
        #expect(a == b, "\(query)\n--- columnar\n\(a)\n--- rows\n\(b)")
    }

    @Test func theStepLimitStopsABacktrackingScan() throws {
        let q = "docs | where text matches r\"(a|aa)+$\" | select id"
        #expect(try Self.isColumnar(Self.slow, q))
        for columnar in [true, false] {
            let out = ExecutorRuns.output(ExecutorRuns.engine(Self.slow, columnar: columnar) { $0.maxSteps = 2_000_000 }, q)
            #expect(out == "error E402: the query took more than 2000000 steps", "columnar: \(columnar)")
        }
    }

    @Test func theTimeLimitStopsIt() {
        let q = "docs | where text matches r\"(a|aa)+$\" | count"
        for columnar in [true, false] {
            let out = ExecutorRuns.output(ExecutorRuns.engine(Self.slow, columnar: columnar) { $0.timeout = .milliseconds(200) }, q)
            #expect(out == "error E402: the query ran longer than the time limit", "columnar: \(columnar)")
        }
    }

    @Test func aLongPatternIsRefusedAsOnRows() {
        let q = "docs | where text matches \"aaaaaaaaaa\" | select id"
        for columnar in [true, false] {
            let out = ExecutorRuns.output(ExecutorRuns.engine(Seeds.corpus, columnar: columnar) { $0.maxRegexLength = 5 }, q)
            #expect(out.hasPrefix("error E"), "columnar: \(columnar): \(out)")
            #expect(out.contains("regular expression longer than 5 characters"), "columnar: \(columnar): \(out)")
        }
    }
}
