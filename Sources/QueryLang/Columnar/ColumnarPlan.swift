import Foundation

/// A plan subtree compiled for the columnar executor: batches of typed vectors flow from a scan through
/// `where`, `extend`, `select`, `summarize`, `count`, `distinct`, `sort`, `top` and `take`; expressions are
/// compiled once (``ExprCompiler``). ``ColumnarPass`` puts a subtree here when every part of it compiles;
/// `Executor` runs it and turns its rows into values at the boundary (``ColumnarContext/rows(_:)``).
struct ColumnarNode {
    let schema: ColumnarSchema
    /// Opens the stage: each call of the result gives the next batch, nil at the end.
    let open: (ColumnarContext) throws -> () throws -> Batch?
    /// Whether it is a scan and stages that take each row on its own (filters, columns, a join whose right
    /// side is built once and shared): it can run as several parts of the scan at once.
    var streams = false

    /// A stage's batches when it gives one batch (or none) however many times it is asked: `body` runs on
    /// the first call, every later call is the end.
    static func once(_ body: @escaping () throws -> Batch?) -> () throws -> Batch? {
        var done = false
        return {
            guard !done else { return nil }
            done = true
            return try body()
        }
    }
}

/// What a running columnar plan needs: the corpus's vectors and the interpreter's limits and diagnostics.
final class ColumnarContext: @unchecked Sendable {
    unowned let interpreter: Interpreter
    /// The environment the pipeline runs in (for a join's right side).
    let env: Interpreter.Env
    /// The part of the scan this context runs (part `index` of `count`), when a stage runs its input on
    /// several cores; nil for all of it.
    let partition: (index: Int, count: Int)?
    /// Steps counted by a partition, charged to the interpreter when the partitions are done.
    private(set) var localSteps = 0

    /// `body` run on each part of the scan at once, one part a core (at most four), their results in
    /// the parts' order; the parts' steps are charged when all are done, and an error is the first part's.
    /// nil when there is one core, or this context is a part already.
    func inParts<T>(_ body: @escaping (ColumnarContext) throws -> T, _ span: Span) throws -> [T]? {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, partition == nil else { return nil }
        let parts = min(cores, 4)
        let contexts = (0..<parts).map { part($0, of: parts) }
        var results = [Result<T, Error>?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { out in
            // The compiled stages are pure functions of their batch; each part has its own state.
            nonisolated(unsafe) let out = out, body = body
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                out[k] = Result { try StopCheck.with(contexts[k].interpreter.stopCheck, meter: contexts[k].meter) { try body(contexts[k]) } }
            }
        }
        try interpreter.spend(contexts.reduce(0) { $0 + $1.localSteps }, span)
        return try results.map { try $0!.get() }
    }

    /// Counts, in this context, the steps of a part run inside it.
    func absorb(_ other: ColumnarContext) {
        localSteps += other.localSteps
    }

    /// What the parts of one run build once and share (a join's table), by the stage that builds it.
    let shared: ColumnarShared

    init(interpreter: Interpreter, env: Interpreter.Env, partition: (index: Int, count: Int)? = nil,
         shared: ColumnarShared = ColumnarShared()) {
        self.interpreter = interpreter
        self.env = env
        self.partition = partition
        self.shared = shared
    }

    /// The context of part `index` of `count` of this run's scan.
    func part(_ index: Int, of count: Int) -> ColumnarContext {
        ColumnarContext(interpreter: interpreter, env: env, partition: (index, count), shared: shared)
    }

    /// Where compiled expressions charge their work in this context (``StopCheck/meter``).
    var meter: StepMeter {
        let limits = interpreter.limits
        return StepMeter(remaining: { [unowned self] in
            guard let partition else { return limits.maxSteps - self.interpreter.steps }
            return (limits.maxSteps - self.interpreter.steps) / partition.count - self.localSteps
        }, charge: { [unowned self] n, span in try self.spend(n, span) }, limits: limits)
    }

    /// Counts the work of a batch (one step per row and stage) and checks the limits and cancellation. A
    /// partition (on a thread of its own) counts its own steps and checks what it can read safely.
    func spend(_ rows: Int, _ span: Span) throws {
        guard let partition else { return try interpreter.spend(rows, span) }
        localSteps += rows
        try interpreter.checkpointFromAnotherThread(span, steps: localSteps * partition.count)
    }
}

/// Values the parts of a run on several cores build once: the first part to ask builds it, the others
/// wait for it and get the same value or the same error.
final class ColumnarShared: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var values: [ObjectIdentifier: Result<Any, Error>] = [:]

    func value<T>(for owner: AnyObject, _ build: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let r = values[ObjectIdentifier(owner)] { return try r.get() as! T }
        let r = Result<Any, Error> { try build() }
        values[ObjectIdentifier(owner)] = r
        return try r.get() as! T
    }
}

enum ColumnarCompiler {
    static let batchSize = 4096

    /// The columnar form of a plan subtree, or nil when some part of it does not compile. `reads` holds the
    /// names the stages above `node` read of its rows, when they are known (a stage that makes its columns,
    /// `timeline`, then makes only those).
    static func compile(_ node: PlanNode, _ context: PlanContext, columns: CorpusColumns, notes: ColumnarNotes = ColumnarNotes(),
                        reads: Set<String>? = nil) -> ColumnarNode? {
        /// What the stages from `node` up read, given what `node`'s own expressions read (nil: not known).
        func readsWith(_ exprs: [Expr]) -> Set<String>? {
            guard var out = reads else { return nil }
            for e in exprs {
                guard let n = NamesRead.of(e) else { return nil }
                out.formUnion(n)
            }
            return out
        }
        func fresh(_ exprs: [Expr]) -> Set<String>? {
            var out = Set<String>()
            for e in exprs {
                guard let n = NamesRead.of(e) else { return nil }
                out.formUnion(n)
            }
            return out
        }
        // `bin` is the built-in's where no `def` or host function of that name stands in for it.
        let builtins: Set<String> = context.userFunctions.contains("bin") || context.locals.contains("bin")
            || context.functions["bin"]?.signature != DateBin.function.signature ? [] : ["bin"]
        func exprs(_ schema: ColumnarSchema) -> ExprCompiler {
            ExprCompiler(schema: schema, corpus: context.corpus, columns: columns, locals: context.locals,
                         builtinCalls: builtins) { code, message, span, hints, row in
                ColumnarFailure(code: code, message: message, span: span, hints: hints, row: row)
            }
        }
        switch node.op {
        case let .scan(kind):
            return scan(kind)
        case .indexedFilter:
            return RowSource.node(node)
        case let .entityMentions(access):
            return EntityPostings.node(access, exprs, node.span)
        case let .countsByEntity(aggs, by):
            guard let counts = EntityCounts.node(aggs, by, exprs(.scan(.mention)), context, node.span) else { return nil }
            notes.add(node, EntityCounts.note)
            return counts
        case let .timeline(input):
            notes.add(node, TimelineColumns.note(reads))
            return TimelineColumns.node(input, reads: reads, node.span)
        case let .filter(input, cond):
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: readsWith([cond])),
                  let c = exprs(inner.schema).compilePredicate(cond, tabled: { notes.add(node, "truth by the codes of \($0) if fewer than the rows") })
            else { return nil }
            return streaming(ColumnarStages.filter(inner, c, node.span), inner.streams)
        case let .extend(input, cols):
            guard let inner = compile(input, context, columns: columns, notes: notes) else { return nil }
            let compiled = cols.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return streaming(ColumnarStages.extend(inner, Column.outputNames(cols), compiled.map { $0! }, node.span), inner.streams)
        case let .select(input, cols):
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: fresh(cols.map(\.expr))) else { return nil }
            let compiled = cols.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return streaming(ColumnarStages.select(inner, Column.outputNames(cols), compiled.map { $0! }, node.span), inner.streams)
        case let .take(input, .literal(.int(n), _)) where n >= 0:
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: reads) else { return nil }
            return ColumnarStages.take(inner, Int(clamping: n))
        case let .top(input, .literal(.int(n), _), keys) where n >= 0:
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: readsWith(keys.map(\.expr))) else { return nil }
            let compiled = keys.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return ColumnarStages.sort(inner, compiled.map { $0! }, keys.map(\.descending), limit: Int(clamping: n), node.span)
        case let .sort(input, keys):
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: readsWith(keys.map(\.expr))) else { return nil }
            let compiled = keys.map { exprs(inner.schema).compile($0.expr) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return ColumnarStages.sort(inner, compiled.map { $0! }, keys.map(\.descending), limit: nil, node.span)
        case let .count(input):
            if case let .filter(source, cond) = input.op {
                // The filter's truth values counted: its rows are never gathered.
                guard let inner = compile(source, context, columns: columns, notes: notes, reads: fresh([cond])),
                      let c = exprs(inner.schema).compilePredicate(cond, tabled: { notes.add(input, "truth by the codes of \($0) if fewer than the rows") })
                else { return nil }
                let counted = ColumnarCount.node(inner, where: c, input.span, node.span, parallel: inner.streams)
                if case let .scan(kind) = source.op, let parts = exprs(inner.schema).tabledParts(cond) {
                    notes.add(node, ColumnarCodeCount.note(parts.leaf))
                    return ColumnarCodeCount.node(kind, parts.leaf, parts.column, parts.perCode, columns, fallback: counted, node.span)
                }
                notes.add(node, "true rows of the filter counted, none gathered" + (inner.streams ? "; parts of the scan on the cores" : ""))
                return counted
            }
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: []) else { return nil }
            if inner.streams { notes.add(node, "parts of the scan on the cores") }
            return ColumnarCount.node(inner, where: nil, nil, node.span, parallel: inner.streams)
        case let .summarize(input, aggs, by):
            if case let .join(left, kind, right, keys) = input.op, kind == .inner || kind == .left,
               let l = compile(left, context, columns: columns, notes: notes),
               let plan = ColumnarJoin.plan(l.schema, right, keys, context, columns, exprs) {
                let joined = ColumnarJoin.node(l, kind, plan, input.span).schema
                if let (keys, calls) = JoinAggregate.compile(join: joined, hidden: l.schema.names.count, by: by.map(\.expr),
                                                             aggregates: aggs.map(\.expr), context, exprs) {
                    notes.add(input, plan.note)
                    notes.add(node, "by the join's groups: no joined row made" + (l.streams ? "; parts of the scan on the cores" : ""))
                    let keyNames = Column.outputNames(by)
                    return JoinAggregate.node(l, kind, plan, keys, keyNames, calls, Column.outputNames(aggs, after: keyNames),
                                              joinSpan: input.span, node.span, parallel: l.streams)
                }
            }
            guard let inner = compile(input, context, columns: columns, notes: notes, reads: fresh(by.map(\.expr) + aggs.map(\.expr)))
            else { return nil }
            let keys = by.map { exprs(inner.schema).compile($0.expr) }
            guard keys.allSatisfy({ $0 != nil }) else { return nil }
            var calls: [AggregateCall] = []
            for a in aggs {
                guard let call = AggregateCall.compile(a.expr, exprs(inner.schema), context) else { return nil }
                calls.append(call)
            }
            let keyNames = Column.outputNames(by)
            let inRuns = ColumnarCompiler.firstKeyInRuns(input, by, inner.schema)
            if inRuns { notes.add(node, RunGroups.note(by[0].expr)) }
            return HashAggregate.node(inner, keys.map { $0! }, keyNames, calls, Column.outputNames(aggs, after: keyNames), node.span,
                                      parallel: inner.streams && !calls.contains { $0.name == "avg" && $0.argument?.type == .float },
                                      inRuns: inRuns)
        case let .join(input, kind, right, keys):
            guard let inner = compile(input, context, columns: columns, notes: notes),
                  let plan = ColumnarJoin.plan(inner.schema, right, keys, context, columns, exprs) else { return nil }
            notes.add(node, plan.note)
            return streaming(ColumnarJoin.node(inner, kind, plan, node.span), inner.streams && plan.batched)
        case let .expand(input, col):
            guard let inner = compile(input, context, columns: columns, notes: notes), let list = exprs(inner.schema).compileList(col.expr)
            else { return nil }
            notes.add(node, "list vector of \(list.itemType.name)")
            return ColumnarExpand.node(inner, Column.outputNames([col])[0], list, node.span)
        case let .union(input, right):
            guard let inner = compile(input, context, columns: columns, notes: notes), let other = context.nestedPlan(right),
                  case let .columnar(_, program) = other.op else { return nil }
            guard let union = ColumnarUnion.node(inner, program.node, node.span) else { return nil }
            notes.add(node, "right side on batches, held")
            return union
        case let .distinct(input, cols):
            guard let inner = compile(input, context, columns: columns, notes: notes) else { return nil }
            if cols.isEmpty {
                // References are distinct already; records are grouped on all their columns.
                if inner.schema.bare { return inner }
                guard inner.schema.base == nil, inner.schema.fieldColumns.isEmpty else { return nil }
                let s = inner.schema
                let keys = s.types.indices.map { i in CompiledExpr(type: s.types[i], canFail: false) { $0.vectors[i] } }
                return HashAggregate.node(inner, keys, s.names, [], [], node.span, parallel: inner.streams)
            }
            let keys = cols.map { exprs(inner.schema).compile($0.expr) }
            guard keys.allSatisfy({ $0 != nil }) else { return nil }
            return HashAggregate.node(inner, keys.map { $0! }, Column.outputNames(cols), [], [], node.span, parallel: inner.streams)
        default:
            return nil
        }
    }

    /// Whether a node without inputs runs on batches on its own (an access path whose rows the stages above
    /// would otherwise read as values); a bare scan does not: its references are handed on as they are.
    static func compilesSource(_ node: PlanNode) -> Bool {
        switch node.op {
        case .entityMentions, .countsByEntity: return true
        default: return false
        }
    }

    private static func streaming(_ node: ColumnarNode, _ streams: Bool) -> ColumnarNode {
        var n = node
        n.streams = streams
        return n
    }

    static func scan(_ kind: ReferenceKind) -> ColumnarNode {
        streaming(ColumnarNode(schema: .scan(kind)) { ctx in
            let corpus = ctx.interpreter.corpus
            let all = corpus.count(of: kind)
            var position = 0
            var total = all
            if let p = ctx.partition {
                position = total * p.index / p.count
                total = total * (p.index + 1) / p.count
            }
            return {
                guard position < total else { return nil }
                let end = min(total, position + batchSize)
                defer { position = end }
                let first = position
                let ids = [Int32](unsafeUninitializedCapacity: end - first) { out, made in
                    for k in 0..<(end - first) { out[k] = Int32(truncatingIfNeeded: first + k) }
                    made = end - first
                }
                return Batch(count: end - position, vectors: [], base: .refs(kind, ids))
            }
        }, true)
    }
}

/// What the columnar compiler chose for the nodes of a subtree beyond running them on batches (a count
/// without gathering, a condition tabled by code, a list vector), by node, for `explain`.
final class ColumnarNotes: @unchecked Sendable {
    private(set) var byNode: [String: String] = [:]

    static func key(_ n: PlanNode) -> String { "\(n.span.start):\(n.span.end):\(n.name)" }

    func add(_ n: PlanNode, _ note: String) { byNode[ColumnarNotes.key(n)] = note }

    func note(for n: PlanNode) -> String? { byNode[ColumnarNotes.key(n)] }
}

/// An error raised inside a compiled expression at a row of a batch, turned into the interpreter's
/// diagnostic where it is caught (``Interpreter/openColumnar(_:_:)``), so it names the query's file.
struct ColumnarFailure: Error {
    let code: DiagnosticCode
    let message: String
    let span: Span
    let hints: [String]
    /// The row of the batch it failed at.
    var row: Int
}

/// Errors in the order the row executor meets them. It takes one row at a time through every stage and,
/// within a row, evaluates expressions in order; on batches, a stage evaluates its expressions on the rows
/// before the first row where one fails (the earliest row, then the first expression failing there),
/// hands those rows on, and raises the error only when asked for the rows after (a `take` that has enough
/// never asks, as it never evaluates those rows on the row executor).
enum ColumnarEval {
    static func evaluate(_ exprs: [CompiledExpr], on batch: Batch) throws -> (batch: Batch, vectors: [Vector], pending: ColumnarFailure?) {
        var b = batch
        var pending: ColumnarFailure? = nil
        attempt: while true {
            var out: [Vector] = []
            out.reserveCapacity(exprs.count)
            for e in exprs {
                do {
                    out.append(try e.eval(b))
                } catch let f as ColumnarFailure {
                    pending = f
                    b = b.gathered((0..<f.row).map { Int32($0) })
                    continue attempt
                }
            }
            return (b, out, pending)
        }
    }
}
