/// Chooses access paths from the corpus indexes where a plan reads a whole source:
///
/// - `docs | where id == x` and `entities | where id == x` (x the same on every row, ids unique): the
///   row from the id index (``PlanNode/Op/lookupByID(_:key:)``);
/// - a `where` with `x in entities` on documents or `x in docs` on entities (alone or joined by `and` and
///   `or`): the test answered by a binary search in the postings (``PlanNode/Op/indexedFilter(_:_:)``);
/// - `mentions | where entity == x` (or `entity.id == x`, either side, perhaps followed by `and rest`; x a
///   string literal, a variable, a parameter or another expression that is the same on every row): the
///   entity's mentions from its postings
///   (``PlanNode/Op/entityMentions(_:)``);
/// - `mentions | summarize count() ... by <keys that read only the mention's entity>`: the counts of the
///   entity postings (``PlanNode/Op/countsByEntity(aggregates:by:)``);
/// - `mentions | cooccur by document`: the per-document entity lists, and with a `take` of at most 1,024
///   right after, the top pairs from bitsets (``PlanNode/Op/pairsByDocument(all:limit:)``).
///
/// Each gives the rows, in the order, that the general operator gives.
enum IndexAccessPass {
    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        guard context.namesKnown else { return plan }
        return plan.transformed { node in rewrite(node, context) }
    }

    private static func rewrite(_ node: PlanNode, _ context: PlanContext) -> PlanNode {
        var out = node
        switch node.op {
        case let .filter(input, cond):
            if case let .scan(kind) = input.op, let key = idKey(cond, kind, context) {
                out.op = .lookupByID(kind, key: key)
                return out
            }
            if case .scan(.mention) = input.op, let access = entityMentions(cond, context) {
                out.op = .entityMentions(access)
                return out
            }
            if let test = indexed(cond, context), test.usesIndex {
                out.op = .indexedFilter(input, test)
            }
        case let .summarize(input, aggs, by):
            if case .scan(.mention) = input.op, countsOnly(aggs, by, context) {
                out.op = .countsByEntity(aggregates: aggs, by: by)
            }
        case let .cooccur(input, scope, all):
            if case .scan(.mention) = input.op, scope == .document {
                out.op = .pairsByDocument(all: all, limit: node.rowCap)
            }
        default:
            break
        }
        return out
    }

    // MARK: id == x

    private static func idKey(_ cond: Expr, _ kind: ReferenceKind, _ context: PlanContext) -> Expr? {
        guard case let .binary(.eq, l, r, _) = cond, !context.locals.contains("id") else { return nil }
        switch kind {
        case .entity where context.corpus.entityByID.count == context.corpus.entities.count: break
        case .document where context.corpus.documentByID.count == context.corpus.documents.count: break
        default: return nil
        }
        if case .name("id", _) = l, context.isRowInvariant(r) { return r }
        if case .name("id", _) = r, context.isRowInvariant(l) { return l }
        return nil
    }

    // MARK: entity == x on mentions

    /// The entity of `entity == x [and rest]`: x a string literal (the entity's id), a bare name that is not
    /// a field of the mention (a variable or a parameter), or an expression that reads no name and calls only
    /// deterministic built-ins (`ent("x")`): the same on every row. Not when `entity` is a parameter of the
    /// enclosing function, or ids are not unique.
    private static func entityMentions(_ cond: Expr, _ context: PlanContext) -> EntityMentionsAccess? {
        let corpus = context.corpus
        guard corpus.entityByID.count == corpus.entities.count, !context.locals.contains("entity") else { return nil }
        var first = cond
        var rest: Expr? = nil
        if case let .binary(.and, l, r, _) = cond { first = l; rest = r }
        guard case let .binary(.eq, l, r, _) = first else { return nil }
        func isEntity(_ x: Expr) -> Bool {
            switch x {
            case .name("entity", _): return true
            case let .field(.name("entity", _), f, _): return f.name == "id"
            default: return false
            }
        }
        func value(_ x: Expr) -> EntityMentionsAccess.Entity? {
            switch x {
            case let .literal(.string(s), _): return .known(index: corpus.entityByID[s] ?? -1, id: s)
            case let .name(n, _) where FieldCatalog.field(n, of: .mention) == nil || context.locals.contains(n):
                return .computed(x)
            default: return context.isRowInvariant(x) ? .computed(x) : nil
            }
        }
        let entity = isEntity(l) ? value(r) : isEntity(r) ? value(l) : nil
        return entity.map { EntityMentionsAccess(entity: $0, rest: rest, condition: cond) }
    }

    // MARK: x in entities, x in docs

    private static func indexed(_ e: Expr, _ context: PlanContext) -> IndexedCondition? {
        switch e {
        case let .binary(op, needle, .name(list, listSpan), span)
            where (op == .in || op == .notIn) && (list == "entities" || list == "docs") && !context.locals.contains(list):
            return .member(op: op, needle: needle, list: list, listSpan: listSpan, span: span,
                           invariant: context.isRowInvariant(needle))
        case let .binary(.and, l, r, span):
            return .and(indexed(l, context) ?? .general(l), indexed(r, context) ?? .general(r), span: span, leftSpan: l.span)
        case let .binary(.or, l, r, span):
            return .or(indexed(l, context) ?? .general(l), indexed(r, context) ?? .general(r), span: span, leftSpan: l.span)
        default:
            return nil
        }
    }

    // MARK: counts by entity

    /// Only `count()` aggregates; keys that read no field of the mention but `entity`; aggregate columns
    /// that read no field of the row at all.
    private static func countsOnly(_ aggs: [Column], _ by: [Column], _ context: PlanContext) -> Bool {
        guard !by.isEmpty else { return false }
        for a in aggs {
            guard let calls = aggregateCalls(a.expr, context), calls.allSatisfy({ $0.name == "count" && $0.args == 0 }),
                  let fields = rowFields(a.expr, context, skippingAggregates: true), fields.isEmpty else { return false }
        }
        for b in by {
            guard let fields = rowFields(b.expr, context, skippingAggregates: false), fields.isSubset(of: ["entity"]) else { return false }
        }
        return true
    }

    /// The aggregate calls of an expression (name and number of arguments); nil when it calls a user
    /// function (whose body may hold aggregates the pass does not follow).
    private static func aggregateCalls(_ e: Expr, _ context: PlanContext) -> [(name: String, args: Int)]? {
        calls(e, context.userFunctions) ? nil : Aggregates.calls(in: [e]).map { ($0.name.name, $0.args.count) }
    }

    /// Whether an expression calls one of these functions.
    private static func calls(_ e: Expr, _ names: Set<String>) -> Bool {
        if case let .call(n, _, _) = e, names.contains(n.name) { return true }
        return e.children.contains { calls($0, names) }
    }

    /// The mention fields an expression reads (bare names that are mention fields and not parameters of
    /// the enclosing function); nil when it holds a nested query.
    private static func rowFields(_ e: Expr, _ context: PlanContext, skippingAggregates: Bool) -> Set<String>? {
        var stripped = e
        if skippingAggregates { stripped = withoutAggregateArguments(e) }
        guard let names = NamesRead.of(stripped) else { return nil }
        return names.filter { !context.locals.contains($0) && FieldCatalog.field($0, of: .mention) != nil }
    }

    private static func withoutAggregateArguments(_ e: Expr) -> Expr {
        switch e {
        case let .call(n, args, s):
            if Aggregates.named[n.name] != nil { return .call(n, [], s) }
            return .call(n, args.map(withoutAggregateArguments), s)
        case .literal, .name, .pipeline: return e
        case let .field(b, f, s): return .field(withoutAggregateArguments(b), f, s)
        case let .index(b, i, s): return .index(withoutAggregateArguments(b), withoutAggregateArguments(i), s)
        case let .unary(op, x, s): return .unary(op, withoutAggregateArguments(x), s)
        case let .binary(op, l, r, s): return .binary(op, withoutAggregateArguments(l), withoutAggregateArguments(r), s)
        case let .list(items, s): return .list(items.map(withoutAggregateArguments), s)
        case let .record(fs, s): return .record(fs.map { RecordField(name: $0.name, value: withoutAggregateArguments($0.value)) }, s)
        }
    }
}

extension IndexedCondition {
    var usesIndex: Bool {
        switch self {
        case .member: return true
        case let .and(a, b, _, _), let .or(a, b, _, _): return a.usesIndex || b.usesIndex
        case .general: return false
        }
    }
}
