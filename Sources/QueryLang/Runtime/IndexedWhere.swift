/// `where` conditions answered from the corpus indexes instead of evaluated on every row as written:
///
/// - `id == x` on a whole source (`entities`, `docs`), x the same on every row: the row with that id,
///   from the id index (when ids are unique, as the loader ensures);
/// - `x in entities` on documents and `x in docs` on entities (or `not in`; alone or joined by `and` and
///   `or`): a binary search in the entity's document postings, instead of building the list of the row;
///   x, when it is the same on every row (`ent("...")`), computed once.
///
/// Either gives the rows, in the order, that the general path gives, with the same errors (an error of x
/// is raised at the first row, as the general path raises it); rows of another kind, and values of x that
/// are not references of the kind the list holds, go through the general operators.
extension Interpreter {
    /// The rows of `input` for which `cond` holds, or nil when the condition has no index path.
    func indexedWhere(_ input: Table, _ cond: Expr, _ outer: Env, limit: Int) throws -> Table? {
        if let rows = try rowsByID(input, cond, outer, limit: limit) { return Table(rows: rows, columns: input.columns) }
        guard let test = rowTest(cond, outer), test.usesIndex else { return nil }
        var out: [Value] = []
        for row in input.rows {
            if out.count >= limit { break }
            let env = Env(row: row, locals: outer.locals)
            if try keeps(evaluate(test, row, env), cond) { out.append(row) }
        }
        return Table(rows: out, columns: input.columns)
    }

    /// Whether `where` keeps a row whose condition came out as `v`: true keeps it, false and null drop it,
    /// anything else is an error.
    func keeps(_ v: Value, _ cond: Expr) throws -> Bool {
        switch v {
        case .bool(true): return true
        case .bool(false), .null: return false
        default:
            throw fail("E301", "where needs a condition that is true or false, got \(v.typeName) \(preview(v))", cond.span,
                       hints: ["compare it: ... == ..., or test a text: ... has \"word\""])
        }
    }

    // MARK: id == x

    /// `id == x` (or `x == id`) on a whole source with unique ids: the row whose id equals x.
    private func rowsByID(_ input: Table, _ cond: Expr, _ outer: Env, limit: Int) throws -> [Value]? {
        guard case let .binary(.eq, l, r, span) = cond, !input.rows.isEmpty, outer.locals["id"] == nil else { return nil }
        let byID: [String: Int]
        switch input.wholeSource {
        case .entity? where corpus.entityByID.count == corpus.entities.count: byID = corpus.entityByID
        case .document? where corpus.documentByID.count == corpus.documents.count: byID = corpus.documentByID
        default: return nil
        }
        let x: Expr
        if case .name("id", _) = l, isRowInvariant(r) { x = r }
        else if case .name("id", _) = r, isRowInvariant(l) { x = l }
        else { return nil }
        // As the first row would: the condition, the name, then x (which may fail).
        if limit == 0 { return [] }
        try tick(span)
        try tick(span)
        let v = try eval(x, Env(row: input.rows[0], locals: outer.locals))
        // `==` compares a string with an id, and a reference by its id; any other value equals no id.
        let key: String
        switch v {
        case let .string(s): key = s
        case let .entity(i): key = corpus.entities[i].id
        case let .document(i): key = corpus.documents[i].id
        case let .fact(i): key = corpus.facts[i].id
        default: return []
        }
        return byID[key].map { [input.rows[$0]] } ?? []
    }

    // MARK: x in entities, x in docs

    /// A condition with its index paths: `in` tests on postings, joined by `and` and `or`, the rest as written.
    indirect enum RowTest {
        case member(Membership)
        case and(RowTest, RowTest, Span, Span)
        case or(RowTest, RowTest, Span, Span)
        case general(Expr)

        var usesIndex: Bool {
            switch self {
            case .member: return true
            case let .and(a, b, _, _), let .or(a, b, _, _): return a.usesIndex || b.usesIndex
            case .general: return false
            }
        }
    }

    /// `needle in entities` on a document row, `needle in docs` on an entity row (or `not in`).
    final class Membership {
        let op: BinaryOp
        let needle: Expr
        /// `entities` or `docs`, the field of the row.
        let list: String
        let listSpan: Span
        let span: Span
        /// The needle's value when it is the same on every row, once computed.
        let invariant: Bool
        var value: Value? = nil

        init(op: BinaryOp, needle: Expr, list: String, listSpan: Span, span: Span, invariant: Bool) {
            self.op = op
            self.needle = needle
            self.list = list
            self.listSpan = listSpan
            self.span = span
            self.invariant = invariant
        }
    }

    private func rowTest(_ e: Expr, _ outer: Env) -> RowTest? {
        switch e {
        case let .binary(op, needle, .name(list, listSpan), span)
            where (op == .in || op == .notIn) && (list == "entities" || list == "docs") && outer.locals[list] == nil:
            return .member(Membership(op: op, needle: needle, list: list, listSpan: listSpan, span: span,
                                      invariant: isRowInvariant(needle)))
        case let .binary(.and, l, r, span):
            return .and(rowTest(l, outer) ?? .general(l), rowTest(r, outer) ?? .general(r), span, l.span)
        case let .binary(.or, l, r, span):
            return .or(rowTest(l, outer) ?? .general(l), rowTest(r, outer) ?? .general(r), span, l.span)
        default:
            return nil
        }
    }

    /// What evaluating the test's expression on the row gives (as ``binary(_:_:_:_:_:)`` does it).
    private func evaluate(_ test: RowTest, _ row: Value, _ env: Env) throws -> Value {
        switch test {
        case let .general(e):
            return try eval(e, env)
        case let .and(l, r, span, lSpan):
            try tick(span)
            guard try truth(try evaluate(l, row, env), lSpan, "and") else { return .bool(false) }
            return .bool(try truth(try evaluate(r, row, env), rightSpan(r), "and"))
        case let .or(l, r, span, lSpan):
            try tick(span)
            if try truth(try evaluate(l, row, env), lSpan, "or") { return .bool(true) }
            return .bool(try truth(try evaluate(r, row, env), rightSpan(r), "or"))
        case let .member(m):
            try tick(m.span)
            let a: Value
            if m.invariant, let v = m.value { a = v } else {
                a = try eval(m.needle, env)
                if m.invariant { m.value = a }
            }
            try tick(m.listSpan)
            // The postings answer for an entity in a document's entities, a document in an entity's docs.
            switch (row, a, m.list) {
            case let (.document(d), .entity(e), "entities"), let (.entity(e), .document(d), "docs"):
                let found = corpus.document(d, mentions: e)
                return .bool(m.op == .in ? found : !found)
            default:
                let list = try lookup(m.list, m.listSpan, env)
                return try membership(m.op, a, list, m.listSpan)
            }
        }
    }

    private func rightSpan(_ t: RowTest) -> Span {
        switch t {
        case let .general(e): return e.span
        case let .member(m): return m.span
        case let .and(_, _, s, _), let .or(_, _, s, _): return s
        }
    }

    // MARK: Row-invariant expressions

    /// Whether an expression has the same value on every row: it reads no field, variable or parameter
    /// (no bare name at all) and calls only deterministic built-in functions.
    func isRowInvariant(_ e: Expr) -> Bool {
        switch e {
        case .literal: return true
        case .name, .pipeline: return false
        case let .field(b, _, _): return isRowInvariant(b)
        case let .index(b, i, _): return isRowInvariant(b) && isRowInvariant(i)
        case let .unary(_, x, _): return isRowInvariant(x)
        case let .binary(_, l, r, _): return isRowInvariant(l) && isRowInvariant(r)
        case let .list(items, _): return items.allSatisfy(isRowInvariant)
        case let .record(fs, _): return fs.allSatisfy { isRowInvariant($0.value) }
        case let .call(name, args, _):
            guard userFunctions[name.name] == nil, args.allSatisfy(isRowInvariant) else { return false }
            return FunctionRegistry.special[name.name] != nil || functions[name.name]?.isDeterministic == true
        }
    }
}
