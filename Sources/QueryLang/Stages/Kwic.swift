/// `kwic [term] [width N]`: keyword in context. On documents, every whole-word occurrence of the term (a
/// phrase compared as names are, or an entity through its mentions); on mentions, the mention itself.
/// The search is in Runtime/KwicRows.swift and Runtime/KwicSearch.swift; with a `take N` after it, it
/// stops after N hits.
extension Parser {
    mutating func parseKwic(_ start: Span) throws -> (kind: StageKind, end: Span) {
        var term: Expr? = nil
        let regex = atWord("matches")
        if regex {
            let m = advance()
            if atStageEnd || atWord("width") {
                throw error(.unexpectedToken, "kwic matches needs a regular expression", m.span, hints: [#"kwic matches r"(?i)\bdrones?\b""#])
            }
        }
        if !(atStageEnd || atWord("width")) { term = try binary(0) }
        var width: Expr? = nil
        if atWord("width") {
            advance()
            width = try binary(0)
        }
        return (.kwic(term, width: width, regex: regex), width?.span ?? term?.span ?? start)
    }
}

extension StageOutput {
    static let kwic: StageOutput = [("doc", .document), ("left", .string), ("match", .string), ("right", .string),
                                    ("zone", .string), ("start", .int)]
}

extension Checker {
    mutating func checkKwic(_ term: Expr?, _ width: Expr?, regex: Bool, _ s: StageInput) -> Row {
        if let term { _ = type(term, s.outer) }
        // A pattern given as words finds nothing: say so before it runs.
        if !regex, case let .literal(.string(text), span)? = term, let sign = Kwic.regexSign(text) {
            diagnostics.append(Diagnostic(.kwicTermLooksLikeRegex, "kwic reads \"\(text)\" as words, but it looks like a regular expression (\(sign))",
                                          at: span, in: file, hints: ["for a regular expression write: kwic matches r\"\(text)\"",
                                                                      "for several word forms give a list: kwic [\"drone\", \"drones\"]"],
                                          severity: .warning))
        }
        if let width { _ = type(width, s.outer) }
        if s.row.known, s.row.reference != .mention && s.row.reference != .document {
            error(.wrongInput, "kwic works on documents or mentions", s.stage.nameSpan)
        }
        if term == nil, s.row.reference == .document {
            error(.wrongInput, "kwic on documents needs a term", s.stage.nameSpan, hints: ["kwic \"drone\" width 40"])
        }
        return records(StageOutput.kwic.columns, base: nil)
    }
}

extension Interpreter {
    func openKwic(_ input: RowStream, _ term: Expr?, _ width: Expr?, regex: Bool, _ span: Span, _ outer: Env,
                  limit: Int) throws -> RowStream {
        let rows = try input.collect { try checkRows($0, span, "the input of 'kwic'") }
        let t = try kwic(Table(rows: rows, columns: input.columns), term, width, regex: regex, span, outer, limit: limit)
        return RowStream(rows: t.rows, columns: t.columns)
    }
}
