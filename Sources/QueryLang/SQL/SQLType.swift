/// What an SQL expression compiled from mq holds, and so how it is compared, sorted and read back.
///
/// - `int` bigint, `float` float8, `string` text (compared and sorted `COLLATE "C"`: code point order,
///   as mq compares strings), `bool` boolean;
/// - `date`: a bigint (``SQLDate``);
/// - references: the bigint ordinal of the row in its table;
/// - `factObject`: a fact's object, which is an entity or a value: the fact's ordinal, read through it;
/// - `null`: the literal null, which is every type.
enum SQLType: Equatable, CustomStringConvertible {
    case null, bool, int, float, string, date
    case ref(ReferenceKind)
    case factObject
    /// A list of documents (cooccur's `docs`): a bigint[] of ordinals, shown, not computed with.
    case documents

    var isNumeric: Bool { self == .int || self == .float }

    var description: String {
        switch self {
        case .factObject: return "a fact's object"
        case .documents: return "list of documents"
        default: return Self.mqTypes.first { $0.sql == self }?.mq.description ?? "?"
        }
    }

    /// The SQL type of a null of this type (so that `CASE` and `UNION` agree on types).
    var castName: String {
        switch self {
        case .bool: return "boolean"
        case .float: return "float8"
        case .string: return "text"
        case .null, .int, .date, .ref, .factObject: return "bigint"
        case .documents: return "bigint[]"
        }
    }

    /// The mq type of a field, when SQL can hold it.
    init?(_ t: ValueType) {
        guard let m = Self.mqTypes.first(where: { $0.mq == t }) else { return nil }
        self = m.sql
    }

    /// The mq types SQL holds and their SQL forms, read both ways.
    private static let mqTypes: [(mq: ValueType, sql: SQLType)] = [
        (.null, .null), (.bool, .bool), (.int, .int), (.float, .float), (.string, .string), (.date, .date),
        (.document, .ref(.document)), (.entity, .ref(.entity)), (.mention, .ref(.mention)), (.fact, .ref(.fact)),
    ]
}

/// A compiled expression: its SQL text and type.
struct SQLExpr {
    var sql: String
    var type: SQLType

    init(_ sql: String, _ type: SQLType) {
        self.sql = sql
        self.type = type
    }

    static let null = SQLExpr("NULL", .null)
    static let `true` = SQLExpr("true", .bool)
    static let `false` = SQLExpr("false", .bool)

    /// As a condition: never null (a null condition is false, as `where` treats it).
    var condition: String { "COALESCE(\(sql), false)" }

    /// The expression with a null literal given the type of the other side.
    func typed(as t: SQLType) -> SQLExpr {
        type == .null && t != .null ? SQLExpr("NULL::\(t.castName)", t) : self
    }

    /// How it sorts: strings by code point.
    var sortable: String { type == .string ? "(\(sql)) COLLATE \"C\"" : sql }
}
