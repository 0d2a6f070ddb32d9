/// `expand name = list` on batches: the list of each row read as a list vector (``ListVector``), each
/// input row repeated once per item (a gather) and the items, end to end, as the new column. An input
/// batch whose lists hold many items comes out as several batches of at most ``ColumnarCompiler/batchSize``
/// rows, so a long list never makes one huge batch.
enum ColumnarExpand {
    static func node(_ input: ColumnarNode, _ name: String, _ list: CompiledList, _ span: Span) -> ColumnarNode {
        var schema = input.schema
        schema.names.append(name)
        schema.types.append(list.itemType)
        schema.bare = false
        if !schema.display.contains(name) { schema.display.append(name) }
        return ColumnarNode(schema: schema) { ctx in
            let next = try input.open(ctx)
            var batch = Batch(count: 0, vectors: [], base: nil)
            var items = ListVector(offsets: [0], values: .ints([], valid: nil))
            var rowOf: [Int32] = []
            var position = 0
            return {
                while position >= rowOf.count {
                    guard let b = try next() else { return nil }
                    try ctx.spend(b.count, span)
                    let lists = try list.eval(b)
                    // One row's list longer than the row limit stops the query, as on rows.
                    var longest = 0
                    var owners: [Int32] = []
                    owners.reserveCapacity(Int(lists.offsets[b.count]))
                    for i in 0..<b.count {
                        let n = Int(lists.offsets[i + 1] - lists.offsets[i])
                        longest = max(longest, n)
                        owners += repeatElement(Int32(i), count: n)
                    }
                    try ctx.interpreter.checkRows(longest, span, "the result of expand")
                    (batch, items, rowOf, position) = (b, lists, owners, 0)
                }
                let end = min(rowOf.count, position + ColumnarCompiler.batchSize)
                defer { position = end }
                try ctx.spend(end - position, span)
                var out = batch.gathered(Array(rowOf[position..<end]))
                out.vectors.append(items.values.gathered((position..<end).map { Int32($0) }))
                return out
            }
        }
    }
}
