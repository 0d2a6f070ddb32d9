/// JSON string quoting shared by the renderers (results and diagnostics).
@_spi(MQInternals) public enum JSONText {
    /// `s` as a JSON string literal, quotes included.
    @_spi(MQInternals) public static func quote(_ s: String) -> String {
        EscapedText.doubleQuoted(s) { u in
            switch u {
            case "\r": return "\\r"
            case "\t": return "\\t"
            default:
                // Controls, DEL, the C1 controls and the bidirectional overrides are written as escapes:
                // the same string to a JSON reader, and nothing a terminal would obey when it is shown.
                guard u.value < 0x20 || TerminalSanitizer.escape(u, singleLine: true) != nil else { return nil }
                return "\\u" + EscapedText.hex(u.value, digits: 4)
            }
        }
    }
}
