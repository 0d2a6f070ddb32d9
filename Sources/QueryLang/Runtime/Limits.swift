/// Bounds that turn a runaway query into a diagnostic instead of a hang or a crash.
/// The defaults suit an interactive analyst; hosts and the REPL may change them. Reaching one is E402
/// (except where noted). docs/reliability.md lists every limit, including the fixed ones.
public struct Limits: Sendable {
    /// Evaluation steps (expressions evaluated, rows visited) per statement. The regex engine's work counts
    /// too: one step for each position of the text it scans, and 10,000 for every 10,000 of its own
    /// backtracking steps. Checked every 4,096 steps. Default 200,000,000.
    public var maxSteps: Int = 200_000_000
    /// Rows any one table may hold (a join or expand that would exceed it is stopped). Default 5,000,000.
    public var maxRows: Int = 5_000_000
    /// Rows a statement may return. Default 1,000,000.
    public var maxOutputRows: Int = 1_000_000
    /// Nesting depth of expressions (parser, E103; each link of a chain such as `a + b + c` or `x.a.b`
    /// counts as a level), of user function calls (evaluator), and of the values a function returns or a
    /// `let` stores (lists, records and tables inside each other). Default 200. The evaluator also stops
    /// (E402) before the thread's stack runs out, whatever this is set to.
    public var maxDepth: Int = 200
    /// Length of a regular expression pattern, in characters (E302). Default 1,000.
    public var maxRegexLength: Int = 1_000
    /// Wall time per statement; nil (the default) for none. Checked with the step limit.
    public var timeout: Duration? = nil
    /// How deep imports may nest (E405). Default 16.
    public var maxImportDepth: Int = 16
    /// Length of a string built by a query (concatenation, replace, join, concat), in UTF-8 bytes.
    /// replace, join and concat are refused from the sizes before the string is built. Default 64 MiB.
    public var maxStringBytes: Int = 64 << 20

    public init() {}
}
