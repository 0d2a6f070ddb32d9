/// What the checker knows of the graph stages (`neighbors`, `paths`) and the views of facts
/// (`conflicts`, `corroboration`, `asof`) before they run: the kind of their input rows, the entities
/// named in them, their numeric options, and the records they give.
extension Checker {
    /// The input of a graph stage: facts or mentions (the edges), or rows not known until run time.
    mutating func checkGraphInput(_ st: Stage, _ input: Row) {
        guard input.known, input.reference != .fact, input.reference != .mention else { return }
        error(.wrongInput, "\(st.kind.name) works on facts or mentions (the edges of the graph), not \(input.reference?.rawValue ?? "records")",
              st.nameSpan, hints: ["facts | \(st.kind.name) ...", "mentions | \(st.kind.name) ...",
                                   "facts | union (mentions) | \(st.kind.name) ..."])
    }

    /// The input of a view of facts.
    mutating func checkFactInput(_ st: Stage, _ input: Row) {
        guard input.known, input.reference != .fact else { return }
        error(.wrongInput, "\(st.kind.name) works on facts, not \(input.reference?.rawValue ?? "records")", st.nameSpan,
              hints: ["facts | where ... | \(st.kind.name)"])
    }

    /// An entity argument: an entity, or a text naming exactly one (checked now when written out).
    mutating func checkEntityArgument(_ e: Expr, _ ctx: Context, stage: String) {
        let t = type(e, ctx)
        if t != .any && t != .null && t != .entity && t != .string {
            error(.unknownGraphEntity, "\(stage) needs an entity or its name, got \(t)", e.span)
        }
        guard case let .literal(.string(s), span) = e else { return }
        let found = corpus.entities(named: s)
        if found.isEmpty {
            error(.unknownGraphEntity, "\(stage): no entity is named '\(s)'", span, hints: EntitySuggestions.hints(for: s, in: corpus))
        } else if found.count > 1 {
            error(.ambiguousGraphEntity, "\(stage): '\(s)' names \(found.count) entities", span,
                  hints: ["write one of: " + found.prefix(5).map { "\"\($0.id)\"" }.joined(separator: ", ")])
        }
    }

    /// A whole-number option from 1 to `max` (`depth`, `max`).
    mutating func checkGraphCount(_ e: Expr?, _ ctx: Context, max: Int, what: String) {
        guard let e else { return }
        let t = type(e, ctx)
        if t != .any && t != .int { error(.graphBoundOutOfRange, "\(what) must be a whole number from 1 to \(max), got \(t)", e.span) }
        if case let .literal(.int(n), s) = e, n < 1 || n > Int64(max) {
            error(.graphBoundOutOfRange, "\(what) must be a whole number from 1 to \(max), got \(n)", s)
        }
    }

    /// Records with these columns, in this order.
    static func recordRow(_ cols: [(String, ValueType)], base: ReferenceKind? = nil) -> Row {
        Row(reference: base, columns: Dictionary(cols.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }), order: cols.map(\.0))
    }
}
