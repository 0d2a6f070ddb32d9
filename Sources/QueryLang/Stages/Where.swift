/// `where cond`: the rows for which the condition is true (null and false drop the row).
///
/// Its access paths (``IndexAccessPass``): `id == x` on a whole source from the id index, and membership
/// tests on postings (`x in entities` on documents, `x in docs` on entities), and `entity == x` on mentions
/// from the entity's postings. Each gives the rows, in the
/// order, and the errors that evaluating the condition on every row gives; an x that is the same on every
/// row is computed once, at the first row, as the general path would first compute it.
extension Parser {
    mutating func parseWhere(_ start: Span) throws -> (kind: StageKind, end: Span) {
        try expressionStage(StageKind.`where`)
    }
}

extension Checker {
    mutating func checkWhere(_ cond: Expr, _ s: StageInput) -> Row {
        let t = type(cond, s.ctx)
        if t != .any && t != .bool && t != .null {
            error(.wrongType, "where needs a condition that is true or false, got \(t)", cond.span,
                  hints: ["compare it: ... == ..., or test a text: ... has \"word\""])
        }
        return s.row
    }
}

extension Interpreter {
    func openWhere(_ input: RowStream, _ cond: Expr, _ outer: Env) throws -> RowStream {
        let locals = outer.locals
        return filtering(input) { row in try self.keeps(self.eval(cond, Env(row: row, locals: locals)), cond) }
    }

    func openIndexedWhere(_ input: RowStream, _ cond: IndexedCondition, _ outer: Env) throws -> RowStream {
        let locals = outer.locals
        var cache = MemberCache()
        let whole = cond.expression
        return filtering(input) { row in
            try self.keeps(self.evaluate(cond, row, Env(row: row, locals: locals), &cache), whole)
        }
    }

    /// `source | where id == key`: the row whose id equals the key (the key evaluated as on the first row).
    func openLookup(_ kind: ReferenceKind, _ key: Expr, _ span: Span, _ outer: Env) throws -> RowStream {
        let count = corpus.count(of: kind)
        let columns = FieldCatalog.columns(of: kind)
        var done = false
        return RowStream(columns: columns) { _ in
            guard !done, count > 0 else { return [] }
            done = true
            let first: Value = kind == .entity ? .entity(0) : .document(0)
            // As the first row would: the condition, the name, then the key (which may fail).
            try self.tick(span)
            try self.tick(span)
            let v = try self.eval(key, Env(row: first, locals: outer.locals))
            // `==` compares a string with an id, and a reference by its id; any other value equals no id.
            let id: String
            switch v {
            case let .string(s): id = s
            case let .entity(i): id = self.corpus.entities[i].id
            case let .document(i): id = self.corpus.documents[i].id
            case let .fact(i): id = self.corpus.facts[i].id
            default: return []
            }
            switch kind {
            case .entity: return self.corpus.entityByID[id].map { [.entity($0)] } ?? []
            default: return self.corpus.documentByID[id].map { [.document($0)] } ?? []
            }
        }
    }

    /// `mentions | where entity == x [and rest]`: the entity's mentions from its postings, in mention order,
    /// then `rest` tested on them as `where` tests it.
    func openEntityMentions(_ access: EntityMentionsAccess, _ outer: Env) throws -> RowStream {
        var list: [Int32]? = nil
        var position = 0
        let mentions = RowStream(columns: FieldCatalog.columns(of: .mention)) { max in
            // x is read when the first row is asked for, as the general path reads it at the first mention.
            if list == nil { list = try self.mentionList(access.entity, outer.locals) }
            let end = Swift.min(list!.count, position + max)
            defer { position = end }
            return list![position..<end].map { .mention(Int($0)) }
        }
        guard let rest = access.rest else { return mentions }
        return try openWhere(mentions, rest, outer)
    }

    /// The mentions (indices, in mention order) whose entity equals what stands for it, as `==` compares an
    /// entity (or its id) with a value: an entity, or a string holding an entity's id; null is the entity of
    /// the mentions attributed to none; anything else equals no entity. A computed entity is evaluated as on
    /// a mention (it reads no field of it: a name is the function's parameter, else the session's variable),
    /// and only when there are mentions, as the general `where` evaluates it at the first one. Reads only,
    /// so parts of a run on several cores may call it at once.
    func mentionList(_ entity: EntityMentionsAccess.Entity, _ locals: [String: Value]) throws -> [Int32] {
        guard corpus.mentions.count > 0 else { return [] }
        switch entity {
        case let .known(i, _): return i >= 0 ? corpus.entityMentions[i] : []
        case let .computed(e):
            try tick(e.span)
            switch try eval(e, Env(row: nil, locals: locals)) {
            case let .entity(i): return corpus.entityMentions[i]
            case let .string(s): return corpus.entityByID[s].map { corpus.entityMentions[$0] } ?? []
            case .null:
                var out: [Int32] = []
                for (i, m) in corpus.mentions.enumerated() where m.entity < 0 { out.append(Int32(i)) }
                return out
            default: return []
            }
        }
    }

    /// The rows of `input` that `keep` accepts, pulled only as far as the consumer needs.
    func filtering(_ input: RowStream, _ keep: @escaping (Value) throws -> Bool) -> RowStream {
        RowStream(columns: input.columns) { max in
            var out: [Value] = []
            while out.isEmpty {
                // Each input row gives at most one output row: asking for what is still needed never
                // evaluates a row the consumer will not take.
                let rows = try input.next(max - out.count)
                if rows.isEmpty { break }
                for row in rows where try keep(row) { out.append(row) }
            }
            return out
        }
    }

    /// Whether `where` keeps a row whose condition came out as `v`: true keeps it, false and null drop it,
    /// anything else is an error.
    func keeps(_ v: Value, _ cond: Expr) throws -> Bool {
        switch v {
        case .bool(true): return true
        case .bool(false), .null: return false
        default:
            throw fail(.wrongType, "where needs a condition that is true or false, got \(v.typeName) \(preview(v))", cond.span,
                       hints: ["compare it: ... == ..., or test a text: ... has \"word\""])
        }
    }

    /// The values of row-invariant needles, computed once per run of the stage.
    struct MemberCache {
        var values: [Int: Value] = [:]
    }

    /// What evaluating the condition on the row gives (as ``binary(_:_:_:_:_:)`` does it).
    private func evaluate(_ test: IndexedCondition, _ row: Value, _ env: Env, _ cache: inout MemberCache) throws -> Value {
        switch test {
        case let .general(e):
            return try eval(e, env)
        case let .and(l, r, span, lSpan):
            try tick(span)
            guard try truth(try evaluate(l, row, env, &cache), lSpan, "and") else { return .bool(false) }
            return .bool(try truth(try evaluate(r, row, env, &cache), r.span, "and"))
        case let .or(l, r, span, lSpan):
            try tick(span)
            if try truth(try evaluate(l, row, env, &cache), lSpan, "or") { return .bool(true) }
            return .bool(try truth(try evaluate(r, row, env, &cache), r.span, "or"))
        case let .member(op, needle, list, listSpan, span, invariant):
            try tick(span)
            let a: Value
            if invariant, let v = cache.values[span.start] { a = v } else {
                a = try eval(needle, env)
                if invariant { cache.values[span.start] = a }
            }
            try tick(listSpan)
            // The postings answer for an entity in a document's entities, a document in an entity's docs.
            switch (row, a, list) {
            case let (.document(d), .entity(e), "entities"), let (.entity(e), .document(d), "docs"):
                let found = corpus.document(d, mentions: e)
                return .bool(op == .in ? found : !found)
            default:
                return try membership(op, a, try lookup(list, listSpan, env), listSpan)
            }
        }
    }
}

extension IndexedCondition {
    /// The span of the condition as written.
    var span: Span {
        switch self {
        case let .general(e): return e.span
        case let .member(_, _, _, _, span, _): return span
        case let .and(_, _, s, _), let .or(_, _, s, _): return s
        }
    }

    /// The condition as written (for its error messages).
    var expression: Expr {
        switch self {
        case let .general(e): return e
        case let .member(op, needle, list, listSpan, span, _): return .binary(op, needle, .name(list, listSpan), span)
        case let .and(a, b, s, _): return .binary(.and, a.expression, b.expression, s)
        case let .or(a, b, s, _): return .binary(.or, a.expression, b.expression, s)
        }
    }
}
