import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The SQL compiler without a server: the statements carry mq's semantics (null-equal `==`, code point
/// order, nulls last, tie-breakers), refusals name the stage with its place, dates round-trip. The answers
/// themselves are compared with the in-memory executor's in Tests/postgres (a server is needed there).
@Suite struct SQLCompilerTests {
    let engine = Engine(corpus: Seeds.corpus)

    func sql(_ text: String) throws -> String {
        let compiled = try engine.compile(text)
        return try SQLRunner.explain(engine: engine, compiled)
    }

    func refusal(_ text: String) throws -> Diagnostic? {
        let compiled = try engine.compile(text)
        do { _ = try SQLRunner.explain(engine: engine, compiled); return nil } catch { return error.items.first }
    }

    @Test func equalityIsNullEqualAndStringsCompareByCodePoint() throws {
        // As a condition against a constant, `==` is the plain `=` an index answers (true exactly when mq's
        // null-equal `==` is); as a value (a column), it stays null-equal.
        let s = try sql(#"docs | where outlet == "Arab News" and title >= "B" | select id"#)
        #expect(s.contains("(q2.outlet = 'Arab News')"))
        #expect(!s.contains("COALESCE"))
        #expect(s.contains(#"COLLATE "C" >= ('B') COLLATE "C""#))
        #expect(try sql(#"docs | select same = outlet == "Arab News""#).contains("IS NOT DISTINCT FROM 'Arab News'"))
        #expect(try sql(#"docs | where outlet == title | count"#).contains("IS NOT DISTINCT FROM"))
        #expect(try sql("docs | where published == null | count").contains("published IS NULL"))
    }

    @Test func sortsPutNullsLastAndBreakTiesByCorpusOrder() throws {
        let s = try sql("docs | sort by published desc | take 2 | select id")
        // The key, then the documents' own order (a stable sort), nulls last both times.
        let order = s.components(separatedBy: "ORDER BY").dropFirst().first ?? ""
        #expect(order.contains("DESC NULLS LAST"))
        #expect(order.contains("ASC NULLS LAST"))
        #expect(s.contains("LIMIT 2"))
    }

    @Test func entitiesResolvedByMqAreSentAsCatalogOrdinals() throws {
        let kss = try #require(Seeds.corpus.entities.first { $0.id == "kataib-sayyid-al-shuhada" })
        let s = try sql(#"mentions | where entity == ent("KSS") | count"#)
        #expect(s.contains("= \(kss.index)::bigint"))
        #expect(!s.contains("KSS"))
    }

    @Test func hasUsesTheStoredFoldedWords() throws {
        let s = try sql(#"docs | where text has "Drones" | count"#)
        #expect(s.contains("w.words && ARRAY['drones']::text[]") && s.contains("w.skeletons @> ARRAY["))
        // Several words must stand in a row, which the stored words do not say: refused.
        #expect(throws: (any Error).self) { try sql(#"docs | where text has "Drone Strikes" | count"#) }
    }

    /// The phrase matcher finds a doubled vowel written once (`Shabi` for Shaabi) and, among words outside
    /// ASCII, a word by its skeleton (`Ḥaqq` for Haq): both are in the test. A word of a phrase of the
    /// spelling table (`allah` of `hizb allah`, stored as `hezbollah`) or that phrase's word is refused.
    @Test func hasTestsTheLooseFormAndTheSkeletonAndRefusesWordsOfTablePhrases() throws {
        let s = try sql(#"docs | where text has "Shaabi" | count"#)
        #expect(s.contains("w.words && ARRAY['shaabi', 'shabi']::text[]") || s.contains("w.words && ARRAY['shaabi','shabi']::text[]"), "\(s)")
        #expect(s.contains("w.skeletons @> ARRAY["))
        for word in ["Allah", "Hezbollah"] {
            #expect(throws: (any Error).self) { try sql("docs | where text has \"\(word)\" | count") }
        }
    }

    @Test func whatCannotBeCompiledIsRefusedNamingTheStage() throws {
        let d = try #require(try refusal(#"docs | kwic matches r"\w+" | take 3"#))
        #expect(d.code == .noSQLForm)
        #expect(d.message.hasPrefix("'kwic' cannot run on PostgreSQL"))
        // A pattern without a literal of three characters or more: nothing narrows the rows on the server.
        let m = try #require(try refusal(#"docs | where title matches "^Ir" | count"#))
        #expect(m.message.contains("'where' cannot run on PostgreSQL: 'matches' runs in mq, and no part"))
    }

    @Test func minAndMaxOfDatesFollowTheInputOrder() throws {
        // mq keeps the first of overlapping dates: the aggregate steps through the rows in their order.
        let s = try sql("facts | sort by predicate | summarize first = min(date), last = max(date) by subject")
        #expect(s.contains("mq.date_min("))
        #expect(s.contains("mq.date_max("))
        #expect(s.range(of: #"mq\.date_min\([^)]* ORDER BY [^)]*ASC NULLS LAST"#, options: .regularExpression) != nil)
        // The groups of a summarize over sorted rows have mq's first-seen order, unknown to the server.
        let d = try #require(try refusal("facts | sort by date desc | summarize m = min(date) by subject | summarize x = min(m)"))
        #expect(d.code == .noSQLForm && d.message.contains("no defined order"))
    }

    @Test func lenCountsCharactersOrStoredItems() throws {
        #expect(try sql("docs | select n = len(title)").contains("mq.len("))
        let items = try sql("docs | select n = len(authors), m = len(mentions)")
        #expect(items.contains("unnest(d.authors)") && items.contains("count(*)"))
        #expect(try sql("mentions | select n = len(entity.aliases)").contains("FROM mq.entity_names t"))
        // Code points that may join a neighbour are outside the set mq.len counts directly.
        #expect(!SQLTextLength.standalone.contains("\\u0300") && SQLTextLength.standalone.contains("\\u02FF"))
    }

    @Test func datesRoundTripThroughTheirKey() {
        for text in ["2014", "2014-06", "2014-06-30", "0001-01-01", "2024-02-29", "1999-12"] {
            let d = PartialDate(parsing: text)!
            let back = SQLDate.date(SQLDate.key(d))!
            #expect(back.description == d.description)
            #expect(back.firstDay == d.firstDay && back.lastDay == d.lastDay)
        }
        // Keys sort as mq sorts dates: first day, then coarser first.
        let keys = ["2014", "2014-01", "2014-01-01", "2014-01-02"].map { SQLDate.key(PartialDate(parsing: $0)!) }
        #expect(keys == keys.sorted())
    }

    @Test func copyRowsEscapeTabsNewlinesAndBackslashes() {
        #expect(SQLCopyRows.line(["a\tb", nil, "c\\d\ne"]) == "a\\tb\t\\N\tc\\\\d\\ne")
        #expect(SQLCopyRows.array(["x\"y", "z\\"]) == "{\"x\\\"y\",\"z\\\\\"}")
    }
}
