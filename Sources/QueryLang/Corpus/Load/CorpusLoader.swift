import Yams

extension Corpus {
    /// Loads and validates a corpus directory. Either everything loads, or nothing does and every
    /// problem found is thrown, each with its file and line. With a `cache`, an unchanged corpus is
    /// re-opened from it, and a fresh load is written to it.
    public static func load(directory: String, cache: CorpusCache? = nil) throws(CorpusLoadError) -> Corpus {
        let loader = CorpusLoader(directory: directory)
        guard let cache else { return try loader.load() }
        let (cached, signature) = cache.open(corpusDirectory: loader.directory)
        if let cached { return cached }
        let corpus = try loader.load()
        cache.save(corpus, corpusDirectory: loader.directory, signature: signature, spelling: corpus.names.normalizer.spelling)
        return corpus
    }
}

/// Loads a corpus directory: documents and metadata, catalog, facts; then derives mentions.
struct CorpusLoader {
    let directory: String

    init(directory: String) {
        var d = directory
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        self.directory = d
    }

    /// What the first phase's catalog task hands on: the entities, their ids, and the compiled names
    /// (nil when the catalog has errors: documents are then read and checked but not matched).
    private struct Catalog {
        var entities: [Entity] = []
        var entityIndex: [String: Int] = [:]
        var index: NameIndex?
        var complete = true
        var problems: [LoadProblem] = []
        var name: String?
    }

    func load() throws(CorpusLoadError) -> Corpus {
        let start = ContinuousClock.now
        // The host's memory tuning hears that the load is over, however it ends (DocumentLoader told it of the start).
        defer { ProcessMemory.tuning.loadDidFinish() }
        var timings = LoadTimings()
        guard FileAccess.isDirectory(directory) else {
            throw CorpusLoadError(problems: [LoadProblem(file: directory, message: "not a corpus directory (it does not exist or is not a directory)")])
        }
        guard FileAccess.isDirectory(directory + "/documents") else {
            throw CorpusLoadError(problems: [LoadProblem(file: directory, message: "no documents/ folder",
                                                         hint: "a corpus holds its raw .txt files in documents/")])
        }
        // Phase 1, four tasks side by side, each on the first free core: the catalog (matching needs every
        // name), the fact files (which need nothing but parsing yet; in YAML the longest), the documents'
        // metadata, and the list of documents.
        let docLoader = DocumentLoader(directory: directory)
        let (catalog, factRead, metadata, listing) = concurrently({ () -> (Catalog, Duration) in
            let t0 = ContinuousClock.now
            let c = readCatalog()
            return (c, ContinuousClock.now - t0)
        }, { () -> (FactLoader.Files, Duration) in
            let t0 = ContinuousClock.now
            return (FactLoader.read(directory: directory), ContinuousClock.now - t0)
        }, { () -> (tsv: MetadataTable, problems: [LoadProblem], time: Duration) in
            let t0 = ContinuousClock.now
            var problems: [LoadProblem] = []
            let tsv = docLoader.readTSV(problems: &problems)
            return (tsv, problems, ContinuousClock.now - t0)
        }, { () -> (DocumentLoader.Listing, Duration) in
            let t0 = ContinuousClock.now
            return (docLoader.list(), ContinuousClock.now - t0)
        })
        let factFiles = factRead.0
        timings.factFiles = factRead.1
        timings.catalog = catalog.1
        timings.metadata = metadata.time
        timings.listing = listing.1
        var clock = ContinuousClock.now
        timings.firstPhase = clock - start
        func lap(_ keyPath: WritableKeyPath<LoadTimings, Duration>) {
            let now = ContinuousClock.now
            timings[keyPath: keyPath] = now - clock
            clock = now
        }
        var problems = catalog.0.problems + metadata.problems
        let entities = catalog.0.entities, entityIndex = catalog.0.entityIndex, index = catalog.0.index

        // Phase 2: documents read, checked and matched in one parallel pass.
        let docs = docLoader.load(listing.0, tsv: metadata.tsv, entityIndex: entityIndex, index: index)
        problems += docs.problems
        if let p = listing.0.problem { problems.append(p) }
        problems += FileAccess.linksOutside(directory, "documents", listing.0.texts, suffixes: [".txt"])
        if docs.documents.isEmpty && docs.problems.isEmpty && listing.0.problem == nil {
            problems.append(LoadProblem(file: "documents", message: "no .txt documents in documents/"))
        }
        let documents = docs.documents
        var documentIndex: [String: Int] = [:]
        documentIndex.reserveCapacity(documents.count)
        // Read in place: a loop over the documents would copy each one (a dozen references retained).
        documents.withUnsafeBufferPointer { docs in
            for k in docs.indices { documentIndex[docs[k].id] = docs[k].index }
        }
        lap(\.matching)

        // Phase 3: facts checked against the catalog and their evidence. Beside them, unless a curated
        // resolution will change some mentions first, phase 4's postings of the mentions, which do not
        // depend on the facts (the entities of each document were found while it was matched).
        let factLoader = FactLoader(entityIndex: entityIndex, documentIndex: documentIndex, documents: documents,
                                    catalogComplete: catalog.0.complete)
        let facts: [Fact]
        var early: (byEntity: [[Int32]], byDocument: Postings.ByDocument)? = nil
        if docs.resolutions.isEmpty && index != nil {
            // Three tasks on the first free cores, longest first.
            let mentions = docs.mentions, perDocument = docs.documentEntities
            let entityCount = entities.count, documentCount = documents.count
            func perEntity() -> ([[Int32]], Duration) {
                let t0 = ContinuousClock.now
                let lists = Postings.mentionsPerEntity(mentions, entityCount: entityCount)
                return (lists, ContinuousClock.now - t0)
            }
            func perDocumentPostings() -> (Postings.ByDocument, Duration) {
                let t0 = ContinuousClock.now
                let lists = Postings.byDocument(mentions, documentCount: documentCount, entityCount: entityCount,
                                                perDocument: perDocument)
                return (lists, ContinuousClock.now - t0)
            }
            func checkFacts() -> (facts: [Fact], problems: [LoadProblem], time: Duration) {
                let t0 = ContinuousClock.now
                var factProblems: [LoadProblem] = []
                let facts = factLoader.check(factFiles, problems: &factProblems)
                return (facts, factProblems, ContinuousClock.now - t0)
            }
            let (byEntity, byDocument, checked) = concurrently(perEntity, perDocumentPostings, checkFacts)
            facts = checked.facts
            problems += checked.problems
            timings.facts = checked.time
            early = (byEntity.0, byDocument.0)
            timings.postings = max(byEntity.1, byDocument.1)
            clock = ContinuousClock.now
        } else {
            facts = factLoader.check(factFiles, problems: &problems)
            lap(\.facts)
        }

        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            var seen = Set<LoadProblem>()
            let unique = errors.filter { seen.insert($0).inserted }
            throw CorpusLoadError(problems: unique.sorted { ($0.file, $0.line ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.message) })
        }
        guard let index else { throw CorpusLoadError(problems: []) }
        let postings: Postings
        var mentions = docs.mentions
        if let early {
            postings = Postings(byEntity: early.byEntity, byDocument: early.byDocument,
                                entityFacts: Postings.factsPerEntity(facts, entityCount: entities.count),
                                entityByID: entityIndex, documentByID: documentIndex)
        } else {
            var curationProblems: [LoadProblem] = []
            var curated = Array(mentions)
            let resolved = CuratedResolutions(requests: docs.resolutions)
                .apply(to: &curated, documents: documents, entityIndex: entityIndex, names: index, problems: &curationProblems)
            if !curationProblems.isEmpty { throw CorpusLoadError(problems: curationProblems) }
            if resolved { mentions = MentionList(curated) }
            // Phase 4: postings (the entities of each document were found while it was matched, unless a
            // curated resolution has changed some mentions since).
            postings = Postings(mentions: mentions, documentCount: documents.count, entityCount: entities.count,
                                facts: facts, entityByID: entityIndex, documentByID: documentIndex,
                                perDocument: resolved ? nil : docs.documentEntities)
            lap(\.postings)
        }
        timings.total = ContinuousClock.now - start
        return Corpus(name: catalog.0.name ?? lastComponent(directory), directory: directory, documents: documents,
                      entities: entities, facts: facts, index: index, mentions: mentions,
                      sentenceStarts: docs.sentences, warnings: problems.filter { $0.severity == .warning },
                      timings: timings, postings: postings)
    }

    /// The settings and the catalog, read and checked, and the names compiled when the catalog is sound.
    private func readCatalog() -> Catalog {
        var c = Catalog()
        let settings = readSettings(&c.problems)
        c.name = settings.name
        var loader = CatalogLoader(directory: directory)
        let entries = loader.load(problems: &c.problems)
        c.complete = loader.complete
        for (i, e) in entries.enumerated() { c.entityIndex[e.id] = i }
        c.entities.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() {
            var country: Int? = nil
            if let (cc, line) = e.country {
                country = c.entityIndex[cc]
                if country == nil {
                    c.problems.append(LoadProblem(file: e.location.file, line: line, message: "unknown country '\(cc)' for '\(e.id)'",
                                                  hint: Suggestions.hint(for: cc, in: entries.filter { $0.type == .country }.map(\.id))))
                } else if entries[country!].type != .country {
                    c.problems.append(LoadProblem(file: e.location.file, line: line,
                                                  message: "'\(cc)' is a \(entries[country!].type.rawValue), not a country"))
                }
            }
            c.entities.append(Entity(id: e.id, index: i, type: e.type, name: e.name, names: e.names, country: country,
                                     description: e.description, note: e.note, location: e.location))
        }
        // Every name normalised once: the compiled names give the keys that find names shared by mistake.
        var keys: [[String]]? = []
        let index = NameIndex(entities: c.entities, normalizer: Normalizer(spelling: settings.spelling), nameKeys: &keys)
        c.problems += nameConflicts(entries, keys: keys ?? [])
        // Names are matched only with a sound catalog: otherwise the documents are still read and
        // checked, so that every problem is reported at once, but not matched.
        if !c.problems.contains(where: { $0.severity == .error }) {
            c.index = index
        }
        return c
    }

    private func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    struct Settings {
        var name: String?
        var description: String?
        var spelling = SpellingTable.standard
    }

    /// `corpus.yaml`: name, description and extra spelling rules (`spelling: {hizbollah: hezbollah}`).
    private func readSettings(_ problems: inout [LoadProblem]) -> Settings {
        var s = Settings()
        let path = directory + "/corpus.yaml"
        guard FileAccess.exists(path) else { return s }
        let bytes: [UInt8]
        do { bytes = try FileAccess.read(path, limit: 1 << 20) }
        catch { problems.append(LoadProblem(file: "corpus.yaml", message: error.loadMessage)); return s }
        guard let text = DocumentLoader.decode(bytes, file: "corpus.yaml", problems: &problems) else { return s }
        var y = YAMLReader(file: "corpus.yaml")
        defer { problems += y.problems }
        guard let root = y.parse(text), let m = y.mapping(root, allowed: ["name", "description", "spelling"], what: "corpus settings") else { return s }
        s.name = y.string(m["name"], "name")
        s.description = y.string(m["description"], "description")
        if let sp = m["spelling"] {
            if case let .mapping(rules) = sp {
                let n = Normalizer(spelling: SpellingTable())
                for (k, v) in rules {
                    guard let from = k.scalar?.string, let to = v.scalar?.string else { y.error(k, "a spelling rule maps one word to one word"); continue }
                    let f = n.words(from), t = n.words(to)
                    // One word to one word, or a phrase to one word (`hizb allah: hezbollah`).
                    guard !f.isEmpty, t.count == 1 else { y.error(k, "a spelling rule maps a word or a phrase to one word ('\(from)': '\(to)')"); continue }
                    s.spelling.add(f.joined(separator: " "), t[0])
                }
            } else {
                y.error(sp, "spelling must be a mapping of word: canonical word")
            }
        }
        return s
    }

    /// Two entities may share a normalised name only if both mark it ambiguous.
    private func nameConflicts(_ entries: [CatalogLoader.Entry], keys: [[String]]) -> [LoadProblem] {
        var owners: [String: [NameOwner]] = [:]
        owners.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        for i in entries.indices {
            // The entry's names and lines read in place (a copy of the entry would retain all its strings).
            let names = entries[i].names, lines = entries[i].nameLines
            for ((n, line), key) in zip(zip(names, lines), keys[i]) {
                if key.isEmpty || key == "=" {
                    return [LoadProblem(file: entries[i].location.file, line: line, message: "the name '\(n.text)' has no letters or digits")]
                }
                // One lookup of the key: its list of owners is changed in place.
                owners[key, default: []].add(NameOwner(entry: i, kind: n.kind, line: line, text: n.text))
            }
        }
        var problems: [LoadProblem] = []
        for (_, list) in owners where list.count > 1 {
            for o in list where o.kind != .ambiguous {
                let others = list.filter { $0.entry != o.entry }.map { "'\(entries[$0.entry].id)' (\(entries[$0.entry].location.file):\($0.line))" }
                problems.append(LoadProblem(file: entries[o.entry].location.file, line: o.line,
                    message: "the name '\(o.text)' of '\(entries[o.entry].id)' is also a name of \(others.joined(separator: ", "))",
                    hint: "list it under 'ambiguous' on every entity that shares it, or keep it on one"))
            }
        }
        return problems
    }
}

/// An entry that has a name (by its position in the catalog), for ``CorpusLoader``'s check of names shared by
/// mistake.
private struct NameOwner {
    var entry: Int
    var kind: NameKind
    var line: Int
    var text: String
}

extension [NameOwner] {
    /// Adds an owner of the name, unless its entry owns it already (the same name twice on one entity:
    /// then it is shared knowingly if either says so).
    fileprivate mutating func add(_ owner: NameOwner) {
        if let k = firstIndex(where: { $0.entry == owner.entry }) {
            if owner.kind == .ambiguous { self[k].kind = .ambiguous }
        } else {
            append(owner)
        }
    }
}
