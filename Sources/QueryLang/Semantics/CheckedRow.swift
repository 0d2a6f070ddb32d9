extension Checker {
    /// What the rows of the current stage are, as far as known.
    struct Row {
        var reference: ReferenceKind?
        /// Record columns and their types; nil when not known (every name is then allowed).
        var columns: [String: ValueType]?
        var order: [String] = []

        static func of(_ kind: ReferenceKind) -> Row {
            Row(reference: kind, columns: [:], order: FieldCatalog.columns(of: kind))
        }
        static let unknown = Row(reference: nil, columns: nil)

        func type(of name: String) -> ValueType? {
            if let t = columns?[name] { return t }
            if let r = reference, let f = FieldCatalog.field(name, of: r) { return f.type }
            return nil
        }
        var known: Bool { columns != nil }

        /// The row as the plan describes it.
        var planSchema: PlanSchema {
            guard let columns else { return PlanSchema(reference: reference, columns: nil, isReference: false) }
            if columns.isEmpty, let r = reference { return .of(r) }
            return PlanSchema(reference: reference, columns: order.map { ($0, columns[$0] ?? .any) }, isReference: false)
        }
        /// The row with the columns of its reference spelled out, so that stages can add to them.
        var withColumnsOfReference: Row {
            var r = self
            if let cols = columns, cols.isEmpty, let ref = reference {
                for c in FieldCatalog.columns(of: ref) { r.columns![c] = FieldCatalog.field(c, of: ref)?.type ?? .any }
            }
            return r
        }
        var names: [String] {
            (columns.map { Array($0.keys) } ?? []) + (reference.map { FieldCatalog.fields(of: $0).map(\.name) } ?? [])
        }
    }
}
