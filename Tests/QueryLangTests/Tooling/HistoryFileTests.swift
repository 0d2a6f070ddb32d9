import Foundation
import Testing
@testable import QueryLang

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
}
