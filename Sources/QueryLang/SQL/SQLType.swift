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
    /// A list of facts (corroboration's `agreeing`, the evidence of `neighbors` and `paths`): a bigint[] of
    /// ordinals, shown, not computed with.
    case facts

    var isNumeric: Bool { self == .int || self == .float }

    var description: String {
        switch self {
        case .factObject: return "a fact's object"
        case .documents: return "list of documents"
        case .facts: return "list of facts"
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
        case .documents, .facts: return "bigint[]"
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
    /// For a boolean: SQL that is true exactly when the value is true (false or null otherwise), in the
    /// plain form PostgreSQL plans with indexes, hash joins and semi-joins (`a < b`, `EXISTS (...)`), which
    /// a `COALESCE` around it would hide; nil when only `COALESCE(sql, false)` has that meaning.
    var test: String?
    /// The value is never null (a literal other than null; a test such as EXISTS or IS NULL).
    var notNull: Bool

    init(_ sql: String, _ type: SQLType, test: String? = nil, notNull: Bool = false) {
        self.sql = sql
        self.type = type
        self.test = test ?? (notNull && type == .bool ? sql : nil)
        self.notNull = notNull
    }

    /// A boolean that is never null: its SQL is its own test.
    static func neverNull(_ sql: String) -> SQLExpr { SQLExpr(sql, .bool, notNull: true) }

    static let null = SQLExpr("NULL", .null)
    static let `true` = SQLExpr.neverNull("true")
    static let `false` = SQLExpr.neverNull("false")

    /// As a condition: true exactly when the value is true (a null condition is false, as `where` treats
    /// it); the plain test when there is one, so that the planner sees `EXISTS`, `=`, `<` at the top.
    var condition: String { test ?? "COALESCE(\(sql), false)" }

    /// The expression with a null literal given the type of the other side.
    func typed(as t: SQLType) -> SQLExpr {
        type == .null && t != .null ? SQLExpr("NULL::\(t.castName)", t) : self
    }

    /// How it sorts: strings by code point.
    var sortable: String { type == .string ? "(\(sql)) COLLATE \"C\"" : sql }
}
