/// The final statement of a pipeline: its relation's rows in its order, each column in a form mq reads
/// back into values (references as ids or catalog ordinals, dates as ``SQLDate`` keys), at most the output
/// row limit plus one (so that a larger result is an error, not a download).
@_spi(MQInternals) public struct SQLQuery {
    /// The statement sent to the server.
    @_spi(MQInternals) public let sql: String
    /// The values of its bind parameters `$1`, `$2`, ... (PostgreSQL's text form), and what each is.
    @_spi(MQInternals) public let parameters: [String]
    /// What each bind parameter is (`$group`, `$q (folded words)`), for `explain`.
    @_spi(MQInternals) public let parameterNames: [String]
    let relation: SQLRelation
    let corpus: Corpus
    let fields: FieldAccess
    /// The type of each column of a result row, in order.
    let types: [SQLType]

    /// `limit` nil reads every row (a hybrid stage's candidates, read through a cursor); `trailing` are
    /// columns over the relation's alias `r` sent after the row's own (``table(_:)`` reads past them).
    init(_ relation: SQLRelation, compiler: SQLCompiler, limit: Int? = Limits().maxOutputRows, trailing: [String] = []) throws {
        self.relation = relation
        corpus = compiler.corpus
        fields = FieldAccess(corpus: compiler.corpus)
        let q = "r"
        var out: [String] = []
        var types: [SQLType] = []
        if let b = relation.base {
            out.append(Self.output(.ref(b), "\(q).ord"))
            types.append(.ref(b))
        }
        for c in relation.recordColumns {
            out.append(Self.output(c.type, "\(q).\(SQLRelation.column(c.name))"))
            types.append(c.type)
        }
        self.types = types
        out += trailing
        let order = relation.order.isEmpty ? "" : " ORDER BY \(relation.orderBy(q))"
        let cut = limit.map { " LIMIT \($0 + 1)" } ?? ""
        let raw = "SELECT \(out.joined(separator: ", ")) FROM (\(relation.sql)) \(q)\(order)\(cut)"
        (sql, parameters, parameterNames) = SQLParameters.number(raw, compiler.bindings)
    }

    /// The statement as `explain` shows it: with a line naming each bind parameter.
    @_spi(MQInternals) public var explained: String {
        sql + parameterNames.enumerated().map { "\n-- $\($0.offset + 1): \($0.element)" }.joined()
    }

    /// A column as text mq reads back.
    static func output(_ t: SQLType, _ x: String) -> String {
        switch t {
        case .ref(.document): return "(SELECT d.id FROM mq.documents d WHERE d.ord = \(x))"
        case .documents:
            return "(SELECT string_agg(replace(replace(d.id, '%', '%25'), ' ', '%20'), ' ' ORDER BY u.n) FROM unnest(\(x)) WITH ORDINALITY u(ord, n) JOIN mq.documents d ON d.ord = u.ord)"
        case .facts:
            // Ordinals joined by spaces; an empty list is an empty text, not null.
            return "CASE WHEN \(x) IS NULL THEN NULL ELSE array_to_string(\(x), ' ') END"
        case .ref(.mention):
            return "(SELECT d.id || ' ' || m.seq FROM mq.mentions m JOIN mq.documents d ON d.ord = m.doc WHERE m.ord = \(x))"
        default: return x
        }
    }

    /// The rows read back as mq values: a table as the in-memory executor gives it.
    @_spi(MQInternals) public func table(_ rows: [[String?]]) throws -> Table {
        var values: [Value] = []
        values.reserveCapacity(rows.count)
        for r in rows {
            let vs = try zip(types, r).map { try decode($0, $1) }
            switch relation.shape {
            case .reference: values.append(vs[0])
            case let .record(cols, base):
                var rec: Record
                var rest = vs[...]
                if base != nil {
                    let b = rest.removeFirst()
                    rec = b.isNull ? Record() : relation.ownColumns ? Record(base: b) : fields.record(b)
                    if case .string = b { rec = Record(keys: ["id"], values: [b]) }
                } else {
                    rec = Record()
                }
                for (c, v) in zip(cols, rest) { rec.set(c.name, v) }
                values.append(.record(rec))
            }
        }
        return Table(rows: values, columns: columns)
    }

    /// The columns a table of these rows shows (as the in-memory stages name them).
    @_spi(MQInternals) public var columns: [String] {
        var out: [String] = relation.base.map { FieldCatalog.columns(of: $0) } ?? []
        if case .record(_, nil) = relation.shape { out = [] }
        if relation.ownColumns { out = [] }
        for c in relation.recordColumns where !out.contains(c.name) { out.append(c.name) }
        return out
    }

    struct DecodeError: Error, CustomStringConvertible {
        let description: String
    }

    private func decode(_ t: SQLType, _ text: String?) throws -> Value {
        guard let text else { return .null }
        func bad() -> DecodeError { DecodeError(description: "the server sent '\(text.prefix(40))' for a \(t) column") }
        switch t {
        case .null: return .null
        case .bool: return .bool(text == "t")
        case .int: guard let i = Int64(text) else { throw bad() }; return .int(i)
        case .float:
            switch text {
            case "NaN": return .float(.nan)
            case "Infinity": return .float(.infinity)
            case "-Infinity": return .float(-.infinity)
            default: guard let d = Double(text) else { throw bad() }; return .float(d)
            }
        case .string: return .string(text)
        case .date: guard let k = Int64(text), let d = SQLDate.date(k) else { throw bad() }; return .date(d)
        case let .ref(k):
            switch k {
            case .entity:
                guard let i = Int(text), i >= 0, i < corpus.entities.count else { throw bad() }
                return .entity(i)
            case .fact:
                guard let i = Int(text), i >= 0, i < corpus.facts.count else { throw bad() }
                return .fact(i)
            case .document:
                // A document the local corpus does not hold is shown by its id.
                return corpus.documentByID[text].map(Value.document) ?? .string(text)
            case .mention:
                guard let sp = text.lastIndex(of: " "), let seq = Int(text[text.index(after: sp)...]) else { throw bad() }
                let id = String(text[..<sp])
                guard let d = corpus.documentByID[id] else { return .string(text) }
                let i = corpus.documentMentionStart[d] + seq
                guard i < corpus.documentMentionStart[d + 1] else { return .string(text) }
                return .mention(i)
            }
        case .documents:
            // Ids joined by spaces (a space inside an id sent as %20, a percent sign as %25).
            return .list(text.split(separator: " ").map { part in
                let id = part.replacingOccurrences(of: "%20", with: " ").replacingOccurrences(of: "%25", with: "%")
                return corpus.documentByID[id].map(Value.document) ?? .string(id)
            })
        case .facts:
            // Ordinals joined by spaces (``output(_:_:)``).
            return .list(try text.split(separator: " ").map { part in
                guard let i = Int(part), i >= 0, i < corpus.facts.count else { throw bad() }
                return .fact(i)
            })
        case .factObject:
            guard let i = Int(text), i >= 0, i < corpus.facts.count else { throw bad() }
            return fields.field(.fact(i), "object") ?? .null
        }
    }
}
