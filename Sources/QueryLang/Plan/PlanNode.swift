/// The logical plan of a pipeline: what the checker knows of each step (its operator, its input and the
/// schema of its rows), handed to the rewrite passes (`Plan/Passes`) and then to the executor
/// (`Runtime/Executor.swift`). `explain` prints it (``PlanPrinter``).
///
/// A plan is built once per pipeline when a program is compiled (``Planner``), so the executor never
/// inspects the query's text to choose how to run it: every access path is a node a pass put there.
@_spi(MQInternals) public struct PlanNode: Sendable {
    @_spi(MQInternals) public indirect enum Op: Sendable {
        // Sources.
        /// Every row of a corpus source (`docs`, `entities`, `mentions`, `facts`), in corpus order.
        case scan(ReferenceKind)
        /// A table-valued expression evaluated once (a variable, a list, a reference, a nested query).
        case value(Expr)

        // Stages, one for one with the language.
        case filter(PlanNode, Expr)
        case select(PlanNode, [Column])
        case extend(PlanNode, [Column])
        case sort(PlanNode, [SortKey])
        case take(PlanNode, Expr)
        case top(PlanNode, Expr, [SortKey])
        case distinct(PlanNode, [Column])
        case summarize(PlanNode, aggregates: [Column], by: [Column])
        case join(PlanNode, JoinKind, right: Expr, on: [JoinKey])
        case union(PlanNode, Expr)
        case expand(PlanNode, Column)
        case count(PlanNode)
        case cooccur(PlanNode, CooccurScope, all: Bool)
        case kwic(PlanNode, term: Expr?, width: Expr?, regex: Bool)
        case timeline(PlanNode)
        /// `render`: the rows as they are, drawn as a chart (Stages/Render.swift).
        case render(PlanNode, RenderSpec)
        /// `neighbors`: entities within some hops in the graph of the input's facts and mentions.
        case neighbors(PlanNode, NeighborsSpec)
        /// `paths`: shortest paths in the graph of the input's facts and mentions.
        case paths(PlanNode, PathsSpec)
        /// `conflicts`: pairs of input facts that disagree.
        case conflicts(PlanNode)
        /// `corroboration`: each input fact with its sources and documents.
        case corroboration(PlanNode)
        /// `asof`: the input facts that held at a date.
        case asof(PlanNode, Expr)

        // Access paths, put in place of the general operators by ``IndexAccessPass``.
        /// `source | where id == key` with unique ids: the one row from the id index.
        case lookupByID(ReferenceKind, key: Expr)
        /// `where` whose condition has membership tests answered by the postings (`x in entities` on
        /// documents, `x in docs` on entities), joined by `and`/`or` to general conditions.
        case indexedFilter(PlanNode, IndexedCondition)
        /// `mentions | where entity == x [and rest]` (or `entity.id == x`, either side; x the same on every
        /// row): the mentions of that entity from its postings, in mention order, then `rest` on them.
        case entityMentions(EntityMentionsAccess)
        /// `mentions | summarize count()... by <keys of the entity only>`: one representative mention per
        /// entity from the postings, with its count.
        case countsByEntity(aggregates: [Column], by: [Column])
        /// `mentions | cooccur by document`: pairs counted from the per-document entity lists; with a
        /// `limit` of at most 1,024 (a `take` right after), the top pairs from the entity bitsets.
        case pairsByDocument(all: Bool, limit: Int?)

        /// A subtree run by the columnar executor (``ColumnarPass``): batches of typed vectors, expressions
        /// compiled once; its rows become values only where it hands them on.
        case columnar(PlanNode, ColumnarProgram)
        /// Rows a host hands in, pulled in batches (a SQL server's candidate documents, which the stages
        /// above this node finish in memory: SQL/SQLHybrid.swift).
        case rows(HostRows)
    }

    @_spi(MQInternals) public var op: Op
    /// What the rows of this node are, as the checker knows them.
    @_spi(MQInternals) public var schema: PlanSchema
    /// The stage (or source) in the query text, for diagnostics.
    @_spi(MQInternals) public var span: Span
    /// The stage's name in the query text.
    @_spi(MQInternals) public var nameSpan: Span
    /// How many rows the consumer keeps at most (a `take N` downstream), set by ``LimitPushdownPass``:
    /// stages that keep state (a sort, the top pairs) may keep only that many.
    @_spi(MQInternals) public var rowCap: Int?

    @_spi(MQInternals) public init(_ op: Op, schema: PlanSchema, span: Span, nameSpan: Span? = nil, rowCap: Int? = nil) {
        self.op = op
        self.schema = schema
        self.span = span
        self.nameSpan = nameSpan ?? span
        self.rowCap = rowCap
    }

    /// The node's inputs that are plan nodes (a join's or union's right side is an expression, planned
    /// as a pipeline of its own).
    @_spi(MQInternals) public var inputs: [PlanNode] {
        switch op {
        case .scan, .value, .lookupByID, .entityMentions, .countsByEntity, .pairsByDocument, .columnar, .rows: return []
        case let .filter(i, _), let .select(i, _), let .extend(i, _), let .sort(i, _), let .take(i, _), let .top(i, _, _),
             let .distinct(i, _), let .summarize(i, _, _), let .join(i, _, _, _), let .union(i, _), let .expand(i, _),
             let .count(i), let .cooccur(i, _, _), let .kwic(i, _, _, _), let .timeline(i), let .indexedFilter(i, _), let .render(i, _),
             let .neighbors(i, _), let .paths(i, _), let .conflicts(i), let .corroboration(i), let .asof(i, _):
            return [i]
        }
    }

    /// The same node with its input replaced (nodes with no input are returned as they are).
    @_spi(MQInternals) public func replacingInput(_ new: PlanNode) -> PlanNode {
        var n = self
        switch op {
        case .scan, .value, .lookupByID, .entityMentions, .countsByEntity, .pairsByDocument, .columnar, .rows: return self
        case let .filter(_, c): n.op = .filter(new, c)
        case let .select(_, c): n.op = .select(new, c)
        case let .extend(_, c): n.op = .extend(new, c)
        case let .sort(_, k): n.op = .sort(new, k)
        case let .take(_, e): n.op = .take(new, e)
        case let .top(_, e, k): n.op = .top(new, e, k)
        case let .distinct(_, c): n.op = .distinct(new, c)
        case let .summarize(_, a, b): n.op = .summarize(new, aggregates: a, by: b)
        case let .join(_, k, r, on): n.op = .join(new, k, right: r, on: on)
        case let .union(_, r): n.op = .union(new, r)
        case let .expand(_, c): n.op = .expand(new, c)
        case .count: n.op = .count(new)
        case let .cooccur(_, s, a): n.op = .cooccur(new, s, all: a)
        case let .kwic(_, t, w, r): n.op = .kwic(new, term: t, width: w, regex: r)
        case .timeline: n.op = .timeline(new)
        case let .render(_, spec): n.op = .render(new, spec)
        case let .neighbors(_, s): n.op = .neighbors(new, s)
        case let .paths(_, s): n.op = .paths(new, s)
        case .conflicts: n.op = .conflicts(new)
        case .corroboration: n.op = .corroboration(new)
        case let .asof(_, d): n.op = .asof(new, d)
        case let .indexedFilter(_, c): n.op = .indexedFilter(new, c)
        }
        return n
    }

    /// Applies `rewrite` to every node, inputs first (bottom-up).
    @_spi(MQInternals) public func transformed(_ rewrite: (PlanNode) throws -> PlanNode) rethrows -> PlanNode {
        var n = self
        if let input = inputs.first { n = n.replacingInput(try input.transformed(rewrite)) }
        return try rewrite(n)
    }

    /// The operator's name as `explain` prints it.
    @_spi(MQInternals) public var name: String {
        switch op {
        case .scan: return "scan"
        case .value: return "value"
        case .filter: return "where"
        case .select: return "select"
        case .extend: return "extend"
        case .sort: return "sort"
        case .take: return "take"
        case .top: return "top"
        case .distinct: return "distinct"
        case .summarize: return "summarize"
        case .join: return "join"
        case .union: return "union"
        case .expand: return "expand"
        case .count: return "count"
        case .cooccur: return "cooccur"
        case .kwic: return "kwic"
        case .timeline: return "timeline"
        case .render: return "render"
        case .neighbors: return "neighbors"
        case .paths: return "paths"
        case .conflicts: return "conflicts"
        case .corroboration: return "corroboration"
        case .asof: return "asof"
        case .lookupByID: return "lookup by id"
        case .indexedFilter: return "where (postings)"
        case .entityMentions: return "mentions of an entity (postings)"
        case .countsByEntity: return "summarize (postings by entity)"
        case .pairsByDocument: return "cooccur by document (postings)"
        case .columnar: return "columnar"
        case .rows: return "rows"
        }
    }
}

/// What the rows of a plan node are: references of a kind, or records with known (or unknown) columns,
/// perhaps extending a reference.
@_spi(MQInternals) public struct PlanSchema: Sendable, Equatable {
    /// The reference the rows are, or extend.
    @_spi(MQInternals) public var reference: ReferenceKind?
    /// Columns in display order with their types; nil when not known statically.
    @_spi(MQInternals) public var columns: [(name: String, type: ValueType)]?
    /// Whether the rows are the references themselves (not records).
    @_spi(MQInternals) public var isReference: Bool

    @_spi(MQInternals) public init(reference: ReferenceKind?, columns: [(name: String, type: ValueType)]?, isReference: Bool) {
        self.reference = reference
        self.columns = columns
        self.isReference = isReference
    }

    @_spi(MQInternals) public static func of(_ kind: ReferenceKind) -> PlanSchema {
        PlanSchema(reference: kind, columns: FieldCatalog.columns(of: kind).map { ($0, FieldCatalog.field($0, of: kind)?.type ?? .any) },
                   isReference: true)
    }
    @_spi(MQInternals) public static let unknown = PlanSchema(reference: nil, columns: nil, isReference: false)

    @_spi(MQInternals) public var columnNames: [String]? { columns?.map(\.name) }

    @_spi(MQInternals) public static func == (a: PlanSchema, b: PlanSchema) -> Bool {
        a.reference == b.reference && a.isReference == b.isReference && a.columns?.map(\.name) == b.columns?.map(\.name)
            && a.columns?.map(\.type) == b.columns?.map(\.type)
    }
}

/// `mentions | where entity == x [and rest]` as ``IndexAccessPass`` found it: which entity, how it is
/// known, and the rest of the condition.
@_spi(MQInternals) public struct EntityMentionsAccess: Sendable {
    /// What stands for the entity.
    @_spi(MQInternals) public enum Entity: Sendable {
        /// A string literal: the entity with that id, looked up when the plan is made (-1: no such entity).
        case known(index: Int, id: String)
        /// A variable, a parameter, or another expression that reads nothing of the row (`ent("x")`):
        /// evaluated once, when the first row is asked for.
        case computed(Expr)
    }
    /// The entity whose mentions the rows are.
    @_spi(MQInternals) public var entity: Entity
    /// The conditions after the first `and`, tested on the entity's mentions only (as the general `where`
    /// does not read the rest of an `and` whose first part is false).
    @_spi(MQInternals) public var rest: Expr?
    /// The whole condition as written (for `explain` and for the backends that run it as a filter).
    @_spi(MQInternals) public var condition: Expr
}

/// A `where` condition with the membership tests the postings answer, joined by `and` and `or` to the
/// parts evaluated as written.
@_spi(MQInternals) public indirect enum IndexedCondition: Sendable {
    /// `needle in entities` on a document row, `needle in docs` on an entity row (or `not in`).
    case member(op: BinaryOp, needle: Expr, list: String, listSpan: Span, span: Span, invariant: Bool)
    case and(IndexedCondition, IndexedCondition, span: Span, leftSpan: Span)
    case or(IndexedCondition, IndexedCondition, span: Span, leftSpan: Span)
    case general(Expr)
}
