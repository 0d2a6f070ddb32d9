/// Text written into another syntax (a JSON or DOT string, XML text, a YAML scalar, an mq string literal,
/// a field of PostgreSQL's COPY) one Unicode scalar at a time: each syntax says, scalar by scalar,
/// what to write instead, and the walk, the quotes around it and the hex of an escape are here once.
enum EscapedText {
    /// `s` between `open` and `close`, each scalar replaced by what `rule` returns for it: nil keeps the
    /// scalar as it is, an empty string drops it.
    @inline(__always)
    static func escape(_ s: String, open: String = "", close: String = "", _ rule: (Unicode.Scalar) -> String?) -> String {
        var out = open
        out.reserveCapacity(s.utf8.count + open.utf8.count + close.utf8.count)
        for u in s.unicodeScalars {
            if let replacement = rule(u) { out += replacement } else { out.unicodeScalars.append(u) }
        }
        return out + close
    }

    /// `s` in double quotes, with the three backslash escapes that JSON, DOT, YAML and mq's own string
    /// literals share (`\"`, `\\`, `\n`); every other scalar as `rule` says.
    static func doubleQuoted(_ s: String, _ rule: (Unicode.Scalar) -> String?) -> String {
        escape(s, open: "\"", close: "\"") { u in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            default: return rule(u)
            }
        }
    }

    /// `v` in lowercase hexadecimal, zero-padded to at least `digits` digits.
    static func hex(_ v: UInt32, digits: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}
