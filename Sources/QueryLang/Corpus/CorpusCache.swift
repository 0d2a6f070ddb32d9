import Foundation

/// A cache of a loaded corpus, so that re-opening an unchanged corpus skips parsing and matching.
///
/// The cache lives outside the corpus (mq never writes into a corpus): in `$MQ_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/mq`, else `~/.cache/mq`, one file per corpus directory. It is used only when every
/// input file (raw documents, sidecars, `documents.tsv`, catalog, facts, `corpus.yaml`) has the same size
/// and modification time as when it was written, and the mq binary is the same; otherwise the corpus is
/// loaded from its files and the cache rewritten (atomically).
public struct CorpusCache: Sendable {
    public let directory: String

    static let magic = Array("MQCACHE\u{1}".utf8)
    static let formatVersion = 2

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
        return directory + "/" + String(SHA256.hex(Array(absolute.utf8)).prefix(24)) + ".corpus"
    }

    /// A fingerprint of every input file of a corpus and of the running binary.
    static func signature(of corpusDirectory: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325  // FNV-1a
        func mix(_ s: String) { for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 } }
        func file(_ path: String, _ name: String) {
            mix(name)
            if let (m, s) = FileAccess.signature(path) { mix("\(m):\(s);") } else { mix("-;") }
        }
        mix("v\(formatVersion);")
        if let exe = Bundle.main.executablePath { file(exe, "exe") }
        file(corpusDirectory + "/corpus.yaml", "corpus.yaml")
        file(corpusDirectory + "/documents.tsv", "documents.tsv")
        for sub in ["documents", "catalog", "facts"] {
            let dir = corpusDirectory + "/" + sub
            mix(sub + "/")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where !name.hasPrefix(".") {
                file(dir + "/" + name, name)
            }
        }
        return h
    }

    // MARK: Writing

    /// Writes the cache of a corpus loaded from `corpusDirectory` (errors are ignored: a cache is optional).
    func save(_ c: Corpus, corpusDirectory: String, signature: UInt64, spelling: SpellingTable) {
        var w = BinaryWriter(capacity: c.documents.reduce(0) { $0 + $1.byteCount } + c.mentions.count * 25 + (1 << 20))
        w.int(Int(Int64(bitPattern: signature)))
        w.string(c.name)
        w.int(spelling.rules.count)
        for (k, v) in spelling.rules.sorted(by: { $0.key < $1.key }) { w.string(k); w.string(v) }
        w.int(c.documents.count)
        for d in c.documents {
            w.string(d.id); w.string(d.path); w.string(d.text); w.string(d.title)
            w.optionalString(d.outlet); w.optionalInt(d.outletEntity)
            w.int(d.authors.count); for a in d.authors { w.string(a) }
            w.date(d.published); w.optionalString(d.publishedNote); w.optionalString(d.url); w.string(d.language)
            w.int(d.zones.count)
            for z in d.zones { w.string(z.kind.rawValue); w.int(z.firstLine); w.int(z.lastLine); w.int(z.start); w.int(z.end) }
            w.bool(d.annotated); w.optionalString(d.sha256); w.optionalString(d.note)
            w.int32s(d.lineStarts.map { Int32($0) })
        }
        w.int(c.entities.count)
        for e in c.entities {
            w.string(e.id); w.string(e.type.rawValue); w.string(e.name)
            w.int(e.names.count)
            for n in e.names { w.string(n.text); w.string(n.kind.rawValue) }
            w.optionalInt(e.country); w.optionalString(e.description); w.optionalString(e.note)
            w.optionalString(e.location?.file); w.int(e.location?.line ?? 0)
        }
        w.int(c.facts.count)
        for f in c.facts {
            w.string(f.id); w.int(f.subject); w.string(f.predicate)
            switch f.object {
            case let .entity(e): w.int(0); w.int(e)
            case let .number(n, unit): w.int(1); w.double(n); w.optionalString(unit)
            case let .date(d): w.int(2); w.date(d)
            case let .text(t): w.int(3); w.string(t)
            }
            w.date(f.date); w.date(f.from); w.date(f.until); w.optionalInt(f.saidBy); w.int(f.doc)
            w.optionalString(f.quote); w.optionalInt(f.quoteStart); w.optionalInt(f.quoteEnd); w.optionalString(f.note)
            w.optionalString(f.location?.file); w.int(f.location?.line ?? 0)
        }
        // Mentions column by column, each a block.
        let zones = ZoneKind.allCases
        w.int32s(c.mentions.map(\.doc))
        w.int32s(c.mentions.map(\.entity))
        w.int32s(c.mentions.map(\.sentence))
        w.int32s(c.mentions.map(\.start))
        w.int32s(c.mentions.map(\.end))
        w.int32s(c.mentions.map { Int32(zones.firstIndex(of: $0.zone)!) | ($0.ambiguous ? 0x100 : 0) })
        for s in c.sentenceStarts { w.int32s(s) }
        var bytes = CorpusCache.magic
        bytes += w.bytes
        let path = file(for: corpusDirectory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let tmp = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: tmp, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return }
            if rename(tmp, path) != 0 { unlink(tmp) }
        } catch {}
    }

    // MARK: Reading

    /// The cached corpus, if the cache is there, intact and current.
    func load(corpusDirectory: String, signature: UInt64) -> Corpus? {
        guard let bytes = try? FileAccess.read(file(for: corpusDirectory)), bytes.count > 8,
              Array(bytes[0..<8]) == CorpusCache.magic else { return nil }
        var r = BinaryReader(Array(bytes[8...]))
        do {
            guard UInt64(bitPattern: Int64(try r.int())) == signature else { return nil }
            let name = try r.string()
            var spelling = SpellingTable()
            for _ in 0..<(try r.count()) { spelling.add(try r.string(), try r.string()) }
            var documents: [Document] = []
            for i in 0..<(try r.count()) {
                let id = try r.string(), path = try r.string(), text = try r.string(), title = try r.string()
                let outlet = try r.optionalString(), outletEntity = try r.optionalInt()
                var authors: [String] = []
                for _ in 0..<(try r.count()) { authors.append(try r.string()) }
                let published = try r.date(), note1 = try r.optionalString(), url = try r.optionalString(), language = try r.string()
                var zones: [Zone] = []
                for _ in 0..<(try r.count()) {
                    guard let kind = ZoneKind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
                    zones.append(Zone(kind: kind, firstLine: try r.int(), lastLine: try r.int(), start: try r.int(), end: try r.int()))
                }
                let annotated = try r.bool(), sha = try r.optionalString(), note = try r.optionalString()
                let lineStarts = try r.int32s().map(Int.init)
                documents.append(Document(id: id, index: i, path: path, text: text, title: title, outlet: outlet,
                                          outletEntity: outletEntity, authors: authors, published: published,
                                          publishedNote: note1, url: url, language: language, zones: zones,
                                          annotated: annotated, sha256: sha, note: note, lineStarts: lineStarts))
            }
            var entities: [Entity] = []
            for i in 0..<(try r.count()) {
                let id = try r.string()
                guard let type = EntityType(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
                let name = try r.string()
                var names: [EntityName] = []
                for _ in 0..<(try r.count()) {
                    let text = try r.string()
                    guard let kind = NameKind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
                    names.append(EntityName(text, kind: kind))
                }
                let country = try r.optionalInt(), description = try r.optionalString(), note = try r.optionalString()
                let file = try r.optionalString(), line = try r.int()
                entities.append(Entity(id: id, index: i, type: type, name: name, names: names, country: country,
                                       description: description, note: note,
                                       location: file.map { SourceLocation(file: $0, line: line) }))
            }
            var facts: [Fact] = []
            for i in 0..<(try r.count()) {
                let id = try r.string(), subject = try r.int(), predicate = try r.string()
                let object: FactObject
                switch try r.int() {
                case 0: object = .entity(try r.int())
                case 1: object = .number(try r.double(), unit: try r.optionalString())
                case 2:
                    guard let d = try r.date() else { throw BinaryReader.Corrupt() }
                    object = .date(d)
                case 3: object = .text(try r.string())
                default: throw BinaryReader.Corrupt()
                }
                let date = try r.date(), from = try r.date(), until = try r.date(), saidBy = try r.optionalInt(), doc = try r.int()
                let quote = try r.optionalString(), qs = try r.optionalInt(), qe = try r.optionalInt(), note = try r.optionalString()
                let file = try r.optionalString(), line = try r.int()
                facts.append(Fact(id: id, index: i, subject: subject, predicate: predicate, object: object, date: date,
                                  from: from, until: until, saidBy: saidBy, doc: doc, quote: quote, quoteStart: qs,
                                  quoteEnd: qe, note: note, location: file.map { SourceLocation(file: $0, line: line) }))
            }
            let docs = try r.int32s(), ents = try r.int32s(), sents = try r.int32s()
            let starts = try r.int32s(), ends = try r.int32s(), flags = try r.int32s()
            let n = docs.count
            guard [ents.count, sents.count, starts.count, ends.count, flags.count].allSatisfy({ $0 == n }) else { throw BinaryReader.Corrupt() }
            var mentions: [Mention] = []
            mentions.reserveCapacity(n)
            let zones = ZoneKind.allCases
            let docCount = Int32(documents.count), entityCount = Int32(entities.count)
            for k in 0..<n {
                let z = flags[k]
                guard Int(z & 0xFF) < zones.count, docs[k] >= 0, docs[k] < docCount, ents[k] < entityCount else {
                    throw BinaryReader.Corrupt()
                }
                mentions.append(Mention(doc: docs[k], entity: ents[k], sentence: sents[k], start: starts[k], end: ends[k],
                                        zone: zones[Int(z & 0xFF)], ambiguous: z & 0x100 != 0))
            }
            var sentences: [[Int32]] = []
            sentences.reserveCapacity(documents.count)
            for _ in 0..<documents.count { sentences.append(try r.int32s()) }
            guard r.atEnd else { return nil }
            let index = NameIndex(entities: entities, normalizer: Normalizer(spelling: spelling))
            return Corpus(name: name, directory: corpusDirectory, documents: documents, entities: entities, facts: facts,
                          index: index, mentions: mentions, sentenceStarts: sentences, warnings: [], fromCache: true)
        } catch {
            return nil
        }
    }
}
