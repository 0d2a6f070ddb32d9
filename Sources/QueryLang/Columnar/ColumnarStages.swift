/// The columnar stages that keep one row for one row or keep their input in order.
enum ColumnarStages {
    static func filter(_ input: ColumnarNode, _ cond: CompiledExpr, _ span: Span) -> ColumnarNode {
        ColumnarNode(schema: input.schema) { ctx in
            let next = try input.open(ctx)
            var pending: ColumnarFailure? = nil
            return {
                if let p = pending { throw p }
                while let batch = try next() {
                    try ctx.spend(batch.count, span)
                    let (b, v, failure) = try ColumnarEval.evaluate([cond], on: batch)
                    // A text scan stopped inside the expression: raised here, its answers never used.
                    try ctx.spend(0, span)
                    pending = failure
                    let keep = VectorKernels.truth(v[0])
                    var rows: [Int32] = []
                    rows.reserveCapacity(b.count)
                    for i in 0..<b.count where keep[i] { rows.append(Int32(i)) }
                    if rows.count == b.count && b.count > 0 { return b }
                    if !rows.isEmpty { return b.gathered(rows) }
                    if let p = pending { throw p }
                }
                return nil
            }
        }
    }

    static func extend(_ input: ColumnarNode, _ names: [String], _ exprs: [CompiledExpr], _ span: Span) -> ColumnarNode {
        var schema = input.schema
        schema.names += names
        schema.types += exprs.map(\.type)
        schema.bare = false
        for n in names where !schema.display.contains(n) { schema.display.append(n) }
        return mapping(input, schema, exprs, span) { b, vectors in
            // Each column is computed on the input row (extend's columns do not read each other).
            var out = b
            out.vectors += vectors
            return out
        }
    }

    static func select(_ input: ColumnarNode, _ names: [String], _ exprs: [CompiledExpr], _ span: Span) -> ColumnarNode {
        let schema = ColumnarSchema(names: names, types: exprs.map(\.type), base: nil, bare: false, display: names)
        return mapping(input, schema, exprs, span) { b, vectors in Batch(count: b.count, vectors: vectors, base: nil) }
    }

    /// One output row per input row, made from the row and the values of `exprs` on it.
    private static func mapping(_ input: ColumnarNode, _ schema: ColumnarSchema, _ exprs: [CompiledExpr], _ span: Span,
                                _ make: @escaping (Batch, [Vector]) -> Batch) -> ColumnarNode {
        ColumnarNode(schema: schema) { ctx in
            let next = try input.open(ctx)
            var pending: ColumnarFailure? = nil
            return {
                if let p = pending { throw p }
                guard let batch = try next() else { return nil }
                try ctx.spend(batch.count, span)
                let (b, vectors, failure) = try ColumnarEval.evaluate(exprs, on: batch)
                try ctx.spend(0, span)
                pending = failure
                if b.count == 0, let p = pending { throw p }
                return make(b, vectors)
            }
        }
    }

    static func take(_ input: ColumnarNode, _ n: Int) -> ColumnarNode {
        ColumnarNode(schema: input.schema) { ctx in
            let next = try input.open(ctx)
            var left = n
            return {
                guard left > 0, let b = try next() else { return nil }
                if b.count <= left { left -= b.count; return b }
                defer { left = 0 }
                return b.gathered((0..<left).map { Int32($0) })
            }
        }
    }
}
