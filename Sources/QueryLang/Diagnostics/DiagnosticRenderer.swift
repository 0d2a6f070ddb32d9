/// Renders diagnostics as `file:line:col: error[CODE]: message`, the source line and a caret under the
/// span, then hints; or as JSON for editors and other tools.
public struct DiagnosticRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    public func render(_ d: Diagnostic) -> String {
        let (red, bold, cyan, reset) = color ? ("\u{1B}[31m", "\u{1B}[1m", "\u{1B}[36m", "\u{1B}[0m") : ("", "", "", "")
        var out = ""
        var prefix = d.file?.name ?? "<query>"
        if let (line, col) = d.location { prefix += ":\(line):\(col)" }
        out += "\(bold)\(prefix): \(red)\(d.severity.rawValue)[\(d.code)]\(reset)\(bold): \(d.message)\(reset)\n"
        if let file = d.file, let (line, col) = d.location {
            let text = file.line(line)
            let gutter = String(line)
            let pad = String(repeating: " ", count: gutter.count)
            out += "\(cyan)\(gutter) |\(reset) \(text)\n"
            // Caret under the span, clipped to this line.
            let endLoc = file.location(of: max(d.span.start, d.span.end - 1))
            let width = endLoc.line == line ? max(1, endLoc.column - col + 1) : max(1, text.count - col + 1)
            let lead = String(text.prefix(col - 1).map { $0 == "\t" ? "\t" : " " })
            out += "\(cyan)\(pad) |\(reset) \(lead)\(red)\(String(repeating: "^", count: width))\(reset)"
            if let first = d.hints.first { out += " \(first)" }
            out += "\n"
            for h in d.hints.dropFirst() { out += "\(cyan)\(pad) =\(reset) \(h)\n" }
        } else {
            for h in d.hints { out += "  = \(h)\n" }
        }
        return out
    }

    /// One JSON object per diagnostic, in an array.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        "[" + diagnostics.map(jsonObject).joined(separator: ",") + "]"
    }

    public func jsonObject(_ d: Diagnostic) -> String {
        var fields: [String] = [
            "\"code\":\(JSONText.quote(d.code))",
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

/// JSON string quoting shared by the renderers.
public enum JSONText {
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
