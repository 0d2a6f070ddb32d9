import Foundation
import Synchronization

/// A cache of a loaded corpus, so that re-opening an unchanged corpus skips parsing and matching.
///
/// The cache lives outside the corpus (mq never writes into a corpus): in `$MQ_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/mq`, else `~/.cache/mq`, one file per corpus directory. It is used only when no
/// input file has changed since it was written and the mq binary is the same (``InputSignature``);
/// otherwise the corpus is loaded from its files and the cache rewritten, atomically (a new file renamed
/// over the old one).
///
/// Re-opening maps the file (``CacheFile``), verifies its checksums and decodes it on every core
/// (``CorpusCacheCoding``): big arrays are copied raw, texts stay in the mapped file (their checksums are
/// verified; the mapping lives as long as a document that reads it), postings are taken as stored. A
/// file that is truncated, garbled, foreign or out of date is ignored and rebuilt.
public struct CorpusCache: Sendable {
    /// Where the cache files are written.
    public let directory: String

    /// A cache in `directory` (created when first written):
    /// ```swift
    /// let corpus = try Corpus.load(directory: "seeds", cache: CorpusCache.defaultDirectory().map { CorpusCache(directory: $0) })
    /// ```
    public init(directory: String) { self.directory = directory }

    /// The default cache directory for this user, or nil when `MQ_NO_CACHE` is set.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let v = environment["MQ_NO_CACHE"], !v.isEmpty, v != "0" { return nil }
        if let d = environment["MQ_CACHE_DIR"], !d.isEmpty { return d }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return base + "/mq"
    }

    /// The cache file of a corpus directory.
    func file(for corpusDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: corpusDirectory).standardizedFileURL.path
        return directory + "/" + String(ContentHash.hex(Array(absolute.utf8)).prefix(24)) + ".corpus"
    }

    // MARK: Writing

    /// Writes the cache of a corpus loaded from `corpusDirectory` (errors are ignored: a cache is optional).
    func save(_ c: Corpus, corpusDirectory: String, signature: InputSignature, spelling: SpellingTable) {
        let documents = c.documents
        let textChecksums = parallelChunks(documents.count, minChunk: 64) { range in
            range.map { d in documents[d].withUTF8 { Checksum.of(UnsafeRawBufferPointer($0)) } }
        }.flatMap { $0 }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = CacheFile.write(file(for: corpusDirectory), signature: signature) { output in
            var writer = BinaryWriter { output.indexBlock($0) }
            CorpusCacheCoding.encode(c, spelling: spelling, textChecksums: textChecksums, into: &writer)
            for d in documents { d.withUTF8 { output.text(UnsafeRawBufferPointer($0)) } }
        }
    }

    // MARK: Reading

    /// The corpus re-opened from the cache if no input has changed since the cache was written (else nil),
    /// and the signature of the inputs either way (to save a fresh load under).
    ///
    /// Checking the inputs and reading the cache file go side by side: the input files are looked up a
    /// thousand at a time on other threads (``InputSignature/Survey``) while this thread maps the cache file
    /// and decodes it (``CorpusCacheCoding/Decoding``, which hands verifying checksums and its other side
    /// jobs to other threads too). Once both signatures are known, a mismatch stops the decoding.
    func open(corpusDirectory dir: String) -> (corpus: Corpus?, signature: InputSignature) {
        let start = ContinuousClock.now
        // Whatever the outcome, the host's memory tuning hears that the documents are in place (or not coming).
        defer { ProcessMemory.tuning.loadDidFinish() }
        let queue = DispatchQueue.global(qos: .userInitiated)
        let group = DispatchGroup()
        let meeting = Meeting()
        queue.async(group: group) {
            let survey = InputSignature.Survey(corpusDirectory: dir, executable: InputSignature.executablePath)
            meeting.add(survey.fixed)
            survey.list { piece in
                meeting.pieceBegun()
                queue.async(group: group) { meeting.pieceDone(piece.sum()) }
            }
            meeting.listed()
        }
        var decoding: CorpusCacheCoding.Decoding?
        if let mapped = CacheFile.Mapped.map(file(for: dir)) {
            meeting.stored(mapped.signature)
            if !meeting.stop.isCancelled { decoding = try? CorpusCacheCoding.Decoding(mapped, directory: dir) }
        }
        var read = ContinuousClock.now
        if let decoding {
            // Side jobs are taken one by one by helpers (as many as there are other cores; the survey has
            // its own tasks), and by this thread once the documents are built.
            let jobs = decoding.sideJobCount
            let takeJobs: @Sendable () -> Void = {
                while let j = meeting.take(below: jobs), !meeting.stop.isCancelled {
                    if !decoding.runSideJob(j) { meeting.fail() }
                }
            }
            for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount - 1) { queue.async(group: group, execute: takeJobs) }
            let built = ProcessMemory.tuning.withPreparedHeap(bytes: decoding.documentBytes) { decoding.buildDocuments(stop: meeting.stop) }
            if !built { meeting.fail() }
            read = ContinuousClock.now
            takeJobs()
        } else {
            meeting.fail()
        }
        group.wait()
        let outcome = meeting.outcome
        guard let signature = outcome.computed else { preconditionFailure("the inputs were surveyed") }
        guard !outcome.failed, outcome.stored == signature, let decoding else { return (nil, signature) }
        var timings = LoadTimings()
        timings.cache = ContinuousClock.now - start
        timings.total = timings.cache
        timings.cacheInputs = (outcome.inputsChecked ?? start) - start
        timings.cacheRead = read - start
        return (decoding.corpus().withTimings(timings), signature)
    }

    /// Where the two sides of ``open(corpusDirectory:)`` meet: the inputs' signature, summed from the pieces
    /// of the survey as they are done, and the cache file's; whichever is known second compares them (and
    /// stops the decoding if they differ).
    private final class Meeting: @unchecked Sendable {
        struct State {
            var sum = InputSignature.Sum()
            var piecesLeft = 0
            var listed = false
            var computed: InputSignature?
            var stored: InputSignature?
            var failed = false
            var inputsChecked: ContinuousClock.Instant?
        }
        /// Guarded by `lock` (a pthread mutex, which the thread sanitizer sees, unlike `Mutex`).
        private var state = State()
        private let lock = NSLock()
        private let nextJob = Atomic<Int>(0)
        let stop = CancellationToken()

        private func withLock<R>(_ body: (inout State) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&state)
        }

        /// The next side job not yet taken, if any is left.
        func take(below count: Int) -> Int? {
            let j = nextJob.add(1, ordering: .relaxed).oldValue
            return j < count ? j : nil
        }

        var outcome: State { withLock { $0 } }

        func add(_ sum: InputSignature.Sum) { withLock { $0.sum.add(sum) } }
        func pieceBegun() { withLock { $0.piecesLeft += 1 } }

        func pieceDone(_ sum: InputSignature.Sum) {
            withLock { $0.sum.add(sum); $0.piecesLeft -= 1 }
            complete()
        }

        func listed() {
            withLock { $0.listed = true }
            complete()
        }

        func stored(_ s: InputSignature) {
            withLock { $0.stored = s }
            compare()
        }

        func fail() {
            withLock { $0.failed = true }
            stop.cancel()
        }

        /// Once the listing and every piece are done: the inputs' signature.
        private func complete() {
            let done = withLock { s in
                guard s.listed && s.piecesLeft == 0 && s.computed == nil else { return false }
                s.computed = InputSignature(s.sum)
                s.inputsChecked = .now
                return true
            }
            if done { compare() }
        }

        private func compare() {
            let differ = withLock { s in s.computed != nil && s.stored != nil && s.computed != s.stored }
            if differ { stop.cancel() }
        }
    }
}
