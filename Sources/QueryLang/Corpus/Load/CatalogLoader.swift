import Yams

/// Reads the entity catalog (`catalog/*.yaml`): every entity with its name forms.
struct CatalogLoader {
    static let keys = ["id", "type", "name", "aliases", "acronyms", "previous", "ambiguous", "country",
                       "description", "note"]

    struct Entry {
        var id: String
        var type: EntityType
        var name: String
        var names: [EntityName]
        /// Line of each name form, for messages.
        var nameLines: [Int]
        var country: (id: String, line: Int?)?
        var description: String?
        var note: String?
        var location: SourceLocation
    }

    let directory: String
    /// Whether every catalog file could be read and parsed as YAML.
    private(set) var complete = true

    /// Columns of a catalog TSV file (`catalog/*.tsv`): the keys of the YAML form.
    static let tsvRequired = ["id", "type", "name"]

    mutating func load(problems: inout [LoadProblem]) -> [Entry] {
        var entries: [Entry] = []
        var firstDefinition: [String: SourceLocation] = [:]
        let list = ProblemList()
        defer { problems += list.items }
        func add(_ e: Entry) {
            if let first = firstDefinition[e.id] {
                list.items.append(LoadProblem(file: e.location.file, line: e.location.line,
                                              message: "duplicate entity id '\(e.id)'", hint: "first defined at \(first)"))
                return
            }
            firstDefinition[e.id] = e.location
            entries.append(e)
        }
        let dir = directory + "/catalog"
        let folder = FileAccess.folder(directory, "catalog")
        if let p = folder.problem {
            // Not "unknown entity" for every fact and resolution: the catalog is incomplete, and says why.
            list.items.append(p)
            complete = false
        }
        list.items += FileAccess.linksOutside(directory, "catalog", folder.entries, suffixes: [".yaml", ".tsv"])
        for name in folder.entries.map(\.name).filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".tsv") }).sorted() {
            let rel = "catalog/\(name)"
            if name.hasSuffix(".tsv") {
                guard let table = TSVTable.read(dir + "/" + name, file: rel, problems: &list.items) else { complete = false; continue }
                guard table.checkColumns(known: CatalogLoader.keys, required: CatalogLoader.tsvRequired, problems: &list.items) else {
                    complete = false; continue
                }
                entries.reserveCapacity(entries.count + table.rows.count)
                for row in table.rows {
                    if let e = CatalogLoader.entry(TSVRecord(row, of: table, problems: list)) { add(e) }
                }
                continue
            }
            let bytes: [UInt8]
            do { bytes = try FileAccess.read(dir + "/" + name, limit: 64 << 20) }
            catch { list.items.append(LoadProblem(file: rel, message: error.loadMessage)); complete = false; continue }
            guard let text = DocumentLoader.decode(bytes, file: rel, problems: &list.items) else { complete = false; continue }
            var y = YAMLReader(file: rel)
            defer { list.items += y.problems }
            guard let root = y.parse(text) else {
                // Nothing but comments: an empty catalog file, not an unreadable one (which would stop the
                // facts from being checked against the catalog, and drop those naming unknown ids).
                if y.problems.isEmpty { continue }
                complete = false
                continue
            }
            guard case let .sequence(items) = root else {
                y.error(root, "a catalog file is a list of entities (each item starts with '- id: ...')")
                continue
            }
            for item in items {
                guard let r = YAMLRecord(item, allowed: CatalogLoader.keys, what: "an entity", file: rel, problems: list),
                      let e = CatalogLoader.entry(r) else { continue }
                add(e)
            }
        }
        return entries
    }

    private static func entry(_ r: some FieldRecord) -> Entry? {
        let location = SourceLocation(file: r.file, line: r.line)
        guard let id = r.string("id") else { r.error(at: nil, "an entity needs an id"); return nil }
        if !CatalogLoader.isValidID(id) {
            r.error(at: "id", "invalid id '\(id)'", hint: "use lowercase ASCII letters, digits and hyphens, e.g. 'kataib-hezbollah'")
        }
        guard let typeText = r.string("type") else { r.error(at: nil, "entity '\(id)' needs a type"); return nil }
        guard let type = EntityType(rawValue: typeText) else {
            r.error(at: "type", "unknown entity type '\(typeText)'",
                    hint: Suggestions.hint(for: typeText, in: EntityType.allCases.map(\.rawValue))
                        ?? "types: \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let name = r.string("name"), !name.isBlank else {
            r.error(at: nil, "entity '\(id)' needs a name"); return nil
        }
        var names = [EntityName(name, kind: .name)]
        var nameLines = [r.line(of: "name") ?? location.line]
        for (key, kind) in [("aliases", NameKind.alias), ("acronyms", .acronym), ("previous", .previous), ("ambiguous", .ambiguous)] {
            for (text, line) in r.strings(key) {
                if text.isBlank { r.problems.items.append(LoadProblem(file: r.file, line: line, message: "empty name in \(key)")); continue }
                names.append(EntityName(text, kind: kind))
                nameLines.append(line ?? location.line)
            }
        }
        var country: (String, Int?)? = nil
        if let c = r.string("country") { country = (c, r.line(of: "country")) }
        return Entry(id: id, type: type, name: name, names: names, nameLines: nameLines, country: country,
                     description: r.string("description"), note: r.string("note"), location: location)
    }

    static func isValidID(_ id: String) -> Bool {
        guard let f = id.utf8.first, (f &- 0x61) < 26 || (f &- 0x30) < 10 else { return false }
        return id.utf8.allSatisfy { ($0 &- 0x61) < 26 || ($0 &- 0x30) < 10 || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }
}
