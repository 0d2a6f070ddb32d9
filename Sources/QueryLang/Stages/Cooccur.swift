/// `cooccur [by sentence|document] [all]`: pairs of entities mentioned in the same sentence (or document)
/// among the input mentions, `a` before `b` in catalog order, with the `count` of sentences or documents
/// and the `docs`; ranked by count. `all` counts boilerplate zones too. The counting is in
/// Runtime/CooccurRows.swift and Runtime/CooccurrenceCounts.swift.
///
/// Its access path (``IndexAccessPass``): over every mention by document, the per-document entity lists
/// (and with a `take` of at most 1,024 after it, the top pairs from bitsets).
extension Parser {
    mutating func parseCooccur(_ start: Span) throws -> (kind: StageKind, end: Span) {
        var scope = CooccurScope.sentence
        var end = start
        if atWord("by") {
            advance()
            let s = try expectIdentifier("'sentence' or 'document'")
            guard let sc = CooccurScope(rawValue: s.name) else {
                throw error(.unexpectedToken, "cooccur counts by sentence or by document, not '\(s.name)'", s.span,
                            hints: [Suggestions.hint(for: s.name, in: ["sentence", "document"]) ?? "cooccur by sentence"])
            }
            scope = sc
            end = s.span
        }
        var all = false
        if atWord("all") { all = true; end = advance().span }
        return (.cooccur(scope, all: all), end)
    }
}

extension StageOutput {
    static let cooccur: StageOutput = [("a", .entity), ("b", .entity), ("count", .int), ("docs", .list(.document))]
}

extension Checker {
    mutating func checkCooccur(_ s: StageInput) -> Row {
        requireInput(.mention, s, example: "mentions | where ... | cooccur")
        return records(StageOutput.cooccur.columns, base: nil)
    }
}

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
