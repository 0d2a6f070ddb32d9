/// A pipeline the server narrows and mq finishes: `kwic` of words, phrases and regular expressions, and
/// `where` with `matches`, whose hits need mq's phrase matcher or ICU's regular expressions over the text.
///
/// The stage's input compiles to SQL as any pipeline does; the server returns only the rows that meet a
/// necessary condition of the stage (``SQLNarrowing``: the stored words and skeletons of a phrase, GIN
/// indexes; the literal every match of a pattern holds), in the input's order, through a cursor read in
/// batches; mq runs the stage itself over each batch, then the stages after it in memory over the stage's
/// rows. A `take` after it stops the reading. A document's text is returned beside it and compared with
/// the local directory's copy, which mq's matcher reads (a document that differs is an error).
///
/// Only row stages whose expressions read nothing of the corpus may follow (`where`, `select`, `extend`,
/// `sort`, `take`, `top`, `distinct`, `summarize`, `count`, `render`): a join, union, expand or another
/// source after it would read mq's local copy. The hybrid is a pipeline's own stage, never inside a
/// nested query or a table defined with `let`; without a necessary condition (a pattern with no literal)
/// it is refused.
struct SQLHybrid {
    let compiler: SQLCompiler

    /// How many rows each read of the cursor returns.
    static let batch = 200

    /// A pipeline split at its hybrid stage.
    struct Split {
        /// The narrowing statement: the stage's input rows that meet the condition, in the input's order.
        let query: SQLQuery
        /// The stage, as mq runs it over each batch of those rows.
        let stage: PlanNode
        /// The nodes after it, from the next stage to the pipeline's last, run in memory.
        let after: [PlanNode]
        /// Whether the statement returns each document's text after its columns (to compare).
        let checksText: Bool

        /// What mq does after the statement, for `explain`.
        var explained: String {
            let rest = after.isEmpty ? "" : ", then \(after.map(\.name).joined(separator: ", ")) in memory"
            let text = checksText ? " (each document's text compared with the local copy)" : ""
            return query.explained + "\n-- then mq: \(stage.name) by mq's own matcher over the rows above, read through a cursor "
                + "\(SQLHybrid.batch) at a time\(text)\(rest); a take stops the reading"
        }
    }

    /// The split of a pipeline's plan at its first stage (nearest the source) that needs mq's matcher;
    /// nil when it has none.
    func split(_ plan: PlanNode) throws -> Split? {
        var chain: [PlanNode] = []
        var n = plan
        while true {
            if case let .columnar(inner, _) = n.op { n = inner; continue }
            chain.append(n)
            guard let i = n.inputs.first else { break }
            n = i
        }
        guard let k = try chain.lastIndex(where: needsMatcher), let inputNode = chain[k].inputs.first else { return nil }
        let stage = chain[k]
        let after = Array(chain[..<k].reversed())
        for node in [stage] + after { try checkInMemory(node) }
        let input = try compiler.relation(inputNode)
        compiler.stage = (stage.name, stage.nameSpan)
        let q = compiler.fresh("q")
        // The digest of each candidate's text, which mq compares with its local copy's: the texts
        // themselves stay on the server.
        let textColumn = SQLDialect.ident("mq:text")
        let textDigest = "encode(sha256(convert_to(d.text, 'UTF8')), 'hex')"
        var sql: String
        var checksText = false
        switch stage.op {
        case let .kwic(_, term, _, regex):
            guard input.base == .document else {
                throw compiler.unsupported("kwic of words or patterns works on documents on PostgreSQL", stage.nameSpan)
            }
            let cond = try kwicCondition(term!, regex: regex, document: "d")
            sql = "SELECT \(q).*, \(textDigest) AS \(textColumn) FROM (\(input.sql)) \(q) JOIN mq.documents d ON d.ord = \(q).ord WHERE \(cond)"
            checksText = true
        case .filter, .indexedFilter:
            let cond: Expr
            switch stage.op {
            case let .indexedFilter(_, c): cond = SQLStages.expr(c)
            case let .filter(_, c): cond = c
            default: return nil
            }
            let narrow = try filterCondition(cond, input, alias: q)
            if input.base == .document {
                sql = "SELECT \(q).*, \(textDigest) AS \(textColumn) FROM (\(input.sql)) \(q) JOIN mq.documents d ON d.ord = \(q).ord WHERE \(narrow)"
                checksText = true
            } else {
                sql = "SELECT \(q).* FROM (\(input.sql)) \(q) WHERE \(narrow)"
            }
        default:
            return nil
        }
        var narrowed = input
        narrowed.sql = sql
        let query = try SQLQuery(narrowed, compiler: compiler, limit: nil, trailing: checksText ? ["r.\(textColumn)"] : [])
        return Split(query: query, stage: stage, after: after, checksText: checksText)
    }

    /// Whether a stage needs mq's matcher over the text: `kwic` of words or patterns, `where` with `matches`.
    private func needsMatcher(_ node: PlanNode) throws -> Bool {
        switch node.op {
        case let .kwic(_, term?, _, regex):
            if regex { return true }
            switch try compiler.knownValue(term) {
            case .string?, .list?: return true
            default: return false
            }
        case let .filter(_, cond): return Self.holdsMatches(cond)
        case let .indexedFilter(_, c): return Self.holdsMatches(SQLStages.expr(c))
        default: return false
        }
    }

    static func holdsMatches(_ e: Expr) -> Bool {
        if case .binary(.matches, _, _, _) = e { return true }
        if case .pipeline = e { return false }
        return e.children.contains(where: holdsMatches)
    }

    /// Refuses a node mq cannot run in memory over the stage's rows without reading its local corpus.
    private func checkInMemory(_ node: PlanNode) throws {
        var exprs: [Expr] = []
        switch node.op {
        case let .filter(_, c): exprs = [c]
        case let .indexedFilter(_, c): exprs = [SQLStages.expr(c)]
        case let .select(_, cols), let .extend(_, cols), let .distinct(_, cols): exprs = cols.map(\.expr)
        case let .sort(_, keys): exprs = keys.map(\.expr)
        case let .top(_, count, keys): exprs = [count] + keys.map(\.expr)
        case let .take(_, count): exprs = [count]
        case let .summarize(_, aggs, by): exprs = (aggs + by).map(\.expr)
        case let .kwic(_, term, width, _): exprs = [term, width].compactMap { $0 }
        case .count, .render: break
        default:
            throw compiler.unsupported("after a kwic or matches that mq finishes, only row stages run (in memory), and '\(node.name)' is not one",
                                       node.nameSpan)
        }
        for e in exprs where compiler.readsCorpus(e) {
            throw compiler.unsupported("after a kwic or matches that mq finishes, the stages run in memory, and this part reads the corpus", e.span)
        }
    }

    /// The condition on a stored document (`document`, a row of `mq.documents`) that every document with
    /// a hit of `kwic term` meets.
    private func kwicCondition(_ term: Expr, regex: Bool, document: String) throws -> String {
        guard let value = try compiler.knownValue(term) else {
            throw compiler.unsupported("a term that is not known before the query runs", term.span)
        }
        var texts: [String] = []
        for item in Self.items(value) {
            // Anything else is refused by mq's own kwic, run on the rows (none when this narrows to nothing).
            guard case let .string(s) = item else { return "false" }
            texts.append(s)
        }
        // The words and literals of a run parameter are bound, never written into the statement.
        let parameter = compiler.parameterName(term)
        let string: (String) -> String = { s in parameter.map { compiler.bind("\($0) (literal)", s, as: "text") } ?? SQLDialect.string(s) }
        let array: ([String]) -> String = { a in
            parameter.map { compiler.bind("\($0) (folded words)", SQLParameters.textArray(a), as: "text[]") } ?? SQLDialect.textArray(a)
        }
        if regex {
            var conds: [String] = []
            for p in texts {
                guard let c = SQLNarrowing.regex(p, "\(document).text", string: string) else {
                    throw compiler.unsupported("the pattern has no literal every match holds, by which the server could narrow the documents", term.span)
                }
                conds.append(c)
            }
            return conds.isEmpty ? "false" : "(" + conds.joined(separator: " OR ") + ")"
        }
        let normalizer = compiler.corpus.names.normalizer
        return SQLNarrowing.phrases(texts.map { normalizer.phraseWords($0) }, spelling: normalizer.spelling, alias: document, array: array)
    }

    /// The condition on a row of `input` (as `alias`) that every row meeting `cond` meets: for each
    /// conjunct `x matches "pattern"` (the pattern known before the query runs, `x` a string column), the
    /// pattern's literal in `x`.
    private func filterCondition(_ cond: Expr, _ input: SQLRelation, alias: String) throws -> String {
        var conjuncts: [Expr] = []
        func split(_ e: Expr) {
            if case let .binary(.and, a, b, _) = e { split(a); split(b) } else { conjuncts.append(e) }
        }
        split(cond)
        var out: [String] = []
        let x = compiler.expressions(input, alias: alias)
        for c in conjuncts {
            guard case let .binary(.matches, subject, pattern, _) = c, case let .string(p)? = try compiler.knownValue(pattern),
                  let s = try? x.compile(subject), s.type == .string else { continue }
            let parameter = compiler.parameterName(pattern)
            let string: (String) -> String = { v in parameter.map { compiler.bind("\($0) (literal)", v, as: "text") } ?? SQLDialect.string(v) }
            guard let narrow = SQLNarrowing.regex(p, s.sql, string: string) else { continue }
            out.append(narrow)
        }
        if compiler.readsCorpus(cond) {
            throw compiler.unsupported("a condition that mq finishes in memory cannot read the corpus", cond.span)
        }
        guard !out.isEmpty else {
            throw compiler.unsupported("'matches' runs in mq, and no part of this condition narrows the rows on the server (it needs 'text matches \"pattern\"' joined by 'and', the pattern with a literal every match holds)",
                                       cond.span)
        }
        return out.joined(separator: " AND ")
    }

    private static func items(_ v: Value) -> [Value] {
        if case let .list(items) = v { return items }
        return [v]
    }
}
