/// Bounds how deep values nest (lists, records and tables inside each other).
///
/// One expression nests at most ``Limits/maxDepth`` levels, but function calls compose: a function that
/// wraps its argument in ten lists, called ten times inside itself by another function, called ten times
/// by a third... builds a value 100,000 levels deep in a few thousand steps. Printing, comparing, hashing
/// and even freeing such a value recurse once per level and overflow the stack. So the value a user
/// function returns and the value a `let` stores may nest at most `maxDepth` levels (E402); within one
/// expression a value can then grow by at most the depth of that expression.
extension Interpreter {
    func checkNesting(_ v: Value, _ span: Span) throws {
        if Interpreter.nests(v, deeperThan: limits.maxDepth) {
            throw fail(.limitReached, "a value nests more than \(limits.maxDepth) levels of lists, records and tables", span,
                       hints: ["a function that wraps its argument, called inside itself, nests deeper at each call"])
        }
    }

    /// Whether `v` nests deeper than `limit` levels; looks no deeper than that (so it recurses at most
    /// `limit` times), and returns at once for a scalar or a reference.
    static func nests(_ v: Value, deeperThan limit: Int) -> Bool {
        switch v {
        case let .list(items):
            return limit <= 0 ? true : items.contains { nests($0, deeperThan: limit - 1) }
        case let .record(r):
            if limit <= 0 { return true }
            return r.values.contains { nests($0, deeperThan: limit - 1) } || r.base.map { nests($0, deeperThan: limit - 1) } == true
        case let .table(t):
            return limit <= 0 ? true : t.rows.contains { nests($0, deeperThan: limit - 1) }
        default:
            return false
        }
    }
}
