import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The cache sees an edit made in place that puts back the size and the modification time (`cp -p`,
/// `touch -r`); files linked from outside the corpus are read but reported.
@Suite("Cache key and outside links")
struct CacheKeyAndLinkTests {
    @Test func anEditKeepingSizeAndModificationTimeIsSeen() throws {
        let c = try CorpusCacheTests.Copy()
        defer { c.clean() }
        try c.write("documents/zz_extra.txt", "Kataib Hezbollah in Baghdad.\n")
        c.setTime("documents/zz_extra.txt", 1_500_000_000)
        _ = try c.load()
        #expect(try c.load().fromCache)
        // Rewritten in place with text of the same size, then its old time put back (as touch -r does).
        let h = try #require(FileHandle(forWritingAtPath: c.dir + "/documents/zz_extra.txt"))
        h.write(Data("Kataib Hezbollah in Fallujah\n".utf8))
        h.closeFile()
        c.setTime("documents/zz_extra.txt", 1_500_000_000)
        var st = stat()
        #expect(stat(c.dir + "/documents/zz_extra.txt", &st) == 0 && st.st_mtim.tv_sec == 1_500_000_000 && st.st_size == 29)
        let corpus = try c.load()
        #expect(!corpus.fromCache)
        #expect(corpus.document(id: "zz_extra")?.text == "Kataib Hezbollah in Fallujah\n")
    }

    @Test func aCopyKeepingTimesOverAFileIsSeen() throws {
        let c = try CorpusCacheTests.Copy()
        defer { c.clean() }
        try c.write("documents/zz_extra.txt", "Kataib Hezbollah in Baghdad.\n")
        c.setTime("documents/zz_extra.txt", 1_500_000_000)
        _ = try c.load()
        let other = NSTemporaryDirectory() + "mq-cp-p-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: other) }
        try "Kataib Hezbollah in Fallujah\n".write(toFile: other, atomically: false, encoding: .utf8)
        var times = [timespec(tv_sec: 1_500_000_000, tv_nsec: 0), timespec(tv_sec: 1_500_000_000, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, other, &times, 0)
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = ["-p", other, c.dir + "/documents/zz_extra.txt"]
        try cp.run()
        cp.waitUntilExit()
        let corpus = try c.load()
        #expect(!corpus.fromCache)
        #expect(corpus.document(id: "zz_extra")?.text == "Kataib Hezbollah in Fallujah\n")
    }

    @Test func linksOutOfTheCorpusAreReported() throws {
        let c = try TemporaryCorpus()
        let store = NSTemporaryDirectory() + "mq-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: store) }
        try "Hezbollah in Lebanon.\n".write(toFile: store + "/b.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: c.path + "/documents/b.txt", withDestinationPath: store + "/b.txt")
        // A link inside the corpus is no news.
        try FileManager.default.createSymbolicLink(atPath: c.path + "/documents/c.txt", withDestinationPath: "a.txt")
        try FileManager.default.moveItem(atPath: c.path + "/facts", toPath: store + "/facts")
        try FileManager.default.createSymbolicLink(atPath: c.path + "/facts", withDestinationPath: store + "/facts")
        let corpus = try Corpus.load(directory: c.path)
        let real = { (p: String) -> String in URL(fileURLWithPath: p).resolvingSymlinksInPath().path }
        #expect(corpus.warnings.map(\.description).sorted() == [
            "documents/b.txt: warning: a link to \(real(store + "/b.txt")), outside the corpus (read all the same)",
            "facts: warning: a link to \(real(store + "/facts")), outside the corpus (read all the same)",
        ])
        #expect(corpus.documents.count == 3)
    }
}
