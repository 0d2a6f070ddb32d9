import Testing
@_spi(MQInternals) @testable import QueryLang

/// `conflicts`, `corroboration` and `asof` compiled to SQL (without a server; Tests/postgres/test_claims.py
/// compares their answers with the in-memory executor's): the claims the push stores compare as
/// ``FactClaims`` compares facts, and the statements read them.
@Suite struct SQLClaimTests {
    let engine = Engine(corpus: Seeds.corpus)

    func sql(_ text: String) throws -> String {
        try SQLRunner.explain(engine: engine, try engine.compile(text))
    }

    @Test func objectsCompareBySortAndValue() {
        #expect(FactClaims.sameObject(.text("Secretary  General"), .text("secretary general ")) == true)
        #expect(FactClaims.sameObject(.text("Secretary-General"), .text("secretary general")) == false)
        // Canonically equivalent texts are one text, as mq's == has them.
        #expect(FactClaims.sameObject(.text("Caf\u{E9}"), .text("cafe\u{301}")) == true)
        #expect(FactClaims.sameObject(.number(7, unit: "USD"), .number(7, unit: "usd")) == true)
        #expect(FactClaims.sameObject(.number(7, unit: "USD"), .number(9, unit: nil)) == nil)
        #expect(FactClaims.sameObject(.number(7, unit: nil), .number(9, unit: "")) == false)
        #expect(FactClaims.sameObject(.entity(3), .text("3")) == nil)
        let approx = PartialDate(year: 2013, approximate: true)!
        #expect(FactClaims.sameObject(.date(approx), .date(PartialDate(year: 2014, month: 12)!)) == true)
        // Widened by 366 days, ~2013 reaches 2015-01-01, not 2015-01-02.
        #expect(FactClaims.sameObject(.date(approx), .date(PartialDate(year: 2015)!)) == true)
        #expect(FactClaims.sameObject(.date(approx), .date(PartialDate(year: 2015, month: 1, day: 2)!)) == false)
    }

    /// For every pair of the seeds' facts: the stored classes are equal exactly when mq's comparisons say
    /// the parts are.
    @Test func storedClassesAgreeWithTheRulesOnEveryPairOfTheSeedsFacts() {
        let corpus = Seeds.corpus
        let claims = SQLClaims(corpus)
        let rows = corpus.facts.map(claims.fields)
        let sort = 0, value = 1, source = 11
        #expect(rows.allSatisfy { $0.count == SQLClaims.columns.count })
        var compared = (values: 0, sources: 0)
        for (i, f) in corpus.facts.enumerated() {
            for (j, g) in corpus.facts.enumerated() {
                let same = FactClaims.sameObject(f.object, g.object)
                #expect((rows[i][sort] == rows[j][sort]) == (same != nil), "\(f.id) \(g.id)")
                if let same, FactClaims.sort(f.object) != .date {
                    #expect((rows[i][value] == rows[j][value]) == same, "\(f.id) \(g.id)")
                    compared.values += 1
                }
                let s = FactClaims.source(f, corpus) == FactClaims.source(g, corpus)
                #expect((rows[i][source] == rows[j][source]) == s)
                if s && i != j { compared.sources += 1 }
            }
        }
        // The seeds hold facts that agree and sources that recur: the comparison is not vacuous.
        #expect(compared.values > corpus.facts.count && compared.sources > 0)
    }

    @Test func datesAreStoredAsTheDaysTheyMayCover() throws {
        let corpus = Seeds.corpus
        let claims = SQLClaims(corpus)
        let f = try #require(corpus.facts.first { $0.date != nil && $0.from == nil })
        let row = claims.fields(f)
        let d = f.date!
        #expect(row[4] == String(d.firstDay - (d.approximate ? 366 : 0)) && row[5] == String(d.lastDay + (d.approximate ? 366 : 0)))
        #expect(row[6] == nil)
        #expect(FactClaims.days(PartialDate(year: 2019, approximate: true)!) ==
                (PartialDate(year: 2019)!.firstDay - 366)...(PartialDate(year: 2019)!.lastDay + 366))
    }

    @Test func theStagesCompileToJoinsOfTheStoredClaims() throws {
        let c = try sql("facts | where predicate == \"budget\" | conflicts")
        #expect(c.contains("a.claim_source <> b.claim_source") && c.contains("'budget', 'founded', 'founded_in', 'strength'"))
        #expect(c.contains("'killed_by'"))
        let r = try sql("facts | where predicate == \"leads\" | corroboration | where sources == 1 | select id")
        #expect(r.contains("count(DISTINCT y.claim_source)") && r.contains("array_agg(y.ord ORDER BY iy.pos)"))
        let a = try sql("facts | asof @2019-06")
        let june = PartialDate(year: 2019, month: 6)!
        #expect(a.contains("x.claim_from_first <= \(june.lastDay)") && a.contains("x.claim_until_last < \(june.firstDay)"))
        #expect(a.contains("'attacked'") && !a.contains("'leads'"))
    }

    @Test func aDateThatIsNotADateIsTheInMemoryError() throws {
        let compiled = try engine.compile(#"facts | asof concat("Ju", "ne")"#)
        #expect(throws: Diagnostics.self) { _ = try SQLRunner.explain(engine: engine, compiled) }
        do { _ = try SQLRunner.explain(engine: engine, compiled) } catch {
            #expect(error.items.first?.code == .asofNeedsDate)
        }
    }
}
