/// Makes untrusted text (document bodies and titles, sidecar and catalog fields, TSV cells, file names,
/// typed statements) safe to write to a terminal: nothing in it can move the cursor, clear the screen,
/// set the window title, write the clipboard (OSC 52) or reorder the text around it.
///
/// Every control character becomes a visible escape: ESC as `\e`, carriage return as `\r`, the other C0
/// controls and DEL as `\x07`-style, the C1 controls (U+0080-U+009F, which some terminals obey as 8-bit
/// CSI, OSC...) as `\u009b`-style. The bidirectional overrides, embeddings and isolates (U+202A-U+202E,
/// U+2066-U+2069) become `\u202e`-style, so that no text can reverse what follows it on the line. Line
/// feeds and tabs are kept unless `singleLine` is asked, when they are shown as `\n` and `\t` too.
/// Everything else, including a backslash, is kept as it is: the text stays readable.
///
/// JSON output is not sanitised (it stays exact; `JSONText.quote` escapes the same characters as JSON
/// escapes), nor are CSV and TSV when written for programs (`OutputFormat.render(exact: true)`).
public enum TerminalSanitizer {
    /// The text with every unsafe character shown as a visible escape; the same String when none is
    /// found (one pass over the UTF-8 bytes, no copy).
    public static func clean(_ s: String, singleLine: Bool = false) -> String {
        guard needsCleaning(s, singleLine: singleLine) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            if let e = escape(u, singleLine: singleLine) { out += e } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// Whether `clean` would change the text.
    public static func needsCleaning(_ s: String, singleLine: Bool = false) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 {
                    if singleLine || (b != 0x0A && b != 0x09) { return true }
                } else if b == 0x7F {
                    return true
                } else if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                    return true
                } else if b == 0xE2, i + 2 < n {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if (b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) {
                        return true
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// The visible form of one scalar, or nil when it is safe as it is.
    static func escape(_ u: Unicode.Scalar, singleLine: Bool) -> String? {
        let v = u.value
        switch v {
        case 0x0A: return singleLine ? "\\n" : nil
        case 0x09: return singleLine ? "\\t" : nil
        case 0x1B: return "\\e"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F: return "\\x" + EscapedText.hex(v, digits: 2)
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\\u" + EscapedText.hex(v, digits: 4)
        default: return nil
        }
    }
}

/// The formula guard for CSV and TSV: a cell whose text starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is read as a formula by spreadsheet programs (which can run commands or send data
/// out), so it is written with a leading apostrophe, which they show as text. A cell that is a number
/// (`-3`, `+1.5e3`) is left alone: it cannot be a formula, and numbers stay numbers.
public enum FormulaGuard {
    public static func guarded(_ s: String) -> String {
        guard let first = s.utf8.first else { return s }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + s
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return isNumber(s) ? s : "'" + s
        default: return s
        }
    }

    /// A plain decimal number: sign, digits, optional fraction and exponent (no "inf", no "nan").
    static func isNumber(_ s: String) -> Bool {
        guard s.utf8.count < 64, s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || "+-.eE".utf8.contains($0) }) else { return false }
        return Double(s) != nil
    }
}
