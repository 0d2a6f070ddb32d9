/// The fields of corpus references in SQL: which table holds each kind, and each field as an expression
/// over a row of that table (``SQLSchema``).
enum SQLFields {
    static func table(_ k: ReferenceKind) -> String {
        switch k {
        case .document: return "mq.documents"
        case .entity: return "mq.entities"
        case .mention: return "mq.mentions"
        case .fact: return "mq.facts"
        }
    }

    /// The columns of a kind's table that rows of that kind carry through stages.
    static func tableColumns(_ k: ReferenceKind) -> [String] {
        switch k {
        case .document: return ["ord", "id", "title", "outlet", "outlet_entity", "published", "url", "language", "length",
                                "annotated", "path", "sentences"]
        case .entity: return ["ord", "id", "type", "name", "description", "country", "mention_count"]
        case .mention: return ["ord", "doc", "entity", "sentence", "start", "\"end\"", "zone", "own", "ambiguous", "surface"]
        case .fact: return ["ord", "id", "subject", "predicate", "unit", "date", "\"from\"", "until", "said_by", "doc", "quote", "note"]
        }
    }

    /// A field of the row `a` (an alias whose columns include ``tableColumns(_:)``); nil when the field
    /// is unknown, `.failure` with a reason when SQL cannot hold it.
    static func field(_ k: ReferenceKind, _ a: String, _ name: String) -> Result<SQLExpr, SQLUnsupported>? {
        func col(_ c: String, _ t: SQLType) -> Result<SQLExpr, SQLUnsupported> { .success(SQLExpr("\(a).\(c)", t)) }
        func list(_ what: String) -> Result<SQLExpr, SQLUnsupported> {
            .failure(SQLUnsupported("the list '\(name)' of \(what) (only its membership tests, 'x in \(name)', are compiled)"))
        }
        switch k {
        case .document:
            switch name {
            case "id", "title", "outlet", "url", "language", "path": return col(name, .string)
            case "outlet_entity": return col(name, .ref(.entity))
            case "published": return col(name, .date)
            case "length", "sentences": return col(name, .int)
            case "annotated": return col(name, .bool)
            case "text": return .success(SQLExpr("(SELECT t.text FROM mq.documents t WHERE t.ord = \(a).ord)", .string))
            case "authors", "mentions", "entities", "facts": return list("a document")
            default: return nil
            }
        case .entity:
            switch name {
            case "id", "type", "name", "description": return col(name, .string)
            case "country": return col(name, .ref(.entity))
            case "mention_count": return col(name, .int)
            case "aliases", "acronyms", "names", "mentions", "docs", "facts": return list("an entity")
            default: return nil
            }
        case .mention:
            switch name {
            case "doc": return col("doc", .ref(.document))
            case "entity": return col("entity", .ref(.entity))
            case "sentence", "start": return col(name, .int)
            case "end": return col("\"end\"", .int)
            case "surface", "zone": return col(name, .string)
            case "own", "ambiguous": return col(name, .bool)
            case "text":
                return .success(SQLExpr("(SELECT s.text FROM mq.sentences s WHERE s.doc = \(a).doc AND s.seq = \(a).sentence)", .string))
            default: return nil
            }
        case .fact:
            switch name {
            case "id", "predicate", "unit", "quote", "note": return col(name, .string)
            case "subject", "said_by": return col(name, .ref(.entity))
            case "doc": return col("doc", .ref(.document))
            case "date": return col("date", .date)
            case "from": return col("\"from\"", .date)
            case "until": return col("until", .date)
            case "object": return col("ord", .factObject)
            case "source":
                return .success(SQLExpr("""
                    (CASE WHEN \(a).said_by IS NOT NULL THEN (SELECT e.name FROM mq.entities e WHERE e.ord = \(a).said_by) \
                    ELSE (SELECT d.outlet FROM mq.documents d WHERE d.ord = \(a).doc) END)
                    """, .string))
            default: return nil
            }
        }
    }

    /// A field of the reference an expression gives (navigation: `m.doc.outlet`).
    static func navigate(_ k: ReferenceKind, _ ref: String, _ name: String) -> Result<SQLExpr, SQLUnsupported>? {
        guard let inner = field(k, "n", name) else { return nil }
        return inner.map { e in
            SQLExpr("(SELECT \(e.sql) FROM \(table(k)) n WHERE n.ord = \(ref))", e.type)
        }
    }
}

/// Why a part of a query has no SQL form.
struct SQLUnsupported: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
