/// `str(x)` and `concat(a, b, ...)` on PostgreSQL, for the values whose text PostgreSQL can write as mq
/// does (``Preview/text(_:corpus:quoteStrings:)``): strings as they are, whole numbers in decimal, `true`
/// and `false`, an entity by its name, a document or fact by its id, a mention by its own text. Floats
/// (mq's shortest form) and dates (mq's `@2014-06`) are refused. `str(null)` is null; `concat` skips
/// nulls, as PostgreSQL's `concat` does. mq's limit on the length of the result is not checked on the
/// server.
struct SQLText {
    let context: SQLCompiler

    /// A value as text, or nil for a type PostgreSQL would write otherwise.
    func text(_ x: SQLExpr) -> String? {
        switch x.type {
        case .null: return "NULL::text"
        case .string: return x.sql
        case .int: return "(\(x.sql))::text"
        case .bool: return "(CASE WHEN \(x.sql) THEN 'true' WHEN NOT \(x.sql) THEN 'false' END)"
        case .ref(.entity): return "(SELECT t.name FROM mq.entities t WHERE t.ord = \(x.sql))"
        case .ref(.document): return "(SELECT t.id FROM mq.documents t WHERE t.ord = \(x.sql))"
        case .ref(.fact): return "(SELECT t.id FROM mq.facts t WHERE t.ord = \(x.sql))"
        case .ref(.mention): return "(SELECT t.surface FROM mq.mentions t WHERE t.ord = \(x.sql))"
        default: return nil
        }
    }

    func call(_ name: String, _ args: [SQLExpr], _ span: Span) throws -> SQLExpr {
        let parts = try args.map { a in
            guard let t = text(a) else {
                throw context.unsupported("\(name)() of a \(a.type) (PostgreSQL would write it otherwise than mq)", span)
            }
            return t
        }
        if name == "str" {
            guard parts.count == 1 else { throw context.unsupported("str() with \(parts.count) arguments", span) }
            return SQLExpr(parts[0], .string)
        }
        return SQLExpr("concat(\(parts.joined(separator: ", ")))", .string)
    }
}
