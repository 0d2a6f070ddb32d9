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

    func load() throws(CorpusLoadError) -> Corpus {
        var problems: [LoadProblem] = []
        var timings = LoadTimings()
        var clock = ContinuousClock.now
        func lap(_ keyPath: WritableKeyPath<LoadTimings, Duration>) {
            let now = ContinuousClock.now
            timings[keyPath: keyPath] = now - clock
            clock = now
        }
        guard FileAccess.isDirectory(directory) else {
            throw CorpusLoadError(problems: [LoadProblem(file: directory, message: "not a corpus directory (it does not exist or is not a directory)")])
        }
        guard FileAccess.isDirectory(directory + "/documents") else {
            throw CorpusLoadError(problems: [LoadProblem(file: directory, message: "no documents/ folder",
                                                         hint: "a corpus holds its raw .txt files in documents/")])
        }
        let settings = readSettings(&problems)
        // Catalog first: matching needs every name.
        var catalog = CatalogLoader(directory: directory)
        let entries = catalog.load(problems: &problems)
        var entityIndex: [String: Int] = [:]
        for (i, e) in entries.enumerated() { entityIndex[e.id] = i }
        var entities: [Entity] = []
        entities.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() {
            var country: Int? = nil
            if let (c, line) = e.country {
                country = entityIndex[c]
                if country == nil {
                    problems.append(LoadProblem(file: e.location.file, line: line, message: "unknown country '\(c)' for '\(e.id)'",
                                                hint: Suggestions.hint(for: c, in: entries.filter { $0.type == .country }.map(\.id))))
                } else if entries[country!].type != .country {
                    problems.append(LoadProblem(file: e.location.file, line: line,
                                                message: "'\(c)' is a \(entries[country!].type.rawValue), not a country"))
                }
            }
            entities.append(Entity(id: e.id, index: i, type: e.type, name: e.name, names: e.names, country: country,
                                   description: e.description, note: e.note, location: e.location))
        }
        let normalizer = Normalizer(spelling: settings.spelling)
        problems += nameConflicts(entries, normalizer: normalizer)
        lap(\.catalog)
        // Names are compiled only for a sound catalog: otherwise the documents are still read and
        // checked, so that every problem is reported at once, but not matched.
        let index = problems.contains { $0.severity == .error } ? nil : NameIndex(entities: entities, normalizer: normalizer)
        lap(\.names)

        // Documents: read, checked and matched in one parallel pass.
        let docLoader = DocumentLoader(directory: directory)
        let tsv = docLoader.readTSV(problems: &problems)
        let docs = docLoader.load(tsv: tsv, entityIndex: entityIndex, index: index)
        problems += docs.problems
        if docs.documents.isEmpty && docs.problems.isEmpty {
            problems.append(LoadProblem(file: "documents", message: "no .txt documents in documents/"))
        }
        let documents = docs.documents
        var documentIndex: [String: Int] = [:]
        for d in documents { documentIndex[d.id] = d.index }
        lap(\.matching)

        // Facts.
        let facts = FactLoader(directory: directory, entityIndex: entityIndex, documentIndex: documentIndex,
                               documents: documents, catalogComplete: catalog.complete).load(problems: &problems)
        lap(\.facts)

        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            var seen = Set<LoadProblem>()
            let unique = errors.filter { seen.insert($0).inserted }
            throw CorpusLoadError(problems: unique.sorted { ($0.file, $0.line ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.message) })
        }
        guard let index else { throw CorpusLoadError(problems: []) }
        var mentions = docs.mentions
        var curationProblems: [LoadProblem] = []
        CuratedResolutions(directory: directory).apply(to: &mentions, documents: documents, entityIndex: entityIndex,
                                                       names: index, problems: &curationProblems)
        if !curationProblems.isEmpty { throw CorpusLoadError(problems: curationProblems) }
        return Corpus(name: settings.name ?? lastComponent(directory), directory: directory, documents: documents,
                      entities: entities, facts: facts, index: index, mentions: mentions,
                      sentenceStarts: docs.sentences, warnings: problems.filter { $0.severity == .warning },
                      timings: timings)
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
                    guard f.count == 1, t.count == 1 else { y.error(k, "a spelling rule maps one word to one word ('\(from)': '\(to)')"); continue }
                    s.spelling.add(f[0], t[0])
                }
            } else {
                y.error(sp, "spelling must be a mapping of word: canonical word")
            }
        }
        return s
    }

    /// Two entities may share a normalised name only if both mark it ambiguous.
    private func nameConflicts(_ entries: [CatalogLoader.Entry], normalizer: Normalizer) -> [LoadProblem] {
        struct Owner { var entry: Int; var kind: NameKind; var line: Int; var text: String }
        var owners: [String: [Owner]] = [:]
        for (i, e) in entries.enumerated() {
            for (n, line) in zip(e.names, e.nameLines) {
                let key = n.kind == .acronym ? "=" + normalizer.rawWords(n.text).joined(separator: " ")
                                              : normalizer.key(n.text)
                if key.isEmpty || key == "=" {
                    return [LoadProblem(file: e.location.file, line: line, message: "the name '\(n.text)' has no letters or digits")]
                }
                if let k = owners[key]?.firstIndex(where: { $0.entry == i }) {
                    // The same name twice on one entity: it is shared knowingly if either says so.
                    if n.kind == .ambiguous { owners[key]![k].kind = .ambiguous }
                    continue
                }
                owners[key, default: []].append(Owner(entry: i, kind: n.kind, line: line, text: n.text))
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
