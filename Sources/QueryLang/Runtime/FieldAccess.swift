/// Field access on values: `row.field` and bare field names inside stages.
struct FieldAccess {
    let corpus: Corpus

    /// The field of a value, or nil when the value has no such field.
    func field(_ v: Value, _ name: String) -> Value? {
        switch v {
        case let .document(i): return document(corpus.documents[i], name)
        case let .entity(i): return entity(corpus.entities[i], name)
        case let .mention(i): return mention(i, name)
        case let .fact(i): return fact(corpus.facts[i], name)
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

    func referenceKind(_ v: Value) -> ReferenceKind? {
        switch v {
        case .document: return .document
        case .entity: return .entity
        case .mention: return .mention
        case .fact: return .fact
        case let .record(r): return r.base.flatMap(referenceKind)
        default: return nil
        }
    }

    private func string(_ s: String?) -> Value { s.map(Value.string) ?? .null }

    private func document(_ d: Document, _ name: String) -> Value? {
        switch name {
        case "id": return .string(d.id)
        case "title": return .string(d.title)
        case "outlet": return string(d.outlet)
        case "outlet_entity": return d.outletEntity.map(Value.entity) ?? .null
        case "authors": return .list(d.authors.map(Value.string))
        case "published": return d.published.map(Value.date) ?? .null
        case "url": return string(d.url)
        case "language": return .string(d.language)
        case "text": return .string(d.text)
        case "length": return .int(Int64(d.byteCount))
        case "annotated": return .bool(d.annotated)
        case "path": return .string(d.path)
        case "mentions":
            let start = corpus.documentMentionStart[d.index], end = corpus.documentMentionStart[d.index + 1]
            return .list((start..<end).map(Value.mention))
        case "entities": return .list(corpus.documentEntities[d.index].map { .entity(Int($0)) })
        case "facts": return .list(corpus.facts.filter { $0.doc == d.index }.map { .fact($0.index) })
        case "sentences": return .int(Int64(corpus.sentenceStarts[d.index].count))
        default: return nil
        }
    }

    private func entity(_ e: Entity, _ name: String) -> Value? {
        switch name {
        case "id": return .string(e.id)
        case "type": return .string(e.type.rawValue)
        case "name": return .string(e.name)
        case "aliases": return .list(e.aliases.map(Value.string))
        case "acronyms": return .list(e.names.filter { $0.kind == .acronym }.map { .string($0.text) })
        case "names": return .list(e.names.map { .string($0.text) })
        case "country": return e.country.map(Value.entity) ?? .null
        case "description": return string(e.description)
        case "mentions": return .list(corpus.entityMentions[e.index].map { .mention(Int($0)) })
        case "docs": return .list(corpus.documents(mentioning: e.index).map(Value.document))
        case "facts": return .list(corpus.facts.filter { $0.subject == e.index }.map { .fact($0.index) })
        case "mention_count": return .int(Int64(corpus.entityMentions[e.index].count))
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

    private func fact(_ f: Fact, _ name: String) -> Value? {
        switch name {
        case "id": return .string(f.id)
        case "subject": return .entity(f.subject)
        case "predicate": return .string(f.predicate)
        case "object":
            switch f.object {
            case let .entity(e): return .entity(e)
            case let .number(n, _): return n.rounded() == n && abs(n) < 9e15 ? .int(Int64(n)) : .float(n)
            case let .date(d): return .date(d)
            case let .text(t): return .string(t)
            }
        case "unit":
            if case let .number(_, unit) = f.object { return string(unit) }
            return .null
        case "date": return f.date.map(Value.date) ?? .null
        case "from": return f.from.map(Value.date) ?? .null
        case "until": return f.until.map(Value.date) ?? .null
        case "said_by": return f.saidBy.map(Value.entity) ?? .null
        case "source":
            if let s = f.saidBy { return .string(corpus.entities[s].name) }
            return string(corpus.documents[f.doc].outlet)
        case "doc": return .document(f.doc)
        case "quote": return string(f.quote)
        case "note": return string(f.note)
        default: return nil
        }
    }
}
