/// `join` on one key whose right side is references of one kind (`join (entities) on entity == id`): the
/// right side's keys in a hash table, built once from its rows as the row executor computes them; the left
/// side's keys, a vector per batch, looked up there. The matched right references become a vector, and the
/// right side's columns (renamed where they clash, `id` -> `id1`) are its fields. Keys compare as `==`
/// does: a reference equals a string holding its id; a null key matches nothing.
enum ColumnarJoin {
    static func node(_ input: ColumnarNode, _ kind: JoinKind, _ rightExpr: Expr, _ rightKind: ReferenceKind,
                     _ rightKey: Expr, _ leftKey: CompiledExpr, _ span: Span) -> ColumnarNode {
        var schema = input.schema
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
            let interpreter = ctx.interpreter
            let right = try interpreter.tableValue(try interpreter.eval(rightExpr, ctx.env), rightExpr.span)
            // The right side's rows by key, in the left key's codes.
            var index: [Int64: [Int32]] = [:]
            var byString: [String: [Int32]] = [:]
            for (r, row) in right.rows.enumerated() {
                try interpreter.tick(span)
                guard let ref = CorpusColumns.index(row), interpreter.fields.referenceKind(row) == rightKind else {
                    throw interpreter.fail(.internalError, "the right side of the join changed kind while it ran", span)
                }
                let key = try interpreter.eval(rightKey, Interpreter.Env(row: row, locals: ctx.env.locals))
                switch leftKey.type {
                case let .ref(k):
                    if let i = interpreter.index(ofID: key, kind: k) { index[Int64(i), default: []].append(Int32(ref)) }
                case .string:
                    if let s = interpreter.idString(key) { byString[s, default: []].append(Int32(ref)) }
                case .int:
                    if case let .int(n) = key { index[n, default: []].append(Int32(ref)) }
                    if case let .float(f) = key, f.rounded() == f, abs(f) < 9e18 { index[Int64(f), default: []].append(Int32(ref)) }
                case .bool:
                    if case let .bool(b) = key { index[b ? 1 : 0, default: []].append(Int32(ref)) }
                default: break
                }
            }
            let next = try input.open(ctx)
            var pending: ColumnarFailure? = nil
            return {
                if let p = pending { throw p }
                while let batch = try next() {
                    try ctx.spend(batch.count, span)
                    let (b, evaluated, failure) = try ColumnarEval.evaluate([leftKey], on: batch)
                    pending = failure
                    let keys = evaluated[0]
                    var leftRows: [Int32] = []
                    var rightRefs: [Int32] = []
                    leftRows.reserveCapacity(b.count)
                    var translated: [Int32: [Int32]]? = nil
                    for i in 0..<b.count {
                        let matches: [Int32]
                        if keys.isNull(i) {
                            matches = []
                        } else if case let .strings(codes, pool) = keys {
                            let c = codes[i]
                            if translated == nil { translated = [:] }
                            if let m = translated![c] { matches = m } else {
                                let m = byString[pool.strings[Int(c)]] ?? []
                                translated![c] = m
                                matches = m
                            }
                        } else {
                            matches = index[keys.key(i).code] ?? []
                        }
                        switch kind {
                        case .semi: if !matches.isEmpty { leftRows.append(Int32(i)) }
                        case .anti: if matches.isEmpty { leftRows.append(Int32(i)) }
                        case .inner, .left:
                            if matches.isEmpty {
                                if kind == .left { leftRows.append(Int32(i)); rightRefs.append(-1) }
                            } else {
                                for m in matches { leftRows.append(Int32(i)); rightRefs.append(m) }
                            }
                        }
                    }
                    if leftRows.isEmpty {
                        if let p = pending { throw p }
                        continue
                    }
                    // Each row made counts a step, as on the row executor.
                    try ctx.spend(leftRows.count, span)
                    var out = b.gathered(leftRows)
                    if kind == .inner || kind == .left { out.vectors.append(.refs(rightKind, rightRefs)) }
                    return out
                }
                return nil
            }
        }
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
