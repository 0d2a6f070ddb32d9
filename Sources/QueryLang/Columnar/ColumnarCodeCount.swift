import Foundation

/// `count` of a `where` over a whole source whose condition reads one string column of few distinct
/// values (`mentions | where zone != "body" and zone != "headline" | count`): the column's rows are
/// counted by value once per corpus and kept (``CorpusColumns/derived(_:_:)``); a query then evaluates
/// its condition once per value and sums the counts of the values where it holds, without reading a row.
/// Where the counts cannot be made (a pool of more than ``ExprCompiler/codeTableLimit`` strings, a column
/// whose strings are not one pool), the rows are counted as ``ColumnarCount`` does.
enum ColumnarCodeCount {
    /// Rows by code of a column over a whole source: index 0 for null, code + 1 for the rest.
    final class Histogram: @unchecked Sendable {
        let pool: StringPool
        let counts: [Int]
        init(pool: StringPool, counts: [Int]) {
            self.pool = pool
            self.counts = counts
        }
    }

    /// What `explain` says of the count.
    static func note(_ leaf: Expr) -> String {
        "rows by value of \(Formatter().expr(leaf, indent: 0)) counted once per corpus, summed where the condition holds"
    }

    static func node(_ kind: ReferenceKind, _ leaf: Expr, _ column: CompiledExpr, _ perCode: CompiledExpr, _ columns: CorpusColumns,
                     fallback: ColumnarNode, _ span: Span) -> ColumnarNode {
        let key = "rows by value:" + kind.rawValue + ":" + Formatter().expr(leaf, indent: 0)
        return ColumnarNode(schema: ColumnarCount.schema) { ctx in
            guard ctx.partition == nil,
                  let h = try columns.derived(key, { try histogram(kind, column, ctx, span) }) as Histogram? else {
                return try fallback.open(ctx)
            }
            return ColumnarNode.once {
                try ctx.spend(h.counts.count, span)
                // The condition once per code of the pool, and for null (-1), as rows of the one column.
                let all = [Int32(-1)] + (0..<Int32(h.pool.strings.count))
                let truth = VectorKernels.truth(try perCode.eval(Batch(count: all.count, vectors: [.strings(all, h.pool)], base: nil)))
                var n = 0
                for (i, c) in h.counts.enumerated() where i < truth.count && truth[i] { n += c }
                return Batch(count: 1, vectors: [.ints([Int64(n)], valid: nil)], base: nil)
            }
        }
    }

    /// The rows of every reference of a kind counted by the code of `column`; nil when its strings are not
    /// all codes of one pool of at most ``ExprCompiler/codeTableLimit`` strings.
    private static func histogram(_ kind: ReferenceKind, _ column: CompiledExpr, _ ctx: ColumnarContext, _ span: Span) throws -> Histogram? {
        let total = ctx.interpreter.corpus.count(of: kind)
        var pool: StringPool? = nil
        var counts: [Int] = [0]
        var position = 0
        while position < total {
            let end = min(total, position + ColumnarCompiler.batchSize)
            try ctx.spend(end - position, span)
            let ids = (position..<end).map { Int32($0) }
            guard case let .strings(codes, p) = try column.eval(Batch(count: ids.count, vectors: [], base: .refs(kind, ids))),
                  p.strings.count <= ExprCompiler.codeTableLimit else { return nil }
            if pool == nil { pool = p } else if pool !== p { return nil }
            if counts.count < p.strings.count + 1 { counts += [Int](repeating: 0, count: p.strings.count + 1 - counts.count) }
            counts.withUnsafeMutableBufferPointer { out in
                for c in codes { out[Int(c) + 1] += 1 }
            }
            position = end
        }
        return Histogram(pool: pool ?? StringPool(), counts: counts)
    }
}
