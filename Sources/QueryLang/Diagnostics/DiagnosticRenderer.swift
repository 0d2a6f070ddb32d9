/// Renders diagnostics as `file:line:col: error[CODE]: message`, the source line and a caret under the
/// span, then hints; or as JSON for editors and other tools.
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the code, the caret and the hints with ANSI escapes (for a terminal).
    public var color: Bool

    /// A renderer, plain unless `color`:
    /// ```swift
    /// catch { FileHandle.standardError.write(Data(DiagnosticRenderer(color: true).render(error.items).utf8)) }
    /// ```
    public init(color: Bool = false) { self.color = color }

    /// Each diagnostic as `mq` prints it, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// One diagnostic: the `file:line:col: error[E205]: message` line, the source line with a caret
    /// under the span, and the hints. Text from the query is made safe for a terminal.
    public func render(_ d: Diagnostic) -> String {
        let (red, bold, cyan, reset) = color ? ("\u{1B}[31m", "\u{1B}[1m", "\u{1B}[36m", "\u{1B}[0m") : ("", "", "", "")
        var out = ""
        // The file name, the message, the source line and the hints may all hold text from the data or
        // typed by the user: shown through the sanitiser, the renderer's own colours added around it.
        let safe = { (s: String) in TerminalSanitizer.clean(s) }
        var prefix = safe(d.file?.name ?? "<query>")
        if let (line, col) = d.location { prefix += ":\(line):\(col)" }
        out += "\(bold)\(prefix): \(red)\(d.severity.rawValue)[\(d.code)]\(reset)\(bold): \(safe(d.message))\(reset)\n"
        if let file = d.file, let (line, col) = d.location {
            let raw = file.line(line)
            let text = safe(raw)
            let gutter = String(line)
            let pad = String(repeating: " ", count: gutter.count)
            out += "\(cyan)\(gutter) |\(reset) \(text)\n"
            // Caret under the span, clipped to this line.
            let endLoc = file.location(of: max(d.span.start, d.span.end - 1))
            // Columns count characters of the raw line; the caret is placed under the sanitised one.
            let width = endLoc.line == line ? max(1, endLoc.column - col + 1) : max(1, raw.count - col + 1)
            let lead = String(safe(String(raw.prefix(col - 1))).map { $0 == "\t" ? "\t" : " " })
            let spanText = safe(String(raw.dropFirst(col - 1).prefix(width)))
            let carets = max(width, spanText.count)
            out += "\(cyan)\(pad) |\(reset) \(lead)\(red)\(String(repeating: "^", count: carets))\(reset)"
            if let first = d.hints.first { out += " \(safe(first))" }
            out += "\n"
            for h in d.hints.dropFirst() { out += "\(cyan)\(pad) =\(reset) \(safe(h))\n" }
        } else {
            for h in d.hints { out += "  = \(safe(h))\n" }
        }
        return out
    }

    /// One JSON object per diagnostic, in an array.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        "[" + diagnostics.map(jsonObject).joined(separator: ",") + "]"
    }

    /// One diagnostic as a JSON object: `code`, `severity`, `message`, `file`, `line`, `column`,
    /// `end_line`, `end_column`, `start`, `end` (UTF-8 offsets) and `hints`.
    public func jsonObject(_ d: Diagnostic) -> String {
        var fields: [String] = [
            "\"code\":\(JSONText.quote(d.code.rawValue))",
            "\"severity\":\(JSONText.quote(d.severity.rawValue))",
            "\"message\":\(JSONText.quote(d.message))",
            "\"file\":\(d.file.map { JSONText.quote($0.name) } ?? "null")",
        ]
        if let file = d.file, let (l, c) = d.location {
            let (el, ec) = file.location(of: d.span.end)
            fields.append("\"line\":\(l),\"column\":\(c),\"end_line\":\(el),\"end_column\":\(ec)")
        }
        fields.append("\"start\":\(d.span.start),\"end\":\(d.span.end)")
        fields.append("\"hints\":[" + d.hints.map(JSONText.quote).joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
