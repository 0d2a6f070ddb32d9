/// JSON string quoting shared by the renderers (results and diagnostics).
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
                // Controls, DEL, the C1 controls and the bidirectional overrides are written as escapes:
                // the same string to a JSON reader, and nothing a terminal would obey when it is shown.
                if u.value < 0x20 || TerminalSanitizer.escape(u, singleLine: true) != nil {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
