/// The columns a stage makes whatever its input (`count`, `cooccur`, `kwic`, `timeline`): declared once,
/// in the stage's file, and read by the checker (the row's schema), the executors (the rows' keys) and
/// the plan.
struct StageOutput: ExpressibleByArrayLiteral, Sendable {
    let columns: [(name: String, type: ValueType)]

    init(arrayLiteral columns: (name: String, type: ValueType)...) { self.columns = columns }

    var names: [String] { columns.map(\.name) }
    var types: [ValueType] { columns.map(\.type) }
}
