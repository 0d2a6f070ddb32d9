/// One problem found while loading a corpus, reported as `file:line: message`.
public struct LoadProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// An error stops the load; a warning is kept in ``Corpus/warnings`` and the corpus loads.
    public enum Severity: String, Sendable { case error, warning }
    /// Path relative to the corpus directory.
    public let file: String
    /// 1-based line, when the problem has one.
    public let line: Int?
    /// What is wrong, in one line.
    public let message: String
    /// A suggestion ("did you mean 'outlet'?"), where one helps.
    public let hint: String?
    /// Whether the problem stops the load.
    public let severity: Severity

    /// A problem at `file:line`.
    public init(file: String, line: Int? = nil, message: String, hint: String? = nil, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// `file:line: message (hint)`, with `warning:` before the message of a warning.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": \(severity == .warning ? "warning: " : "")\(message)"
        if let hint { s += " (\(hint))" }
        return s
    }
}

/// Thrown when a corpus has errors: the corpus is not loaded at all, and every problem is listed.
public struct CorpusLoadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in file order.
    public let problems: [LoadProblem]
    /// An error listing these problems.
    public init(problems: [LoadProblem]) { self.problems = problems }
    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
