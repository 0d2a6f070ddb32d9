import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(MQInternals) @testable import QueryLang

/// The document reader: files come back whole and in order, whether the system holds them in memory or
/// has to read them from disk (then the next files are read ahead).
@Suite("Directory reader")
struct DirectoryReaderTests {
    /// A fresh directory of files named `0000.txt`, ... with the given contents, written to disk.
    static func directory(_ contents: [[UInt8]]) throws -> (String, [(name: String, regular: Bool)]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mq-reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var files: [(name: String, regular: Bool)] = []
        for (i, bytes) in contents.enumerated() {
            let name = String(format: "%04d.txt", i)
            let fd = open(dir + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(fd >= 0)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fsync(fd)
            close(fd)
            files.append((name, true))
        }
        return (dir, files)
    }

    /// Asks the system to drop the files' pages from memory; whether it did, for file `checked`.
    static func evict(_ dir: String, _ files: [(name: String, regular: Bool)], checked: Int = 0) -> Bool {
        #if os(Linux)
        for f in files {
            let fd = open(dir + "/" + f.name, O_RDONLY)
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
            close(fd)
        }
        let fd = open(dir + "/" + files[checked].name, O_RDONLY)
        defer { close(fd) }
        guard let p = mmap(nil, 4096, PROT_READ, MAP_SHARED, fd, 0), p != MAP_FAILED else { return false }
        defer { munmap(p, 4096) }
        var resident: UInt8 = 0
        return mincore(p, 4096, &resident) == 0 && resident & 1 == 0
        #else
        return false
        #endif
    }

    static func contents(_ n: Int) -> [[UInt8]] {
        (0..<n).map { i in
            // Mostly small files, one empty, one larger than the reader's first buffer (64 KiB).
            if i == 3 { return [] }
            if i == 7 { return [UInt8]((0..<(200 << 10)).map { UInt8(0x41 + $0 % 26) }) }
            return Array("document \(i)\n".utf8) + [UInt8](repeating: UInt8(0x61 + i % 26), count: 100 + i * 37)
        }
    }

    @Test func readsEveryFileWholeInOrder() throws {
        let contents = Self.contents(80)
        let (dir, files) = try Self.directory(contents)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reader = FileAccess.DirectoryReader(dir, files: files)
        for k in files.indices {
            #expect(Array(try reader.read(k, limit: 1 << 20)) == contents[k], "file \(k)")
        }
    }

    /// Read into an arena: each file comes back whole; those kept stay as they were while later files
    /// are read (into the space after them, or a new block when a file outgrows the block's rest), and
    /// the space of those not kept is read over.
    @Test func filesReadIntoAnArenaStayWholeOnceKept() throws {
        // Small files, one of 200 KiB, and one larger than a whole block of the arena.
        var contents = Self.contents(60)
        contents[41] = [UInt8]((0..<(TextArena.blockSize + 300_000)).map { UInt8(0x30 + $0 % 10) })
        let (dir, files) = try Self.directory(contents)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arena = TextArena()
        let reader = FileAccess.DirectoryReader(dir, files: files, into: arena)
        var kept: [(Int, UnsafeBufferPointer<UInt8>, TextArena.Block)] = []
        for k in files.indices {
            let bytes = try reader.read(k, limit: 64 << 20)
            #expect(Array(bytes) == contents[k], "file \(k)")
            if k % 3 != 0 {
                let (b, block) = arena.keep(bytes.count)
                #expect(b.baseAddress == bytes.baseAddress)
                kept.append((k, b, block))
            }
        }
        for (k, b, block) in kept { withExtendedLifetime(block) { #expect(Array(b) == contents[k], "kept file \(k)") } }
        // The blocks hold the kept texts one after another.
        let inFirst = kept.filter { $0.2 === kept[0].2 }
        for (a, b) in zip(inFirst, inFirst.dropFirst()) { #expect(a.1.baseAddress! + a.1.count == b.1.baseAddress!) }
    }

    @Test func filesNotInMemoryAreReadAheadAndComeBackWhole() throws {
        let contents = Self.contents(80)
        let (dir, files) = try Self.directory(contents)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let evicted = Self.evict(dir, files)
        let reader = FileAccess.DirectoryReader(dir, files: files)
        for k in files.indices {
            #expect(Array(try reader.read(k, limit: 1 << 20)) == contents[k], "file \(k)")
        }
        // Reading ahead starts exactly when a file had to come from disk.
        #expect(reader.readingAhead == evicted)
    }

    /// A worker of the loader reads the batches it takes, which are not consecutive: it plans each one,
    /// and files are read ahead across its planned batches, never beyond them. (Reading ahead is turned
    /// on from the start here, rather than left to find a file not in memory, which the system decides.)
    @Test func plannedBatchesAreReadAheadInTheirOrder() throws {
        let contents = Self.contents(120)
        let (dir, files) = try Self.directory(contents)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reader = FileAccess.DirectoryReader(dir, files: files, planned: true)
        reader.readAheadFromNow()
        let batches = [80..<100, 0..<20, 40..<60, 100..<120]
        reader.plan(batches[0])
        reader.plan(batches[1])
        var planned = 40, read = 0
        for (i, batch) in batches.enumerated() {
            for k in batch {
                #expect(Array(try reader.read(k, limit: 1 << 20)) == contents[k], "file \(k)")
                read += 1
                // The next files of the plan are open, up to the read-ahead window, and no others.
                #expect(reader.filesOpenAhead == min(FileAccess.DirectoryReader.readAheadFiles, planned - read), "after file \(k)")
            }
            if i + 2 < batches.count { reader.plan(batches[i + 2]); planned += batches[i + 2].count }
        }
        #expect(reader.filesOpenAhead == 0)
    }

    @Test func aMissingOrOversizedFileIsReportedAndTheOthersStillRead() throws {
        let contents = Self.contents(40)
        let (dir, files) = try Self.directory(contents)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        unlink(dir + "/" + files[20].name)
        _ = Self.evict(dir, files.filter { $0.name != files[20].name })
        let reader = FileAccess.DirectoryReader(dir, files: files)
        for k in files.indices {
            if k == 20 {
                #expect(throws: FileAccess.ReadError.self) { try reader.read(k, limit: 1 << 20) }
            } else if k == 7 {
                let error = #expect(throws: FileAccess.ReadError.self) { try reader.read(k, limit: 100 << 10) }
                #expect(error?.message.contains("over the limit") == true)
            } else {
                #expect(Array(try reader.read(k, limit: 1 << 20)) == contents[k], "file \(k)")
            }
        }
    }

    @Test func aCorpusNotInMemoryLoadsTheSameMentions() throws {
        let hot = try Corpus.load(directory: Paths.seeds)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mq-seeds-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Paths.seeds, toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let docs = try FileManager.default.contentsOfDirectory(atPath: dir + "/documents").sorted().map { (name: $0, regular: true) }
        for d in docs { let fd = open(dir + "/documents/" + d.name, O_RDONLY); fsync(fd); close(fd) }
        _ = Self.evict(dir + "/documents", docs)
        let cold = try Corpus.load(directory: dir)
        #expect(cold.mentions == hot.mentions)
        #expect(cold.documents.map(\.text) == hot.documents.map(\.text))
    }
}
