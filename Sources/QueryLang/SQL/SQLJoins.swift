/// The tables a stage joins to navigate from its rows (`m.doc.outlet`, `entity.country.name`): one LEFT JOIN
/// per referenced row, on the table's key, so that PostgreSQL can hash-join them instead of running a
/// subquery per row. A key matches at most one row, so the stage's rows stay as they are.
final class SQLJoins {
    private(set) var items: [(table: String, key: String, alias: String)] = []

    /// The alias of `table` joined on `key` (an existing one for the same table and key).
    func alias(_ table: String, on key: String, context: SQLCompiler) -> String {
        if let found = items.first(where: { $0.table == table && $0.key == key }) { return found.alias }
        let a = context.fresh("j")
        items.append((table, key, a))
        return a
    }

    /// What follows the stage's `FROM (input) q`.
    var clause: String {
        items.map { " LEFT JOIN \($0.table) \($0.alias) ON \($0.alias).ord = \($0.key)" }.joined()
    }

    /// Whether an SQL expression is a plain column of a row (`q3.entity`, `j2.country`, `q8."c:a"`): a key
    /// to join on.
    static func isColumn(_ sql: String) -> Bool {
        let parts = sql.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { p in
            if p.count >= 2, p.first == "\"", p.last == "\"" { return !p.dropFirst().dropLast().contains("\"") }
            return !p.isEmpty && p.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }
}
