import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("History file")
struct HistoryFileTests {
    func tempPath() -> String {
        NSTemporaryDirectory() + "mq-history-\(UUID().uuidString)/state/history"
    }

    @Test func roundTripsMultiLineAndUnicodeEntries() throws {
        let h = HistoryFile(path: tempPath())
        let entries = ["docs | count", "entities\n  | where type == \"person\"", "print \"الحشد الشعبي\"", "x \\ y"]
        try h.save(entries)
        #expect(h.load() == entries)
    }

    @Test func deduplicatesKeepingTheLatestAndCaps() throws {
        var h = HistoryFile(path: tempPath())
        h.capacity = 3
        try h.save(["a", "b", "a", "c", "d", "  "])
        #expect(h.load() == ["a", "c", "d"])
    }

    @Test func missingFileIsEmptyAndDirectoriesAreCreated() throws {
        let h = HistoryFile(path: tempPath())
        #expect(h.load().isEmpty)
        try h.save(["q"])
        #expect(FileManager.default.fileExists(atPath: h.path))
        let mode = try FileManager.default.attributesOfItem(atPath: h.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func writesAtomicallyLeavingNoTemporaryFile() throws {
        let h = HistoryFile(path: tempPath())
        try h.save(["one"])
        try h.save(["one", "two"])
        let dir = (h.path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["history"])
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(HistoryFile.defaultPath(environment: ["MQ_HISTORY": "/x/h"]) == "/x/h")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/mq/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/mq/history")
    }

    @Test func appendsKeepEveryEntryOfSessionsTakingTurns() throws {
        let path = tempPath()
        let a = HistoryFile(path: path), b = HistoryFile(path: path)
        for i in 0..<20 { try (i % 2 == 0 ? a : b).append("q\(i)") }
        #expect(a.load() == (0..<20).map { "q\($0)" })
    }

    @Test func concurrentAppendsFromManyThreadsLoseNothing() throws {
        let path = tempPath()
        // Small compactions, so that the file is replaced again and again while others append.
        let h = HistoryFile(path: path, capacity: 100_000, compactBytes: 4096)
        try h.append("start")
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for i in 0..<100 { try? h.append("thread \(t) entry \(i) " + String(repeating: "x", count: 40)) }
        }
        let loaded = HistoryFile(path: path, capacity: 100_000, compactBytes: 1 << 30).load()
        // A compaction keeps the latest entries that fit in half of compactBytes; none is torn or glued.
        #expect(!loaded.isEmpty)
        #expect(loaded.allSatisfy { $0 == "start" || $0.hasPrefix("thread ") && $0.hasSuffix(String(repeating: "x", count: 40)) })
        let unlimited = tempPath()
        let u = HistoryFile(path: unlimited, capacity: 100_000, compactBytes: 1 << 30)
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for i in 0..<100 { try? u.append("t\(t) e\(i)") }
        }
        #expect(Set(u.load()) == Set((0..<8).flatMap { t in (0..<100).map { "t\(t) e\($0)" } }))
    }

    @Test func aLargeHistoryIsCompactedAndAppendsStayCheap() throws {
        let path = tempPath()
        let h = HistoryFile(path: path, capacity: 2000)
        // 8 MB written by an old version or many sessions: loading compacts it once.
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let line = String(repeating: "y", count: 100)
        try Data((0..<80_000).map { "\(line) \($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        let loaded = h.load()
        #expect(loaded.count == 2000)
        #expect(loaded.last == "\(line) 79999")
        #expect(try #require(HistoryFile.size(path)) <= h.compactBytes / 2)
        let t0 = ContinuousClock.now
        for i in 0..<200 { try h.append("statement \(i)") }
        #expect(ContinuousClock.now - t0 < .seconds(2))
    }

    @Test func temporaryFilesOfKilledSessionsAreSweptAndNewOnesArePrivate() throws {
        let path = tempPath()
        let h = HistoryFile(path: path, compactBytes: 256)
        try h.append("first")
        // A session killed while compacting (pid 2^22 + 1 is above the default pid_max, never alive).
        let stale = path + ".tmp-4194305"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("half".utf8)))
        for i in 0..<20 { try h.append("entry number \(i)") }
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["history"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func failuresArePlainMessages() throws {
        let h = HistoryFile(path: "/proc/mq-no-such-folder/history")
        do {
            try h.append("q")
            Issue.record("appending to an impossible path succeeded")
        } catch {
            #expect("\(error)".hasPrefix("cannot "))
            #expect("\(error)".contains("/proc/mq-no-such-folder"))
            #expect(!"\(error)".contains("Domain="))
        }
        // A full disk: /dev/full refuses every write with ENOSPC.
        let full = HistoryFile(path: "/dev/full")
        #expect(throws: HistoryFile.Failure.self) { try full.append("q") }
        do { try full.append("q") } catch { #expect("\(error)" == "cannot write the history file /dev/full: No space left on device") }
    }

    @Test func hugeEntriesAreNotWritten() throws {
        let h = HistoryFile(path: tempPath())
        try h.append(String(repeating: "z", count: HistoryFile.maxEntryBytes + 1))
        try h.append("small")
        #expect(h.load() == ["small"])
    }
}
