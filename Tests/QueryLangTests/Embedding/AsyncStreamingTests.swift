// Public API only (no @testable): async runs, streamed batches, parameters, cancellation, typed rows.
import Foundation
import Synchronization
import Testing
import QueryLang

/// Counts rows a host function has seen, from any thread.
final class RowCounter: Sendable {
    let count = Atomic<Int>(0)
}

@Suite("Async and streamed runs through the public API")
struct AsyncStreamingTests {
    let corpus = MemoryCorpus.corpus

    func engine(_ configure: (inout EngineOptions) -> Void = { _ in }) -> Engine { MemoryCorpus.engine(configure) }

    /// `numbers(n)`: the list 0, 1, ..., n-1 (a host function, for large results).
    static func numbers(_ options: inout EngineOptions) {
        options.functions.register(QueryFunction(name: "numbers", minArgs: 1, maxArgs: 1, signature: "numbers(n: int) -> list",
                                                 help: "0 to n-1", returns: .list(.int), deterministic: true) { args, _ in
            guard case let .int(n) = args[0] else { return .null }
            return .list((0..<n).map { .int($0) })
        })
    }

    /// 300 million rows filtered, none kept: minutes of work (needs `numbers`).
    let longQuery = "docs | expand i = numbers(10000) | expand j = numbers(10000) | where i * j == -1 | count"

    @Test func aQueryStreamsItsRowsInBatches() async throws {
        let session = engine().makeSession()
        var sizes: [Int] = []
        var docs: [String: Int] = [:]
        for try await batch in session.stream("mentions | select doc, entity", batchSize: 100) {
            #expect(batch.columns == ["doc", "entity"])
            #expect(batch.statement == 0)
            sizes.append(batch.rows.count)
            for row in batch.rows { docs[row.document("doc")?.id ?? "?", default: 0] += 1 }
        }
        // a has 6 mentions, b 2, c 300 (MemoryCorpus).
        #expect(sizes == [100, 100, 100, 8])
        #expect(docs == ["a": 6, "b": 2, "c": 300])
    }

    @Test func everyStatementComesInOrder() async throws {
        let session = engine().makeSession()
        var seen: [String] = []
        for try await batch in session.stream("let n = 2\nprint \"hi\"\ndocs | take 0\n1 + n\ndocs | take n | select id") {
            if let text = batch.printed { seen.append("\(batch.statement) print \(text)") }
            else if batch.rows.isEmpty { seen.append("\(batch.statement) empty \(batch.columns.contains("id"))") }
            else { seen.append("\(batch.statement) " + batch.rows.map(\.json).joined(separator: " ")) }
        }
        // `let` yields nothing; an empty result is one empty batch with its columns.
        #expect(seen == ["1 print hi", "2 empty true", "3 {\"value\":3}", "4 {\"id\":\"a\"} {\"id\":\"b\"}"])
    }

    @Test func collectGivesWhatTheBlockingRunGives() async throws {
        let session = engine().makeSession()
        let text = "docs | select id, published\nprint \"x\"\nent(\"KH\").mention_count"
        let streamed = try await session.stream(text, batchSize: 1).collect()
        let blocking = try session.run(text)
        func render(_ o: [StatementOutput]) -> String { o.map { OutputFormat.json.render($0, corpus: corpus) }.joined() }
        #expect(render(streamed) == render(blocking))
        #expect(streamed.count == 3)
    }

    // MARK: Parameters

    @Test func parametersArePassedWithTheRunAndCheckedLikeVariables() async throws {
        let session = engine().makeSession()
        let kh = try #require(corpus.entity(id: "kataib-hezbollah"))
        let out = try await session.run("mentions | where entity == $group | count", parameters: ["group": .entity(kh.index)])
        #expect(OutputFormat.csv.render(out[0], corpus: corpus) == "count\n302\n")
        let since = Value.date(PartialDate(year: 2024, month: 5, day: 1)!)
        let docs = try await session.run("docs | where published >= $since and outlet == $outlet | select id",
                                         parameters: ["since": since, "outlet": .string("Test, Wire")])
        #expect(OutputFormat.csv.render(docs[0], corpus: corpus) == "id\nc\n")
        // They hold for that run only.
        #expect(session.parameters.isEmpty)
        #expect(session.variable("$group") == nil)
        do {
            _ = try await session.run("$group", parameters: [:])
            Issue.record("an unknown parameter should be refused")
        } catch let d as Diagnostics {
            #expect(d.items.first?.severity == .error)
            #expect(d.items.first?.message.contains("$group") == true)
        }
        // A value that is text stays text: no injection into the query.
        let hostile = "x\" or true or \"y"
        let none = try await session.run("docs | where title == $t | count", parameters: ["t": .string(hostile)])
        #expect(OutputFormat.csv.render(none[0], corpus: corpus) == "count\n0\n")
        // A parameter set on the session stays; one given with the run wins for that run only.
        session.setParameter("n", .int(1))
        let two = try await session.run("docs | take $n | count", parameters: ["n": .int(2)])
        #expect(OutputFormat.csv.render(two[0], corpus: corpus) == "count\n2\n")
        #expect(session.parameters["n"] == .int(1))
    }

    // MARK: Cancellation

    /// How long a stop may take here: the tests run side by side on a loaded machine, so the bound is far
    /// above the few milliseconds measured alone (examples/embedding checks those) and far below the
    /// minutes the query would take to finish.
    static let stopBound = Duration.milliseconds(500)

    @Test func cancellingTheTaskStopsALongQueryWithinMilliseconds() async throws {
        let session = engine { Self.numbers(&$0); $0.limits.maxSteps = .max }.makeSession()
        let query = longQuery
        let task = Task { try await session.run(query, parameters: [:]) }
        try await Task.sleep(for: .milliseconds(150))
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        // The run has stopped once the session (serialised) takes the next query; waited for on this
        // task's thread, so the measure does not wait for a free thread of the shared pool.
        let next = try session.run("docs | count")
        let free = clock.now - start
        #expect(OutputFormat.csv.render(next[0], corpus: corpus) == "count\n3\n")
        #expect(free < Self.stopBound, "the session was free after \(free)")
        let result = await task.result
        guard case let .failure(error) = result else { Issue.record("the query should have been cancelled"); return }
        #expect(error is CancellationError)
    }

    @Test func aTokenStopsAStreamedQuery() async throws {
        let session = engine { Self.numbers(&$0); $0.limits.maxSteps = .max }.makeSession()
        let token = CancellationToken()
        let query = longQuery
        let reader = Task {
            var n = 0
            for try await batch in session.stream(query, cancel: token) { n += batch.rows.count }
            return n
        }
        try await Task.sleep(for: .milliseconds(100))
        token.cancel()
        do {
            _ = try await reader.value
            Issue.record("the query should have been interrupted")
        } catch let d as Diagnostics {
            #expect(d.items.map(\.code) == [.interrupted])
        }
    }

    @Test func leavingTheLoopLeavesTheHostsTokenAsItWas() async throws {
        let session = engine().makeSession()
        let token = CancellationToken()
        for try await _ in session.stream("mentions", cancel: token, batchSize: 1) { break }
        for try await _ in session.stream("docs", cancel: token) {}
        #expect(!token.isCancelled)
        var n = 0
        for try await batch in session.stream("docs", cancel: token) { n += batch.rows.count }
        #expect(n == 3)
    }

    @Test func leavingTheLoopStopsTheQuery() async throws {
        let e = engine { Self.numbers(&$0); $0.limits.maxSteps = .max }
        let session = e.makeSession()
        let clock = ContinuousClock()
        var first: ResultBatch?
        for try await batch in session.stream("docs | expand i = numbers(10000) | expand j = numbers(10000) | select i = i * 10000 + j", batchSize: 10) {
            first = batch
            break
        }
        #expect(first?.rows.map { $0.int("i") } == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        let start = clock.now
        // 300 million rows unread: the query was stopped, so the session is free at once.
        _ = try session.run("docs | count")
        #expect(clock.now - start < Self.stopBound, "the session was free after \(clock.now - start)")
    }

    // MARK: Flat memory

    @Test func aMillionRowsStreamWithFewRowsInFlight() async throws {
        let made = RowCounter()
        let e = engine { options in
            Self.numbers(&options)
            options.functions.register(QueryFunction(name: "made", minArgs: 1, maxArgs: 1, signature: "made(x: any) -> any",
                                                     help: "counts the rows made", returns: .int) { args, _ in
                made.count.add(1, ordering: .relaxed)
                return args[0]
            })
        }
        let session = e.makeSession()
        // 3 documents x 1,000 x 334 = 1,002,000 rows, more than the output limit and more than a query may hold.
        session.limits.maxRows = 100_000
        var read = 0
        var mostAhead = 0
        var sum: Int64 = 0
        for try await batch in session.stream("docs | expand i = numbers(1000) | expand j = numbers(334) | select v = made(i * 334 + j)") {
            read += batch.rows.count
            for row in batch.rows { sum += row.int("v") ?? 0 }
            mostAhead = max(mostAhead, made.count.load(ordering: .relaxed) - read)
        }
        #expect(read == 1_002_000)
        // Each document gives 0 ... 333,999 once.
        #expect(sum == 3 * (333_999 * 334_000 / 2))
        // The query runs at most a few batches of 1,024 ahead of the reader, whatever the result's size.
        #expect(mostAhead <= 4 * 1024, "\(mostAhead) rows made but not read")
    }

    // MARK: Any task

    @Test func aSessionIsUsedFromManyTasksAtOnce() async throws {
        let session = engine().makeSession()
        try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let out = try session.run("docs | take \(i % 3 + 1) | count")
                    return OutputFormat.csv.render(out[0], corpus: session.engine.corpus)
                }
            }
            var answers: [String] = []
            for try await a in group { answers.append(a) }
            #expect(answers.sorted() == ["count\n1\n", "count\n1\n", "count\n1\n", "count\n2\n", "count\n2\n", "count\n2\n", "count\n3\n", "count\n3\n"])
        }
        let detached = Task.detached { try session.run("let z = 5") }
        _ = try await detached.value
        #expect(session.variable("z") == .int(5))
    }

    // MARK: Typed rows

    @Test func rowsHaveTypedGettersAndResolveReferences() async throws {
        let session = engine().makeSession()
        var rows: [Row] = []
        for try await batch in session.stream("entities | where type == \"armed_group\"") { rows += batch.rows }
        #expect(rows.map { $0.entity()?.id } == ["kataib-hezbollah", "harakat-al-nujaba"])
        #expect(rows.first?.int("mention_count") == 302)
        #expect(rows.first?.string("name") == "Kataib Hezbollah")
        #expect(rows.first?.string("mention_count") == nil)
        #expect(rows.first?.double("mention_count") == 302)
        #expect(rows.first?.entity("country")?.id == "iraq")

        var facts: [Row] = []
        for try await batch in session.stream("facts | select id, subject, object, date, doc") { facts += batch.rows }
        #expect(facts.first?.fact()?.id == nil)   // a record made by select keeps no reference
        #expect(facts.first?.entity("subject")?.name == "Kataib Hezbollah")
        #expect(facts.first?.entity("object")?.id == "iraq")
        #expect(facts.first?.date("date") == PartialDate(year: 2024))
        #expect(facts.first?.document("doc")?.title == "Attack")
        #expect(facts.first?["nothing"] == .null)

        var mentions: [Row] = []
        for try await batch in session.stream("mentions | where doc == \"b\"") { mentions += batch.rows }
        let m = try #require(mentions.first?.mention())
        #expect(corpus.surface(m) == "Harakat al-Nujaba")
        #expect(corpus.entity(of: mentions[0].value)?.id == nil)
        #expect(corpus.mention(of: mentions[0].value) == m)
    }

    @Test func rowsEncodeAsTheJSONFormatWritesThem() async throws {
        let session = engine().makeSession()
        let text = "mentions | where doc == \"a\" | take 2 | extend e = entity, d = doc.published, n = 1.5, l = [1, null], r = {k: true}"
        var rows: [Row] = []
        for try await batch in session.stream(text) { rows += batch.rows }
        let table = try session.run(text)
        let jsonl = OutputFormat.jsonl.render(table[0], corpus: corpus)
        #expect(rows.map { $0.json + "\n" }.joined() == jsonl)
        // Codable: the same objects (JSONEncoder may space and order keys its own way).
        for (row, line) in zip(rows, jsonl.split(separator: "\n")) {
            let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? NSDictionary
            let written = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
            #expect(encoded == written)
        }
        #expect(corpus.json(.list([.entity(0), .date(PartialDate(year: 2024, month: 5)!)])) == "[\"kataib-hezbollah\",\"2024-05\"]")
    }
}
