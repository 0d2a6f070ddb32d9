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

    /// A stable sort on the keys (nulls last whichever the direction), or the first `limit` rows of it.
    static func sort(_ input: ColumnarNode, _ keys: [CompiledExpr], _ descending: [Bool], limit: Int?, _ span: Span) -> ColumnarNode {
        ColumnarNode(schema: input.schema) { ctx in
            let next = try input.open(ctx)
            var done = false
            return {
                guard !done else { return nil }
                done = true
                var parts: [Batch] = []
                var rows = 0
                while let b = try next() {
                    rows += b.count
                    try ctx.interpreter.checkRows(rows, span, "the input of 'sort'")
                    parts.append(b)
                }
                let all = Batch.concat(parts, schema: input.schema)
                guard all.count > 0 else { return nil }
                try ctx.spend(all.count, span)
                let (evaluated, k, failure) = try ColumnarEval.evaluate(keys, on: all)
                if let failure { throw failure }
                _ = evaluated
                // Each key as integers in its sort order (strings by rank, floats by their bits), once.
                let sortKeys = k.map(ColumnarStages.sortKeys)
                func before(_ a: Int, _ b: Int) -> Bool {
                    for (j, key) in sortKeys.enumerated() {
                        let an = key.nulls?[a] ?? false, bn = key.nulls?[b] ?? false
                        if an != bn { return bn }
                        if an { continue }
                        let x = key.values[a], y = key.values[b]
                        if x != y { return descending[j] ? x > y : x < y }
                    }
                    return a < b
                }
                let order: [Int]
                if let limit, limit < all.count / 4 {
                    order = TopN.select(all.count, limit, by: before)
                } else {
                    order = Array(0..<all.count).sorted(by: before).prefix(limit ?? .max).map { $0 }
                }
                return all.gathered(order.map { Int32($0) })
            }
        }
    }

    /// A vector's values as integers in the order `Value.compareForSort` puts them (strings by their rank
    /// in the pool, floats by their bits with NaN after every number), and which are null.
    static func sortKeys(_ v: Vector) -> (values: [Int64], nulls: [Bool]?) {
        switch v {
        case let .strings(c, pool):
            let rank = pool.ranks()
            return (c.map { $0 < 0 ? 0 : Int64(rank[Int($0)]) }, c.contains { $0 < 0 } ? c.map { $0 < 0 } : nil)
        case let .floats(x, valid):
            return (x.map { d -> Int64 in
                let bits = Int64(bitPattern: (d.isNaN ? Double.nan : (d == 0 ? 0 : d)).bitPattern)
                return bits < 0 ? bits ^ Int64.max : bits
            }, valid.map { $0.map { !$0 } })
        default:
            let (codes, nulls) = VectorKernels.codes(v)
            return (codes, nulls)
        }
    }
}
