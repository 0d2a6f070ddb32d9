import Foundation

/// Reads `documents/*.txt`, their sidecars and `documents.tsv`.
struct DocumentLoader {
    static let sidecarKeys = ["sha256", "title", "outlet", "outlet_entity", "authors", "published",
                              "published_note", "url", "language", "zones", "note", "resolve"]
    /// A document larger than this is refused (a stray dump, not an article).
    static let maxDocumentBytes = 64 << 20

    let directory: String

    /// What reading the documents gives: documents in name order, their mentions and sentences (when a
    /// name index was given), and every problem found.
    struct Result {
        var documents: [Document] = []
        var mentions = MentionList()
        var sentences: [[Int32]] = []
        /// Per document, the distinct entities it mentions (any zone, own text), for ``Postings``.
        var documentEntities: (all: [[Int32]], own: [[Int32]]) = ([], [])
        /// Sidecars' `resolve` lists, by document.
        var resolutions: [CuratedResolutions.Request] = []
        var problems: [LoadProblem] = []
        /// Rows of `documents.tsv` and sidecars that a document took.
        var rowsUsed = 0, sidecarsUsed = 0
    }

    /// What one worker keeps while it reads and matches its batches: its mentions, one batch's run after
    /// another (see ``MentionRun``), and what it found to report or resolve in the batch at hand.
    private struct WorkerPart {
        var mentions: [Mention] = []
        var problems: [LoadProblem] = []
        var resolutions: [CuratedResolutions.Request] = []
        var rowsUsed = 0, sidecarsUsed = 0
    }

    /// The files of `documents/`: the texts in name order and the stems that have a sidecar.
    struct Listing {
        var texts: [(name: String, regular: Bool)] = []
        var sidecars: Set<String> = []
        /// Why `documents/` could not be listed, if it could not.
        var problem: LoadProblem?
    }

    /// Lists `documents/` (done beside the catalog, before the documents are read).
    func list() -> Listing {
        var listing = Listing()
        let folder = FileAccess.folder(directory, "documents", required: true)
        listing.problem = folder.problem
        for e in folder.entries {
            if e.name.hasSuffix(".txt") {
                listing.texts.append(e)
            } else if e.name.hasSuffix(".yaml") {
                listing.sidecars.insert(String(e.name.dropLast(5)))
            }
        }
        listing.texts.sort { $0.name < $1.name }
        return listing
    }

    /// Reads every listed `.txt` with its metadata and, when `index` is given, matches it right away: one
    /// pass on all cores, each document read, checked and matched while it is in cache.
    ///
    /// One worker per core takes batches of consecutive documents from a ``BatchQueue`` until none are
    /// left, so the cores finish within a batch of each other. Each worker keeps its mentions in one
    /// buffer, noting where each batch's run starts; the runs are put in document order at the end
    /// (``concatenate(_:runs:)``), as are the problems and resolutions, kept per batch.
    func load(_ listing: Listing, tsv: MetadataTable, entityIndex: [String: Int], index: NameIndex?) -> Result {
        let docDir = directory + "/documents"
        let texts = listing.texts, sidecars = listing.sidecars
        let names = texts.map(\.name)
        var result = Result()
        // Documents, sentences and entity lists go straight to their place, from any worker.
        let documents = ParallelSlots<Document>(count: names.count)
        let sentences = ParallelSlots<[Int32]>(count: names.count)
        let entitiesOf = ParallelSlots<[Int32]>(count: names.count), ownEntitiesOf = ParallelSlots<[Int32]>(count: names.count)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Batches small enough to end together, large enough to read ahead across (see DirectoryReader).
        let queue = BatchQueue(count: names.count, batchSize: min(32, max(1, names.count / (cores * 16))))
        let workers = min(cores, queue.batches)
        // Per batch: its worker's run of mentions, and what it found to report or resolve.
        let runs = ParallelSlots<MentionRun>(count: queue.batches)
        let batchProblems = ParallelSlots<[LoadProblem]>(count: queue.batches)
        let batchResolutions = ParallelSlots<[CuratedResolutions.Request]>(count: queue.batches)
        let tuning = ProcessMemory.tuning
        tuning.loadWillReadDocuments()
        var parts = parallelWorkers(workers) { worker -> WorkerPart in
            var part = WorkerPart()
            var matcher = index.map { Matcher(index: $0) }
            var finder = DocumentEntities(entityCount: index == nil ? 0 : entityIndex.count)
            // Room for a generous number of mentions per document: pages of a large array that are never
            // written cost no memory, while growing it step by step copies it again and again. (Not huge
            // pages: they raise peak memory for no time saved; docs/performance.md.)
            part.mentions.reserveCapacity(names.count / workers * 160)
            // Files are read straight into blocks of texts, where the documents keep them.
            let arena = TextArena()
            let reader = FileAccess.DirectoryReader(docDir, files: texts, planned: true, into: arena)
            // The host's tuning, if any, is told of each document's lists and strings before they are allocated.
            var heap = tuning.heapForThread()
            let tsvRows = tsv.rows
            // The batch being read and the next one, already planned so that files are read ahead across.
            var batch = queue.claim(), next = queue.claim()
            for b in [batch, next] { if let b { reader.plan(queue.range(b)) } }
            while let b = batch {
                let firstMention = part.mentions.count
                for k in queue.range(b) {
                    let name = names[k]
                    let stem = String(name.dropLast(4))
                    let rel = "documents/\(name)"
                    // The raw bytes, read into the arena, are checked, kept as the text and matched while in cache.
                    let bytes: UnsafeBufferPointer<UInt8>
                    do { bytes = try reader.read(k, limit: DocumentLoader.maxDocumentBytes) }
                    catch { part.problems.append(LoadProblem(file: rel, message: error.loadMessage)); continue }
                    heap?.expect(bytes.count / 16 + 256)
                    guard DocumentLoader.validText(bytes, file: rel, problems: &part.problems) != nil else { continue }
                    let kept = arena.keep(bytes.count)
                    let text = DocumentText(bytes: kept.bytes, owner: kept.block)
                    // The metadata: the sidecar (which wins, even one that could not be read), else the row.
                    let row = tsv.row(of: stem, position: k)
                    if row != nil { part.rowsUsed += 1 }
                    var sidecar: DocumentMetadata? = nil
                    let hasSidecar = !sidecars.isEmpty && sidecars.contains(stem)
                    if hasSidecar {
                        part.sidecarsUsed += 1
                        sidecar = readSidecar(stem: stem, problems: &part.problems)
                    }
                    let doc = withMetadata(hasSidecar ? nil : row, in: tsvRows, or: sidecar) { meta -> Document in
                        if let sha = meta?.pointee.sha256 {
                            let actual = ContentHash.hex(bytes)
                            if actual != sha.lowercased() {
                                part.problems.append(LoadProblem(file: meta?.pointee.file ?? rel, line: nil,
                                    message: "\(rel) has changed since its metadata was written (sha256 \(actual), pinned \(sha))",
                                    hint: "restore the original file, or review the metadata and update its sha256"))
                            }
                        }
                        if let list = meta?.pointee.resolve, let file = meta?.pointee.file {
                            part.resolutions.append(CuratedResolutions.Request(doc: k, file: file, list: list))
                        }
                        return makeDocument(stem: stem, path: rel, text: text, lineStarts: DocumentLoader.lineStarts(bytes),
                                            metadata: meta, index: k, entityIndex: entityIndex, problems: &part.problems)
                    }
                    if matcher != nil {
                        // The same bytes as the text.
                        let first = part.mentions.count
                        sentences.put(matcher!.match(bytes: bytes, doc: Int32(k), zones: doc.zones,
                                                     appendingTo: &part.mentions), at: k)
                        let found = finder.find(in: part.mentions[first...], doc: k)
                        entitiesOf.put(found.all, at: k)
                        ownEntitiesOf.put(found.own, at: k)
                    }
                    documents.put(doc, at: k)
                }
                runs.put(MentionRun(worker: worker, start: firstMention, count: part.mentions.count - firstMention), at: b)
                if !part.problems.isEmpty { batchProblems.put(part.problems, at: b); part.problems = [] }
                if !part.resolutions.isEmpty { batchResolutions.put(part.resolutions, at: b); part.resolutions = [] }
                batch = next
                next = queue.claim()
                if let n = next { reader.plan(queue.range(n)) }
            }
            return part
        }
        result.documents = documents.take()
        result.sentences = sentences.take()
        result.documentEntities = (entitiesOf.take(), ownEntitiesOf.take())
        result.mentions = DocumentLoader.concatenate(&parts, runs: runs.take())
        result.problems = Array(batchProblems.take().joined())
        result.resolutions = Array(batchResolutions.take().joined())
        let rowsUsed = parts.reduce(0) { $0 + $1.rowsUsed }, sidecarsUsed = parts.reduce(0) { $0 + $1.sidecarsUsed }
        // Metadata that no document took (each document takes its row and its sidecar): only then are
        // the stems gathered, to name what was left over.
        if rowsUsed < tsv.count || sidecarsUsed < sidecars.count {
            let stems = Set(names.map { String($0.dropLast(4)) })
            for orphan in sidecars.subtracting(stems).sorted() {
                result.problems.append(LoadProblem(file: "documents/\(orphan).yaml", message: "metadata for a document that does not exist",
                                                   hint: "expected documents/\(orphan).txt beside it"))
            }
            for id in Set(tsv.rowOf.keys).subtracting(stems).sorted() {
                result.problems.append(LoadProblem(file: "documents.tsv", line: tsv.rowOf[id].map { tsv.rows[$0].line } ?? nil,
                                                   message: "row for document '\(id)', which does not exist"))
            }
        }
        return result
    }

    /// Where one batch's mentions lie: in the buffer of the worker that read it, from `start`.
    struct MentionRun {
        var worker: Int
        var start: Int
        var count: Int
    }

    /// The batches' mentions in one array, in batch order (so in document order): each worker copies its
    /// own runs to their places, on all cores (the copy takes fresh pages of the big array, which is where
    /// its time goes). A worker's runs lie in its buffer in batch order, so the host's tuning may hand the
    /// buffer's pages back a few at a time as they are copied, and the two never take their whole size at once.
    private static func concatenate(_ parts: inout [WorkerPart], runs: [MentionRun]) -> MentionList {
        let discardStep = (1 << 20) / MemoryLayout<Mention>.stride
        let tuning = ProcessMemory.tuning
        var starts: [Int] = []
        starts.reserveCapacity(runs.count)
        var total = 0
        for r in runs { starts.append(total); total += r.count }
        let offsets = starts
        return parts.withUnsafeMutableBufferPointer { parts in
            nonisolated(unsafe) let parts = parts
            return MentionList(count: total) { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: parts.count) { w in
                    parts[w].mentions.withUnsafeBufferPointer { m in
                        guard let from = m.baseAddress else { return }
                        var discarded = 0
                        for (b, r) in runs.enumerated() where r.worker == w && r.count > 0 {
                            (out.baseAddress! + offsets[b]).initialize(from: from + r.start, count: r.count)
                            let copied = r.start + r.count
                            if copied - discarded >= discardStep {
                                tuning.discard(from + discarded, bytes: (copied - discarded) * MemoryLayout<Mention>.stride)
                                discarded = copied
                            }
                        }
                    }
                    parts[w].mentions = []
                }
            }
        }
    }

    /// Byte offset of the start of each line.
    static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        var i = 0
        while i < bytes.count, let nl = memchr(base + i, 0x0A, bytes.count - i) {
            i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            if i < bytes.count { starts.append(i) }
        }
        return starts
    }

    /// Calls `body` with the metadata of a document in place: row `row` of `rows`, else `sidecar`, else none.
    private func withMetadata<R>(_ row: Int?, in rows: [DocumentMetadata], or sidecar: DocumentMetadata?,
                                 _ body: (UnsafePointer<DocumentMetadata>?) -> R) -> R {
        if let row { return rows.withUnsafeBufferPointer { body($0.baseAddress! + row) } }
        if let sidecar { return withUnsafePointer(to: sidecar) { body($0) } }
        return body(nil)
    }

    /// A document with its zones resolved against its lines.
    private func makeDocument(stem: String, path: String, text: DocumentText, lineStarts: [Int], metadata: UnsafePointer<DocumentMetadata>?,
                              index: Int, entityIndex: [String: Int], problems: inout [LoadProblem]) -> Document {
        let byteCount = text.count
        var zones: [Zone] = []
        var outletEntity: Int? = nil
        if let meta = metadata {
            for z in meta.pointee.zones {
                guard z.last <= lineStarts.count else {
                    problems.append(LoadProblem(file: meta.pointee.file, line: z.line,
                        message: "zone lines \(z.first)-\(z.last) go past the end of \(path) (\(lineStarts.count) lines)"))
                    continue
                }
                let start = lineStarts[z.first - 1]
                let end = z.last < lineStarts.count ? lineStarts[z.last] : byteCount
                if let clash = zones.first(where: { $0.firstLine <= z.last && z.first <= $0.lastLine }) {
                    problems.append(LoadProblem(file: meta.pointee.file, line: z.line,
                        message: "zone lines \(z.first)-\(z.last) overlap the \(clash.kind.rawValue) zone \(clash.firstLine)-\(clash.lastLine)"))
                    continue
                }
                zones.append(Zone(kind: z.kind, firstLine: z.first, lastLine: z.last, start: start, end: end))
            }
            if let (id, line) = meta.pointee.outletEntity {
                outletEntity = entityIndex[id]
                if outletEntity == nil {
                    problems.append(LoadProblem(file: meta.pointee.file, line: line, message: "unknown entity '\(id)' in outlet_entity",
                                                hint: Suggestions.hint(for: id, in: entityIndex.keys)))
                }
            }
        }
        // No metadata: what the text itself says, marked as inferred (``Document/metadataSource``).
        var inferred: MetadataInference.Result? = nil
        if metadata == nil {
            let s = text.string
            // Lines as ``lineStarts`` counts them: at each LF (a CRLF is one Character).
            let lines = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            let r = MetadataInference.infer(lines: lines)
            for z in r.zones where z.first <= lineStarts.count {
                let last = min(z.last, lineStarts.count)  // the text's last line break starts no line
                zones.append(Zone(kind: z.kind, firstLine: z.first, lastLine: last, start: lineStarts[z.first - 1],
                                  end: last < lineStarts.count ? lineStarts[last] : byteCount))
            }
            inferred = r
        }
        return Document(id: stem, index: index, path: path, storedText: text,
                        title: metadata?.pointee.title ?? inferred?.title ?? Document.firstLine(of: text.string),
                        outlet: metadata?.pointee.outlet ?? inferred?.outlet, outletEntity: outletEntity,
                        authors: metadata?.pointee.authors ?? [], published: metadata?.pointee.published ?? inferred?.published,
                        publishedNote: metadata?.pointee.publishedNote ?? inferred?.publishedNote, url: metadata?.pointee.url,
                        language: metadata?.pointee.language ?? "en", zones: zones,
                        annotated: metadata != nil, sha256: metadata?.pointee.sha256, note: metadata?.pointee.note,
                        lineStarts: lineStarts)
    }

    /// Decodes UTF-8 text exactly (no replacement characters); refuses binary and empty files.
    static func decode(_ bytes: [UInt8], file: String, problems: inout [LoadProblem]) -> String? {
        bytes.withUnsafeBufferPointer { decode($0, file: file, problems: &problems) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, problems: inout [LoadProblem]) -> String? {
        // Checked once, here: the text is made without a second check.
        validText(bytes, file: file, problems: &problems).map { String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: $0)) }
    }

    /// Whether the bytes are a text as ``decode(_:file:problems:)`` takes them (if so, whether they are
    /// all ASCII; if not, a problem says why).
    static func validText(_ bytes: UnsafeBufferPointer<UInt8>, file: String, problems: inout [LoadProblem]) -> Bool? {
        guard !bytes.isEmpty else {
            problems.append(LoadProblem(file: file, message: "the document is empty")); return nil
        }
        switch UTF8Validation.check(bytes) {
        case let .valid(isASCII):
            return isASCII
        case let .nul(offset):
            problems.append(LoadProblem(file: file, line: lineOf(bytes, offset),
                                        message: "the file holds a NUL byte: it looks binary, not text"))
        case let .invalid(offset):
            problems.append(LoadProblem(file: file, line: lineOf(bytes, offset),
                                        message: "invalid UTF-8 at byte \(offset)", hint: "convert the file to UTF-8"))
        }
        return nil
    }

    static func lineOf(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var line = 1
        for b in bytes[..<min(offset, bytes.count)] where b == 0x0A { line += 1 }
        return line
    }
}
