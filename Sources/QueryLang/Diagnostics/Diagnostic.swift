/// A problem in a query: a code, a place, a message, and hints where one helps.
///
/// The code says what kind of problem it is (`DiagnosticCode`: `.unknownName` is printed `E205`); the
/// message says it of this query in particular.
public struct Diagnostic: Error, Sendable, Hashable {
    /// An error stops the statement (or, from the checker, the run); a warning does not.
    public enum Severity: String, Sendable { case error, warning }
    /// What kind of problem: `.unknownName`, printed `E205`.
    public let code: DiagnosticCode
    /// Error or warning; the code's own unless the emitter says otherwise.
    public let severity: Severity
    /// What is wrong, in this query's words: `unknown name 'tittle'`.
    public let message: String
    /// The text the span points into (a script, an imported file, `<command>`), when known.
    public let file: SourceFile?
    /// UTF-8 byte range of the problem in `file`.
    public let span: Span
    /// "did you mean ...", "write ... instead": short, one per line.
    public let hints: [String]

    /// A diagnostic with the severity of its code unless `severity` says otherwise.
    public init(_ code: DiagnosticCode, _ message: String, at span: Span, in file: SourceFile?, hints: [String] = [],
                severity: Severity? = nil) {
        self.code = code
        self.message = message
        self.span = span
        self.file = file
        self.hints = hints
        self.severity = severity ?? code.severity
    }

    /// 1-based line and column of the start of the span, when the file is known.
    public var location: (line: Int, column: Int)? { file?.location(of: span.start) }

    /// Same code, message, place, file and hints.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.code == b.code && a.message == b.message && a.span.start == b.span.start && a.span.end == b.span.end
            && a.file?.name == b.file?.name && a.hints == b.hints
    }
    /// Hashes code, message and start.
    public func hash(into h: inout Hasher) { h.combine(code); h.combine(message); h.combine(span.start) }
}

extension Diagnostic {
    /// E208: a call with the wrong number of arguments (the same words from the checker and at run time).
    static func arity(_ name: String, _ lo: Int, _ hi: Int, got: Int, at span: Span, in file: SourceFile?,
                      signature: String?) -> Diagnostic {
        let want = lo == hi ? "\(lo)" : (hi > 16 ? "at least \(lo)" : "\(lo) to \(hi)")
        let one = lo == 1 && (hi == 1 || hi > 16)
        return Diagnostic(.wrongArgumentCount, "'\(name)' takes \(want) argument\(one ? "" : "s"), got \(got)", at: span, in: file,
                          hints: signature.map { [$0] } ?? [])
    }
}

/// One or more diagnostics, thrown by the stages of the language.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in the order found.
    public var items: [Diagnostic]
    /// A throwable list of diagnostics.
    public init(_ items: [Diagnostic]) { self.items = items }
    /// The diagnostics as `mq` prints them (no colour).
    public var description: String { DiagnosticRenderer().render(items) }
    /// Whether any of them is an error (not only warnings).
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}
