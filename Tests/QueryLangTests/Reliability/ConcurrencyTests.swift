import Foundation
import Synchronization
import Testing
@_spi(MQInternals) @testable import QueryLang

/// One corpus, many sessions on many threads; and cancellation from another thread.
@Suite("Threads")
struct ConcurrencyTests {
    static let queries = [
        "docs | select id, title, published | sort by id",
        "mentions | where own | summarize n = count() by entity | top 10 by n",
        "mentions | cooccur | take 20",
        "docs | kwic \"militia\" width 20",
        "entities | where id == \"kataib-hezbollah\" | timeline",
        "facts | join kind=left (entities | select subject = id, sname = name) on subject | select id, sname | sort by id",
        "entities | where name matches r\"(?i)^al\" | select id | sort by id",
        "let g = entities | where type == \"armed_group\"\ndef n(e) = e.mention_count\ng | extend k = n(value) | count",
    ]

    static func render(_ engine: Engine, _ text: String) -> String {
        let session = engine.makeSession()
        do {
            return try session.run(text).map { OutputFormat.json.render($0, corpus: engine.corpus) }.joined()
        } catch {
            return DiagnosticRenderer().render(error.items)
        }
    }

    @Test func manySessionsOverOneCorpusGiveIdenticalResults() {
        let engine = Engine(corpus: Seeds.corpus)
        let expected = Self.queries.map { Self.render(engine, $0) }
        let rounds = 64
        let results = Mutex<[Int: [String]]>([:])
        DispatchQueue.concurrentPerform(iterations: rounds) { i in
            // Each iteration runs every query in its own order, in one or several sessions.
            let order = Self.queries.indices.map { ($0 + i) % Self.queries.count }
            var got = [String](repeating: "", count: Self.queries.count)
            for k in order { got[k] = Self.render(engine, Self.queries[k]) }
            results.withLock { $0[i] = got }
        }
        let all = results.withLock { $0 }
        #expect(all.count == rounds)
        for (i, got) in all.sorted(by: { $0.key < $1.key }) {
            for k in Self.queries.indices where got[k] != expected[k] {
                Issue.record("round \(i), query \(k) differs:\n\(got[k].prefix(300))\n--- expected\n\(expected[k].prefix(300))")
            }
        }
    }

    @Test func oneSessionPerThreadKeepsItsOwnVariables() {
        let engine = Engine(corpus: Seeds.corpus)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 32) { i in
            let session = engine.makeSession()
            do {
                try session.run("let mine = \(i)\ndef plus(x) = x + mine")
                for _ in 0..<20 {
                    let outs = try session.run("plus(1000)")
                    guard case let .value(v, _)? = outs.first, v == .int(Int64(1000 + i)) else {
                        failures.withLock { $0.append("session \(i): \(outs)") }
                        return
                    }
                }
            } catch {
                failures.withLock { $0.append("session \(i): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
    }

    /// A query that runs for a very long time unless stopped, in little memory: mentions x mentions x
    /// mentions evaluations of a condition.
    static let longQuery = "mentions | where len(mentions | where len(mentions | where start < 0) == 0) > 0 | count"

    static func longEngine() -> Engine {
        var options = EngineOptions()
        options.limits.maxSteps = .max
        options.limits.maxRows = .max
        return Engine(corpus: Seeds.corpus, options: options)
    }

    @Test func cancellingFromAnotherThreadStopsWithE403() throws {
        let engine = Self.longEngine()
        let token = CancellationToken()
        let started = Atomic<Bool>(false)
        let canceller = Thread {
            while !started.load(ordering: .acquiring) { usleep(1_000) }
            usleep(50_000)
            token.cancel()
        }
        canceller.start()
        let session = engine.makeSession()
        let compiled = try engine.compile(Self.longQuery)
        started.store(true, ordering: .releasing)
        do {
            try session.run(compiled, cancel: token) { _ in }
            Issue.record("the long query finished instead of being cancelled")
        } catch {
            #expect(error.items.map(\.code) == [.interrupted])
        }
        // The session is still usable, and a reset token lets the next query run.
        token.reset()
        #expect(try session.run("docs | count", cancel: token).count == 1)
    }

    @Test func cancellingBeforeTheRunStopsAtOnce() throws {
        let token = CancellationToken()
        token.cancel()
        let session = Engine(corpus: Seeds.corpus).makeSession()
        #expect(throws: Diagnostics.self) { try session.run("docs | count", cancel: token) }
    }

    @Test func cancellingASlowRegexStopsWithE403() throws {
        // The regex engine cannot be interrupted between steps of the evaluator; it reports progress and
        // the evaluator checks the token there.
        let engine = Self.longEngine()
        let token = CancellationToken()
        let session = engine.makeSession()
        let compiled = try engine.compile("\"" + String(repeating: "a", count: 80) + "!\" matches r\"(a|aa)+$\"")
        let canceller = Thread { usleep(100_000); token.cancel() }
        canceller.start()
        do {
            try session.run(compiled, cancel: token) { _ in }
            Issue.record("the regex finished instead of being cancelled")
        } catch {
            #expect(error.items.map(\.code) == [.interrupted])
        }
    }

    /// Not a check: prints how long a cancelled query takes to stop (see docs/reliability.md).
    @Test func measureCancelLatency() throws {
        let engine = Self.longEngine()
        var latencies: [Double] = []
        for query in [Self.longQuery, "\"" + String(repeating: "a", count: 80) + "!\" matches r\"(a|aa)+$\""] {
            let token = CancellationToken()
            let session = engine.makeSession()
            let compiled = try engine.compile(query)
            let cancelledAt = Mutex<ContinuousClock.Instant?>(nil)
            let canceller = Thread {
                usleep(100_000)
                cancelledAt.withLock { $0 = .now }
                token.cancel()
            }
            canceller.start()
            do { try session.run(compiled, cancel: token) { _ in } } catch {}
            let stopped = ContinuousClock.now
            if let at = cancelledAt.withLock({ $0 }) {
                let d = stopped - at
                latencies.append(Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000)
            }
        }
        print("cancel latency (ms): \(latencies.map { String(format: "%.2f", $0) }.joined(separator: ", "))")
    }
}
