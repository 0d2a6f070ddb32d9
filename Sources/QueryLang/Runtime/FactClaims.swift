/// How curated facts compare as claims: the rules behind `conflicts`, `corroboration` and `asof`.
///
/// - Dates are intervals at their precision (`2020` is the whole year, so `2020-01` lies within it and
///   does not disagree with it); an approximate date (`~2013`) is widened by a year on each side.
/// - Predicates differ in how many values a subject has at once (see ``singleValued``).
/// - A fact's source is who says it: `said_by`, else the outlet of its document, else the document.
enum FactClaims {
    /// Predicates whose subject has one value at a time, so that two different values at the same time
    /// disagree: a founding date or place, a strength or a budget (in one unit). A person may lead two
    /// groups, hold two offices, belong to several bodies: `leads`, `position`, `member_of` and the other
    /// predicates take several values at once, and different values are no disagreement.
    static let singleValued: Set<String> = ["founded", "founded_in", "strength", "budget"]

    /// Predicates that record a single event whatever its object (a person is killed once, perhaps by
    /// several hands): their dates must agree.
    static let singleEvent: Set<String> = ["killed_by"]

    /// Predicates that are no state held over time (events and estimates): `asof` leaves them out.
    static let notStates: Set<String> = ["founded", "founded_by", "founded_in", "killed_by", "attacked", "strength", "budget"]

    /// The days a date may cover: its interval, widened by a year on each side when approximate.
    static func days(_ d: PartialDate) -> ClosedRange<Int> {
        d.approximate ? (d.firstDay - 366)...(d.lastDay + 366) : d.firstDay...d.lastDay
    }

    /// Whether two dates may be the same time (an absent date may be any time).
    static func compatible(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return true }
        return days(a).overlaps(days(b))
    }

    /// What an object is compared as: objects of different sorts (an entity and a value, numbers in
    /// different units) cannot be compared.
    enum ObjectSort: Hashable {
        case entity, date, text
        case number(unit: String)
    }

    /// What tells two objects of one sort apart (dates, compared as intervals, have none).
    enum ObjectValue: Hashable {
        case entity(Int)
        case number(Double)
        /// The words of a text, lowercased: texts alike but for case and spacing are one.
        case text([Substring])
    }

    static func sort(_ x: FactObject) -> ObjectSort {
        switch x {
        case .entity: return .entity
        case let .number(_, u): return .number(unit: (u ?? "").lowercased())
        case .date: return .date
        case .text: return .text
        }
    }

    static func value(_ x: FactObject) -> ObjectValue? {
        switch x {
        case let .entity(e): return .entity(e)
        case let .number(n, _): return .number(n)
        case .date: return nil
        case let .text(t): return .text(t.lowercased().split(whereSeparator: \.isWhitespace))
        }
    }

    /// Whether two objects say the same: true, false, or nil when they cannot be compared (numbers in
    /// different units, an entity against a value).
    static func sameObject(_ x: FactObject, _ y: FactObject) -> Bool? {
        guard sort(x) == sort(y) else { return nil }
        if case let (.date(a), .date(b)) = (x, y) { return compatible(a, b) }
        return value(x) == value(y)
    }

    /// Who says a fact, as a key: its `said_by` entity, else its document's outlet, else its document.
    static func source(_ f: Fact, _ corpus: Corpus) -> String {
        if let s = f.saidBy { return "entity \(s)" }
        if let o = corpus.documents[f.doc].outlet, !o.isEmpty { return "outlet " + o.lowercased() }
        return "document \(f.doc)"
    }

    /// Why two facts on the same subject and predicate disagree, or nil when they do not: they must come
    /// from different documents (or from different speakers quoted in one), and either give different
    /// values of a single-valued predicate at times that may be the same, or different dates of a single
    /// event.
    static func conflict(_ f: Fact, _ g: Fact, _ corpus: Corpus) -> String? {
        guard f.subject == g.subject, f.predicate == g.predicate else { return nil }
        guard f.doc != g.doc || source(f, corpus) != source(g, corpus) else { return nil }
        if singleValued.contains(f.predicate), sameObject(f.object, g.object) == false, compatible(f.date, g.date) {
            return "different values"
        }
        if singleEvent.contains(f.predicate), let a = f.date, let b = g.date, !compatible(a, b) {
            return "different dates"
        }
        return nil
    }

    /// Whether two facts make the same claim: same subject, predicate and object (value), at dates that
    /// may be the same.
    static func agree(_ f: Fact, _ g: Fact) -> Bool {
        f.subject == g.subject && f.predicate == g.predicate && sameObject(f.object, g.object) == true && compatible(f.date, g.date)
    }
}

extension Interpreter {
    /// The facts of a view's input (facts, or records made from them), in input order, each once.
    func factRows(_ input: RowStream, _ span: Span, stage: String) throws -> [Int] {
        var out: [Int] = []
        var seen = Set<Int>()
        try input.forEach { row in
            try tick(span)
            guard case let .fact(i)? = row.graphReference else {
                throw fail(.wrongInput, "\(stage) works on facts, got \(row.typeName) \(preview(row))", span,
                           hints: ["facts | where ... | \(stage)"])
            }
            if seen.insert(i).inserted { out.append(i) }
            try checkRows(out.count, span, "the input of '\(stage)'")
        }
        return out
    }

    /// The facts grouped by subject and predicate (the only facts a claim is compared with), in input order.
    func factGroups(_ facts: [Int]) -> [[Int]] {
        var index: [String: Int] = [:]
        var groups: [[Int]] = []
        for i in facts {
            let f = corpus.facts[i]
            let key = "\(f.subject) " + f.predicate
            if let g = index[key] { groups[g].append(i) } else { index[key] = groups.count; groups.append([i]) }
        }
        return groups
    }

    func factField(_ i: Int, _ name: String) -> Value { fields.field(.fact(i), name) ?? .null }
}
