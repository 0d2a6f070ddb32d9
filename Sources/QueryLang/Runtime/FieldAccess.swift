/// Field access on values: `row.field` and bare field names inside stages.
struct FieldAccess {
    let corpus: Corpus

    /// The field of a value, or nil when the value has no such field.
    func field(_ v: Value, _ name: String) -> Value? {
        switch v {
        case let .document(i): return document(i, name)
        case let .entity(i): return entity(i, name)
        case let .mention(i): return mention(i, name)
        case let .fact(i): return fact(i, name)
        case let .record(r):
            if let x = r[name] { return x }
            if let b = r.base { return field(b, name) }
            return nil
        default:
            // A table made from a list of plain values has one column, `value`.
            return name == "value" ? v : nil
        }
    }

    /// Every field name a value has (for messages and suggestions).
    func fieldNames(_ v: Value) -> [String] {
        switch v {
        case .document: return FieldCatalog.fields(of: .document).map(\.name)
        case .entity: return FieldCatalog.fields(of: .entity).map(\.name)
        case .mention: return FieldCatalog.fields(of: .mention).map(\.name)
        case .fact: return FieldCatalog.fields(of: .fact).map(\.name)
        case let .record(r): return r.keys + (r.base.map(fieldNames) ?? [])
        default: return []
        }
    }

    /// The record a row shows as (for select, join, expand): records as they are, references as
    /// their display columns with the reference as base.
    func record(_ row: Value) -> Record {
        switch row {
        case let .record(r): return r
        case .document, .entity, .mention, .fact:
            let kind = referenceKind(row)!
            let cols = FieldCatalog.columns(of: kind)
            return Record(keys: cols, values: cols.map { field(row, $0) ?? .null }, base: row)
        default:
            return Record(keys: ["value"], values: [row])
        }
    }

    /// The kind of reference a row is or extends.
    func referenceKind(_ v: Value) -> ReferenceKind? {
        if case let .record(r) = v { return r.base.flatMap(referenceKind) }
        return v.referenceKind
    }

    private func string(_ s: String?) -> Value { s.map(Value.string) ?? .null }

    // The accessors below read one property of the record in the corpus array (`docs[i].id`) rather than
    // taking the record as a parameter: a copy of a whole `Document` retains every string and array in it,
    // which cost more than the rest of a field access.
    private func document(_ i: Int, _ name: String) -> Value? {
        let docs = corpus.documents
        switch name {
        case "id": return .string(corpus.documentIDs[i])
        case "title": return .string(docs[i].title)
        case "outlet": return string(docs[i].outlet)
        case "outlet_entity": return docs[i].outletEntity.map(Value.entity) ?? .null
        case "authors": return .list(docs[i].authors.map(Value.string))
        case "published": return docs[i].published.map(Value.date) ?? .null
        case "url": return string(docs[i].url)
        case "language": return .string(docs[i].language)
        case "text": return .string(docs[i].text)
        case "length": return .int(Int64(docs[i].byteCount))
        case "annotated": return .bool(docs[i].annotated)
        case "path": return .string(docs[i].path)
        case "mentions":
            let start = corpus.documentMentionStart[i], end = corpus.documentMentionStart[i + 1]
            return .list((start..<end).map(Value.mention))
        case "entities": return .list(corpus.documentEntities[i].map { .entity(Int($0)) })
        case "facts": return .list(corpus.facts.filter { $0.doc == i }.map { .fact($0.index) })
        case "sentences": return .int(Int64(corpus.sentenceStarts[i].count))
        default: return nil
        }
    }

    private func entity(_ i: Int, _ name: String) -> Value? {
        let ents = corpus.entities
        switch name {
        case "id": return .string(ents[i].id)
        case "type": return .string(ents[i].type.rawValue)
        case "name": return .string(ents[i].name)
        case "aliases": return .list(ents[i].aliases.map(Value.string))
        case "acronyms": return .list(ents[i].names.filter { $0.kind == .acronym }.map { .string($0.text) })
        case "names": return .list(ents[i].names.map { .string($0.text) })
        case "country": return ents[i].country.map(Value.entity) ?? .null
        case "description": return string(ents[i].description)
        case "mentions": return .list(corpus.entityMentions[i].map { .mention(Int($0)) })
        case "docs": return .list(corpus.documents(mentioning: i).map(Value.document))
        case "facts": return .list(corpus.facts.filter { $0.subject == i }.map { .fact($0.index) })
        case "mention_count": return .int(Int64(corpus.entityMentions[i].count))
        default: return nil
        }
    }

    private func mention(_ i: Int, _ name: String) -> Value? {
        let m = corpus.mentions[i]
        switch name {
        case "doc": return .document(Int(m.doc))
        case "entity": return m.entity >= 0 ? .entity(Int(m.entity)) : .null
        case "sentence": return .int(Int64(m.sentence))
        case "start": return .int(Int64(m.start))
        case "end": return .int(Int64(m.end))
        case "surface": return .string(corpus.surface(m))
        case "zone": return .string(m.zone.rawValue)
        case "own": return .bool(m.zone.isOwnText)
        case "ambiguous": return .bool(m.ambiguous)
        case "text": return .string(corpus.sentenceText(doc: Int(m.doc), sentence: Int(m.sentence)))
        default: return nil
        }
    }

    private func fact(_ i: Int, _ name: String) -> Value? {
        let facts = corpus.facts
        switch name {
        case "id": return .string(facts[i].id)
        case "subject": return .entity(facts[i].subject)
        case "predicate": return .string(facts[i].predicate)
        case "object":
            switch facts[i].object {
            case let .entity(e): return .entity(e)
            case let .number(n, _): return n.rounded() == n && abs(n) < 9e15 ? .int(Int64(n)) : .float(n)
            case let .date(d): return .date(d)
            case let .text(t): return .string(t)
            }
        case "unit":
            if case let .number(_, unit) = facts[i].object { return string(unit) }
            return .null
        case "date": return facts[i].date.map(Value.date) ?? .null
        case "from": return facts[i].from.map(Value.date) ?? .null
        case "until": return facts[i].until.map(Value.date) ?? .null
        case "said_by": return facts[i].saidBy.map(Value.entity) ?? .null
        case "source":
            if let s = facts[i].saidBy { return .string(corpus.entities[s].name) }
            return string(corpus.documents[facts[i].doc].outlet)
        case "doc": return .document(facts[i].doc)
        case "quote": return string(facts[i].quote)
        case "note": return string(facts[i].note)
        default: return nil
        }
    }
}
