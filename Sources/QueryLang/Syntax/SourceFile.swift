/// A query's text with its name, so that any offset can be turned into `file:line:col`.
public struct SourceFile: Sendable, Hashable {
    /// The name diagnostics print: a path, `<command>`, `<query>`.
    public let name: String
    /// The whole text.
    public let text: String
    /// UTF-8 offset of the start of each line.
    let lineStarts: [Int]

    /// A named text: `SourceFile(name: "demo.mq", text: query)`.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        for (i, b) in text.utf8.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column (columns count characters, not bytes) of a UTF-8 offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: min(start, u.count))
        let b = u.index(u.startIndex, offsetBy: min(max(offset, start), u.count))
        return (lo + 1, text[a..<b].count + 1)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ n: Int) -> String {
        guard n >= 1 && n <= lineStarts.count else { return "" }
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: lineStarts[n - 1])
        let end = n < lineStarts.count ? lineStarts[n] - 1 : u.count
        let b = u.index(u.startIndex, offsetBy: max(lineStarts[n - 1], end))
        var s = String(text[a..<b])
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}

/// A range of UTF-8 offsets in a source file.
///
/// Two spans always compare equal, so syntax trees compare by structure alone (`parse(print(ast)) == ast`).
public struct Span: Sendable, Hashable, CustomStringConvertible {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset just past the last byte (never before `start`).
    public var end: Int
    /// The bytes `start..<end` (an `end` before `start` is taken as `start`).
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    /// The empty span at offset 0, for a problem with no place in the text.
    public static let none = Span(0, 0)
    /// Always true (see above).
    public static func == (a: Span, b: Span) -> Bool { true }
    /// Hashes nothing, to agree with `==`.
    public func hash(into hasher: inout Hasher) {}
    /// The smallest span that covers both.
    public func to(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }
    /// `start..<end`.
    public var description: String { "\(start)..<\(end)" }
}
