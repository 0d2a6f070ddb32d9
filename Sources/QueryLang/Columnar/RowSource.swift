/// A leaf of a columnar plan that the row executor answers: an access path whose rows are references of
/// one kind (`where x in entities` on the postings), handed on as batches of those references, so that the
/// stages above it (a `summarize` by `bin(published, 1m)`, ...) run on vectors. It is never split into
/// parts: the row executor is not shared between threads.
enum RowSource {
    static func node(_ plan: PlanNode) -> ColumnarNode? {
        let kind: ReferenceKind
        switch plan.op {
        case let .indexedFilter(input, _):
            guard case let .scan(k) = input.op else { return nil }
            kind = k
        default:
            return nil
        }
        return ColumnarNode(schema: .scan(kind)) { ctx in
            let rows = try ctx.interpreter.open(plan, ctx.env)
            return {
                let values = try rows.next(ColumnarCompiler.batchSize)
                guard !values.isEmpty else { return nil }
                return Batch(count: values.count, vectors: [], base: .refs(kind, values.map { v in
                    guard let i = CorpusColumns.index(v) else { preconditionFailure("references of one kind") }
                    return Int32(i)
                }))
            }
        }
    }
}
