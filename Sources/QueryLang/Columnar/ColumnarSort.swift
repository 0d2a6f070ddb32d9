/// `sort` and `top` on batches: the input held, each key turned once into integers in its sort order
/// (strings by the rank of their code in the pool, so no string is compared per row), then the rows
/// ordered. When the keys' ranges and the row number fit in 64 bits together, each row's keys are packed
/// into one unsigned integer (null flag, then the value, reversed for a descending key, key after key,
/// then the row number for stability) and those integers are sorted or selected directly.
extension ColumnarStages {
    /// A stable sort on the keys (nulls last whichever the direction), or the first `limit` rows of it.
    static func sort(_ input: ColumnarNode, _ keys: [CompiledExpr], _ descending: [Bool], limit: Int?, _ span: Span) -> ColumnarNode {
        ColumnarNode(schema: input.schema) { ctx in
            let next = try input.open(ctx)
            return ColumnarNode.once {
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
                let (_, k, failure) = try ColumnarEval.evaluate(keys, on: all)
                if let failure { throw failure }
                let sortKeys = k.map(ColumnarStages.sortKeys)
                let order = packed(sortKeys, descending, all.count, limit)
                    ?? compared(sortKeys, descending, all.count, limit)
                return all.gathered(order)
            }
        }
    }

    /// The order by keys packed into one word a row, or nil when they do not fit.
    private static func packed(_ keys: [(values: [Int64], nulls: [Bool]?)], _ descending: [Bool], _ n: Int, _ limit: Int?) -> [Int32]? {
        func width(_ x: UInt64) -> Int { x == 0 ? 0 : 64 - x.leadingZeroBitCount }
        let rowBits = width(UInt64(n - 1))
        var fields: [(low: Int64, high: Int64, bits: Int, nullable: Bool)] = []
        var total = rowBits
        for key in keys {
            var low = Int64.max, high = Int64.min
            for i in 0..<n where key.nulls?[i] != true {
                low = min(low, key.values[i])
                high = max(high, key.values[i])
            }
            if low > high { low = 0; high = 0 }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            if overflow { return nil }
            let nullable = key.nulls?.contains(true) ?? false
            let bits = width(UInt64(span)) + (nullable ? 1 : 0)
            total += bits
            if total > 64 { return nil }
            fields.append((low, high, bits, nullable))
        }
        var words = [UInt64](repeating: 0, count: n)
        for (j, key) in keys.enumerated() {
            let f = fields[j]
            let valueBits = f.bits - (f.nullable ? 1 : 0)
            for i in 0..<n {
                var w = words[i] << UInt64(f.bits)
                if key.nulls?[i] == true {
                    // Nulls after every value, in either direction.
                    w |= 1 << UInt64(valueBits)
                } else {
                    let v = descending[j] ? f.high &- key.values[i] : key.values[i] &- f.low
                    w |= UInt64(v)
                }
                words[i] = w
            }
        }
        for i in 0..<n { words[i] = words[i] << UInt64(rowBits) | UInt64(i) }
        let mask: UInt64 = rowBits == 0 ? 0 : (1 << UInt64(rowBits)) - 1
        if let limit, limit < n / 4 {
            return words.withUnsafeBufferPointer { w in
                TopN.select(n, limit) { w[$0] < w[$1] }.map { Int32(truncatingIfNeeded: w[$0] & mask) }
            }
        }
        words.sort()
        return words.prefix(limit ?? .max).map { Int32(truncatingIfNeeded: $0 & mask) }
    }

    /// The order by comparing the keys row against row.
    private static func compared(_ sortKeys: [(values: [Int64], nulls: [Bool]?)], _ descending: [Bool], _ n: Int, _ limit: Int?) -> [Int32] {
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
        if let limit, limit < n / 4 { return TopN.select(n, limit, by: before).map { Int32($0) } }
        return Array(0..<n).sorted(by: before).prefix(limit ?? .max).map { Int32($0) }
    }

    /// A vector's values as integers in the order `Value.compareForSort` puts them (strings by their rank
    /// in the pool, floats by their bits with NaN after every number), and which are null.
    static func sortKeys(_ v: Vector) -> (values: [Int64], nulls: [Bool]?) {
        switch v {
        case let .strings(c, pool):
            let rank = pool.ranks()
            return (c.map { $0 < 0 ? 0 : Int64(rank[Int($0)]) }, c.contains { $0 < 0 } ? c.map { $0 < 0 } : nil)
        case let .dates(d):
            let none = PartialDate.noSortKey
            return (d.map { $0 == none ? 0 : Int64($0) }, d.contains(none) ? d.map { $0 == none } : nil)
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
