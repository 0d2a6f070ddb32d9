import Foundation
import Yams

/// Metadata of one document as written in its sidecar or in `documents.tsv`, before ids are resolved.
struct DocumentMetadata {
    var sha256: String?
    var title: String?
    var outlet: String?
    var outletEntity: (id: String, line: Int?)?
    var authors: [String] = []
    var published: PartialDate?
    var publishedNote: String?
    var url: String?
    var language = "en"
    var zones: [(kind: ZoneKind, first: Int, last: Int, line: Int?)] = []
    var note: String?
    /// The sidecar's `resolve` list, applied once the document is matched (see ``CuratedResolutions``).
    var resolve: Node?
    /// Where the metadata came from, for messages.
    var file: String
    /// Line of the row, for `documents.tsv`.
    var line: Int? = nil
}

/// The rows of `documents.tsv`, with the row of each document id (the later one where an id repeats).
/// Rows stay in one array and are read in place: a row holds a dozen strings and lists, which a copy per
/// document would retain and release.
struct MetadataTable {
    var rows: [DocumentMetadata] = []
    var rowOf: [String: Int] = [:]
    /// The id of each row, and whether no id repeats.
    var ids: [String] = []
    var unique = true

    var count: Int { rowOf.count }

    /// The row of document `id`, which is document `position` in name order: the row at that position when
    /// it is this document's (the table lists the documents in name order, as a converter writes it), else
    /// the row found by id.
    func row(of id: String, position: Int) -> Int? {
        if unique && position < ids.count && ids[position] == id { return position }
        return rowOf[id]
    }
}

/// The metadata of the documents: each sidecar (`documents/<stem>.yaml`) and `documents.tsv`, read and
/// checked field by field.
extension DocumentLoader {
    /// The sidecar of document `stem`, read and checked (its problems added to `problems`).
    func readSidecar(stem: String, problems: inout [LoadProblem]) -> DocumentMetadata? {
        let rel = "documents/\(stem).yaml"
        let bytes: [UInt8]
        do { bytes = try FileAccess.read(directory + "/" + rel, limit: 1 << 20) }
        catch { problems.append(LoadProblem(file: rel, message: error.loadMessage)); return nil }
        guard let text = DocumentLoader.decode(bytes, file: rel, problems: &problems) else { return nil }
        var y = YAMLReader(file: rel)
        defer { problems += y.problems }
        guard let root = y.parse(text) else {
            if y.problems.isEmpty {
                y.error(nil, "the metadata file holds no metadata", hint: "write at least 'sha256: <hex>', or remove the file")
            }
            return nil
        }
        guard let m = y.mapping(root, allowed: DocumentLoader.sidecarKeys, what: "document metadata") else { return nil }
        var meta = DocumentMetadata(file: rel)
        meta.sha256 = y.string(m["sha256"], "sha256")
        if meta.sha256 == nil {
            y.error(root, "missing sha256 of the raw file", hint: "add 'sha256: <hex>' (sha256sum documents/\(stem).txt)")
        } else if let s = meta.sha256, s.count != 64 || !s.allSatisfy(\.isHexDigit) {
            y.error(m["sha256"], "sha256 must be 64 hex digits")
        }
        meta.title = y.string(m["title"], "title")
        meta.outlet = y.string(m["outlet"], "outlet")
        if let o = y.string(m["outlet_entity"], "outlet_entity") { meta.outletEntity = (o, y.line(m["outlet_entity"])) }
        meta.authors = y.strings(m["authors"], "authors").map(\.0)
        meta.published = y.date(m["published"], "published")
        meta.publishedNote = y.string(m["published_note"], "published_note")
        meta.url = y.string(m["url"], "url")
        meta.language = y.string(m["language"], "language") ?? "en"
        meta.note = y.string(m["note"], "note")
        if let r = m["resolve"], !y.isNull(r) { meta.resolve = r }
        if let z = m["zones"], !y.isNull(z) {
            guard case let .sequence(items) = z else { y.error(z, "zones must be a list"); return meta }
            for item in items {
                guard let zm = y.mapping(item, allowed: ["kind", "lines", "note"], what: "a zone") else { continue }
                guard let kindText = y.string(zm["kind"], "kind") else { y.error(item, "a zone needs a kind"); continue }
                guard let kind = ZoneKind(rawValue: kindText) else {
                    y.error(zm["kind"], "unknown zone kind '\(kindText)'",
                            hint: Suggestions.hint(for: kindText, in: ZoneKind.allCases.map(\.rawValue)))
                    continue
                }
                guard let linesText = y.string(zm["lines"], "lines") else { y.error(item, "a zone needs lines"); continue }
                let parts = linesText.split(separator: "-", omittingEmptySubsequences: false).map { p in
                    p.trimmed.allSatisfy(\.isASCII) && p.trimmed.allSatisfy(\.isNumber) ? Int(p.trimmed) : nil
                }
                guard (1...2).contains(parts.count), let first = parts[0], let last = parts.last!, first >= 1, last >= first else {
                    y.error(zm["lines"], "malformed line range '\(linesText)'", hint: "write a line (7) or a range (7-12)")
                    continue
                }
                meta.zones.append((kind, first, last, y.line(item)))
            }
        }
        return meta
    }

    /// Reads `documents.tsv` (header: id, title, outlet, authors, published, then optional url, sha256).
    func readTSV(problems: inout [LoadProblem]) -> MetadataTable {
        let path = directory + "/documents.tsv"
        guard FileAccess.exists(path) else { return MetadataTable() }
        guard let table = TSVTable.read(path, file: "documents.tsv", problems: &problems) else { return MetadataTable() }
        let known = ["id", "title", "outlet", "authors", "published", "url", "sha256"]
        guard table.checkColumns(known: known, required: ["id"], problems: &problems) else { return MetadataTable() }
        let at = known.map { table.columnIndex[$0] }
        var out = MetadataTable()
        out.rows.reserveCapacity(table.rows.count)
        out.rowOf.reserveCapacity(table.rows.count)
        out.ids.reserveCapacity(table.rows.count)
        for row in table.rows {
            func col(_ k: Int) -> String? { table.cell(row, at[k]) }
            guard let id = col(0) else {
                problems.append(LoadProblem(file: "documents.tsv", line: row.line, message: "row without an id")); continue
            }
            if out.rowOf[id] != nil {
                problems.append(LoadProblem(file: "documents.tsv", line: row.line, message: "duplicate row for document '\(id)'"))
                out.unique = false
            }
            var meta = DocumentMetadata(file: "documents.tsv", line: row.line)
            meta.title = col(1)
            meta.outlet = col(2)
            meta.authors = col(3)?.split(separator: ";").map { $0.trimmed } ?? []
            if let p = col(4) {
                meta.published = PartialDate(parsing: p)
                if meta.published == nil {
                    problems.append(LoadProblem(file: "documents.tsv", line: row.line, message: "malformed date '\(p)'",
                                                hint: "write YYYY, YYYY-MM or YYYY-MM-DD"))
                }
            }
            meta.url = col(5)
            meta.sha256 = col(6)
            out.rowOf[id] = out.rows.count
            out.rows.append(meta)
            out.ids.append(id)
        }
        return out
    }
}
