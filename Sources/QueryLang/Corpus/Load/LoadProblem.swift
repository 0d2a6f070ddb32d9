/// One problem found while loading a corpus, reported as `file:line: message`.
public struct LoadProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    /// Path relative to the corpus directory.
    public let file: String
    /// 1-based line, when the problem has one.
    public let line: Int?
    public let message: String
    /// A suggestion ("did you mean 'outlet'?"), where one helps.
    public let hint: String?
    public let severity: Severity

    public init(file: String, line: Int? = nil, message: String, hint: String? = nil, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        self.severity = severity
    }

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
    public let problems: [LoadProblem]
    public init(problems: [LoadProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
