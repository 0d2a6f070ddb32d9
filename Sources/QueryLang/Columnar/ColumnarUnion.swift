/// `union (query)` on batches, when the other query's plan is columnar too (``PlanContext/nestedPlan``)
/// and both give rows of one shape: references of one kind, or records with the same columns of the same
/// types. The other query is run when the stage opens and held (as the row executor holds its table), so
/// its errors come first, as on rows; then the input's batches stream through, then the held ones. A
/// string column comes out in one pool of the union's own, each side's codes translated once per string.
enum ColumnarUnion {
    static func node(_ left: ColumnarNode, _ right: ColumnarNode, _ span: Span) -> ColumnarNode? {
        let l = left.schema, r = right.schema
        guard l.fieldColumns.isEmpty, r.fieldColumns.isEmpty, l.bare == r.bare else { return nil }
        // Where each of the left's columns is on the right.
        var from: [Int] = []
        if l.bare {
            guard l.base != nil, l.base == r.base, l.names.isEmpty, r.names.isEmpty else { return nil }
        } else {
            guard l.base == nil, r.base == nil, Set(l.names).count == l.names.count, Set(r.names) == Set(l.names),
                  r.names.count == l.names.count, Set(l.display) == Set(l.names), Set(r.display) == Set(r.names) else { return nil }
            for (i, n) in l.names.enumerated() {
                guard let j = r.column(n), r.types[j] == l.types[i] else { return nil }
                from.append(j)
            }
        }
        let types = l.types
        return ColumnarNode(schema: l) { ctx in
            var held: [Batch] = []
            var rows = 0
            let rightNext = try right.open(ctx)
            while let b = try rightNext() {
                rows += b.count
                try ctx.interpreter.checkRows(rows, span, "the right side of 'union'")
                held.append(b)
            }
            let leftNext = try left.open(ctx)
            let pools = types.map { $0 == .string ? UnionPool() : nil }
            var leftDone = false
            var position = 0
            return {
                var batch: Batch
                var fromRight = false
                if !leftDone, let b = try leftNext() {
                    batch = b
                } else {
                    leftDone = true
                    guard position < held.count else { return nil }
                    batch = held[position]
                    held[position] = Batch(count: 0, vectors: [], base: nil)
                    position += 1
                    fromRight = true
                }
                try ctx.spend(batch.count, span)
                if fromRight && !from.isEmpty { batch.vectors = from.map { batch.vectors[$0] } }
                for (i, pool) in pools.enumerated() {
                    if let pool, case let .strings(codes, p) = batch.vectors[i] { batch.vectors[i] = .strings(pool.translate(codes, p), pool.pool) }
                }
                return batch
            }
        }
    }
}

/// The pool of one string column of a union, and each side's codes in it.
final class UnionPool {
    let pool = StringPool()
    private var tables: [ObjectIdentifier: (source: StringPool, codes: [Int32])] = [:]

    func translate(_ codes: [Int32], _ source: StringPool) -> [Int32] {
        var entry: (source: StringPool, codes: [Int32]) = tables[ObjectIdentifier(source)].flatMap { $0.source === source ? $0 : nil } ?? (source, [])
        tables[ObjectIdentifier(source)] = nil
        if entry.codes.count < source.strings.count {
            entry.codes += [Int32](repeating: -2, count: source.strings.count - entry.codes.count)
        }
        let out = codes.map { c -> Int32 in
            guard c >= 0 else { return -1 }
            if entry.codes[Int(c)] == -2 { entry.codes[Int(c)] = pool.code(source.strings[Int(c)]) }
            return entry.codes[Int(c)]
        }
        tables[ObjectIdentifier(source)] = entry
        return out
    }
}
