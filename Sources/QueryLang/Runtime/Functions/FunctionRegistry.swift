/// What a function sees when it is called: the corpus, field access and a way to fail with a span.
public struct FunctionContext {
    /// The corpus the query runs on.
    public let corpus: Corpus
    let fields: FieldAccess
    let span: Span
    let file: SourceFile?
    let limits: Limits

    /// A runtime error at the call (`.wrongType`, E301, by default; `.integerOverflow` for an overflow).
    public func error(_ message: String, hints: [String] = [], code: DiagnosticCode = .wrongType) -> Diagnostic {
        Diagnostic(code, message, at: span, in: file, hints: hints)
    }
}

/// A function callable from queries: built in, or registered by a host tool.
public struct QueryFunction: Sendable {
    /// The name queries call it by.
    public let name: String
    /// The fewest arguments it takes.
    public let minArgs: Int
    /// The most arguments it takes (`Int.max` for any number).
    public let maxArgs: Int
    /// e.g. `lower(s: string) -> string`
    public let signature: String
    /// One paragraph for `.help NAME`.
    public let help: String
    /// The static result type, where known.
    public let returns: ValueType
    /// Whether the result depends only on the arguments and the corpus (no clock, no randomness, no state):
    /// a call whose arguments are the same on every row of a stage is then computed once for the stage.
    /// Every built-in is; a host's function only when it says so.
    public internal(set) var isDeterministic: Bool
    /// The function itself: arguments in, a value out; throw ``FunctionContext/error(_:hints:code:)`` for a bad argument.
    public let body: @Sendable ([Value], FunctionContext) throws -> Value

    /// A host function:
    /// ```swift
    /// options.functions.register(QueryFunction(name: "shout", minArgs: 1, maxArgs: 1, signature: "shout(s: string) -> string",
    ///                                             help: "s in capitals", returns: .string, deterministic: true) { args, ctx in
    ///     guard case let .string(s) = args[0] else { throw ctx.error("shout needs a string") }
    ///     return .string(s.uppercased())
    /// })
    /// ```
    public init(name: String, minArgs: Int, maxArgs: Int, signature: String, help: String, returns: ValueType = .any,
                deterministic: Bool = false, body: @escaping @Sendable ([Value], FunctionContext) throws -> Value) {
        self.name = name
        self.minArgs = minArgs
        self.maxArgs = maxArgs
        self.signature = signature
        self.help = help
        self.returns = returns
        self.isDeterministic = deterministic
        self.body = body
    }
}

/// Every function known to an engine: the built-ins plus those a host registers.
public struct FunctionRegistry: Sendable {
    /// Every function by name.
    public private(set) var functions: [String: QueryFunction] = [:]

    /// The built-in functions, or none.
    public init(builtins: Bool = true) {
        if builtins {
            for var f in StringFunctions.all + ListFunctions.all + DateFunctions.all + MathFunctions.all + CorpusFunctions.all + [DateBin.function] {
                f.isDeterministic = true
                functions[f.name] = f
            }
        }
    }

    /// Adds a function, or replaces the one of the same name.
    public mutating func register(_ f: QueryFunction) { functions[f.name] = f }

    /// The function of this name.
    public subscript(name: String) -> QueryFunction? { functions[name] }

    /// Functions the evaluator handles itself because they do not evaluate all their arguments.
    public static let special: [String: (min: Int, max: Int, signature: String, help: String)] = [
        "if": (3, 3, "if(condition, then, else)", "then when the condition is true, else otherwise (null counts as false)"),
        "coalesce": (1, 16, "coalesce(a, b, ...)", "the first argument that is not null"),
    ]
}

/// Argument helpers for function bodies.
extension FunctionContext {
    func string(_ v: Value, _ what: String) throws -> String? {
        switch v {
        case .null: return nil
        case let .string(s): return s
        default: throw error("\(what) must be a string, got \(v.typeName) \(Preview.of(v, corpus: corpus))")
        }
    }

    func int(_ v: Value, _ what: String) throws -> Int64? {
        switch v {
        case .null: return nil
        case let .int(i): return i
        case let .float(f) where f.rounded() == f && abs(f) < 9e18: return Int64(f)
        default: throw error("\(what) must be an integer, got \(v.typeName) \(Preview.of(v, corpus: corpus))")
        }
    }

    func number(_ v: Value, _ what: String) throws -> Double? {
        switch v {
        case .null: return nil
        case let .int(i): return Double(i)
        case let .float(f): return f
        default: throw error("\(what) must be a number, got \(v.typeName) \(Preview.of(v, corpus: corpus))")
        }
    }

    func list(_ v: Value, _ what: String) throws -> [Value]? {
        switch v {
        case .null: return nil
        case let .list(l): return l
        case let .table(t): return t.rows
        default: throw error("\(what) must be a list, got \(v.typeName) \(Preview.of(v, corpus: corpus))")
        }
    }

    func date(_ v: Value, _ what: String) throws -> PartialDate? {
        switch v {
        case .null: return nil
        case let .date(d): return d
        case let .string(s):
            guard let d = PartialDate(parsing: s) else { throw error("'\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
            return d
        default: throw error("\(what) must be a date, got \(v.typeName) \(Preview.of(v, corpus: corpus))")
        }
    }
}
