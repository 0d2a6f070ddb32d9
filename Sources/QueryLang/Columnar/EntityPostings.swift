/// `mentions | where entity == x` (or `entity.id == x`) where `x` is the same for every row (a literal, a
/// variable, a parameter of the enclosing function): the mentions of that entity, read from its postings
/// (``Corpus/entityMentions``, in mention order) instead of testing every mention. Conditions after the
/// first `and` are then tested on those mentions only, as the row executor tests them (it does not read
/// the rest of an `and` whose first part is false).
enum EntityPostings {
    static func node(_ cond: Expr, _ context: PlanContext, _ exprs: (ColumnarSchema) -> ExprCompiler,
                     _ span: Span) -> (node: ColumnarNode, note: String)? {
        let corpus = context.corpus
        guard context.namesKnown, corpus.entityByID.count == corpus.entities.count else { return nil }
        var first = cond
        var rest: Expr? = nil
        if case let .binary(.and, l, r, _) = cond { first = l; rest = r }
        guard let value = entityValue(first, context) else { return nil }
        var source = postings(value, corpus)
        var note = "the mentions of the entity from its postings"
        if let rest {
            guard let c = exprs(source.schema).compilePredicate(rest) else { return nil }
            source = ColumnarStages.filter(source, c, span)
            source.streams = true
            note += ", then the rest of the condition on them"
        }
        return (source, note)
    }

    /// What stands for the entity in `entity == x`, `x == entity`, `entity.id == x` or `x == entity.id`.
    private enum EntityValue {
        /// The entity's index, known from the literal (-1: no such entity).
        case known(Int)
        /// A variable or parameter, read when the stage runs.
        case name(String, Span)
    }

    private static func entityValue(_ e: Expr, _ context: PlanContext) -> EntityValue? {
        guard case let .binary(.eq, l, r, _) = e else { return nil }
        let mentionFields = ColumnarSchema.scan(.mention)
        func isEntity(_ x: Expr) -> Bool {
            switch x {
            case .name("entity", _): return !context.locals.contains("entity")
            case .field(.name("entity", _), let f, _): return f.name == "id" && !context.locals.contains("entity")
            default: return false
            }
        }
        func value(_ x: Expr) -> EntityValue? {
            switch x {
            case let .literal(.string(s), _): return .known(context.corpus.entityByID[s] ?? -1)
            case let .name(n, span) where !mentionFields.hasField(n): return .name(n, span)
            default: return nil
            }
        }
        if isEntity(l) { return value(r) }
        if isEntity(r) { return value(l) }
        return nil
    }

    /// The index of the entity a value names, as `==` compares an entity (or its id) with it: an entity,
    /// or a string holding an entity's id; -1 for anything else.
    private static func index(_ v: Value, _ corpus: Corpus) -> Int {
        switch v {
        case let .entity(i): return i
        case let .string(s): return corpus.entityByID[s] ?? -1
        default: return -1
        }
    }

    private static func postings(_ value: EntityValue, _ corpus: Corpus) -> ColumnarNode {
        var node = ColumnarNode(schema: .scan(.mention)) { ctx in
            let entity: Int
            switch value {
            case let .known(i): entity = i
            case let .name(n, span):
                // As the row executor reads the name on a mention (which has no field of that name): the
                // function's parameters, then the session's variables. Reads only, so parts may do it at once.
                if corpus.mentions.count == 0 { entity = -1; break }
                let v = try ctx.interpreter.lookup(n, span, Interpreter.Env(row: nil, locals: ctx.env.locals))
                entity = index(v, corpus)
            }
            let list = entity >= 0 ? corpus.entityMentions[entity] : []
            var position = 0, end = list.count
            if let p = ctx.partition {
                position = list.count * p.index / p.count
                end = list.count * (p.index + 1) / p.count
            }
            return {
                guard position < end else { return nil }
                let stop = min(end, position + ColumnarCompiler.batchSize)
                defer { position = stop }
                return Batch(count: stop - position, vectors: [], base: .refs(.mention, Array(list[position..<stop])))
            }
        }
        node.streams = true
        return node
    }
}
