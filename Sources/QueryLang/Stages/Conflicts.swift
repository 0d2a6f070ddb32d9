/// `conflicts`: the pairs of input facts that disagree (the rules are in ``FactClaims``): the same
/// subject and predicate, from different documents (or different speakers quoted in one), with
/// different values of a predicate that takes one value at a time (`founded`, `founded_in`, `strength`
/// and `budget` in one unit) at times that may be the same, or different dates of one event
/// (`killed_by`). Dates are compared at their precision: 2020 against 2020-01 is no disagreement.
///
/// One row per pair, the earlier fact of the input first: `subject`, `predicate`, `fact`, `object`,
/// `date`, `source`, then `fact2`, `object2`, `date2`, `source2`, and `reason` (`different values` or
/// `different dates`).
extension Parser {
    mutating func parseConflicts(_ start: Span) -> (kind: StageKind, end: Span) { (.conflicts, start) }
}

extension Checker {
    static let conflictColumns: [(String, ValueType)] = [
        ("subject", .entity), ("predicate", .string), ("fact", .fact), ("object", .any), ("date", .date), ("source", .string),
        ("fact2", .fact), ("object2", .any), ("date2", .date), ("source2", .string), ("reason", .string),
    ]

    mutating func checkConflicts(_ s: StageInput) -> Row {
        let st = s.stage, input = s.row
        checkFactInput(st, input)
        return Checker.recordRow(Checker.conflictColumns)
    }
}

extension Interpreter {
    func openConflicts(_ input: RowStream, _ span: Span) throws -> RowStream {
        let facts = try factRows(input, span, stage: "conflicts")
        let columns = Checker.conflictColumns.map(\.0)
        var rows: [Value] = []
        for group in factGroups(facts) where group.count > 1 {
            for x in 0..<(group.count - 1) {
                for y in (x + 1)..<group.count {
                    try tick(span)
                    let (i, j) = (group[x], group[y])
                    guard let reason = FactClaims.conflict(corpus.facts[i], corpus.facts[j], corpus) else { continue }
                    rows.append(.record(Record(keys: columns, values: [
                        .entity(corpus.facts[i].subject), .string(corpus.facts[i].predicate),
                        .fact(i), factField(i, "object"), factField(i, "date"), factField(i, "source"),
                        .fact(j), factField(j, "object"), factField(j, "date"), factField(j, "source"), .string(reason),
                    ])))
                    try checkRows(rows.count, span, "conflicts")
                }
            }
        }
        return RowStream(rows: rows, columns: columns)
    }
}
