/// `corroboration`: each input fact with how many sources and documents make the same claim among the
/// input facts (the same subject, predicate and object or value, at dates that may be the same: see
/// ``FactClaims``). A source is who says it: `said_by`, else the document's outlet; two articles of one
/// outlet are one source and two documents.
///
/// One row per fact, in input order, made from the fact (its fields stay readable): `id`, `subject`,
/// `predicate`, `object`, `date`, `sources`, `documents` (both counting the fact itself) and `agreeing`
/// (the other facts that make the same claim). `corroboration | where sources == 1` lists what rests on
/// one source.
extension Parser {
    mutating func parseCorroboration(_ start: Span) -> (kind: StageKind, end: Span) { (.corroboration, start) }
}

extension Checker {
    static let corroborationColumns: [(String, ValueType)] = [
        ("id", .string), ("subject", .entity), ("predicate", .string), ("object", .any), ("date", .date),
        ("sources", .int), ("documents", .int), ("agreeing", .list(.fact)),
    ]

    mutating func checkCorroboration(_ s: StageInput) -> Row {
        let st = s.stage, input = s.row
        checkFactInput(st, input)
        return Checker.recordRow(Checker.corroborationColumns, base: .fact)
    }
}

extension Interpreter {
    func openCorroboration(_ input: RowStream, _ span: Span) throws -> RowStream {
        let facts = try factRows(input, span, stage: "corroboration")
        var agreeing: [Int: [Int]] = [:]
        for group in factGroups(facts) where group.count > 1 {
            for x in group {
                for y in group where y != x {
                    try tick(span)
                    if FactClaims.agree(corpus.facts[x], corpus.facts[y]) { agreeing[x, default: []].append(y) }
                }
            }
        }
        let columns = Checker.corroborationColumns.map(\.0)
        let rows = facts.map { i -> Value in
            let all = [i] + (agreeing[i] ?? [])
            let sources = Set(all.map { FactClaims.source(corpus.facts[$0], corpus) }).count
            let documents = Set(all.map { corpus.facts[$0].doc }).count
            return .record(Record(keys: columns, values: [
                factField(i, "id"), factField(i, "subject"), factField(i, "predicate"), factField(i, "object"), factField(i, "date"),
                .int(Int64(sources)), .int(Int64(documents)), .list((agreeing[i] ?? []).map(Value.fact)),
            ], base: .fact(i)))
        }
        return RowStream(rows: rows, columns: columns)
    }
}
