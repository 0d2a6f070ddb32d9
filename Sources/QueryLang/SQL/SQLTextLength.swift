/// `len` on PostgreSQL: the characters of a string, the items of a stored list.
///
/// mq's `len` of a string counts Swift `Character`s (extended grapheme clusters), where PostgreSQL's
/// `char_length` counts code points. They differ only where a code point joins its neighbour into one
/// character (UAX #29): CR LF, a combining mark or other Extend, a zero-width joiner, a spacing mark, a
/// prepended concatenation mark, two regional indicators, Hangul jamo. `mq.len` counts code points with
/// each CR LF as one when every code point of the string is in a set whose members never join a
/// neighbour (Latin, Greek, Cyrillic and Hebrew letters, Arabic letters, punctuation, symbols, CJK, Hangul
/// syllables, emoji without modifiers), and is an error at run time for any other string, rather than a
/// different count.
///
/// The items of a list field (`len(authors)`, `len(e.mentions)`) are counted from the rows that
/// `expand` reads (``SQLExpand``).
enum SQLTextLength {
    /// The code points whose Grapheme_Cluster_Break is Other, Control, CR, LF or Extended_Pictographic
    /// alone (without Extend or ZWJ in the set, nothing extends them), as a bracket expression.
    static let standalone = "[\\x01-\\u02FF\\u0370-\\u0482\\u048A-\\u052F\\u05D0-\\u05F4\\u0606-\\u060F\\u061B-\\u064A"
        + "\\u0660-\\u066F\\u0671-\\u06D5\\u1E00-\\u1EFF\\u2000-\\u200B\\u200E-\\u206F\\u2070-\\u20CF\\u2100-\\u27BF"
        + "\\u3000-\\u3029\\u3030-\\u303F\\u3041-\\u3096\\u309B-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7A3\\uFF01-\\uFF9D"
        + "\\U0001F300-\\U0001F3FA\\U0001F400-\\U0001FAFF]"

    /// The SQL function `mq.len(text)`: mq's count of characters, or an error naming the string's first
    /// code point outside ``standalone``.
    static let function = """
        CREATE FUNCTION mq.len(s text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
            IF s ~ '^\(standalone)*$' THEN
                RETURN char_length(replace(s, E'\\r\\n', E'\\n'));
            END IF;
            RAISE EXCEPTION 'len cannot run on PostgreSQL here: the string holds U+% (a code point that may join its neighbour into one character, which PostgreSQL counts as two); run it in memory (without --engine)',
                lpad(upper(to_hex(ascii(substring(s from '[^\(standalone.dropFirst())')))), 4, '0');
        END
        $$
        """

    /// `len(x)` of the row's values; nil when `x` is neither a string nor a list field.
    static func call(_ arg: Expr, _ x: SQLExpressionCompiler, _ span: Span) throws -> SQLExpr? {
        if let (kind, field) = x.listField(arg), let row = x.row {
            return try items(kind, field, "\(row.alias).ord", x.context, span)
        }
        if case let .field(base, f, _) = arg, !x.context.isKnown(arg) {
            let b = try x.compile(base)
            if case let .ref(kind) = b.type, let info = FieldCatalog.field(f.name, of: kind), case .list = info.type {
                return try items(kind, f.name, b.sql, x.context, span)
            }
        }
        return nil
    }

    /// The number of items of the list `field` of the reference `ref` (null when the reference is).
    private static func items(_ kind: ReferenceKind, _ field: String, _ ref: String, _ context: SQLCompiler,
                              _ span: Span) throws -> SQLExpr {
        let rows = try SQLExpand(compiler: context, span: span).stored(kind, field, "r", span)
        return SQLExpr("(SELECT CASE WHEN r.ord IS NOT NULL THEN (SELECT count(*) FROM (\(rows.sql)) l) END FROM (SELECT \(ref) AS ord) r)", .int)
    }
}
