import Yams

/// Reads curated facts (`facts/*.yaml`) and checks each against the catalog and its evidence document.
struct FactLoader {
    static let keys = ["id", "subject", "predicate", "object", "value", "date", "from", "until", "said_by",
                       "doc", "quote", "note"]

    let directory: String
    let entityIndex: [String: Int]
    let documentIndex: [String: Int]
    let documents: [Document]
    /// False when a catalog file could not be read: unknown entity ids are then not reported, since
    /// they may well be defined in the unreadable part.
    var catalogComplete = true

    func load(problems: inout [LoadProblem]) -> [Fact] {
        var facts: [Fact] = []
        var firstDefinition: [String: SourceLocation] = [:]
        for name in FileAccess.list(directory + "/facts", ext: "yaml") {
            let rel = "facts/\(name)"
            let bytes: [UInt8]
            do { bytes = try FileAccess.read(directory + "/" + rel, limit: 256 << 20) }
            catch { problems.append(LoadProblem(file: rel, message: error.loadMessage)); continue }
            guard let text = DocumentLoader.decode(bytes, file: rel, problems: &problems) else { continue }
            var y = YAMLReader(file: rel)
            defer { problems += y.problems }
            guard let root = y.parse(text) else { continue }
            guard case let .sequence(items) = root else {
                y.error(root, "a fact file is a list of facts (each item starts with '- id: ...')")
                continue
            }
            for item in items {
                guard let f = fact(item, file: rel, index: facts.count, y: &y) else { continue }
                if let first = firstDefinition[f.id] {
                    y.error(item, "duplicate fact id '\(f.id)'", hint: "first defined at \(first)")
                    continue
                }
                firstDefinition[f.id] = f.location
                facts.append(f)
            }
        }
        return facts
    }

    private func entity(_ node: Node?, _ what: String, y: inout YAMLReader) -> Int? {
        guard let id = y.string(node, what) else { return nil }
        if let i = entityIndex[id] { return i }
        guard catalogComplete else { return nil }
        y.error(node, "unknown entity id '\(id)' in \(what)", hint: Suggestions.hint(for: id, in: entityIndex.keys))
        return nil
    }

    private func fact(_ node: Node, file: String, index: Int, y: inout YAMLReader) -> Fact? {
        guard let m = y.mapping(node, allowed: FactLoader.keys, what: "a fact") else { return nil }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 0)
        let before = y.problems.count
        guard let id = y.string(m["id"], "id") else { y.error(node, "a fact needs an id"); return nil }
        if !CatalogLoader.isValidID(id) {
            y.error(m["id"], "invalid fact id '\(id)'", hint: "use lowercase ASCII letters, digits and hyphens")
        }
        if m["subject"] == nil { y.error(node, "fact '\(id)' needs a subject") }
        let subject = entity(m["subject"], "subject", y: &y)
        var predicate: Predicate? = nil
        if let p = y.string(m["predicate"], "predicate") {
            predicate = Predicate(rawValue: p)
            if predicate == nil {
                y.error(m["predicate"], "unknown predicate '\(p)'",
                        hint: Suggestions.hint(for: p, in: Predicate.allCases.map(\.rawValue)) ?? "see docs/corpus-format.md")
            }
        } else {
            y.error(node, "fact '\(id)' needs a predicate")
        }
        var object: FactObject? = nil
        switch (m["object"], m["value"]) {
        case (nil, nil): y.error(node, "fact '\(id)' needs an object (an entity id) or a value")
        case (.some, .some): y.error(m["value"], "fact '\(id)' has both an object and a value; keep one")
        case let (o?, nil): if let e = entity(o, "object", y: &y) { object = .entity(e) }
        case let (nil, v?): object = value(v, y: &y)
        }
        if let predicate, let object {
            if case .entity = object, !predicate.takesEntity {
                y.error(m["object"], "predicate '\(predicate.rawValue)' takes a value, not an entity")
            }
            if case .entity = object {} else if predicate.takesEntity {
                y.error(m["value"], "predicate '\(predicate.rawValue)' takes an entity object, not a value")
            }
        }
        let date = y.date(m["date"], "date")
        let from = y.date(m["from"], "from")
        let until = y.date(m["until"], "until")
        if let from, let until, until.lastDay < from.firstDay {
            y.error(m["until"], "'until' (\(until)) is before 'from' (\(from))")
        }
        let saidBy = m["said_by"] == nil ? nil : entity(m["said_by"], "said_by", y: &y)
        var doc: Int? = nil
        if let d = y.string(m["doc"], "doc") {
            doc = documentIndex[d]
            if doc == nil {
                y.error(m["doc"], "unknown document '\(d)'", hint: Suggestions.hint(for: d, in: documentIndex.keys))
            }
        } else {
            y.error(node, "fact '\(id)' needs its evidence document (doc)")
        }
        let quote = y.string(m["quote"], "quote")
        var range: Range<Int>? = nil
        if let quote, let doc {
            range = QuoteLocator.locate(quote, in: documents[doc].text)
            if range == nil {
                y.error(m["quote"], "quote not found in \(documents[doc].path): \"\(quote.prefix(60))\(quote.count > 60 ? "…" : "")\"",
                        hint: "copy it verbatim from the raw file")
            }
        } else if quote == nil, m["quote"] != nil {
            y.error(m["quote"], "empty quote")
        }
        guard y.problems.count == before, let subject, let predicate, let object, let doc else { return nil }
        return Fact(id: id, index: index, subject: subject, predicate: predicate.rawValue, object: object,
                    date: date, from: from, until: until, saidBy: saidBy, doc: doc, quote: quote,
                    quoteStart: range?.lowerBound, quoteEnd: range?.upperBound,
                    note: y.string(m["note"], "note"), location: location)
    }

    private func value(_ node: Node, y: inout YAMLReader) -> FactObject? {
        guard let m = y.mapping(node, allowed: ["number", "unit", "date", "text"], what: "a value") else { return nil }
        let present = ["number", "date", "text"].filter { m[$0] != nil }
        guard present.count == 1 else {
            y.error(node, "a value has exactly one of number, date or text", hint: "e.g. value: {number: 250000, unit: fighters}")
            return nil
        }
        if m["unit"] != nil && present[0] != "number" { y.error(m["unit"], "'unit' goes with a number") }
        switch present[0] {
        case "number":
            guard let t = y.string(m["number"], "number"), let n = Double(t.replacingOccurrences(of: "_", with: "")) else {
                y.error(m["number"], "not a number"); return nil
            }
            return .number(n, unit: y.string(m["unit"], "unit"))
        case "date":
            return y.date(m["date"], "date").map(FactObject.date)
        default:
            return y.string(m["text"], "text").map(FactObject.text)
        }
    }
}
