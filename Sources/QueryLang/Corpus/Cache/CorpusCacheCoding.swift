/// How a corpus is laid out in the index of a cache file (``CacheFile``), and how it is read back.
///
/// The index holds, in order: counts (documents, entities, facts, mentions), the corpus name, the
/// spelling rules, the warnings; per document the offset and checksum of its text in the texts part;
/// entities and facts as records; the per-document lists (line starts, sentence starts, distinct
/// entities), the mention ranges, every mention, the per-entity postings and facts, all raw; the offset
/// of each document's record, then the document records (metadata).
///
/// Reading back (``Decoding``) copies each raw array at once, and builds the documents on one thread
/// while others verify checksums, copy the mentions and lists and compile the names. The texts are not
/// copied: each document reads its text in place in the mapped file (``DocumentText``). Every index and
/// offset is range-checked, so that even a file that passed its checksums by chance cannot make a corpus
/// that traps later, and no count is trusted before it is checked against the bytes there are (memory
/// grows with the bytes read, never with a number read); any failed check, and the cache is ignored.
enum CorpusCacheCoding {
    private static let end = 0x444E_4558_4544_4E45  // "ENDEXEND"

    // MARK: Writing

    static func encode(_ c: Corpus, spelling: SpellingTable, textChecksums: [UInt64], into w: inout BinaryWriter) {
        let n = c.documents.count
        w.int(n); w.int(c.entities.count); w.int(c.facts.count); w.int(c.mentions.count)
        w.string(c.name)
        w.int(spelling.rules.count)
        for (k, v) in spelling.rules.sorted(by: { $0.key < $1.key }) { w.string(k); w.string(v) }
        w.int(c.warnings.count)
        for p in c.warnings {
            w.string(p.file); w.optionalInt(p.line); w.string(p.message); w.optionalString(p.hint)
            w.bool(p.severity == .warning)
        }
        var textOffsets = [Int](repeating: 0, count: n + 1)
        for (k, d) in c.documents.enumerated() { textOffsets[k + 1] = textOffsets[k] + d.byteCount }
        w.raw(textOffsets)
        w.raw(textChecksums)
        for e in c.entities {
            w.string(e.id); w.int(EntityType.allCases.firstIndex(of: e.type)!); w.string(e.name)
            w.int(e.names.count)
            for name in e.names { w.string(name.text); w.int(NameKind.allCases.firstIndex(of: name.kind)!) }
            w.optionalInt(e.country); w.optionalString(e.description); w.optionalString(e.note)
            w.optionalString(e.location?.file); w.int(e.location?.line ?? 0)
        }
        for f in c.facts {
            w.string(f.id); w.int(f.subject); w.string(f.predicate)
            switch f.object {
            case let .entity(e): w.int(0); w.int(e)
            case let .number(x, unit): w.int(1); w.double(x); w.optionalString(unit)
            case let .date(d): w.int(2); w.date(d)
            case let .text(t): w.int(3); w.string(t)
            }
            w.date(f.date); w.date(f.from); w.date(f.until); w.optionalInt(f.saidBy); w.int(f.doc)
            w.optionalString(f.quote); w.optionalInt(f.quoteStart); w.optionalInt(f.quoteEnd); w.optionalString(f.note)
            w.optionalString(f.location?.file); w.int(f.location?.line ?? 0)
        }
        let postings = c.postings
        w.lists(c.documents.map(\.lineStarts))
        w.lists(c.sentenceStarts)
        w.lists(postings.documentEntities)
        w.lists(postings.documentOwnEntities)
        w.raw(postings.documentMentionStart)
        c.mentions.withUnsafeBufferPointer { w.raw($0) }
        w.lists(postings.entityMentions)
        w.lists(postings.entityDocuments)
        w.lists(postings.entityOwnDocuments)
        w.lists(postings.entityFacts)
        // Document records, after the offset of each (where each one must end is checked).
        var records: [UInt8] = []
        var offsets = [Int](repeating: 0, count: n + 1)
        var r = BinaryWriter { records.append(contentsOf: $0) }
        for (k, d) in c.documents.enumerated() {
            r.string(d.id); r.string(d.path); r.string(d.title); r.optionalString(d.outlet); r.optionalInt(d.outletEntity)
            r.int(d.authors.count); for a in d.authors { r.string(a) }
            r.date(d.published); r.optionalString(d.publishedNote); r.optionalString(d.url); r.string(d.language)
            r.int(d.zones.count)
            for z in d.zones { r.int(ZoneKind.allCases.firstIndex(of: z.kind)!); r.int(z.firstLine); r.int(z.lastLine); r.int(z.start); r.int(z.end) }
            r.bool(d.annotated); r.optionalString(d.sha256); r.optionalString(d.note)
            offsets[k + 1] = r.position
        }
        r.flush()
        w.raw(offsets)
        records.withUnsafeBytes { w.bytes($0) }
        w.int(end)
        w.flush()
    }

    // MARK: Reading

    /// Reading a corpus back from a mapped cache file whose trailer and block table are sound.
    ///
    /// ``init`` reads the small parts (entities and facts, their strings validated) and checks where
    /// everything else lies. Then, side by side: ``runSideJob(_:)`` jobs, on any thread and in any order,
    /// verify the checksums of the index and of the texts, check and copy the mentions, compile the names
    /// and build the lists and look-ups; ``buildDocuments(stop:)`` builds the documents on the calling
    /// thread. The
    /// documents (their strings and line starts; their texts stay in the file) are not split between
    /// threads: glibc grows a secondary thread's heap a page at a time, an `mprotect` each that also stalls
    /// the other threads' page faults, and on two cores that costs more than it shares.
    /// Documents are built from bytes whose checksums may not be verified yet, their strings not
    /// validated; nothing reads them before ``corpus()``, which is called only once every job has succeeded.
    final class Decoding: @unchecked Sendable {
        typealias Corrupt = BinaryReader.Corrupt
        private let file: CacheFile.Mapped
        private let directory: String
        private let name: String
        private let spelling: SpellingTable
        private let warnings: [LoadProblem]
        private let entities: [Entity]
        private let facts: [Fact]
        private let reader: BinaryReader
        private let textOffsets: RawArray<Int>, textChecksums: RawArray<UInt64>
        private let lineStarts: RawLists<Int>, sentenceStarts: RawLists<Int32>
        private let documentEntities: RawLists<Int32>, documentOwnEntities: RawLists<Int32>
        private let mentionStart: RawArray<Int>, mentions: RawArray<Mention>
        private let entityLists: [RawLists<Int32>]
        private let recordsStart: Int, recordOffsets: RawArray<Int>
        private let documentCount: Int, textPieces: Int

        // What the side jobs make, each slot filled once; what buildDocuments makes.
        private let mentionSlot = ParallelSlots<MentionList>(count: 1)
        private let nameSlot = ParallelSlots<NameIndex>(count: 1)
        private let documentLists = ParallelSlots<(sentences: [[Int32]], entities: [[Int32]], ownEntities: [[Int32]])>(count: 1)
        private let entityPostings = ParallelSlots<[[[Int32]]]>(count: 1)
        private let lookUps = ParallelSlots<(entities: [String: Int], documents: [String: Int])>(count: 1)
        private var documents: [Document] = []

        init(_ file: CacheFile.Mapped, directory: String) throws {
            self.file = file
            self.directory = directory
            var r = BinaryReader(file.index)
            let texts = file.texts
            // Each document takes at least 8 bytes (its text offset), an entity 44, a fact 64, a mention 24.
            let n = try r.count(size: 8), entityCount = try r.count(size: 44), factCount = try r.count(size: 64)
            let mentionCount = try r.count(size: MemoryLayout<Mention>.stride)
            name = try r.string()
            var spelling = SpellingTable()
            for _ in 0..<(try r.count(size: 16)) { spelling.add(try r.string(), try r.string()) }
            self.spelling = spelling
            var warnings: [LoadProblem] = []
            for _ in 0..<(try r.count(size: 16)) {
                warnings.append(LoadProblem(file: try r.string(), line: try r.optionalInt(), message: try r.string(),
                                            hint: try r.optionalString(), severity: try r.bool() ? .warning : .error))
            }
            self.warnings = warnings
            let textOffsets = try r.raw(Int.self)
            textChecksums = try r.raw(UInt64.self)
            guard textOffsets.count == n + 1, textChecksums.count == n, textOffsets[0] == 0, textOffsets[n] == texts.count else { throw Corrupt() }
            for k in 0..<n where textOffsets[k] > textOffsets[k + 1] { throw Corrupt() }
            self.textOffsets = textOffsets

            var entities: [Entity] = []
            for i in 0..<entityCount { entities.append(try Decoding.entity(&r, i, entityCount: entityCount)) }
            self.entities = entities
            var facts: [Fact] = []
            for i in 0..<factCount {
                let f = try Decoding.fact(&r, i, entityCount: entityCount, documentCount: n)
                if let s = f.quoteStart, let e = f.quoteEnd, !(0 <= s && s <= e && e <= textOffsets[f.doc + 1] - textOffsets[f.doc]) { throw Corrupt() }
                facts.append(f)
            }
            self.facts = facts

            lineStarts = try r.lists(Int.self, count: n)
            sentenceStarts = try r.lists(Int32.self, count: n)
            documentEntities = try r.lists(Int32.self, count: n)
            documentOwnEntities = try r.lists(Int32.self, count: n)
            mentionStart = try r.raw(Int.self)
            mentions = try r.raw(Mention.self)
            entityLists = try (0..<4).map { _ in try r.lists(Int32.self, count: entityCount) }
            guard mentions.count == mentionCount, mentionStart.count == n + 1, mentionStart[0] == 0, mentionStart[n] == mentionCount,
                  documentEntities.allBelow(entityCount), documentOwnEntities.allBelow(entityCount),
                  entityLists[0].allBelow(mentionCount), entityLists[1].allBelow(n), entityLists[2].allBelow(n),
                  entityLists[3].allBelow(factCount) else { throw Corrupt() }
            for k in 0..<n where mentionStart[k] > mentionStart[k + 1] { throw Corrupt() }
            recordOffsets = try r.raw(Int.self)
            recordsStart = r.position
            guard recordOffsets.count == n + 1, recordOffsets[0] == 0, recordOffsets[n] <= r.count - recordsStart else { throw Corrupt() }
            try r.seek(to: recordsStart + recordOffsets[n])
            guard try r.int() == CorpusCacheCoding.end, r.atEnd else { throw Corrupt() }
            r.validatesUTF8 = false
            reader = r
            documentCount = n
            // Text checksums in pieces of about 4 MB.
            textPieces = max(1, min(n, texts.count >> 22))
        }

        /// About how many bytes of heap ``buildDocuments(stop:)`` takes: each document's strings and line
        /// starts (its text stays in the file).
        var documentBytes: Int { documentCount * 512 }

        /// Mentions, names, the documents' lists, the entity postings, the look-ups by id, then the
        /// checksums of the texts and of the index in pieces.
        var sideJobCount: Int { 5 + textPieces + file.indexPieces }

        /// Runs one side job; false if what it read does not add up.
        func runSideJob(_ job: Int) -> Bool {
            let n = documentCount
            switch job {
            case 0:
                guard Decoding.mentionsAreSound(mentions, documentCount: n, entityCount: entities.count,
                                                textOffsets: textOffsets, sentenceStarts: sentenceStarts) else { return false }
                mentionSlot.put(MentionList(mapped: mentions.buffer, owner: file), at: 0)  // in place, not copied
            case 1:
                nameSlot.put(NameIndex(entities: entities, normalizer: Normalizer(spelling: spelling)), at: 0)
            case 2:
                var sentences: [[Int32]] = [], entityLists: [[Int32]] = [], ownEntityLists: [[Int32]] = []
                sentences.reserveCapacity(n)
                entityLists.reserveCapacity(n)
                ownEntityLists.reserveCapacity(n)
                for d in 0..<n {
                    guard let list = Decoding.ascending(sentenceStarts, d, upTo: textOffsets[d + 1] - textOffsets[d]) else { return false }
                    sentences.append(list)
                    entityLists.append(documentEntities.list(d))
                    ownEntityLists.append(documentOwnEntities.list(d))
                }
                documentLists.put((sentences, entityLists, ownEntityLists), at: 0)
            case 3:
                entityPostings.put(entityLists.map { $0.lists() }, at: 0)
            case 4:
                // Ids validated here: they are hashed before the checksums may be verified.
                var r = reader
                r.validatesUTF8 = true
                var documentByID: [String: Int] = [:]
                documentByID.reserveCapacity(n)
                for d in 0..<n {
                    guard (try? r.seek(to: recordsStart + recordOffsets[d])) != nil, let id = try? r.string() else { return false }
                    if documentByID[id] == nil { documentByID[id] = d }
                }
                var entityByID: [String: Int] = [:]
                for e in entities where entityByID[e.id] == nil { entityByID[e.id] = e.index }
                lookUps.put((entityByID, documentByID), at: 0)
            case 5..<(5 + textPieces):
                let piece = job - 5
                for d in (n * piece / textPieces)..<(n * (piece + 1) / textPieces) {
                    let text = UnsafeRawBufferPointer(rebasing: file.texts[textOffsets[d]..<textOffsets[d + 1]])
                    guard Checksum.of(text) == textChecksums[d] else { return false }
                }
            default:
                return file.verifyIndex(piece: job - 5 - textPieces)
            }
            return true
        }

        /// Builds the documents (metadata, text, line starts); false if what it read does not add up, or
        /// once `stop` is set.
        func buildDocuments(stop: CancellationToken) -> Bool {
            let n = documentCount
            documents.reserveCapacity(n)
            var r = reader
            for d in 0..<n {
                if d % 512 == 0 && stop.isCancelled { return false }
                let range = textOffsets[d]..<textOffsets[d + 1]
                let text = UnsafeRawBufferPointer(rebasing: file.texts[range])
                guard (try? r.seek(to: recordsStart + recordOffsets[d])) != nil,
                      let lines = Decoding.ascending(lineStarts, d, upTo: range.count), lines.first == 0,
                      let document = try? Decoding.document(&r, index: d, text: text, owner: file, lineStarts: lines, entityCount: entities.count),
                      r.position == recordsStart + recordOffsets[d + 1] else { return false }
                documents.append(document)
            }
            return true
        }

        /// The corpus, once every side job and ``buildDocuments(stop:)`` have succeeded.
        func corpus() -> Corpus {
            let lists = documentLists.take()[0], entityPostings = entityPostings.take()[0], lookUps = lookUps.take()[0]
            let postings = Postings(documentMentionStart: mentionStart.array(), entityMentions: entityPostings[0],
                                           entityDocuments: entityPostings[1], entityOwnDocuments: entityPostings[2],
                                           documentEntities: lists.entities, documentOwnEntities: lists.ownEntities,
                                           entityFacts: entityPostings[3], entityByID: lookUps.entities,
                                           documentByID: lookUps.documents)
            return Corpus(name: name, directory: directory, documents: documents, entities: entities, facts: facts,
                          index: nameSlot.take()[0], mentions: mentionSlot.take()[0], sentenceStarts: lists.sentences,
                          postings: postings, warnings: warnings)
        }

        /// List `k` as an array if its values ascend (or repeat) and end at or before `upTo`.
        static func ascending<T: FixedWidthInteger>(_ lists: RawLists<T>, _ k: Int, upTo limit: Int) -> [T]? {
            let list = lists.list(k)
            var previous: T = 0
            for v in list {
                guard v >= previous else { return nil }
                previous = v
            }
            return Int(previous) <= limit ? list : nil
        }

        /// Whether every mention points into its document's text and sentences, at a known entity and zone.
        static func mentionsAreSound(_ mentions: RawArray<Mention>, documentCount: Int, entityCount: Int,
                                     textOffsets: RawArray<Int>, sentenceStarts: RawLists<Int32>) -> Bool {
            // Checked on the raw bytes: a stray byte must not become a zone or a Bool before it is checked.
            let stride = MemoryLayout<Mention>.stride
            let zone = MemoryLayout<Mention>.offset(of: \Mention.zone)!, ambiguous = MemoryLayout<Mention>.offset(of: \Mention.ambiguous)!
            let uncertain = MemoryLayout<Mention>.offset(of: \Mention.uncertain)!
            let fields = [\Mention.doc, \Mention.entity, \Mention.sentence, \Mention.start, \Mention.end].map { MemoryLayout<Mention>.offset(of: $0)! }
            let zones = UInt8(ZoneKind.allCases.count)
            for k in 0..<mentions.count {
                let p = mentions.start + k * stride
                let doc = Int(p.loadUnaligned(fromByteOffset: fields[0], as: Int32.self))
                let entity = Int(p.loadUnaligned(fromByteOffset: fields[1], as: Int32.self))
                let sentence = Int(p.loadUnaligned(fromByteOffset: fields[2], as: Int32.self))
                let start = Int(p.loadUnaligned(fromByteOffset: fields[3], as: Int32.self))
                let end = Int(p.loadUnaligned(fromByteOffset: fields[4], as: Int32.self))
                guard doc >= 0, doc < documentCount, entity >= -1, entity < entityCount,
                      sentence >= 0, sentence < sentenceStarts.range(doc).count,
                      start >= 0, start <= end, end <= textOffsets[doc + 1] - textOffsets[doc],
                      p.load(fromByteOffset: zone, as: UInt8.self) < zones,
                      p.load(fromByteOffset: ambiguous, as: UInt8.self) <= 1,
                      p.load(fromByteOffset: uncertain, as: UInt8.self) <= 1 else { return false }
            }
            return true
        }

        /// A document whose text is `text`, in place in the file that `owner` keeps mapped.
        static func document(_ r: inout BinaryReader, index: Int, text: UnsafeRawBufferPointer, owner: AnyObject,
                             lineStarts: [Int], entityCount: Int) throws -> Document {
            let id = try r.string(), path = try r.string(), title = try r.string()
            let outlet = try r.optionalString(), outletEntity = try r.optionalInt()
            guard outletEntity.map({ $0 >= 0 && $0 < entityCount }) ?? true else { throw Corrupt() }
            var authors: [String] = []
            for _ in 0..<(try r.count(size: 8)) { authors.append(try r.string()) }
            let published = try r.date(), publishedNote = try r.optionalString(), url = try r.optionalString(), language = try r.string()
            var zones: [Zone] = []
            for _ in 0..<(try r.count(size: 40)) {
                let kind = try r.int(), firstLine = try r.int(), lastLine = try r.int(), start = try r.int(), end = try r.int()
                guard kind >= 0, kind < ZoneKind.allCases.count, firstLine >= 1, firstLine <= lastLine,
                      start >= 0, start <= end, end <= text.count else { throw Corrupt() }
                zones.append(Zone(kind: ZoneKind.allCases[kind], firstLine: firstLine, lastLine: lastLine, start: start, end: end))
            }
            let annotated = try r.bool(), sha256 = try r.optionalString(), note = try r.optionalString()
            return Document(id: id, index: index, path: path, storedText: DocumentText(bytes: text.bindMemory(to: UInt8.self), owner: owner), title: title,
                            outlet: outlet, outletEntity: outletEntity, authors: authors, published: published,
                            publishedNote: publishedNote, url: url, language: language, zones: zones, annotated: annotated,
                            sha256: sha256, note: note, lineStarts: lineStarts)
        }

        static func entity(_ r: inout BinaryReader, _ i: Int, entityCount: Int) throws -> Entity {
            let id = try r.string(), type = try r.int(), name = try r.string()
            guard type >= 0, type < EntityType.allCases.count else { throw Corrupt() }
            var names: [EntityName] = []
            for _ in 0..<(try r.count(size: 16)) {
                let text = try r.string(), kind = try r.int()
                guard kind >= 0, kind < NameKind.allCases.count else { throw Corrupt() }
                names.append(EntityName(text, kind: NameKind.allCases[kind]))
            }
            let country = try r.optionalInt(), description = try r.optionalString(), note = try r.optionalString()
            let file = try r.optionalString(), line = try r.int()
            guard country.map({ $0 >= 0 && $0 < entityCount }) ?? true else { throw Corrupt() }
            return Entity(id: id, index: i, type: EntityType.allCases[type], name: name, names: names, country: country,
                          description: description, note: note, location: file.map { SourceLocation(file: $0, line: line) })
        }

        static func fact(_ r: inout BinaryReader, _ i: Int, entityCount: Int, documentCount: Int) throws -> Fact {
            func isEntity(_ e: Int?) -> Bool { e.map { $0 >= 0 && $0 < entityCount } ?? true }
            let id = try r.string(), subject = try r.int(), predicate = try r.string()
            let object: FactObject
            switch try r.int() {
            case 0: object = .entity(try r.int())
            case 1: object = .number(try r.double(), unit: try r.optionalString())
            case 2:
                guard let d = try r.date() else { throw Corrupt() }
                object = .date(d)
            case 3: object = .text(try r.string())
            default: throw Corrupt()
            }
            let date = try r.date(), from = try r.date(), until = try r.date(), saidBy = try r.optionalInt(), doc = try r.int()
            let quote = try r.optionalString(), quoteStart = try r.optionalInt(), quoteEnd = try r.optionalInt(), note = try r.optionalString()
            let file = try r.optionalString(), line = try r.int()
            if case let .entity(o) = object, !isEntity(o) { throw Corrupt() }
            guard isEntity(subject), isEntity(saidBy), doc >= 0, doc < documentCount else { throw Corrupt() }
            return Fact(id: id, index: i, subject: subject, predicate: predicate, object: object, date: date, from: from,
                        until: until, saidBy: saidBy, doc: doc, quote: quote, quoteStart: quoteStart, quoteEnd: quoteEnd,
                        note: note, location: file.map { SourceLocation(file: $0, line: line) })
        }
    }
}

/// Mentions are stored raw (plain values, no references).
extension Mention: BitwiseCopyable {}
extension ZoneKind: BitwiseCopyable {}
