/// `kwic` on PostgreSQL: the hits are mentions (of the input, or of an entity in the input documents),
/// whose character offsets are stored; the context around each is cut from the stored text by
/// `mq.kwic_context`, which follows ``Kwic/context(_:start:end:width:)`` rule by rule.
///
/// mq counts characters (grapheme clusters) where PostgreSQL counts code points. They differ only at a
/// character of several code points; each document stores where those are (`joined`: the code point
/// offsets of every code point that continues a character, except the line feed of a CR LF, which the
/// function reads as one character by replacing it). A hit whose context window reaches such a place is an
/// error at run time rather than a different answer. Words and phrases (`kwic "drone"`) and regular
/// expressions need mq's phrase matcher over the text: a pipeline's own such stage on documents is
/// narrowed by the server and finished by mq (``SQLHybrid``); here, inside a nested query or a table
/// defined with `let`, they are refused.
struct SQLKwic {
    let compiler: SQLCompiler
    let span: Span
    let nameSpan: Span

    /// The SQL function: `mq.kwic_context(text, first code point, end code point, width, joined)` gives
    /// `{left, match, right}`.
    ///
    /// The window on each side is `4 * width + 4` code points: after a CR LF is made one character, at
    /// least the `2 * width` characters mq reads (mq reads whole characters from a window of
    /// `8 * width + 64` bytes, which holds them for every text without characters of several code points).
    /// The white space is Unicode's White_Space, as Swift's `Character.isWhitespace`.
    static let contextFunction = #"""
        CREATE FUNCTION mq.kwic_context(t text, cs bigint, ce bigint, w integer, joined integer[]) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE
            ws constant text := '[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]';
            reach constant integer := 4 * w + 4;
            lo integer := greatest(0, cs - reach)::integer;
            b text; a text; l text; r text; p integer;
        BEGIN
            IF EXISTS (SELECT 1 FROM unnest(joined) j WHERE j >= cs - reach AND j < ce + reach) THEN
                RAISE EXCEPTION 'kwic cannot run on PostgreSQL here: the text near character % holds a character of several code points (a combining mark, an emoji sequence); run it in memory (without --engine)', cs;
            END IF;
            b := replace(substr(t, lo + 1, (cs - lo)::integer), E'\r\n', E'\n');
            a := replace(substr(t, (ce + 1)::integer, reach), E'\r\n', E'\n');
            -- White space collapsed: none at either end, one space for each run inside.
            l := regexp_replace(regexp_replace(right(b, 2 * w), '^' || ws || '+|' || ws || '+$', '', 'g'), ws || '+', ' ', 'g');
            r := regexp_replace(regexp_replace(left(a, 2 * w), '^' || ws || '+|' || ws || '+$', '', 'g'), ws || '+', ' ', 'g');
            IF l <> '' AND right(b, 1) ~ ws THEN l := l || ' '; END IF;
            IF r <> '' AND left(a, 1) ~ ws THEN r := ' ' || r; END IF;
            -- Cut to the width, at a space where one is near the cut.
            IF length(l) > w THEN
                l := right(l, w);
                p := position(' ' in l);
                IF p > 0 AND p - 1 < 12 THEN l := substr(l, p + 1); END IF;
            END IF;
            IF length(r) > w THEN
                r := left(r, w);
                p := position(' ' in reverse(r));
                IF p > 0 AND p < 12 THEN r := left(r, w - p); END IF;
            END IF;
            RETURN ARRAY[l, substr(t, (cs + 1)::integer, (ce - cs)::integer), r];
        END
        $$
        """#

    /// The code point offsets of the code points that continue a character (a combining mark after its
    /// letter, the parts of an emoji sequence), except the line feed of a CR LF.
    static func joinedScalars(_ text: String) -> [Int] {
        // ASCII text has no character of several code points but CR LF.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return [] }
        var out: [Int] = []
        var offset = 0
        for ch in text {
            let n = ch.unicodeScalars.count
            if n > 1 && ch != "\r\n" { out += (offset + 1)..<(offset + n) }
            offset += n
        }
        return out
    }

    func compile(_ input: SQLRelation, _ termExpr: Expr?, _ widthExpr: Expr?, regex: Bool) throws -> SQLRelation {
        if regex {
            throw compiler.unsupported("a regular expression's hits need mq's regular expressions over the text, which mq runs only for a pipeline's own kwic on documents (not in a nested query or a table defined with let)", nameSpan)
        }
        var width: Int64 = 40
        if let widthExpr {
            guard case let .int(w)? = try compiler.knownValue(widthExpr), w >= 0, w <= 10_000, compiler.parameterName(widthExpr) == nil else {
                throw compiler.unsupported("a width that is not a whole number from 0 to 10000 written in the query", widthExpr.span)
            }
            width = w
        }
        var entity: Int? = nil
        if let termExpr {
            guard compiler.parameterName(termExpr) == nil, let v = try compiler.knownValue(termExpr) else {
                throw compiler.unsupported("a term that is not known before the query runs", termExpr.span)
            }
            guard case let .entity(e) = v else {
                throw compiler.unsupported("the hits of words need mq's phrase matcher over the text, which mq runs only for a pipeline's own kwic on documents (not in a nested query or a table defined with let)", termExpr.span)
            }
            entity = e
        }
        let q = compiler.fresh("q")
        let o = compiler.fresh("o:")
        let columns: [(name: String, type: SQLType)] = [("doc", .ref(.document)), ("left", .string), ("match", .string),
                                                          ("right", .string), ("zone", .string), ("start", .int)]
        let context = "mq.kwic_context(d.text, m.char_start, m.char_end, \(width), d.joined)"
        let hits: String
        let where_: String
        switch input.base {
        case .mention?:
            hits = "JOIN mq.mentions m ON m.ord = \(q).ord"
            where_ = entity.map { " WHERE m.entity = \($0)" } ?? ""
        case .document?:
            guard let entity else { throw compiler.unsupported("kwic on documents needs a term", nameSpan) }
            hits = "JOIN mq.mentions m ON m.doc = \(q).ord AND m.entity = \(entity)"
            where_ = ""
        default:
            throw compiler.unsupported("kwic works on documents or mentions", nameSpan)
        }
        let list = ["m.doc AS \(SQLRelation.column("doc"))", "k[1] AS \(SQLRelation.column("left"))",
                    "k[2] AS \(SQLRelation.column("match"))", "k[3] AS \(SQLRelation.column("right"))",
                    "m.zone AS \(SQLRelation.column("zone"))", "m.start AS \(SQLRelation.column("start"))"]
            + input.order.map { "\(q).\(SQLDialect.ident($0.column))" } + ["m.seq AS \(SQLDialect.ident(o))"]
        let sql = """
            SELECT \(list.joined(separator: ", ")) FROM (\(input.sql)) \(q) \(hits) \
            CROSS JOIN LATERAL (SELECT \(context) AS k FROM mq.documents d WHERE d.ord = m.doc) z\(where_)
            """
        return SQLRelation(sql: sql, shape: .record(columns, base: nil), order: input.order + [(o, false)])
    }
}
