/// `kwic [term] [width N]`: keyword in context. On documents, every whole-word occurrence of the term (a
/// phrase compared as names are, or an entity through its mentions); on mentions, the mention itself.
/// The search is in Runtime/AnalystStages.swift and Runtime/Kwic.swift; with a `take N` after it, it
/// stops after N hits.
extension Interpreter {
    func openKwic(_ input: RowStream, _ term: Expr?, _ width: Expr?, regex: Bool, _ span: Span, _ outer: Env,
                  limit: Int) throws -> RowStream {
        let rows = try input.collect { try checkRows($0, span, "the input of 'kwic'") }
        let t = try kwic(Table(rows: rows, columns: input.columns), term, width, regex: regex, span, outer, limit: limit)
        return RowStream(rows: t.rows, columns: t.columns)
    }
}
