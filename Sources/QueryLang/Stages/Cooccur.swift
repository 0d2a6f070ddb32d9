/// `cooccur [by sentence|document] [all]`: pairs of entities mentioned in the same sentence (or document)
/// among the input mentions, `a` before `b` in catalog order, with the `count` of sentences or documents
/// and the `docs`; ranked by count. `all` counts boilerplate zones too. The counting is in
/// Runtime/AnalystStages.swift and Runtime/CooccurrenceCounts.swift.
///
/// Its access path (``IndexAccessPass``): over every mention by document, the per-document entity lists
/// (and with a `take` of at most 1,024 after it, the top pairs from bitsets).
extension Interpreter {
    func openCooccur(_ input: RowStream, _ scope: CooccurScope, _ all: Bool, _ span: Span, limit: Int) throws -> RowStream {
        let rows = try input.collect { try checkRows($0, span, "the input of 'cooccur'") }
        let t = try cooccur(rows, wholeCorpus: false, scope, all, span, limit: limit)
        return RowStream(rows: t.rows, columns: t.columns)
    }

    func openPairsByDocument(_ all: Bool, limit: Int?, _ span: Span) throws -> RowStream {
        let t = try cooccur([], wholeCorpus: true, .document, all, span, limit: limit ?? .max)
        return RowStream(rows: t.rows, columns: t.columns)
    }
}
