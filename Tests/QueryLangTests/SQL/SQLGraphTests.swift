import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// `neighbors` and `paths` compiled to SQL without a server: the shape of the statements (levels unrolled,
/// the search as a recursive query, the evidence in the input's order). Their answers are compared with
/// the in-memory executor's in Tests/postgres/test_graph_stages.py.
@Suite struct SQLGraphTests {
    let engine = Engine(corpus: Seeds.corpus)

    func sql(_ text: String) throws -> String {
        try SQLRunner.explain(engine: engine, engine.compile(text))
    }

    func occurrences(_ s: String, _ part: String) -> Int { s.components(separatedBy: part).count - 1 }

    @Test func neighborsUnrollsOneLevelPerHop() throws {
        let iran = try #require(Seeds.corpus.entities.first { $0.id == "iran" })
        let s = try sql(#"facts | neighbors "iran" depth 3"#)
        #expect(s.contains("SELECT \(iran.index)::bigint AS e"))
        #expect(!s.contains("WITH RECURSIVE"))
        // Three levels of hops, each towards entities of no earlier level (facts read both ways: twice a level).
        for k in 1...3 { #expect(s.contains("SELECT \(k) AS k")) }
        #expect(!s.contains("SELECT 4 AS k"))
        #expect(occurrences(s, "NOT IN (SELECT e FROM") == 6)
        // Facts both ways, no mentions; the facts of a hop in the input's order.
        #expect(s.contains("' (reverse)'") && s.contains("mq.facts") && !s.contains("mq.mentions"))
        #expect(s.contains("ORDER BY h") && s.contains(".fk)"))
    }

    @Test func directedFollowsFactsFromSubjectToObjectOnly() throws {
        let s = try sql(#"facts | union (mentions) | neighbors "iran" directed"#)
        #expect(!s.contains("' (reverse)'"))
        #expect(s.contains("mq.facts") && s.contains("mq.mentions"))
        // Only the own text's mentions of an entity join documents.
        #expect(s.contains(".entity IS NOT NULL AND") && s.contains(".own"))
    }

    @Test func pathsIsOneRecursiveStatementKeepingTheFirstMaxChains() throws {
        let s = try sql(#"mentions | paths from "kataib-hezbollah" to "iran" max 3"#)
        #expect(s.hasPrefix("SELECT") && s.contains("WITH RECURSIVE"))
        // The side with the smaller frontier grows, as in memory.
        #expect(s.contains("cardinality(") && s.contains("THEN 0 ELSE 1 END"))
        #expect(occurrences(s, "LIMIT 3") == 3)
        #expect(!s.contains("mq.facts"))
    }

    @Test func endsAndBoundsAreCheckedByMq() throws {
        for q in [#"facts | paths from "iran" to "Nowhere Brigades""#, #"facts | neighbors "iran" depth 7"#] {
            #expect(throws: (any Error).self) { try sql(q) }
        }
    }
}
