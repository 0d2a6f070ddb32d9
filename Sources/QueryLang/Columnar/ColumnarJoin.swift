/// `join` on one key whose right side is references of one kind (`join (entities) on entity == id`).
///
/// The right side runs first, as on the row executor: on batches when it is a source or a pipeline the
/// columnar executor compiles, its key a vector per batch; otherwise as the row executor computes it.
/// Its references are grouped by key once (``JoinTable``: a reference key against a kind's ordinals is a
/// direct index); each batch of the left side probes the table with its key vector. A left row that
/// matches one right row is kept as it is (no gather), and the matched references become one vector
/// whose fields are the right side's columns (renamed where they clash, `id` -> `id1`), read only when a
/// later stage reads them. Keys compare as `==` does: a reference equals a string holding its id; a null
/// key matches nothing.
enum ColumnarJoin {
    /// Where the right side's rows come from.
    enum Right {
        /// Batches of references of the join's kind (a source scanned, a compiled pipeline).
        case batches(ColumnarNode)
        /// The value of the right side's expression, computed by the row executor.
        case evaluated(Expr)
    }

    /// The parts of a join the columnar executor runs, or nil when it does not (several keys, a left key
    /// that is a mention or a float, a right side that is not references of one kind).
    struct Plan {
        let right: Right
        let rightKey: Expr
        /// The right key on batches of the right side's references (nil: computed per row by the row
        /// executor).
        let compiledKey: CompiledExpr?
        let rightKind: ReferenceKind
        let leftKey: CompiledExpr
        let columns: CorpusColumns
        let token = Token()

        /// The right side grouped by key, built once a run (shared by the parts of its scan).
        func table(_ ctx: ColumnarContext, _ span: Span) throws -> JoinTable {
            try ctx.shared.value(for: token) { try build(self, ctx, span) }
        }

        /// Whether the join runs wholly on batches, so that parts of its left side may run on several
        /// cores at once (the right side is then built once and shared).
        var batched: Bool {
            if case .batches = right, compiledKey != nil { return true }
            return false
        }

        /// Said by `explain`.
        var note: String {
            let table: String
            switch leftKey.type {
            case let .ref(k): table = "right side by \(k.rawValue) ordinal (a direct index)"
            case .string: table = "right side hashed by string"
            case .int: table = "right side hashed by integer"
            default: table = "right side by boolean"
            }
            return table + (batched ? ", built from its vectors" : ", built from its rows")
        }
    }

    static func plan(_ left: ColumnarSchema, _ right: Expr, _ keys: [JoinKey], _ context: PlanContext,
                     _ columns: CorpusColumns, _ exprs: (ColumnarSchema) -> ExprCompiler) -> Plan? {
        guard keys.count == 1, let rightKind = context.referenceRows(right),
              let leftKey = exprs(left).compile(keys[0].left) else { return nil }
        switch leftKey.type {
        case .ref(.mention), .float, .date: return nil
        default: break
        }
        let rightKey = keys[0].right ?? keys[0].left
        var node: ColumnarNode? = nil
        if case .name = right {
            // A source by its name (``PlanContext/referenceRows`` says it is one): all its references.
            node = ColumnarCompiler.scan(rightKind)
        } else if let nested = context.nestedPlan(right), case let .columnar(_, program) = nested.op,
                  program.node.schema.bare, program.node.schema.base == rightKind {
            node = program.node
        }
        let schema = node?.schema ?? .scan(rightKind)
        let source: Right = node.map { .batches($0) } ?? .evaluated(right)
        return Plan(right: source, rightKey: rightKey, compiledKey: exprs(schema).compile(rightKey), rightKind: rightKind,
                    leftKey: leftKey, columns: columns)
    }

    static func node(_ input: ColumnarNode, _ kind: JoinKind, _ plan: Plan, _ span: Span) -> ColumnarNode {
        var schema = input.schema
        let rightKind = plan.rightKind
        if kind == .inner || kind == .left {
            let hidden = "\u{0}right\(schema.names.count)"
            schema.names.append(hidden)
            schema.types.append(.ref(rightKind))
            schema.bare = false
            for c in FieldCatalog.columns(of: rightKind) {
                var n = c
                var k = 1
                while schema.display.contains(n) { n = "\(c)\(k)"; k += 1 }
                schema.display.append(n)
                schema.fieldColumns[n] = (schema.names.count - 1, c)
            }
        }
        return ColumnarNode(schema: schema) { ctx in
            let table = try plan.table(ctx, span)
            let next = try input.open(ctx)
            let cache = ProbeCache()
            var pending: ColumnarFailure? = nil
            return {
                if let p = pending { throw p }
                while let batch = try next() {
                    try ctx.spend(batch.count, span)
                    let (b, evaluated, failure) = try ColumnarEval.evaluate([plan.leftKey], on: batch)
                    pending = failure
                    if let out = try probe(b, evaluated[0], table, cache, kind, rightKind, ctx, span) { return out }
                    if let p = pending { throw p }
                }
                return nil
            }
        }
    }

    /// Identifies one join's table among the values its run shares.
    final class Token {}

    /// The rows of a left batch joined with the table; nil when none is left.
    private static func probe(_ b: Batch, _ keys: Vector, _ table: JoinTable, _ cache: ProbeCache, _ kind: JoinKind,
                              _ rightKind: ReferenceKind, _ ctx: ColumnarContext, _ span: Span) throws -> Batch? {
        let groups = table.probe(keys, cache)
        let offsets = table.offsets
        func matches(_ g: Int32) -> Int { g < 0 ? 0 : Int(offsets[Int(g) + 1] - offsets[Int(g)]) }
        var leftRows: [Int32] = []
        var rightRefs: [Int32] = []
        switch kind {
        case .semi, .anti:
            for i in 0..<b.count where (matches(groups[i]) > 0) == (kind == .semi) { leftRows.append(Int32(i)) }
            if leftRows.count == b.count {
                guard b.count > 0 else { return nil }
                try ctx.spend(b.count, span)
                return b
            }
        case .inner, .left:
            if table.unique {
                // At most one match a row: the matched reference of each row, and the rows kept.
                var refs = [Int32](repeating: -1, count: b.count)
                var all = true
                for i in 0..<b.count {
                    if matches(groups[i]) > 0 { refs[i] = table.refs[Int(offsets[Int(groups[i])])] } else { all = false }
                }
                if all || kind == .left {
                    guard b.count > 0 else { return nil }
                    try ctx.spend(b.count, span)
                    var out = b
                    out.vectors.append(.refs(rightKind, refs))
                    return out
                }
                for i in 0..<b.count where refs[i] >= 0 { leftRows.append(Int32(i)); rightRefs.append(refs[i]) }
            } else {
                leftRows.reserveCapacity(b.count)
                rightRefs.reserveCapacity(b.count)
                for i in 0..<b.count {
                    let g = groups[i]
                    if matches(g) == 0 {
                        if kind == .left { leftRows.append(Int32(i)); rightRefs.append(-1) }
                        continue
                    }
                    for m in offsets[Int(g)]..<offsets[Int(g) + 1] { leftRows.append(Int32(i)); rightRefs.append(table.refs[Int(m)]) }
                }
            }
        }
        guard !leftRows.isEmpty else { return nil }
        // Each row made counts a step, as on the row executor.
        try ctx.spend(leftRows.count, span)
        var out = b.gathered(leftRows)
        if kind == .inner || kind == .left { out.vectors.append(.refs(rightKind, rightRefs)) }
        return out
    }

    /// The right side's references and keys, grouped.
    private static func build(_ plan: Plan, _ ctx: ColumnarContext, _ span: Span) throws -> JoinTable {
        let interpreter = ctx.interpreter
        var rows: [Int32] = []
        var keys: JoinKeys
        func keyValue(_ ref: Value) throws -> Value {
            try interpreter.eval(plan.rightKey, Interpreter.Env(row: ref, locals: ctx.env.locals))
        }
        switch plan.right {
        case let .batches(node):
            // Inside a part of a run on several cores, the whole right side (counted as that part's work).
            let whole = ctx.partition == nil ? ctx : ctx.part(0, of: 1)
            let next = try node.open(whole)
            var parts: [Vector] = []
            var values: [Value] = []
            while let b = try next() {
                try whole.spend(b.count, span)
                try interpreter.checkRows(rows.count + b.count, span, "the right side of 'join'")
                guard case let .refs(_, r)? = b.base else {
                    throw interpreter.fail(.internalError, "the right side of the join changed kind while it ran", span)
                }
                rows += r
                if let compiled = plan.compiledKey {
                    let (_, v, failure) = try ColumnarEval.evaluate([compiled], on: b)
                    if let failure { throw failure }
                    parts.append(v[0])
                } else {
                    for i in 0..<b.count { values.append(try keyValue(b.base!.value(at: i))) }
                }
            }
            if whole !== ctx { ctx.absorb(whole) }
            keys = plan.compiledKey.map { .vector(.concat(parts, type: $0.type)) } ?? .values(values)
        case let .evaluated(expr):
            let right = try interpreter.tableValue(try interpreter.eval(expr, ctx.env), expr.span)
            for row in right.rows {
                try interpreter.tick(span)
                guard let ref = CorpusColumns.index(row), interpreter.fields.referenceKind(row) == plan.rightKind else {
                    throw interpreter.fail(.internalError, "the right side of the join changed kind while it ran", span)
                }
                rows.append(Int32(ref))
            }
            if let compiled = plan.compiledKey {
                // The keys of the references as vectors, in batches (a key that fails, fails at its row).
                var parts: [Vector] = []
                for start in stride(from: 0, to: rows.count, by: ColumnarCompiler.batchSize) {
                    let r = Array(rows[start..<min(rows.count, start + ColumnarCompiler.batchSize)])
                    let (_, v, failure) = try ColumnarEval.evaluate([compiled], on: Batch(count: r.count, vectors: [], base: .refs(plan.rightKind, r)))
                    if let failure { throw failure }
                    parts.append(v[0])
                }
                keys = .vector(.concat(parts, type: compiled.type))
            } else {
                keys = .values(try right.rows.map(keyValue))
            }
        }
        return JoinTable.build(left: plan.leftKey.type, rows: rows, keys: keys, interpreter: interpreter, columns: plan.columns)
    }
}

extension Interpreter {
    /// The index of the reference of this kind whose id a join key holds (a string, or a reference's id).
    func index(ofID key: Value, kind: ReferenceKind) -> Int? {
        guard let id = idString(key) else { return nil }
        switch kind {
        case .entity: return corpus.entityByID[id]
        case .document: return corpus.documentByID[id]
        case .fact: return corpus.fact(id: id)?.index
        case .mention: return nil
        }
    }

    /// A join key as the string it compares as: a string, or a reference's id.
    func idString(_ key: Value) -> String? {
        switch key {
        case let .string(s): return s
        case let .entity(i): return corpus.entities[i].id
        case let .document(i): return corpus.documents[i].id
        case let .fact(i): return corpus.facts[i].id
        default: return nil
        }
    }
}
