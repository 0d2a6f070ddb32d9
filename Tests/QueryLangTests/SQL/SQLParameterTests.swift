import Testing
@_spi(MQInternals) @testable import QueryLang

/// Run parameters on a SQL engine: each `$name` is a bind parameter of the statement sent (its value
/// beside the statement, never in it), numbered in order of first use; `explain` names them. A recording
/// connection stands for the server (the answers are compared with a server in Tests/postgres).
@Suite struct SQLParameterTests {
    final class Recording: SQLConnection {
        var sent: [(sql: String, parameters: [String])] = []
        func query(_ sql: String) throws -> [[String?]] { try query(sql, parameters: []) }
        func query(_ sql: String, parameters: [String]) throws -> [[String?]] {
            sent.append((sql, parameters))
            return []
        }
    }

    let engine = Engine(corpus: Seeds.corpus)

    func send(_ text: String, _ parameters: [String: Value]) throws -> (sql: String, parameters: [String]) {
        let session = engine.makeSession()
        for (k, v) in parameters { session.setParameter(k, v) }
        let compiled = try engine.compile(text, in: session)
        let c = Recording()
        try SQLRunner(engine: engine, connection: c).run(compiled, parameters: session.parameters) { _ in }
        return try #require(c.sent.last)
    }

    @Test func aStringParameterIsBoundNotWrittenIntoTheStatement() throws {
        let hostile = "x') OR true OR ('"
        let s = try send("entities | where id == $e or name == $e | select id", ["e": .string(hostile)])
        #expect(s.parameters == [hostile])
        #expect(s.sql.contains("($1::text)"))
        #expect(!s.sql.contains("OR true"))
        #expect(!s.sql.contains("\u{0}"))
    }

    @Test func typedParametersKeepTheirSQLTypesAndAreNumberedByFirstUse() throws {
        let kss = try #require(Seeds.corpus.entities.first { $0.id == "kataib-sayyid-al-shuhada" })
        let s = try send("mentions | where entity == $group and doc.published >= $since | take $n | select id = doc.id",
                         ["group": .entity(kss.index), "since": .date(PartialDate(year: 2024)!), "n": .int(3)])
        #expect(s.parameters == [String(kss.index), String(SQLDate.key(PartialDate(year: 2024)!)), "3"])
        #expect(s.sql.contains("($1::bigint)") && s.sql.contains("($2::bigint)"))
        #expect(s.sql.contains("LIMIT ($3::bigint)"))
    }

    @Test func hasBindsTheFoldedWordsOfAParameter() throws {
        let s = try send("docs | where text has $q | count", ["q": .string("\"Strikes\"")])
        #expect(s.parameters.count == 2)
        #expect(s.parameters[0].hasPrefix("{\"strike"))
        #expect(s.sql.contains("w.words && ($1::text[])") && s.sql.contains("w.skeletons @> ($2::text[])"))
    }

    /// Several words must stand in a row, which the stored word lists cannot tell: refused, not answered differently.
    @Test func aParameterOfSeveralWordsIsRefusedForHas() throws {
        #expect(throws: Diagnostics.self) { try send("docs | where text has $q | count", ["q": .string("Drone Strikes")]) }
    }

    @Test func aDocumentParameterIsBoundByItsID() throws {
        let d = Seeds.corpus.documents[2]
        let s = try send("mentions | where doc == $d | count", ["d": .document(2)])
        #expect(s.parameters == [d.id])
        #expect(s.sql.contains("WHERE d.id = ($1::text)"))
    }

    @Test func explainNamesTheBindParameters() throws {
        let session = engine.makeSession()
        session.setParameter("e", .string("kataib-hezbollah"))
        let compiled = try engine.compile("explain entities | where id == $e | count", in: session)
        let c = Recording()
        var printed = ""
        try SQLRunner(engine: engine, connection: c).run(compiled, parameters: session.parameters) { out in
            if case let .printed(text, _) = out { printed = text }
        }
        #expect(printed.contains("($1::text)"))
        #expect(printed.hasSuffix("-- $1: $e"))
        #expect(!printed.contains("kataib-hezbollah"))
    }
}
