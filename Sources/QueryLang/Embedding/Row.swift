/// One row of a result with its values by column name and typed getters.
///
/// ```swift
/// for try await batch in session.stream("entities | where type == \"armed_group\" | select name, n = mention_count") {
///     for row in batch.rows { print(row.string("name") ?? "?", row.int("n") ?? 0) }
/// }
/// ```
/// A getter gives nil when the column is missing, null, or of another type (`double` also reads ints).
/// Reference columns resolve to the corpus's values: `row.entity("subject")`, or `row.entity()` for a
/// row that is itself an entity (an `entities` row).
public struct Row: Sendable {
    /// Column names in display order (as `--format json` writes them).
    public let columns: [String]
    /// The row as the evaluator holds it: a reference (a row of `docs`, `entities`, ...), a record
    /// (after `select`, `extend`, `summarize`) or a single value.
    public let value: Value
    /// The corpus the row's references point into.
    public let corpus: Corpus

    /// A row of `columns` over `value`, in `corpus`.
    public init(columns: [String], value: Value, corpus: Corpus) {
        self.columns = columns
        self.value = value
        self.corpus = corpus
    }

    /// The value of a column (any field of a reference, computed ones such as `mention_count` too), or
    /// null when the row has no such field.
    public subscript(column: String) -> Value {
        FieldAccess(corpus: corpus).field(value, column) ?? (column == "value" && columns == ["value"] ? value : .null)
    }

    /// The values of ``columns``, in order.
    public var values: [Value] { columns.map { self[$0] } }

    /// A string column.
    public func string(_ column: String) -> String? { if case let .string(s) = self[column] { return s } else { return nil } }
    /// A whole-number column.
    public func int(_ column: String) -> Int64? { if case let .int(i) = self[column] { return i } else { return nil } }
    /// A numeric column (ints converted).
    public func double(_ column: String) -> Double? { self[column].asDouble }
    /// A bool column.
    public func bool(_ column: String) -> Bool? { if case let .bool(b) = self[column] { return b } else { return nil } }
    /// A date column (partial: year, year-month or full).
    public func date(_ column: String) -> PartialDate? { if case let .date(d) = self[column] { return d } else { return nil } }
    /// A list column.
    public func list(_ column: String) -> [Value]? { if case let .list(l) = self[column] { return l } else { return nil } }
    /// A record column.
    public func record(_ column: String) -> Record? { if case let .record(r) = self[column] { return r } else { return nil } }

    /// The document a column refers to; with no column, the document the row is (or was made from).
    public func document(_ column: String? = nil) -> Document? { corpus.document(of: column.map { self[$0] } ?? value) }
    /// The entity a column refers to; with no column, the entity the row is (or was made from).
    public func entity(_ column: String? = nil) -> Entity? { corpus.entity(of: column.map { self[$0] } ?? value) }
    /// The mention a column refers to; with no column, the mention the row is (or was made from).
    public func mention(_ column: String? = nil) -> Mention? { corpus.mention(of: column.map { self[$0] } ?? value) }
    /// The fact a column refers to; with no column, the fact the row is (or was made from).
    public func fact(_ column: String? = nil) -> Fact? { corpus.fact(of: column.map { self[$0] } ?? value) }

    /// The row as one JSON object, exactly as `--format jsonl` writes it (references as their id,
    /// mentions as `{"doc","start","end"}`, dates as text).
    public var json: String { JSONRenderer().object(value, columns, corpus: corpus) }
}

/// Reference values resolved to what they point at.
extension Corpus {
    /// The document of a `.document` value (or of a record made from one); nil for anything else.
    public func document(of value: Value) -> Document? {
        guard case let .document(i) = referent(value), documents.indices.contains(i) else { return nil }
        return documents[i]
    }

    /// The entity of an `.entity` value (or of a record made from one); nil for anything else.
    public func entity(of value: Value) -> Entity? {
        guard case let .entity(i) = referent(value), entities.indices.contains(i) else { return nil }
        return entities[i]
    }

    /// The mention of a `.mention` value (or of a record made from one); nil for anything else.
    public func mention(of value: Value) -> Mention? {
        guard case let .mention(i) = referent(value), i >= 0 && i < mentions.count else { return nil }
        return mentions[i]
    }

    /// The fact of a `.fact` value (or of a record made from one); nil for anything else.
    public func fact(of value: Value) -> Fact? {
        guard case let .fact(i) = referent(value), facts.indices.contains(i) else { return nil }
        return facts[i]
    }

    /// The value, or the reference a record was made from (followed through records of records).
    private func referent(_ value: Value) -> Value {
        if case let .record(r) = value, let base = r.base { return referent(base) }
        return value
    }

    /// A value as JSON, exactly as `--format json` writes it.
    public func json(_ value: Value) -> String { ValueText.json(value, corpus: self) }
}

/// Rows encode as the JSON object `--format json` writes for them, keys in column order; values keep their
/// JSON types (references as ids, dates as text, mentions as objects).
extension Row: Encodable {
    /// Encodes the row as an object keyed by column.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: ColumnKey.self)
        for name in columns {
            try c.encode(EncodedValue(value: ValueText.column(value, name, corpus: corpus), corpus: corpus), forKey: ColumnKey(name))
        }
    }
}

/// A column name as a coding key.
struct ColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// A value with the corpus its references need, encoded as `ValueText.json` writes it.
struct EncodedValue: Encodable {
    let value: Value
    let corpus: Corpus

    func encode(to encoder: Encoder) throws {
        switch value {
        case .null:
            var c = encoder.singleValueContainer(); try c.encodeNil()
        case let .bool(b):
            var c = encoder.singleValueContainer(); try c.encode(b)
        case let .int(i):
            var c = encoder.singleValueContainer(); try c.encode(i)
        case let .float(f):
            var c = encoder.singleValueContainer()
            if f.isFinite { try c.encode(f) } else { try c.encodeNil() }
        case let .string(s):
            var c = encoder.singleValueContainer(); try c.encode(s)
        case let .date(d):
            var c = encoder.singleValueContainer(); try c.encode(d.description)
        case let .list(items):
            var c = encoder.unkeyedContainer()
            for v in items { try c.encode(EncodedValue(value: v, corpus: corpus)) }
        case let .record(r):
            var c = encoder.container(keyedBy: ColumnKey.self)
            for (k, v) in zip(r.keys, r.values) { try c.encode(EncodedValue(value: v, corpus: corpus), forKey: ColumnKey(k)) }
        case let .document(i):
            var c = encoder.singleValueContainer(); try c.encode(corpus.documents[i].id)
        case let .entity(i):
            var c = encoder.singleValueContainer(); try c.encode(corpus.entities[i].id)
        case let .fact(i):
            var c = encoder.singleValueContainer(); try c.encode(corpus.facts[i].id)
        case let .mention(i):
            let m = corpus.mentions[i]
            var c = encoder.container(keyedBy: ColumnKey.self)
            try c.encode(corpus.documents[Int(m.doc)].id, forKey: ColumnKey("doc"))
            try c.encode(m.start, forKey: ColumnKey("start"))
            try c.encode(m.end, forKey: ColumnKey("end"))
        case let .table(t):
            var c = encoder.unkeyedContainer()
            for r in t.rows { try c.encode(Row(columns: t.columns, value: r, corpus: corpus)) }
        }
    }
}
