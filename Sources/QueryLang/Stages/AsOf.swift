/// `asof DATE`: the input facts that held at a date: who led what, held which office, belonged to,
/// backed or was designated by whom. Events and estimates (`founded`, `founded_by`, `founded_in`,
/// `killed_by`, `attacked`, `strength`, `budget`) are no state and are left out.
///
/// A fact holds at the date D (dates compared as the intervals they cover, an approximate one widened by
/// a year) when, in this order:
/// - it has `from`: from then until `until` (open when absent), which must reach D (basis `from`);
/// - else it has `date`: at that date, or from it until `until` when it has one (basis `date`);
/// - else it has only `until`: up to then, from a time the facts do not give (basis `until`);
/// - else it was stated in a document published at D (basis `stated`).
///
/// One row per fact that holds, in input order, made from the fact: `id`, `subject`, `predicate`,
/// `object`, `since` (the first date it is known to hold: `from`, `date` or the publication date),
/// `until`, `basis`, `source` and `doc`.
extension Parser {
    mutating func parseAsof(_ start: Span) throws -> (kind: StageKind, end: Span) {
        if at(.newline) || at(.eof) || at(.pipe) || at(.rparen) {
            throw error(at(.eof) ? .unfinishedStatement : .unexpectedToken, "asof needs a date", current.span, hints: ["asof @2020-01"])
        }
        let e = try binary(0)
        return (.asof(e), e.span)
    }
}

extension Checker {
    static let asofColumns: [(String, ValueType)] = [
        ("id", .string), ("subject", .entity), ("predicate", .string), ("object", .any), ("since", .date), ("until", .date),
        ("basis", .string), ("source", .string), ("doc", .document),
    ]

    mutating func checkAsof(_ date: Expr, _ s: StageInput) -> Row {
        let st = s.stage, input = s.row, outer = s.outer
        checkFactInput(st, input)
        let t = type(date, outer)
        if t != .any && t != .date && t != .string {
            error(.asofNeedsDate, "asof needs a date, got \(t)", date.span, hints: ["asof @2020-01"])
        }
        if case let .literal(.string(s), span) = date, PartialDate(parsing: s) == nil {
            error(.asofNeedsDate, "asof needs a date, got \"\(s)\"", span, hints: ["asof @2020-01"])
        }
        return Checker.recordRow(Checker.asofColumns, base: .fact)
    }
}

extension Interpreter {
    func openAsof(_ input: RowStream, _ dateExpr: Expr, _ span: Span, _ env: Env) throws -> RowStream {
        let at = try asofDate(try eval(dateExpr, env), dateExpr.span)
        let facts = try factRows(input, span, stage: "asof")
        let columns = Checker.asofColumns.map(\.0)
        var rows: [Value] = []
        for i in facts {
            try tick(span)
            guard let (since, basis) = Self.holds(corpus.facts[i], at: at, corpus) else { continue }
            rows.append(.record(Record(keys: columns, values: [
                factField(i, "id"), factField(i, "subject"), factField(i, "predicate"), factField(i, "object"),
                since.map(Value.date) ?? .null, factField(i, "until"), .string(basis), factField(i, "source"), factField(i, "doc"),
            ], base: .fact(i))))
        }
        return RowStream(rows: rows, columns: columns)
    }

    /// The date `asof` reads from its argument's value: a date, or a text that is one.
    func asofDate(_ v: Value, _ span: Span) throws -> PartialDate {
        switch v {
        case let .date(d): return d
        case let .string(s) where PartialDate(parsing: s) != nil: return PartialDate(parsing: s)!
        default: throw fail(.asofNeedsDate, "asof needs a date, got \(v.typeName) \(preview(v))", span, hints: ["asof @2020-01"])
        }
    }

    /// Whether a fact holds at a date: the first date it is known to hold and the basis, or nil.
    static func holds(_ f: Fact, at d: PartialDate, _ corpus: Corpus) -> (PartialDate?, String)? {
        guard !FactClaims.notStates.contains(f.predicate) else { return nil }
        let day = FactClaims.days(d)
        // Not after its end.
        if let u = f.until, FactClaims.days(u).upperBound < day.lowerBound { return nil }
        if let s = f.from {
            return FactClaims.days(s).lowerBound <= day.upperBound ? (s, "from") : nil
        }
        if let t = f.date {
            let held = f.until == nil ? FactClaims.days(t).overlaps(day) : FactClaims.days(t).lowerBound <= day.upperBound
            return held ? (t, "date") : nil
        }
        if f.until != nil { return (nil, "until") }
        if let p = corpus.documents[f.doc].published, FactClaims.days(p).overlaps(day) { return (p, "stated") }
        return nil
    }
}
