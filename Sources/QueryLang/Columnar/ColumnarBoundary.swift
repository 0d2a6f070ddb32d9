/// Where a columnar subtree hands its rows to the row executor (or to the output): each row becomes the
/// value the row executor would have made for it (the reference itself, or a record with the reference
/// as its base), only when it is asked for.
extension Interpreter {
    func openColumnar(_ node: ColumnarNode, _ env: Env) -> RowStream {
        let schema = node.schema
        let context = ColumnarContext(interpreter: self, env: env)
        var next: (() throws -> Batch?)? = nil
        var batch: Batch? = nil
        var position = 0
        return RowStream(columns: schema.display) { max in
            do {
                if next == nil { next = try node.open(context) }
                while batch == nil || position >= batch!.count {
                    guard let b = try StopCheck.with(self.stopCheck, meter: context.meter, { try next!() }) else { return [] }
                    batch = b
                    position = 0
                }
                let b = batch!
                let end = Swift.min(b.count, position + max)
                defer { position = end }
                return (position..<end).map { self.row(b, $0, schema) }
            } catch let f as ColumnarFailure {
                throw self.fail(f.code, f.message, f.span, hints: f.hints)
            }
        }
    }

    private func row(_ b: Batch, _ i: Int, _ schema: ColumnarSchema) -> Value {
        let base = b.base?.value(at: i)
        if schema.bare, let base { return base }
        let values = schema.display.map { name -> Value in
            if let c = schema.column(name) { return b.vectors[c].value(at: i) }
            if let f = schema.fieldColumns[name] {
                let ref = b.vectors[f.vector].value(at: i)
                return ref.isNull ? .null : fields.field(ref, f.field) ?? .null
            }
            return base.flatMap { fields.field($0, name) } ?? .null
        }
        return .record(Record(keys: schema.display, values: values, base: base))
    }
}
