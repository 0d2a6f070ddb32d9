import Foundation
import Synchronization
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Ctrl-C (a cancelled token) and the time limit stop queries whose work grows with the size of one text,
/// on a page of one 50 MB sentence: kwic, has, contains, a mention's text, sentence text. The target is
/// 50 ms (docs/performance.md has the figures); the bound here is generous, for a debug build on a busy
/// machine, and far below what a search that ignored Ctrl-C would take.
@Suite("Cancellation latency", .serialized)
struct CancellationLatencyTests {
    static let bound: Duration = .milliseconds(1500)

    /// One document of 50 MB with no sentence end, naming an entity of the catalog now and then.
    static let corpus: Corpus = {
        let sentence = "Kataib Hezbollah said the convoy reached Iraq before dawn on the second day, and the drone was seen over the base, "
        let text = "Title\n" + String(repeating: sentence, count: 50_000_000 / sentence.utf8.count) + "\n"
        let fixture = Paths.fixtures.appendingPathComponent("broken/valid").path
        let dir = NSTemporaryDirectory() + "mq-cancel-\(UUID().uuidString)"
        try! FileManager.default.copyItem(atPath: fixture, toPath: dir)
        try! FileManager.default.removeItem(atPath: dir + "/expected.txt")
        try! FileManager.default.removeItem(atPath: dir + "/documents/a.yaml")
        try! FileManager.default.removeItem(atPath: dir + "/facts/facts.yaml")
        try! Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/documents/a.txt"))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try! Corpus.load(directory: dir)
    }()

    /// Runs `query`, cancels it from another thread after `after`, and returns how long it took to stop
    /// after the cancel, and its error code.
    static func cancelled(_ query: String, after: Duration = .milliseconds(300)) -> (Duration, DiagnosticCode?) {
        let session = Engine(corpus: corpus).makeSession()
        let token = CancellationToken()
        let cancelledAt = Mutex<ContinuousClock.Instant?>(nil)
        let canceller = Thread {
            Thread.sleep(forTimeInterval: Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18)
            cancelledAt.withLock { $0 = ContinuousClock.now }
            token.cancel()
        }
        canceller.start()
        var code: DiagnosticCode?
        do { _ = try session.run(query, cancel: token) } catch { code = error.items.first?.code }
        let stopped = ContinuousClock.now
        // Finished before the cancel: no latency to measure (it was fast anyway).
        guard let at = cancelledAt.withLock({ $0 }) else { return (.zero, code) }
        return (max(.zero, stopped - at), code)
    }

    @Test(arguments: [
        #"docs | kwic "drone" | count"#,
        #"docs | kwic "nowhere to be found" | count"#,
        #"docs | where text has "seen over the moon" | count"#,
        #"docs | where text contains "moon" | count"#,
        #"mentions | extend t = text | summarize n = sum(len(t))"#,
        #"mentions | where text has "moon" | count"#,
    ])
    func ctrlCStopsQueriesOverOneHugeText(_ query: String) {
        let (latency, code) = Self.cancelled(query)
        // A query that ended before the cancel has no code: then it was fast anyway.
        if let code { #expect(code == .interrupted) }
        #expect(latency < Self.bound, "stopped \(latency) after the cancel")
    }

    @Test func theTimeLimitStopsThemToo() {
        var options = EngineOptions()
        options.limits.timeout = .milliseconds(200)
        let session = Engine(corpus: Self.corpus, options: options).makeSession()
        let t0 = ContinuousClock.now
        var code: DiagnosticCode?
        do { _ = try session.run(#"docs | kwic "drone" | count"#) } catch { code = error.items.first?.code }
        #expect(code == .limitReached)
        #expect(ContinuousClock.now - t0 < .milliseconds(200) + Self.bound)
    }
}
