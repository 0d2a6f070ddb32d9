/// A value of the mq language.
///
/// Null is an ordinary value: `null == null` is true, any other comparison with null is false, and
/// aggregates skip nulls. References (document, entity, mention, fact) point into the corpus and can be
/// navigated (`m.doc.title`); they print as their id in JSON and as a readable name in tables.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case date(PartialDate)
    case list([Value])
    indirect case record(Record)
    case document(Int)
    case entity(Int)
    case mention(Int)
    case fact(Int)
    case table(Table)

    /// The type name used in messages: "string", "entity", ...
    public var typeName: String { ValueType.of(self).name }

    /// Whether the value is null.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The kind of a reference (nil for any other value, records included).
    public var referenceKind: ReferenceKind? {
        switch self {
        case .document: return .document
        case .entity: return .entity
        case .mention: return .mention
        case .fact: return .fact
        default: return nil
        }
    }

    /// The value as a Double, for an int or a float; nil otherwise.
    public var asDouble: Double? {
        switch self {
        case let .int(v): return Double(v)
        case let .float(v): return v
        default: return nil
        }
    }
}

/// An ordered set of named values: a row of `select`, `extend` or `summarize`.
public struct Record: Sendable {
    /// Field names, in order.
    public private(set) var keys: [String]
    /// Field values, in the order of ``keys``.
    public private(set) var values: [Value]
    /// The reference this record was made from (by `extend`, `join` or `expand`): fields it does not
    /// hold are looked up there, so navigation still works after a stage that builds records.
    public var base: Value?

    /// A record of parallel keys and values (the same count), made from `base` when given.
    public init(keys: [String] = [], values: [Value] = [], base: Value? = nil) {
        self.keys = keys
        self.values = values
        self.base = base
    }

    /// A record of (name, value) pairs, in order.
    public init(_ pairs: [(String, Value)]) {
        keys = pairs.map(\.0)
        values = pairs.map(\.1)
    }

    /// The value of a field, or nil when the record has none of that name.
    public subscript(key: String) -> Value? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        return values[i]
    }

    /// Sets a field, replacing one of the same name or appending a new one.
    public mutating func set(_ key: String, _ value: Value) {
        if let i = keys.firstIndex(of: key) { values[i] = value } else { keys.append(key); values.append(value) }
    }

    /// The number of fields.
    public var count: Int { keys.count }
}

/// Rows produced by a source or a stage: references or records, with the columns a table shows.
public struct Table: Sendable {
    /// The rows: references, records or single values.
    public var rows: [Value]
    /// Column names in display order.
    public var columns: [String]
    /// How a final `render` stage asks for the rows to be drawn (nil: as a table).
    public var chart: Chart? = nil

    /// A table of `rows` shown as `columns`.
    public init(rows: [Value], columns: [String]) {
        self.rows = rows
        self.columns = columns
    }
}

extension Literal {
    /// The value a literal of the query text stands for.
    var value: Value {
        switch self {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .float(f): return .float(f)
        case let .string(s): return .string(s)
        case let .date(d): return .date(d)
        }
    }
}
