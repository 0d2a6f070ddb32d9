import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("Corpus cache")
struct CorpusCacheTests {
    /// A copy of the seeds corpus in a temporary directory, so that tests may touch its files, and a cache
    /// directory of its own; both removed by `clean()`.
    struct Copy {
        let dir: String
        let cache: CorpusCache

        init() throws {
            dir = NSTemporaryDirectory() + "mq-cache-test-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: Paths.seeds, toPath: dir)
            cache = CorpusCache(directory: dir + "-cache")
        }

        func clean() {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: cache.directory)
        }

        func load() throws -> Corpus { try Corpus.load(directory: dir, cache: cache) }
        var signature: InputSignature { InputSignature.of(corpusDirectory: dir) }
        var cacheFile: String { cache.file(for: dir) }

        func write(_ file: String, _ text: String) throws {
            try text.write(toFile: dir + "/" + file, atomically: false, encoding: .utf8)
        }

        func append(_ file: String, _ text: String) throws {
            let h = try #require(FileHandle(forWritingAtPath: dir + "/" + file))
            h.seekToEndOfFile()
            h.write(Data(text.utf8))
            h.closeFile()
        }

        /// Sets a file's modification time, `seconds` after the epoch.
        func setTime(_ file: String, _ seconds: Int) {
            var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, dir + "/" + file, &times, 0)
        }
    }

    // MARK: Round trip

    @Test func reopensAnUnchangedCorpusFromTheCacheWithTheSameContent() throws {
        let c = try Copy()
        defer { c.clean() }
        let first = try c.load()
        #expect(!first.fromCache)
        let again = try c.load()
        #expect(again.fromCache)
        CorpusCacheTests.expectSame(again, first)
        #expect(again.entities(named: "Hezbollah Al Nujaba").map(\.id) == ["harakat-al-nujaba"])
        // And the same as a load without any cache.
        CorpusCacheTests.expectSame(again, try Corpus.load(directory: c.dir))
    }

    @Test func aCorpusWithSettingsAndAnUnannotatedDocumentRoundTrips() throws {
        let c = try Copy()
        defer { c.clean() }
        try c.write("documents/zz_extra.txt", "Extra page\n\nKataib Hezbollah and “Hezbollah” met in Baghdad.\r\nA second line.\n")
        try c.write("corpus.yaml", "name: copy of seeds\nspelling: {hizbolla: hezbollah}\n")
        let first = try c.load()
        let again = try c.load()
        #expect(again.fromCache)
        #expect(again.name == "copy of seeds")
        CorpusCacheTests.expectSame(again, first)
    }

    /// A copy of the seeds loaded (which writes its cache), then re-opened from the cache.
    static func loadedAndReopened() throws -> (Copy, first: Corpus, again: Corpus) {
        let c = try Copy()
        let first = try c.load(), again = try c.load()
        #expect(!first.fromCache && again.fromCache)
        return (c, first, again)
    }

    @Test func aReopenedCorpusReadsItsTextsInPlaceLikeALoadedOne() throws {
        let (c, first, again) = try Self.loadedAndReopened()
        defer { c.clean() }
        for (x, y) in zip(again.documents, first.documents) {
            // The raw file, read as a String of its own, sliced by UTF-8 offsets.
            let raw = try String(contentsOfFile: c.dir + "/" + x.path, encoding: .utf8)
            let u = raw.utf8, n = u.count
            func slice(_ a: Int, _ b: Int) -> String { String(decoding: Array(u)[a..<b], as: UTF8.self) }
            #expect(x.byteCount == n && y.byteCount == n && x.text == raw && y.text == raw)
            #expect(x.slice(0, n) == raw && x.slice(n / 3, n / 2) == slice(n / 3, n / 2) && y.slice(n / 3, n / 2) == slice(n / 3, n / 2))
            #expect(x.slice(n - 3, n + 10) == slice(n - 3, n) && x.slice(10, 5) == "")
            #expect(x.withUTF8(Array.init) == Array(u) && y.withUTF8(Array.init) == Array(u))
            for line in [1, x.lineCount / 2, x.lineCount] { #expect(x.lineRange(line) == y.lineRange(line)) }
        }
        for m in first.mentions.prefix(200) {
            #expect(again.surface(m) == first.surface(m))
            #expect(again.sentenceText(doc: Int(m.doc), sentence: Int(m.sentence)) == first.sentenceText(doc: Int(m.doc), sentence: Int(m.sentence)))
        }
    }

    @Test func aReopenedCorpusKeepsItsTextsAndMentionsOnceItsCacheFileIsReplacedOrRemoved() throws {
        let (c, first, again) = try Self.loadedAndReopened()
        defer { c.clean() }
        // A changed corpus: its cache file is replaced by a new one (renamed over it), then removed.
        try c.write("documents/zz_extra.txt", "Kataib Hezbollah in Baghdad.\n")
        #expect(try !c.load().fromCache)
        try FileManager.default.removeItem(atPath: c.cache.directory)
        for (x, y) in zip(again.documents, first.documents) { #expect(x.text == y.text) }
        #expect(again.mentions == first.mentions && Array(again.mentions) == Array(first.mentions))
        // Documents and mentions taken out of the corpus outlive it.
        let (documents, mentions) = { (again.documents, again.mentions) }()
        #expect(documents.map(\.text) == first.documents.map(\.text) && mentions == first.mentions)
    }

    @Test func warningsRoundTrip() throws {
        let c = try Copy()
        defer { c.clean() }
        let loaded = try Corpus.load(directory: c.dir)
        let warnings = [LoadProblem(file: "documents/a.yaml", line: 3, message: "odd", hint: "did you mean “b”?", severity: .warning),
                        LoadProblem(file: "catalog/x.yaml", message: "plain", severity: .warning)]
        let corpus = Corpus(name: loaded.name, directory: c.dir, documents: loaded.documents, entities: loaded.entities,
                            facts: loaded.facts, index: loaded.names, mentions: loaded.mentions,
                            sentenceStarts: loaded.sentenceStarts, warnings: warnings)
        c.cache.save(corpus, corpusDirectory: c.dir, signature: c.signature, spelling: loaded.names.normalizer.spelling)
        let again = try #require(c.cache.open(corpusDirectory: c.dir).corpus)
        #expect(again.warnings == warnings)
        CorpusCacheTests.expectSame(again, corpus)
    }

    /// Every document, entity, fact, mention, posting and name of two corpora agree.
    static func expectSame(_ a: Corpus, _ b: Corpus) {
        #expect(a.name == b.name)
        #expect(a.warnings == b.warnings)
        #expect(a.documents.count == b.documents.count)
        for (x, y) in zip(a.documents, b.documents) {
            #expect(x.id == y.id && x.index == y.index && x.path == y.path && x.text == y.text && x.title == y.title)
            #expect(x.outlet == y.outlet && x.outletEntity == y.outletEntity && x.authors == y.authors)
            #expect(x.published == y.published && x.publishedNote == y.publishedNote && x.url == y.url && x.language == y.language)
            #expect(x.zones == y.zones && x.annotated == y.annotated && x.sha256 == y.sha256 && x.note == y.note)
            #expect(x.lineStarts == y.lineStarts)
            #expect(a.document(id: x.id)?.index == x.index)
            #expect(x.byteCount == y.byteCount && x.withUTF8(Array.init) == y.withUTF8(Array.init))
        }
        #expect(a.entities.count == b.entities.count)
        for (x, y) in zip(a.entities, b.entities) {
            #expect(x.id == y.id && x.index == y.index && x.type == y.type && x.name == y.name && x.names == y.names)
            #expect(x.country == y.country && x.description == y.description && x.note == y.note && x.location == y.location)
            #expect(a.entity(id: x.id)?.index == x.index)
        }
        #expect(a.facts.count == b.facts.count)
        for (x, y) in zip(a.facts, b.facts) {
            #expect(x.id == y.id && x.index == y.index && x.subject == y.subject && x.predicate == y.predicate && x.object == y.object)
            #expect(x.date == y.date && x.from == y.from && x.until == y.until && x.saidBy == y.saidBy && x.doc == y.doc)
            #expect(x.quote == y.quote && x.quoteStart == y.quoteStart && x.quoteEnd == y.quoteEnd && x.note == y.note)
            #expect(x.location == y.location)
        }
        #expect(a.mentions == b.mentions)
        #expect(a.sentenceStarts == b.sentenceStarts)
        let p = a.postings, q = b.postings
        #expect(p.documentMentionStart == q.documentMentionStart)
        #expect(p.entityMentions == q.entityMentions)
        #expect(p.entityDocuments == q.entityDocuments && p.entityOwnDocuments == q.entityOwnDocuments)
        #expect(p.documentEntities == q.documentEntities && p.documentOwnEntities == q.documentOwnEntities)
        #expect(p.entityFacts == q.entityFacts)
        #expect(p.entityByID == q.entityByID && p.documentByID == q.documentByID)
        #expect(a.names.groups == b.names.groups && a.names.lookupKeys == b.names.lookupKeys)
        #expect(a.names.maxNameWords == b.names.maxNameWords && a.names.normalizer.spelling.rules == b.names.normalizer.spelling.rules)
        // The names match text the same way.
        let texts = a.documents.map { ($0.text, $0.zones) }
        #expect(Corpus.match(texts, index: a.names).mentions == Corpus.match(texts, index: b.names).mentions)
    }

    // MARK: Invalidation

    @Test func anyChangedInputChangesTheSignature() throws {
        let c = try Copy()
        defer { c.clean() }
        try c.write("documents/zz_extra.txt", "An extra document about Baghdad.\n")
        var previous = c.signature
        #expect(c.signature == previous, "a signature is stable")
        func expectChanged(_ what: String, _ change: () throws -> Void) throws {
            try change()
            let now = c.signature
            #expect(now != previous, "\(what)")
            previous = now
        }
        // A raw file edited in place, keeping its size.
        try expectChanged("edited raw file") { try c.write("documents/zz_extra.txt", "An extra document about Mosul!!\n") }
        // Only the time changes (as `touch` does).
        try expectChanged("touched raw file") { c.setTime("documents/zz_extra.txt", 1_000_000_000) }
        try expectChanged("touched sidecar") { c.setTime("documents/003_adf714cf9f5e1bca.yaml", 1_000_000_000) }
        try expectChanged("catalog") { try c.append("catalog/groups.yaml", "\n# touched\n") }
        try expectChanged("facts") { try c.append("facts/leadership.yaml", "\n# touched\n") }
        try expectChanged("documents.tsv added") { try c.write("documents.tsv", "id\ttitle\n") }
        try expectChanged("documents.tsv edited") { try c.append("documents.tsv", "zz_extra\tExtra\n") }
        try expectChanged("corpus.yaml added") { try c.write("corpus.yaml", "name: x\n") }
        try expectChanged("file added") { try c.write("documents/zz_more.txt", "More.\n") }
        try expectChanged("file removed") { try FileManager.default.removeItem(atPath: c.dir + "/documents/zz_more.txt") }
        try expectChanged("file renamed") {
            try FileManager.default.moveItem(atPath: c.dir + "/documents/zz_extra.txt", toPath: c.dir + "/documents/zz_other.txt")
        }
        // A file replaced (renamed over, as editors save) by another of the same size and time: a new inode.
        try expectChanged("file replaced") {
            c.setTime("documents/zz_other.txt", 1_000_000_000)
            let text = try String(contentsOfFile: c.dir + "/documents/zz_other.txt", encoding: .utf8)
            try c.write("documents/zz_new", String(text.reversed()))
            c.setTime("documents/zz_new", 1_000_000_000)
            _ = rename(c.dir + "/documents/zz_new", c.dir + "/documents/zz_other.txt")
        }
        try expectChanged("folder removed") { try FileManager.default.removeItem(atPath: c.dir + "/facts") }
        // Hidden files are not inputs.
        try c.write("documents/.hidden.txt", "ignored")
        #expect(c.signature == previous)
    }

    @Test func theSignatureDoesNotDependOnTheBinaryOnlyWhenThereIsNone() throws {
        let c = try Copy()
        defer { c.clean() }
        let with = InputSignature.of(corpusDirectory: c.dir)
        #expect(InputSignature.of(corpusDirectory: c.dir, executable: nil) != with)
        #expect(InputSignature.of(corpusDirectory: c.dir, executable: c.dir + "/no-such-binary") != with)
    }

    @Test func anyChangedInputInvalidatesTheCache() throws {
        for file in ["catalog/groups.yaml", "facts/leadership.yaml", "documents/003_adf714cf9f5e1bca.yaml"] {
            let c = try Copy()
            defer { c.clean() }
            _ = try c.load()
            // Append a comment: same meaning, new size and time.
            try c.append(file, "\n# touched\n")
            #expect(try !c.load().fromCache, "\(file)")
            #expect(try c.load().fromCache, "\(file): rewritten")
        }
    }

    @Test func editingTouchingAddingAndRemovingDocumentsInvalidatesTheCache() throws {
        let c = try Copy()
        defer { c.clean() }
        try c.write("documents/zz_extra.txt", "Kataib Hezbollah in Baghdad.\n")
        _ = try c.load()
        #expect(try c.load().fromCache)
        // The same size, other text: the new text is read.
        try c.write("documents/zz_extra.txt", "Kataib Hezbollah in Fallujah\n")
        var corpus = try c.load()
        #expect(!corpus.fromCache)
        #expect(corpus.document(id: "zz_extra")?.text == "Kataib Hezbollah in Fallujah\n")
        #expect(try c.load().fromCache)
        // Touched only.
        c.setTime("documents/zz_extra.txt", 1_000_000_000)
        #expect(try !c.load().fromCache)
        // Added, then removed.
        try c.write("documents/zz_more.txt", "More about Mosul.\n")
        corpus = try c.load()
        #expect(!corpus.fromCache && corpus.document(id: "zz_more") != nil)
        try FileManager.default.removeItem(atPath: c.dir + "/documents/zz_more.txt")
        corpus = try c.load()
        #expect(!corpus.fromCache && corpus.document(id: "zz_more") == nil)
        #expect(try c.load().fromCache)
    }

    @Test func aChangedRawFileIsStillCaughtByItsPin() throws {
        let c = try Copy()
        defer { c.clean() }
        _ = try c.load()
        let raw = c.dir + "/documents/000_40a7b08fdfb61403.txt"
        var text = try String(contentsOfFile: raw, encoding: .utf8)
        text += " "
        try text.write(toFile: raw, atomically: true, encoding: .utf8)
        #expect(throws: CorpusLoadError.self) { try c.load() }
    }

    // MARK: Damaged and foreign cache files

    @Test func aTruncatedCacheIsIgnoredAndRebuilt() throws {
        let c = try Copy()
        defer { c.clean() }
        _ = try c.load()
        let bytes = try #require(FileManager.default.contents(atPath: c.cacheFile))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: c.cacheFile))
        let again = try c.load()
        #expect(!again.fromCache)
        #expect(again.mentions.count == Seeds.corpus.mentions.count)
        #expect(try c.load().fromCache, "rewritten")
    }

    @Test func everyTruncationIsRefused() throws {
        let c = try Copy()
        defer { c.clean() }
        _ = try c.load()
        let bytes = try #require(FileManager.default.contents(atPath: c.cacheFile))
        for length in Set(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 150)).map { $0 } + Array(bytes.count - 70..<bytes.count)) {
            try bytes.prefix(length).write(to: URL(fileURLWithPath: c.cacheFile))
            #expect(c.cache.open(corpusDirectory: c.dir).corpus == nil, "truncated to \(length) of \(bytes.count) bytes")
        }
    }

    @Test func everyChangedByteIsRefused() throws {
        let c = try Copy()
        defer { c.clean() }
        _ = try c.load()
        let bytes = try #require(FileManager.default.contents(atPath: c.cacheFile))
        #expect(c.cache.open(corpusDirectory: c.dir).corpus != nil)
        // Bytes all over the file: index, texts, block table, trailer; one bit or a whole byte.
        let positions = Set(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)).map { $0 } + Array(bytes.count - 200..<bytes.count))
        for (k, position) in positions.sorted().enumerated() {
            var damaged = bytes
            damaged[position] ^= k % 2 == 0 ? 0x01 : 0xFF
            try damaged.write(to: URL(fileURLWithPath: c.cacheFile))
            #expect(c.cache.open(corpusDirectory: c.dir).corpus == nil, "byte \(position) of \(bytes.count) changed")
        }
        // A damaged file is rebuilt by the next load, which gives the corpus of the files.
        let again = try c.load()
        #expect(!again.fromCache)
        CorpusCacheTests.expectSame(again, try Corpus.load(directory: c.dir))
        #expect(try c.load().fromCache)
    }

    @Test func foreignFilesAreRefused() throws {
        let c = try Copy()
        defer { c.clean() }
        _ = try c.load()
        let good = try #require(FileManager.default.contents(atPath: c.cacheFile))
        var generator = SystemRandomNumberGenerator()
        let foreign: [Data] = [
            Data(),
            Data("not a cache\n".utf8),
            Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }),
            Data(repeating: 0, count: good.count),
            good + Data([0]),
            Data([0]) + good,
        ]
        for (k, data) in foreign.enumerated() {
            try data.write(to: URL(fileURLWithPath: c.cacheFile))
            #expect(c.cache.open(corpusDirectory: c.dir).corpus == nil, "foreign file \(k)")
            #expect(try !c.load().fromCache, "foreign file \(k)")
        }
        // A directory, or a dangling link, where the cache file should be.
        try FileManager.default.removeItem(atPath: c.cacheFile)
        try FileManager.default.createDirectory(atPath: c.cacheFile, withIntermediateDirectories: false)
        #expect(try !c.load().fromCache)
        try FileManager.default.removeItem(atPath: c.cacheFile)
        try FileManager.default.createSymbolicLink(atPath: c.cacheFile, withDestinationPath: c.dir + "/nowhere")
        #expect(try !c.load().fromCache)
        #expect(try c.load().fromCache, "replaced by a real cache file")
    }

    @Test func theCacheOfAnotherCorpusIsRefused() throws {
        let a = try Copy(), b = try Copy()
        defer { a.clean(); b.clean() }
        try b.append("catalog/groups.yaml", "\n# another corpus\n")
        _ = try a.load()
        _ = try b.load()
        try FileManager.default.copyItem(atPath: b.cacheFile, toPath: a.cache.directory + "/other")
        _ = rename(a.cache.directory + "/other", a.cacheFile)
        #expect(a.cache.open(corpusDirectory: a.dir).corpus == nil)
        #expect(try !a.load().fromCache)
    }

    @Test func savingLeavesOneFileReadableByItsOwnerOnly() throws {
        let c = try Copy()
        defer { c.clean() }
        _ = try c.load()
        _ = try Corpus.load(directory: c.dir, cache: c.cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: c.cache.directory)
        #expect(files == [String(c.cacheFile.split(separator: "/").last!)])
        let mode = try FileManager.default.attributesOfItem(atPath: c.cacheFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func concurrentOpensAndSavesAgree() async throws {
        let c = try Copy()
        defer { c.clean() }
        let expected = try Corpus.load(directory: c.dir).mentions
        try await withThrowingTaskGroup(of: MentionList.self) { group in
            for _ in 0..<6 { group.addTask { try c.load().mentions } }
            for try await mentions in group { #expect(mentions == expected) }
        }
        #expect(try c.load().fromCache)
    }

    // MARK: Binary coding

    @Test func rawArraysListsAndStringsRoundTrip() throws {
        var bytes: [UInt8] = []
        var pieces = 0
        var w = BinaryWriter(pieceSize: 64) { bytes.append(contentsOf: $0); pieces += 1 }
        w.string("é“x”")
        w.bool(true)
        w.raw([Int32(-1), 2, 3])
        w.lists([[UInt64(1)], [], [2, 3, 4]])
        w.string(String(repeating: "long ", count: 40))
        w.date(PartialDate(year: 2014, month: 6))
        w.double(-2.5)
        w.flush()
        #expect(pieces > 1)
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
            var r = BinaryReader(raw)
            #expect(try r.string() == "é“x”")
            #expect(try r.bool())
            #expect(try r.raw(Int32.self).array() == [-1, 2, 3])
            #expect(try r.lists(UInt64.self, count: 3).lists() == [[1], [], [2, 3, 4]])
            #expect(try r.string() == String(repeating: "long ", count: 40))
            #expect(try r.date() == PartialDate(year: 2014, month: 6))
            #expect(try r.double() == -2.5)
            #expect(r.atEnd)
        }
    }

    @Test func theReaderRefusesWhatDoesNotAddUp() throws {
        var bytes: [UInt8] = []
        var w = BinaryWriter { bytes.append(contentsOf: $0) }
        w.int(5)
        [UInt8]([0xC3, 0x28, 0x41, 0x42, 0x43]).withUnsafeBytes { w.bytes($0) }  // invalid UTF-8
        w.int(Int.max)  // a count larger than the bytes left
        w.flush()
        bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            #expect(throws: BinaryReader.Corrupt.self) { try r.string() }
            r = BinaryReader(raw)
            try? r.seek(to: 13)
            #expect(throws: BinaryReader.Corrupt.self) { try r.raw(Int64.self) }
            r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[0..<3]))
            #expect(throws: BinaryReader.Corrupt.self) { try r.int() }
        }
    }

    @Test func theChecksumSeesEverySingleChange() {
        var bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let original = bytes.withUnsafeBytes { Checksum.of($0) }
        for position in 0..<bytes.count {
            for bit in [0, 7] {
                bytes[position] ^= 1 << bit
                #expect(bytes.withUnsafeBytes { Checksum.of($0) } != original)
                bytes[position] ^= 1 << bit
            }
        }
        #expect(bytes.withUnsafeBytes { Checksum.of($0) } == original)
        #expect(bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<999])) } != original)
    }
}
