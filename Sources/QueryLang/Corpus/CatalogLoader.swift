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

    mutating func load(problems: inout [LoadProblem]) -> [Entry] {
        var entries: [Entry] = []
        var firstDefinition: [String: SourceLocation] = [:]
        for name in FileAccess.list(directory + "/catalog", ext: "yaml") {
            let rel = "catalog/\(name)"
            let bytes: [UInt8]
            do { bytes = try FileAccess.read(directory + "/" + rel, limit: 64 << 20) }
            catch { problems.append(LoadProblem(file: rel, message: error.loadMessage)); complete = false; continue }
            guard let text = DocumentLoader.decode(bytes, file: rel, problems: &problems) else { complete = false; continue }
            var y = YAMLReader(file: rel)
            defer { problems += y.problems }
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
                guard let e = entry(item, file: rel, y: &y) else { continue }
                if let first = firstDefinition[e.id] {
                    y.error(item, "duplicate entity id '\(e.id)'", hint: "first defined at \(first)")
                    continue
                }
                firstDefinition[e.id] = e.location
                entries.append(e)
            }
        }
        return entries
    }

    private func entry(_ node: Node, file: String, y: inout YAMLReader) -> Entry? {
        guard let m = y.mapping(node, allowed: CatalogLoader.keys, what: "an entity") else { return nil }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 0)
        guard let id = y.string(m["id"], "id") else { y.error(node, "an entity needs an id"); return nil }
        if !CatalogLoader.isValidID(id) {
            y.error(m["id"], "invalid id '\(id)'", hint: "use lowercase ASCII letters, digits and hyphens, e.g. 'kataib-hezbollah'")
        }
        guard let typeText = y.string(m["type"], "type") else { y.error(node, "entity '\(id)' needs a type"); return nil }
        guard let type = EntityType(rawValue: typeText) else {
            y.error(m["type"], "unknown entity type '\(typeText)'",
                    hint: Suggestions.hint(for: typeText, in: EntityType.allCases.map(\.rawValue))
                        ?? "types: \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let name = y.string(m["name"], "name"), !name.isBlank else {
            y.error(node, "entity '\(id)' needs a name"); return nil
        }
        var names = [EntityName(name, kind: .name)]
        var nameLines = [y.line(m["name"]) ?? location.line]
        for (key, kind) in [("aliases", NameKind.alias), ("acronyms", .acronym), ("previous", .previous), ("ambiguous", .ambiguous)] {
            for (text, n) in y.strings(m[key], key) {
                if text.isBlank { y.error(n, "empty name in \(key)"); continue }
                names.append(EntityName(text, kind: kind))
                nameLines.append(y.line(n) ?? location.line)
            }
        }
        var country: (String, Int?)? = nil
        if let c = y.string(m["country"], "country") { country = (c, y.line(m["country"])) }
        return Entry(id: id, type: type, name: name, names: names, nameLines: nameLines, country: country,
                     description: y.string(m["description"], "description"), note: y.string(m["note"], "note"),
                     location: location)
    }

    static func isValidID(_ id: String) -> Bool {
        guard let f = id.utf8.first, (f &- 0x61) < 26 || (f &- 0x30) < 10 else { return false }
        return id.utf8.allSatisfy { ($0 &- 0x61) < 26 || ($0 &- 0x30) < 10 || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }
}
