/// The static type of a value, as far as the checker can tell.
public indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    case any, null, bool, int, float, string, date
    case list(ValueType)
    case record
    case document, entity, mention, fact
    case table(RowKind)

    /// The type as diagnostics print it: `int`, `list of string`, `table of entities`.
    public var description: String {
        switch self {
        case .any: return "any"
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .date: return "date"
        case let .list(t): return "list of \(t)"
        case .record: return "record"
        case .document: return "document"
        case .entity: return "entity"
        case .mention: return "mention"
        case .fact: return "fact"
        case let .table(k): return "table of \(k)"
        }
    }

    /// The type's name without what it holds: `list`, `table`, and otherwise as ``description``.
    public var name: String {
        switch self {
        case .list: return "list"
        case .table: return "table"
        default: return description
        }
    }

    /// Whether it is `int` or `float`.
    public var isNumeric: Bool { self == .int || self == .float }

    /// The static type of a runtime value (for variables a session already holds).
    static func of(_ v: Value) -> ValueType {
        switch v {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .date: return .date
        case let .list(l): return .list(l.first.map(of) ?? .any)
        case .record: return .record
        case .document: return .document
        case .entity: return .entity
        case .mention: return .mention
        case .fact: return .fact
        case let .table(t):
            switch t.rows.first {
            case .document?: return .table(.documents)
            case .entity?: return .table(.entities)
            case .mention?: return .table(.mentions)
            case .fact?: return .table(.facts)
            case let .record(r)?: return .table(.records(t.columns, base: r.base.flatMap(\.referenceKind)))
            default: return .table(.records(t.columns, base: nil))
            }
        }
    }
}
