/// Splits a script into what runs in turn: blocks of mq statements, each parsed as a unit, and the
/// dot-commands of the REPL (`.mode csv`) on lines of their own between them.
///
/// The REPL (typed or pasted input), `.read`, the rc file, piped input and `mq run` all read through it,
/// so that a pipeline written one stage per line means the same everywhere. A line is a dot-command when
/// it starts with `.` and a letter and stands where a statement may start: after a finished statement,
/// not inside brackets or after a trailing `|`. The text of each block keeps the line breaks of the lines
/// before it, so that its diagnostics give the line and column in the whole script.
@_spi(MQInternals) public enum ScriptReader {
    @_spi(MQInternals) public enum Unit: Equatable, Sendable {
        /// A dot-command line, trimmed, with its 1-based line number.
        case command(String, line: Int)
        /// mq statements: the text to parse (earlier lines blank) and the line its first statement is on.
        case statements(String, line: Int)
    }

    @_spi(MQInternals) public static func units(_ text: String) -> [Unit] {
        var units: [Unit] = []
        var block: [Substring] = []
        var blockStart = 1
        var lineNumber = 0
        func flush() {
            if block.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                let text = String(repeating: "\n", count: blockStart - 1) + block.joined(separator: "\n")
                let first = block.firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
                units.append(.statements(text, line: blockStart + first))
            }
            block = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if isCommandLine(line) && atStatementStart(block) {
                flush()
                units.append(.command(String(line).trimmed, line: lineNumber))
                blockStart = lineNumber + 1
                continue
            }
            if block.isEmpty { blockStart = lineNumber }
            block.append(line)
        }
        flush()
        return units
    }

    /// Whether a line looks like a dot-command (`.help`, `.mode csv`; not a number such as `.5`) or a
    /// backslash command in the style of psql (`\x`).
    @_spi(MQInternals) public static func isCommandLine<S: StringProtocol>(_ line: S) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        guard t.first == "." || t.first == "\\", let second = t.dropFirst().first else { return false }
        return second.isLetter
    }

    /// Whether the lines read so far end where a new statement may start.
    private static func atStatementStart(_ block: [Substring]) -> Bool {
        if block.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return true }
        return Parser.isComplete(block.joined(separator: "\n"))
    }
}
