/// Bounds that turn a runaway query into a diagnostic instead of a hang or a crash.
/// The defaults suit an interactive analyst; hosts and the REPL may change them.
public struct Limits: Sendable {
    /// Evaluation steps (expressions evaluated, rows visited) per statement.
    public var maxSteps: Int = 200_000_000
    /// Rows any one table may hold (a join or expand that would exceed it is stopped).
    public var maxRows: Int = 5_000_000
    /// Rows a statement may return.
    public var maxOutputRows: Int = 1_000_000
    /// Nesting depth of expressions (parser) and of function calls (evaluator).
    public var maxDepth: Int = 200
    /// Length of a regular expression pattern.
    public var maxRegexLength: Int = 1_000
    /// Wall time per statement; nil for none.
    public var timeout: Duration? = nil
    /// How deep imports may nest.
    public var maxImportDepth: Int = 16
    /// Length of a string built by a query (concatenation, replace, join).
    public var maxStringBytes: Int = 64 << 20

    public init() {}
}
