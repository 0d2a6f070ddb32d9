import Foundation

/// `count` on batches. Over a `where`, the condition's truth values are counted and the rows are never
/// gathered; over a scan and stages that keep one row for at most one row, the parts of the scan are
/// counted on the cores at once (``ColumnarParallel``).
enum ColumnarCount {
    static let schema = ColumnarSchema(names: StageOutput.count.names, types: [.int], base: nil, bare: false, display: StageOutput.count.names)

    /// The rows of `input`, counted; with `cond`, only the rows where it is true.
    static func node(_ input: ColumnarNode, where cond: CompiledExpr?, _ filterSpan: Span?, _ span: Span,
                     parallel: Bool) -> ColumnarNode {
        ColumnarNode(schema: schema) { ctx in
            return ColumnarNode.once {
                let n = try ColumnarParallel.sum(ctx, span, parallel: parallel) { part in
                    try count(input, cond, filterSpan, part)
                }
                return Batch(count: 1, vectors: [.ints([Int64(n)], valid: nil)], base: nil)
            }
        }
    }

    private static func count(_ input: ColumnarNode, _ cond: CompiledExpr?, _ filterSpan: Span?, _ ctx: ColumnarContext) throws -> Int {
        let next = try input.open(ctx)
        var n = 0
        while let batch = try next() {
            guard let cond, let filterSpan else { n += batch.count; continue }
            try ctx.spend(batch.count, filterSpan)
            let (b, v, failure) = try ColumnarEval.evaluate([cond], on: batch)
            try ctx.spend(0, filterSpan)
            // The rows before a failing row count, as on rows; then the error.
            n += VectorKernels.truth(v[0]).withUnsafeBufferPointer { t in
                var k = 0
                for i in 0..<b.count where t[i] { k += 1 }
                return k
            }
            if let failure { throw failure }
        }
        return n
    }
}

/// Runs a stage's work over parts of its scan on the cores at once when `parallel` (and the context is
/// not a part already), each part with a context of its own; the steps of the parts are charged to the
/// interpreter, and an error is the first part's (the one the row executor, in scan order, meets first).
enum ColumnarParallel {
    static func run<T>(_ ctx: ColumnarContext, _ span: Span, parallel: Bool, _ work: (ColumnarContext) throws -> T) throws -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard parallel, cores > 1, ctx.partition == nil else { return [try work(ctx)] }
        let parts = min(cores, 4)
        let contexts = (0..<parts).map { ctx.part($0, of: parts) }
        var results = [Result<T, Error>?](repeating: nil, count: parts)
        try withoutActuallyEscaping(work) { work in
            results.withUnsafeMutableBufferPointer { out in
                // The compiled stages are pure functions of their batch; each part has its own state.
                nonisolated(unsafe) let out = out, work = work
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    out[k] = Result { try StopCheck.with(contexts[k].interpreter.stopCheck, meter: contexts[k].meter) { try work(contexts[k]) } }
                }
            }
            try ctx.interpreter.spend(contexts.reduce(0) { $0 + $1.localSteps }, span)
        }
        return try results.map { try $0!.get() }
    }

    static func sum(_ ctx: ColumnarContext, _ span: Span, parallel: Bool, _ work: (ColumnarContext) throws -> Int) throws -> Int {
        try run(ctx, span, parallel: parallel, work).reduce(0, +)
    }
}
