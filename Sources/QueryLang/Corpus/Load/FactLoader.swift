import Yams

/// Reads curated facts (`facts/*.yaml`) and checks each against the catalog and its evidence document.
struct FactLoader {
    static let keys = ["id", "subject", "predicate", "object", "value", "date", "from", "until", "said_by",
                       "doc", "quote", "note"]

    /// A fact as its file states it: every value read and its form checked, ids not yet resolved. Drafts
    /// are made while the YAML is fresh (beside the catalog); the node trees are then let go.
    struct Draft {
        /// A reference to an entity or document by id, with its line for messages.
        struct Reference { var id: String; var line: Int? }
        enum Object { case entity(Reference), value(FactObject) }

        var id: String
        var location: SourceLocation
        var subject: Reference?
        var predicate: Predicate?
        var object: Object?
        var objectLine: Int?, valueLine: Int?
        var date: PartialDate?, from: PartialDate?, until: PartialDate?
        var saidBy: Reference?
        var doc: Reference?
        var quote: String?
        var quoteLine: Int?
        var note: String?
        /// Whether the form already has a problem (the fact is then checked further, but not kept).
        var flawed = false
    }

    /// The fact files read: their drafts, and the problems of form found in them.
    struct Files {
        var drafts: [Draft] = []
        var problems: [LoadProblem] = []
    }

    /// Columns of a fact TSV file (`facts/*.tsv`): the keys of the YAML form, with the typed value's
    /// fields as columns of their own (`value_date` for a date value).
    static let tsvColumns = ["id", "subject", "predicate", "object", "number", "unit", "value_date", "text", "date",
                             "from", "until", "said_by", "doc", "quote", "note"]

    /// Reads, parses and drafts every `facts/*.yaml` and `facts/*.tsv` of a corpus directory: needs
    /// neither the catalog nor the documents, so it runs beside them.
    static func read(directory: String) -> Files {
        var files = Files()
        // Every problem goes to `list` (shared with the records), and into `files` at the end.
        let list = ProblemList()
        let dir = directory + "/facts"
        let folder = FileAccess.folder(directory, "facts")
        if let p = folder.problem { list.items.append(p) }
        list.items += FileAccess.linksOutside(directory, "facts", folder.entries, suffixes: [".yaml", ".tsv"])
        for name in folder.entries.map(\.name).filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".tsv") }).sorted() {
            let rel = "facts/\(name)"
            if name.hasSuffix(".tsv") {
                guard let table = TSVTable.read(dir + "/" + name, file: rel, problems: &list.items),
                      table.checkColumns(known: tsvColumns, required: ["id", "subject", "predicate", "doc"], problems: &list.items)
                else { continue }
                files.drafts.reserveCapacity(files.drafts.count + table.rows.count)
                for row in table.rows {
                    if let d = draft(TSVRecord(row, of: table, problems: list)) { files.drafts.append(d) }
                }
                continue
            }
            let bytes: [UInt8]
            do { bytes = try FileAccess.read(dir + "/" + name, limit: 256 << 20) }
            catch { list.items.append(LoadProblem(file: rel, message: error.loadMessage)); continue }
            guard let text = DocumentLoader.decode(bytes, file: rel, problems: &list.items) else { continue }
            var y = YAMLReader(file: rel)
            defer { list.items += y.problems }
            guard let root = y.parse(text) else { continue }
            guard case let .sequence(items) = root else {
                y.error(root, "a fact file is a list of facts (each item starts with '- id: ...')")
                continue
            }
            files.drafts.reserveCapacity(files.drafts.count + items.count)
            for item in items {
                guard let r = YAMLRecord(item, allowed: FactLoader.keys, what: "a fact", file: rel, problems: list),
                      let d = draft(r) else { continue }
                files.drafts.append(d)
            }
        }
        files.problems = list.items
        return files
    }

    let entityIndex: [String: Int]
    let documentIndex: [String: Int]
    let documents: [Document]
    /// False when a catalog file could not be read: unknown entity ids are then not reported, since
    /// they may well be defined in the unreadable part.
    var catalogComplete = true

    /// Checks the drafts against the catalog and their evidence documents; the sound ones become facts.
    func check(_ files: Files, problems: inout [LoadProblem]) -> [Fact] {
        problems += files.problems
        var facts: [Fact] = []
        facts.reserveCapacity(files.drafts.count)
        var firstDefinition: [String: SourceLocation] = [:]
        for d in files.drafts {
            guard let f = fact(d, index: facts.count, problems: &problems) else { continue }
            if let first = firstDefinition[f.id] {
                problems.append(LoadProblem(file: d.location.file, line: d.location.line,
                                            message: "duplicate fact id '\(f.id)'", hint: "first defined at \(first)"))
                continue
            }
            firstDefinition[f.id] = f.location
            facts.append(f)
        }
        return facts
    }

    private static func reference(_ r: some FieldRecord, _ key: String) -> Draft.Reference? {
        guard let id = r.string(key) else { return nil }
        return Draft.Reference(id: id, line: r.line(of: key))
    }

    private static func draft(_ r: some FieldRecord) -> Draft? {
        let before = r.problems.items.count
        guard let id = r.string("id") else { r.error(at: nil, "a fact needs an id"); return nil }
        var d = Draft(id: id, location: SourceLocation(file: r.file, line: r.line))
        if !CatalogLoader.isValidID(id) {
            r.error(at: "id", "invalid fact id '\(id)'", hint: "use lowercase ASCII letters, digits and hyphens")
        }
        if !r.has("subject") { r.error(at: nil, "fact '\(id)' needs a subject") }
        d.subject = reference(r, "subject")
        if let p = r.string("predicate") {
            d.predicate = Predicate(rawValue: p)
            if d.predicate == nil {
                r.error(at: "predicate", "unknown predicate '\(p)'",
                        hint: Suggestions.hint(for: p, in: Predicate.allCases.map(\.rawValue)) ?? "see docs/corpus-format.md")
            }
        } else {
            r.error(at: nil, "fact '\(id)' needs a predicate")
        }
        d.objectLine = r.line(of: "object")
        d.valueLine = r.line(of: "value") ?? r.line
        switch (r.has("object"), r.hasValue) {
        case (false, false): r.error(at: nil, "fact '\(id)' needs an object (an entity id) or a value")
        case (true, true): r.error(at: "value", "fact '\(id)' has both an object and a value; keep one")
        case (true, false): d.object = reference(r, "object").map(Draft.Object.entity)
        case (false, true): d.object = value(r).map(Draft.Object.value)
        }
        d.date = r.date("date")
        d.from = r.date("from")
        d.until = r.date("until")
        if let from = d.from, let until = d.until, until.lastDay < from.firstDay {
            r.error(at: "until", "'until' (\(until)) is before 'from' (\(from))")
        }
        if r.has("said_by") { d.saidBy = reference(r, "said_by") }
        d.doc = reference(r, "doc")
        if d.doc == nil { r.error(at: nil, "fact '\(id)' needs its evidence document (doc)") }
        d.quote = r.string("quote")
        d.quoteLine = r.line(of: "quote")
        if d.quote == nil, r.has("quote") { r.error(at: "quote", "empty quote") }
        d.note = r.string("note")
        d.flawed = r.problems.items.count != before
        return d
    }

    private func entity(_ ref: Draft.Reference?, _ what: String, file: String, problems: inout [LoadProblem]) -> Int? {
        guard let ref else { return nil }
        if let i = entityIndex[ref.id] { return i }
        guard catalogComplete else { return nil }
        problems.append(LoadProblem(file: file, line: ref.line, message: "unknown entity id '\(ref.id)' in \(what)",
                                    hint: Suggestions.hint(for: ref.id, in: entityIndex.keys)))
        return nil
    }

    private func fact(_ d: Draft, index: Int, problems: inout [LoadProblem]) -> Fact? {
        let file = d.location.file
        let before = problems.count
        let subject = entity(d.subject, "subject", file: file, problems: &problems)
        var object: FactObject? = nil
        switch d.object {
        case let .entity(ref)?: object = entity(ref, "object", file: file, problems: &problems).map(FactObject.entity)
        case let .value(v)?: object = v
        case nil: break
        }
        if let predicate = d.predicate, let object {
            if case .entity = object, !predicate.takesEntity {
                problems.append(LoadProblem(file: file, line: d.objectLine, message: "predicate '\(predicate.rawValue)' takes a value, not an entity"))
            }
            if case .entity = object {} else if predicate.takesEntity {
                problems.append(LoadProblem(file: file, line: d.valueLine, message: "predicate '\(predicate.rawValue)' takes an entity object, not a value"))
            }
        }
        let saidBy = entity(d.saidBy, "said_by", file: file, problems: &problems)
        var doc: Int? = nil
        if let ref = d.doc {
            doc = documentIndex[ref.id]
            if doc == nil {
                problems.append(LoadProblem(file: file, line: ref.line, message: "unknown document '\(ref.id)'",
                                            hint: Suggestions.hint(for: ref.id, in: documentIndex.keys)))
            }
        }
        var range: Range<Int>? = nil
        if let quote = d.quote, let doc {
            range = QuoteLocator.locate(quote, in: documents[doc])
            if range == nil {
                problems.append(LoadProblem(file: file, line: d.quoteLine,
                    message: "quote not found in \(documents[doc].path): \"\(quote.prefix(60))\(quote.count > 60 ? "…" : "")\"",
                    hint: "copy it verbatim from the raw file"))
            }
        }
        guard !d.flawed, problems.count == before, let subject, let predicate = d.predicate, let object, let doc else { return nil }
        return Fact(id: d.id, index: index, subject: subject, predicate: predicate.rawValue, object: object,
                    date: d.date, from: d.from, until: d.until, saidBy: saidBy, doc: doc, quote: d.quote,
                    quoteStart: range?.lowerBound, quoteEnd: range?.upperBound, note: d.note, location: d.location)
    }

    private static func value(_ r: some FieldRecord) -> FactObject? {
        guard let (v, k) = r.valueFields() else { return nil }
        let present = [k.number, k.date, k.text].filter { v.has($0) }
        guard present.count == 1 else {
            v.error(at: nil, "a value has exactly one of \(k.number), \(k.date) or \(k.text)",
                    hint: "e.g. value: {number: 250000, unit: fighters}")
            return nil
        }
        if v.has(k.unit) && present[0] != k.number { v.error(at: k.unit, "'unit' goes with a number") }
        switch present[0] {
        case k.number:
            guard let t = v.string(k.number), let n = Double(t.replacingOccurrences(of: "_", with: "")), n.isFinite else {
                v.error(at: k.number, "not a number (a finite decimal number is expected)"); return nil
            }
            return .number(n, unit: v.string(k.unit))
        case k.date:
            return v.date(k.date).map(FactObject.date)
        default:
            return v.string(k.text).map(FactObject.text)
        }
    }
}
