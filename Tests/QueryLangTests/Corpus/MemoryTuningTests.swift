import Foundation
import PlatformTuning
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The seam between the library and a host's memory tuning: nothing by default, every hook reached when a
/// tuning is installed, and the same corpus either way. Serialized: the tuning is the process's.
@Suite("Memory tuning", .serialized)
struct MemoryTuningTests {
    /// Counts the calls it receives.
    final class Recorder: MemoryTuning, @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        private(set) var largestFill = 0

        func count(_ what: String, _ n: Int = 1) {
            lock.lock()
            defer { lock.unlock() }
            counts[what, default: 0] += n
        }

        subscript(_ what: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return counts[what] ?? 0
        }

        func loadWillReadDocuments() { count("start") }
        func loadDidFinish() { count("finish") }
        func willFill(_ start: UnsafeMutableRawPointer, bytes: Int) {
            count("fill")
            lock.lock()
            largestFill = max(largestFill, bytes)
            lock.unlock()
        }
        func withPreparedHeap<R>(bytes: Int, _ body: () throws -> R) rethrows -> R {
            count("prepared")
            return try body()
        }
        func heapForThread() -> (any ThreadHeapTuning)? { ThreadHeap(recorder: self) }

        struct ThreadHeap: ThreadHeapTuning {
            let recorder: Recorder
            mutating func expect(_ bytes: Int) { recorder.count("expected", bytes) }
        }
    }

    /// Loads a copy of the seeds with `tuning` installed (the previous tuning put back), then re-opens it
    /// from a cache of its own; returns both.
    static func loadSeeds(with tuning: any MemoryTuning) throws -> (loaded: Corpus, reopened: Corpus) {
        let copy = try CorpusCacheTests.Copy()
        defer { copy.clean() }
        let previous = ProcessMemory.install(tuning)
        defer { ProcessMemory.install(previous) }
        return (try copy.load(), try copy.load())
    }

    static func summary(_ c: Corpus) -> [String] {
        c.documents.map { d in "\(d.id) \(d.text.utf8.count)" } + c.mentions.map { "\($0.doc) \($0.start) \($0.entity)" }
    }

    @Test func theLibraryLeavesTheProcessAloneByDefault() {
        #expect(ProcessMemory.tuning is PlainMemory)
    }

    @Test func everyHookIsReachedWhenATuningIsInstalled() throws {
        let recorder = Recorder()
        let (loaded, reopened) = try Self.loadSeeds(with: recorder)
        #expect(recorder["start"] >= 1)
        #expect(recorder["finish"] >= 2)  // the load, then the re-open
        #expect(recorder["prepared"] >= 1)  // documents rebuilt from the cache
        #expect(recorder["fill"] >= 1)
        #expect(recorder.largestFill >= TextArena.blockSize)  // a block of texts
        // Each worker announces what it keeps of each document before allocating it.
        #expect(recorder["expected"] >= Seeds.corpus.documents.reduce(0) { $0 + $1.text.utf8.count } / 16)
        #expect(Self.summary(loaded) == Self.summary(Seeds.corpus))
        #expect(Self.summary(reopened) == Self.summary(Seeds.corpus))
        #expect(ProcessMemory.tuning is PlainMemory)
    }

    @Test func thePlatformTuningGivesTheSameCorpus() throws {
        let (loaded, reopened) = try Self.loadSeeds(with: GlibcMemoryTuning())
        #expect(Self.summary(loaded) == Self.summary(Seeds.corpus))
        #expect(Self.summary(reopened) == Self.summary(Seeds.corpus))
    }

    @Test func theSwitchVariableKeepsThePlatformTuningOut() {
        #expect(PlatformTuning.install(environment: [PlatformTuning.switchVariable: "off"]) == false)
        #expect(ProcessMemory.tuning is PlainMemory)
    }
}
