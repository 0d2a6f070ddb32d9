import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The graph stages and the views of facts under the limits (rows, steps, cancellation) and on the
/// PostgreSQL engine (refused, naming the stage).
@Suite struct GraphStageLimitTests {
    @Test func neighborsStopAtTheRowLimit() throws {
        // Over shared documents, depth 2 from Iran reaches dozens of entities through many hops.
        let engine = Run.engine { $0.maxRows = 20 }
        let d = try #require(Run.firstError(#"mentions | neighbors "iran" depth 2"#, engine))
        #expect(d.code == .limitReached)
        #expect(d.message.contains("neighbors"))
    }

    @Test func theWalkCountsItsSteps() throws {
        // Every edge looked at is a step: the walk over every fact and shared document to depth 6 takes
        // more than the 4,096 steps between two checks of the limit.
        let engine = Run.engine { $0.maxSteps = 1_000 }
        let d = try #require(Run.firstError(#"mentions | neighbors "iran" depth 6"#, engine))
        #expect(d.code == .limitReached)
    }

    @Test func aCancelledWalkStops() throws {
        let session = Run.engine().makeSession()
        let token = CancellationToken()
        token.cancel()
        do {
            _ = try session.run(#"facts | union (mentions) | neighbors "iran" depth 6"#, cancel: token)
            Issue.record("a cancelled walk ran to its end")
        } catch {
            #expect(error.items.first?.code == .interrupted)
        }
    }

    @Test func theViewsRefuseRowsThatAreNotFacts() {
        #expect(Run.codes("docs | corroboration") == [.wrongInput])
        #expect(Run.codes("let xs = [1, 2]\nxs | asof @2020") == [.wrongInput])
        #expect(Run.codes("facts | asof \"June\"") == [.asofNeedsDate])
        #expect(Run.codes(#"facts | paths from "iran" to "Nowhere Brigades""#) == [.unknownGraphEntity])
    }

    @Test func postgreSQLCompilesTheGraphStagesAndTheViewsOfFacts() throws {
        let engine = Engine(corpus: Seeds.corpus)
        for query in [#"facts | neighbors "iran""#, #"facts | paths from "iran" to "iraq""#, "facts | conflicts",
                      "facts | corroboration", "facts | asof @2020"] {
            let sql = try SQLRunner.explain(engine: engine, try engine.compile(query))
            #expect(sql.contains("SELECT"), "\(query): \(sql.prefix(200))")
        }
    }
}
