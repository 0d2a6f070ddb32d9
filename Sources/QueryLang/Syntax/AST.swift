/// The syntax tree of an mq program. Spans compare equal (see ``Span``), so trees compare by structure.

/// A whole script or REPL input: statements in order.
@_spi(MQInternals) public struct Program: Sendable, Equatable {
    @_spi(MQInternals) public var statements: [Statement]
    /// Comments after the last statement.
    @_spi(MQInternals) public var trailingComments: [String]
    @_spi(MQInternals) public init(statements: [Statement], trailingComments: [String] = []) {
        self.statements = statements
        self.trailingComments = trailingComments
    }
}

@_spi(MQInternals) public struct Statement: Sendable, Equatable {
    @_spi(MQInternals) public var kind: StatementKind
    @_spi(MQInternals) public var span: Span
    /// `#` comments on the lines before the statement (text after `#`).
    @_spi(MQInternals) public var comments: [String] = []
    /// A `#` comment at the end of the statement's last line.
    @_spi(MQInternals) public var trailingComment: String?
    @_spi(MQInternals) public init(_ kind: StatementKind, span: Span, comments: [String] = [], trailingComment: String? = nil) {
        self.kind = kind
        self.span = span
        self.comments = comments
        self.trailingComment = trailingComment
    }
}

@_spi(MQInternals) public enum StatementKind: Sendable, Equatable {
    /// `let name = expr`
    case `let`(Identifier, Expr)
    /// `def name(a, b) = expr`: a function; it may call earlier functions, never itself.
    case def(Identifier, [Identifier], Expr)
    /// `assert expr, "message"`: fails the script when `expr` is not true.
    case assert(Expr, Expr?)
    /// `print expr`
    case print(Expr)
    /// `import "file.mq"`
    case `import`(String, Span)
    /// A query or expression whose value is shown.
    case query(Expr)
    /// `explain query`: shows the query's plan after the rewrite passes instead of running it.
    case explain(Expr)
}

/// A name as written, with its place.
@_spi(MQInternals) public struct Identifier: Sendable, Equatable {
    @_spi(MQInternals) public var name: String
    @_spi(MQInternals) public var span: Span
    @_spi(MQInternals) public init(_ name: String, _ span: Span) {
        self.name = name
        self.span = span
    }
}

@_spi(MQInternals) public enum Literal: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case date(PartialDate)
}

@_spi(MQInternals) public enum UnaryOp: String, Sendable, Equatable {
    case not, negate = "-"
}

@_spi(MQInternals) public enum BinaryOp: String, Sendable, Equatable, CaseIterable {
    case or, and
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `in`, notIn = "not in", has, contains, matches, startswith, endswith, within
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"

    /// Binding strength: higher binds tighter.
    var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .eq, .ne, .lt, .le, .gt, .ge, .in, .notIn, .has, .contains, .matches, .startswith, .endswith, .within: return 4
        case .add, .sub: return 5
        case .mul, .div, .mod: return 6
        }
    }

    /// Word operators written between operands.
    static let words: [String: BinaryOp] = [
        "or": .or, "and": .and, "in": .in, "has": .has, "contains": .contains, "matches": .matches,
        "startswith": .startswith, "endswith": .endswith, "within": .within,
    ]
}

@_spi(MQInternals) public indirect enum Expr: Sendable, Equatable {
    case literal(Literal, Span)
    /// A bare name: a field of the current row, a variable, or a source (`docs`, `entities`, ...).
    case name(String, Span)
    /// `expr.field`
    case field(Expr, Identifier, Span)
    /// `expr[index]`
    case index(Expr, Expr, Span)
    /// `f(args)`
    case call(Identifier, [Expr], Span)
    case unary(UnaryOp, Expr, Span)
    case binary(BinaryOp, Expr, Expr, Span)
    case list([Expr], Span)
    case record([RecordField], Span)
    /// `source | stage | stage`
    case pipeline(Expr, [Stage], Span)

    @_spi(MQInternals) public var span: Span {
        switch self {
        case let .literal(_, s), let .name(_, s), let .field(_, _, s), let .index(_, _, s), let .call(_, _, s),
             let .unary(_, _, s), let .binary(_, _, _, s), let .list(_, s), let .record(_, s), let .pipeline(_, _, s):
            return s
        }
    }

    /// The expressions directly inside this one, left to right. A nested pipeline has none: its source
    /// and stages read rows of their own, so a walk over the current row's expression stops there.
    @_spi(MQInternals) public var children: [Expr] {
        switch self {
        case .literal, .name, .pipeline: return []
        case let .field(b, _, _), let .unary(_, b, _): return [b]
        case let .index(b, i, _): return [b, i]
        case let .binary(_, l, r, _): return [l, r]
        case let .call(_, args, _), let .list(args, _): return args
        case let .record(fs, _): return fs.map(\.value)
        }
    }
}

@_spi(MQInternals) public struct RecordField: Sendable, Equatable {
    @_spi(MQInternals) public var name: Identifier
    @_spi(MQInternals) public var value: Expr
    @_spi(MQInternals) public init(name: Identifier, value: Expr) {
        self.name = name
        self.value = value
    }
}

/// `name = expr` or a bare `expr` (named after the expression) in select, extend, summarize, ...
@_spi(MQInternals) public struct Column: Sendable, Equatable {
    @_spi(MQInternals) public var name: Identifier?
    @_spi(MQInternals) public var expr: Expr
    @_spi(MQInternals) public init(name: Identifier?, expr: Expr) {
        self.name = name
        self.expr = expr
    }
}

extension Column {
    /// `*` in `select *, n = ...`: every column of the row, as `extend` keeps them.
    @_spi(MQInternals) public static func star(_ span: Span) -> Column { Column(name: nil, expr: .name("*", span)) }
    @_spi(MQInternals) public var isStar: Bool { if name == nil, case .name("*", _) = expr { return true } else { return false } }

    /// The names of output columns: as written (`n = ...`), else the field or function name, else
    /// `column1`, ...; a repeated name gets a number (`count`, `count2`). Names in `taken` count as used.
    @_spi(MQInternals) public static func outputNames(_ cols: [Column], after taken: [String] = []) -> [String] {
        var names = taken
        for (i, c) in cols.enumerated() {
            var n: String
            if let explicit = c.name { n = explicit.name } else {
                switch c.expr {
                case let .name(x, _): n = x
                case let .field(_, f, _): n = f.name
                case let .call(f, _, _): n = f.name
                default: n = "column\(i + 1)"
                }
            }
            var unique = n
            var k = 1
            while names.contains(unique) { k += 1; unique = "\(n)\(k)" }
            names.append(unique)
        }
        return Array(names.dropFirst(taken.count))
    }
}

@_spi(MQInternals) public struct SortKey: Sendable, Equatable {
    @_spi(MQInternals) public var expr: Expr
    @_spi(MQInternals) public var descending: Bool
    /// Whether `asc`/`desc` was written (the formatter keeps what the author wrote).
    @_spi(MQInternals) public var explicit: Bool
    @_spi(MQInternals) public init(expr: Expr, descending: Bool, explicit: Bool) {
        self.expr = expr
        self.descending = descending
        self.explicit = explicit
    }
}

@_spi(MQInternals) public enum JoinKind: String, Sendable, Equatable, CaseIterable {
    case inner, left, anti, semi
}

/// `key` (a field of both sides) or `leftExpr == rightExpr`.
@_spi(MQInternals) public struct JoinKey: Sendable, Equatable {
    @_spi(MQInternals) public var left: Expr
    @_spi(MQInternals) public var right: Expr?
    @_spi(MQInternals) public init(left: Expr, right: Expr?) {
        self.left = left
        self.right = right
    }
}

@_spi(MQInternals) public struct Stage: Sendable, Equatable {
    @_spi(MQInternals) public var kind: StageKind
    @_spi(MQInternals) public var span: Span
    /// The stage's name as written (for diagnostics).
    @_spi(MQInternals) public var nameSpan: Span
    @_spi(MQInternals) public var comments: [String] = []
    @_spi(MQInternals) public init(_ kind: StageKind, span: Span, nameSpan: Span, comments: [String] = []) {
        self.kind = kind
        self.span = span
        self.nameSpan = nameSpan
        self.comments = comments
    }
}

@_spi(MQInternals) public enum StageKind: Sendable, Equatable {
    case `where`(Expr)
    case select([Column])
    case extend([Column])
    case sort([SortKey])
    case take(Expr)
    case top(Expr, [SortKey])
    case distinct([Column])
    case summarize([Column], by: [Column])
    case join(JoinKind, Expr, on: [JoinKey])
    case union(Expr)
    case expand(Column)
    case count
    /// `cooccur [by sentence|document] [all]`: `all` counts boilerplate zones too.
    case cooccur(CooccurScope, all: Bool)
    /// `kwic [matches] [term] [width N]`: the term may be left out when the rows are mentions; with
    /// `matches` it is a regular expression (or a list of them).
    case kwic(Expr?, width: Expr?, regex: Bool)
    case timeline
    /// `render bar|timechart|sparkline [columns] [by series]`: the result drawn as a chart (Stages/Render.swift).
    case render(RenderSpec)

    /// `neighbors E [depth N] [directed]`
    case neighbors(NeighborsSpec)
    /// `paths from A to B [directed] [max N]`
    case paths(PathsSpec)
    /// `conflicts`: pairs of facts that disagree.
    case conflicts
    /// `corroboration`: each fact with its sources and documents.
    case corroboration
    /// `asof DATE`
    case asof(Expr)

    /// The stage's name as written: the case's own name (a case with arguments reflects as one child
    /// labelled with it; `count` and `timeline` have none and print as their name).
    @_spi(MQInternals) public var name: String { Mirror(reflecting: self).children.first?.label ?? String(describing: self) }

    /// Every stage name, for completion and suggestions.
    @_spi(MQInternals) public static let names = ["where", "select", "extend", "sort", "take", "top", "distinct", "summarize", "join",
                               "union", "expand", "count", "cooccur", "kwic", "timeline", "render",
                               "neighbors", "paths", "conflicts", "corroboration", "asof"]
}

@_spi(MQInternals) public enum CooccurScope: String, Sendable, Equatable {
    case sentence, document
}
