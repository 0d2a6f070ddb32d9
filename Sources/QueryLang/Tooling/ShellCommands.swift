/// The dot-commands of the REPL and what each takes (for completion); their help is their section of
/// docs/language.md ("The interactive session"), found through ``HelpIndex``.
@_spi(MQInternals) public enum ShellCommands {
    @_spi(MQInternals) public static let arguments: [String: Completer.MetaArgument] = [
        ".help": .topic, ".read": .file, ".run": .file, ".save": .file, ".mode": .mode, ".timing": .onOff,
        ".maxrows": .none, ".schema": .source, ".history": .none, ".corpus": .none, ".quit": .none, ".exit": .none,
        ".output": .file, ".once": .file, ".maxwidth": .none, "\\x": .none, ".explain": .none,
        ".maxmemory": .none,
        ".chart": .file,
    ]

    /// Other names of a command.
    @_spi(MQInternals) public static let aliases: [String: String] = [".run": ".read", ".exit": ".quit"]

    /// One line per documented command: its usage and the first sentence of its page.
    @_spi(MQInternals) public static func summaries(_ index: HelpIndex = .reference) -> [(usage: String, summary: String)] {
        var out: [(String, String)] = []
        let documented = index.pages.values.flatMap { $0 }.filter { $0.kind == .command }
        for page in documented.sorted(by: { order($0.name) < order($1.name) }) {
            let body = page.markdown.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                .drop { $0.allSatisfy(\.isWhitespace) }
            let paragraph = body.prefix { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " ")
            var usage = page.name
            var rest = Substring(paragraph)
            if rest.first == "`", let close = rest.dropFirst().firstIndex(of: "`") {
                usage = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            }
            rest = rest.drop { $0 == ":" || $0 == " " }
            var summary = rest.range(of: ". ").map { String(rest[..<$0.lowerBound]) } ?? String(rest)
            if summary.hasSuffix(".") { summary.removeLast() }
            out.append((usage, shortened(summary)))
        }
        return out
    }

    /// A summary as one short line: no Markdown marks or link targets, at most 76 characters.
    static func shortened(_ text: String) -> String {
        var s = ""
        var skippingTarget = false
        var previous: Character = " "
        for ch in text {
            if skippingTarget { if ch == ")" { skippingTarget = false }; continue }
            if ch == "(" && previous == "]" { skippingTarget = true; continue }
            previous = ch
            if ch == "`" || ch == "[" || ch == "]" { continue }
            s.append(ch)
        }
        guard s.count > 76 else { return s }
        var cut = String(s.prefix(75))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingSpaces() + "…"
    }

    /// The order of the reference, where the command is documented.
    private static func order(_ name: String) -> Int {
        let sequence = [".help", ".read", ".save", ".mode", ".output", ".once", ".chart", "\\x", ".maxwidth", ".maxrows", ".timing",
                        ".maxmemory", ".schema", ".explain", ".history", ".corpus", ".quit"]
        return sequence.firstIndex(of: name) ?? sequence.count
    }
}
