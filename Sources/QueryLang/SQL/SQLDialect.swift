/// How PostgreSQL spells names and constants. Everything mq sends is built with these: no text from a
/// query or a corpus reaches the server unquoted.
@_spi(MQInternals) public enum SQLDialect {
    /// A quoted identifier: `"name"`, with inner quotes doubled.
    @_spi(MQInternals) public static func ident(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string constant. `E'...'` is never used, so backslashes stay as they are (standard strings);
    /// NUL cannot be sent and is refused before this point.
    @_spi(MQInternals) public static func string(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }

    @_spi(MQInternals) public static func int(_ i: Int64) -> String {
        // -9223372036854775808 is read as minus a too-large literal: spell it as a cast.
        i == .min ? "(-9223372036854775807::bigint - 1)" : "\(i)::bigint"
    }

    @_spi(MQInternals) public static func float(_ d: Double) -> String {
        if d.isNaN { return "'NaN'::float8" }
        if d.isInfinite { return d > 0 ? "'Infinity'::float8" : "'-Infinity'::float8" }
        return "'\(d)'::float8"
    }

    @_spi(MQInternals) public static func bool(_ b: Bool) -> String { b ? "true" : "false" }

    /// A text[] constant.
    @_spi(MQInternals) public static func textArray(_ items: [String]) -> String {
        "ARRAY[" + items.map(string).joined(separator: ", ") + "]::text[]"
    }

    /// The schema mq's tables live in.
    @_spi(MQInternals) public static let schema = "mq"

    @_spi(MQInternals) public static func table(_ name: String) -> String { schema + "." + name }
}
