/// A plan subtree compiled for the columnar executor: batches of typed vectors flow from a scan through
/// `where`, `extend`, `select`, `summarize`, `count`, `distinct`, `sort`, `top` and `take`; expressions are
/// compiled once (``ExprCompiler``). ``ColumnarPass`` puts a subtree here when every part of it compiles;
/// `Executor` runs it and turns its rows into values at the boundary (``ColumnarContext/rows(_:)``).
struct ColumnarNode {
    let schema: ColumnarSchema
    /// Opens the stage: each call of the result gives the next batch, nil at the end.
    let open: (ColumnarContext) throws -> () throws -> Batch?
}

/// What a running columnar plan needs: the corpus's vectors and the interpreter's limits and diagnostics.
final class ColumnarContext {
    unowned let interpreter: Interpreter

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Counts the work of a batch (one step per row and stage) and checks the limits and cancellation.
    func spend(_ rows: Int, _ span: Span) throws { try interpreter.spend(rows, span) }
}

enum ColumnarCompiler {
    static let batchSize = 4096

    /// The columnar form of a plan subtree, or nil when some part of it does not compile.
    static func compile(_ node: PlanNode, _ context: PlanContext, columns: CorpusColumns) -> ColumnarNode? {
        func exprs(_ schema: ColumnarSchema) -> ExprCompiler {
            ExprCompiler(schema: schema, corpus: context.corpus, columns: columns, locals: context.locals) { code, message, span, hints in
                ColumnarFailure(code: code, message: message, span: span, hints: hints)
            }
        }
        switch node.op {
        case let .scan(kind):
            return scan(kind)
        case let .filter(input, cond):
            guard let inner = compile(input, context, columns: columns), let c = exprs(inner.schema).compile(cond), c.type == .bool
            else { return nil }
            return ColumnarStages.filter(inner, c, node.span)
        case let .extend(input, cols):
            guard let inner = compile(input, context, columns: columns) else { return nil }
            let compiled = cols.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return ColumnarStages.extend(inner, Column.outputNames(cols), compiled.map { $0! }, node.span)
        case let .select(input, cols):
            guard let inner = compile(input, context, columns: columns) else { return nil }
            let compiled = cols.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return ColumnarStages.select(inner, Column.outputNames(cols), compiled.map { $0! }, node.span)
        case let .take(input, .literal(.int(n), _)) where n >= 0:
            guard let inner = compile(input, context, columns: columns) else { return nil }
            return ColumnarStages.take(inner, Int(clamping: n))
        case let .top(input, .literal(.int(n), _), keys) where n >= 0:
            guard let inner = compile(input, context, columns: columns) else { return nil }
            let compiled = keys.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return ColumnarStages.sort(inner, compiled.map { $0! }, keys.map(\.descending), limit: Int(clamping: n), node.span)
        case let .sort(input, keys):
            guard let inner = compile(input, context, columns: columns) else { return nil }
            let compiled = keys.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return ColumnarStages.sort(inner, compiled.map { $0! }, keys.map(\.descending), limit: nil, node.span)
        case let .count(input):
            guard let inner = compile(input, context, columns: columns) else { return nil }
            return ColumnarStages.count(inner, node.span)
        case let .summarize(input, aggs, by):
            guard let inner = compile(input, context, columns: columns) else { return nil }
            let keys = by.map { exprs(inner.schema).compile($0.expr) }
            guard keys.allSatisfy({ $0 != nil }) else { return nil }
            var calls: [AggregateCall] = []
            for a in aggs {
                guard let call = AggregateCall.compile(a.expr, exprs(inner.schema), context) else { return nil }
                calls.append(call)
            }
            let keyNames = Column.outputNames(by)
            return HashAggregate.node(inner, keys.map { $0! }, keyNames, calls, Column.outputNames(aggs, after: keyNames), node.span)
        case let .distinct(input, cols):
            guard let inner = compile(input, context, columns: columns) else { return nil }
            if cols.isEmpty {
                // References are distinct already; records are grouped on all their columns.
                if inner.schema.bare { return inner }
                guard inner.schema.base == nil else { return nil }
                let s = inner.schema
                let keys = s.types.indices.map { i in CompiledExpr(type: s.types[i], canFail: false) { $0.vectors[i] } }
                return HashAggregate.node(inner, keys, s.names, [], [], node.span)
            }
            let keys = cols.map { exprs(inner.schema).compile($0.expr) }
            guard keys.allSatisfy({ $0 != nil }) else { return nil }
            return HashAggregate.node(inner, keys.map { $0! }, Column.outputNames(cols), [], [], node.span)
        default:
            return nil
        }
    }

    private static func scan(_ kind: ReferenceKind) -> ColumnarNode {
        ColumnarNode(schema: .scan(kind)) { ctx in
            let corpus = ctx.interpreter.corpus
            let total: Int
            switch kind {
            case .document: total = corpus.documents.count
            case .entity: total = corpus.entities.count
            case .mention: total = corpus.mentions.count
            case .fact: total = corpus.facts.count
            }
            var position = 0
            return {
                guard position < total else { return nil }
                let end = min(total, position + batchSize)
                defer { position = end }
                return Batch(count: end - position, vectors: [], base: .refs(kind, (position..<end).map { Int32($0) }))
            }
        }
    }
}

/// An error raised inside a compiled expression, turned into the interpreter's diagnostic where it is
/// caught (`Executor`), so it names the query's file.
struct ColumnarFailure: Error {
    let code: String
    let message: String
    let span: Span
    let hints: [String]
}
