/// What the rows of a columnar stage are: named vectors with their types, and the reference the rows are
/// (or extend) whose fields names also resolve to.
struct ColumnarSchema {
    var names: [String] = []
    var types: [VectorType] = []
    /// The kind of the references the rows are or extend.
    var base: ReferenceKind?
    /// Whether each row is the reference itself (a scan, a filter of it): no record is made for it.
    var bare: Bool
    /// The columns the row executor shows for these rows (its `RowStream.columns`).
    var display: [String]
    /// Columns that are a field of the references in a vector (a join's right side: `type` is field `type`
    /// of the matched entity).
    var fieldColumns: [String: (vector: Int, field: String)] = [:]

    static func scan(_ kind: ReferenceKind) -> ColumnarSchema {
        ColumnarSchema(base: kind, bare: true, display: FieldCatalog.columns(of: kind))
    }

    /// The vector a name reads, the last of that name.
    func column(_ name: String) -> Int? { names.lastIndex(of: name) }

    /// The type of what a bare name reads: a column, else a field of the base.
    func type(of name: String) -> VectorType? {
        if let i = column(name) { return types[i] }
        if let f = fieldColumns[name] {
            guard case let .ref(k) = types[f.vector] else { return nil }
            return CorpusColumns.type(of: f.field, in: k)
        }
        if let b = base { return CorpusColumns.type(of: name, in: b) }
        return nil
    }

    /// Whether a name is a field of the rows at all (a column, or any field of the base, read as a vector
    /// or not): such a name may not be read as a variable.
    func hasField(_ name: String) -> Bool {
        column(name) != nil || fieldColumns[name] != nil || base.map { FieldCatalog.field(name, of: $0) != nil } == true
    }
}
