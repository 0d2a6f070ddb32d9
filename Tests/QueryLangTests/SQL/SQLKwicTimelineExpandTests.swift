import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// `kwic`, `timeline` and `expand` compiled to SQL (without a server; Tests/postgres/test_stages.py
/// compares their answers with the in-memory executor's): what the statements read, which parts are
/// refused, and what the push stores for them.
@Suite struct SQLKwicTimelineExpandTests {
    let engine = Engine(corpus: Seeds.corpus)

    func sql(_ text: String) throws -> String {
        try SQLRunner.explain(engine: engine, try engine.compile(text))
    }

    func refusal(_ text: String) throws -> Diagnostic? {
        let compiled = try engine.compile(text)
        do { _ = try SQLRunner.explain(engine: engine, compiled); return nil } catch { return error.items.first }
    }

    @Test func joinedCodePointsAreThoseThatContinueACharacter() {
        #expect(SQLKwic.joinedScalars("plain ASCII\r\n") == [])
        // CR LF is one character, which the SQL function makes one by replacing it: not listed.
        #expect(SQLKwic.joinedScalars("Ḥaqq\r\nx") == [])
        // e + combining acute: the accent continues the e (code point 1).
        #expect(SQLKwic.joinedScalars("e\u{301}t") == [1])
        // Woman, ZWJ, woman: code points 1 and 2 continue the first.
        #expect(SQLKwic.joinedScalars("a👩\u{200D}👩") == [2, 3])
    }

    @Test func kwicOfAnEntityCutsTheStoredText() throws {
        let s = try sql(#"docs | kwic ent("abu-alaa-al-walai") width 10 | select left, match"#)
        #expect(s.contains("mq.kwic_context(d.text, m.char_start, m.char_end, 10, d.joined)"))
        let kh = try #require(Seeds.corpus.entities.first { $0.id == "abu-alaa-al-walai" })
        #expect(s.contains("m.entity = \(kh.index)"))
        #expect(try sql("mentions | take 3 | kwic").contains(", 40, d.joined)"))
    }

    @Test func kwicOfWordsAndPatternsIsNarrowedByTheServerAndFinishedByMq() throws {
        let w = try sql(#"docs | kwic "drone" | take 3"#)
        #expect(w.contains("d.words && ARRAY['drone']::text[] OR d.skeletons @> ARRAY['drone']::text[]"))
        #expect(w.contains("-- then mq: kwic by mq's own matcher") && w.contains("then take in memory"))
        #expect(try sql(#"docs | kwic matches r"(?i)drones?" | count"#).contains("'drone') > 0"))
        let r = try #require(try refusal(#"docs | kwic matches r"\w+""#))
        #expect(r.code == .noSQLForm && r.message.contains("no literal every match holds"))
        let m = try #require(try refusal(#"mentions | kwic "drone""#))
        #expect(m.message.contains("works on documents"))
        let j = try #require(try refusal(#"docs | kwic "drone" | expand a = doc.authors"#))
        #expect(j.message.contains("only row stages run"))
    }

    @Test func timelineReadsTheStoredPhrasingAndOrdersByDateThenInput() throws {
        let s = try sql(#"entities | where id == "tower-22" | timeline | select date, what"#)
        #expect(s.contains("f.what"))
        #expect(s.contains(#"COALESCE(f.date, f."from", f.object_date, f.until)"#))
        #expect(s.contains("UNION ALL"))
        #expect(s.contains("m.own"))
        // The final order: the date key first, nulls (undated facts) last.
        let order = s.components(separatedBy: "ORDER BY").last ?? ""
        #expect(order.contains("ASC NULLS LAST"))
    }

    @Test func expandJoinsTheStoredListsInTheirOrder() throws {
        #expect(try sql("entities | expand n = aliases | count").contains("FROM mq.entity_names t WHERE t.entity = q"))
        #expect(try sql("entities | expand n = aliases | count").contains("t.seq > 0"))
        #expect(try sql("entities | expand acronyms | count").contains("t.kind = 'acronym'"))
        #expect(try sql("docs | expand a = authors | select a").contains("unnest(d.authors) WITH ORDINALITY"))
        #expect(try sql("docs | expand e = entities | count").contains("min(t.seq)"))
        #expect(try sql("docs | expand x = [1, 2] | count").contains("VALUES (1::bigint, 0::bigint), (2::bigint, 1::bigint)"))
        let d = try #require(try refusal(#"docs | expand f = (facts | where predicate == "budget") | count"#))
        #expect(d.code == .noSQLForm && d.message.hasPrefix("'expand' cannot run on PostgreSQL"))
    }

    @Test func theSchemaIsVersion4WithWhatJoinedSkeletonsTheDateAggregatesAndClaims() {
        #expect(SQLSchema.version == 4)
        let docs = SQLSchema.copyColumns.first { $0.table == "documents" }!.columns
        let facts = SQLSchema.copyColumns.first { $0.table == "facts" }!.columns
        #expect(docs.suffix(2) == ["joined", "skeletons"])
        #expect(Array(facts.suffix(SQLClaims.columns.count + 1)) == ["what"] + SQLClaims.columns)
        #expect(SQLSchema.bulkIndexes.contains { $0.create.contains("USING gin (skeletons)") })
        #expect(SQLSchema.create.contains { $0.contains("CREATE FUNCTION mq.kwic_context") })
        #expect(SQLSchema.create.contains { $0.contains("CREATE AGGREGATE mq.date_min(bigint)") })
        #expect(SQLSchema.create.contains { $0.contains("CREATE AGGREGATE mq.date_max(bigint)") })
        #expect(SQLSchema.create.contains { $0.contains("CREATE FUNCTION mq.len(s text)") })
    }

    @Test func thePushStoresEachFactInTheWordsOfTimeline() throws {
        let rows = SQLCopyRows(corpus: Seeds.corpus)
        var facts: [String] = []
        try rows.catalog(documentOrd: { Int64($0) }) { t, l in if t == "facts" { facts.append(l) } }
        let f = Seeds.corpus.facts[0]
        let columns = SQLSchema.copyColumns.first { $0.table == "facts" }!.columns
        let fields = facts[0].split(separator: "\t", omittingEmptySubsequences: false)
        let what = columns.firstIndex(of: "what").map { String(fields[$0]) }
        let subject = Seeds.corpus.entities[f.subject].name
        #expect(what?.hasPrefix(subject + " " + f.predicate.replacingOccurrences(of: "_", with: " ")) == true)
    }
}
