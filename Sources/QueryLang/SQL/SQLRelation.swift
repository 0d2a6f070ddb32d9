/// A compiled plan node: a SELECT whose rows are the node's rows, with what the rows are and the order
/// they come in.
///
/// Column names inside the SELECT: a reference row carries its table's columns as they are (`ord`,
/// `title`, ...); record columns are `"c:name"`; `"o:n"` columns hold the keys of the row order (an
/// ORDER BY inside a subquery is not kept by SQL, so the order travels as columns and is applied where it
/// matters: `take`, and the final statement).
struct SQLRelation {
    enum Shape {
        /// Rows are references of this kind.
        case reference(ReferenceKind)
        /// Rows are records with these columns (in order), made from a reference of `base` (whose fields
        /// then remain readable) or from nothing.
        case record([(name: String, type: SQLType)], base: ReferenceKind?)
    }

    var sql: String
    var shape: Shape
    /// The row order: hidden columns (and directions) of the SELECT, most significant first; empty when
    /// the rows have no defined order (after summarize, distinct).
    var order: [(column: String, descending: Bool)]
    /// Records made from a reference that show only their own columns (the reference's fields stay
    /// readable), as `corroboration` and `asof` make them; otherwise a record with a base shows the
    /// base's fields too.
    var ownColumns = false

    var base: ReferenceKind? {
        switch shape {
        case let .reference(k): return k
        case let .record(_, b): return b
        }
    }

    var recordColumns: [(name: String, type: SQLType)] {
        if case let .record(c, _) = shape { return c }
        return []
    }

    /// The columns a `SELECT` over this relation must keep to keep the rows and their order: the base
    /// table's columns, the record columns (minus `dropping`), the order columns.
    func carried(_ alias: String, dropping: Set<String> = [], keepRecord: Bool = true) -> [String] {
        var out: [String] = []
        if let b = base { out += SQLFields.tableColumns(b).map { "\(alias).\($0)" } }
        if keepRecord {
            for c in recordColumns where !dropping.contains(c.name) {
                out.append("\(alias).\(SQLRelation.column(c.name))")
            }
        }
        for o in order { out.append("\(alias).\(SQLDialect.ident(o.column))") }
        return out
    }

    /// ORDER BY terms over the relation's columns (through `alias`, or bare).
    func orderBy(_ alias: String?) -> String {
        order.map { (alias.map { $0 + "." } ?? "") + SQLDialect.ident($0.column) + ($0.descending ? " DESC" : " ASC") + " NULLS LAST" }
            .joined(separator: ", ")
    }

    static func column(_ name: String) -> String { SQLDialect.ident("c:" + name) }
}
