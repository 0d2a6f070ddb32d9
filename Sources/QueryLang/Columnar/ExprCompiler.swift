/// Compiles an expression, once per query, into a function from a batch to a vector, for the subset of
/// the language whose meaning on vectors is exactly its meaning on rows: literals, columns and fields of
/// references, comparisons (`==` null-equal, a reference equal to a string holding its id; `<` false on
/// null), `and`/`or`/`not`, and `+ - *` on numbers (an overflow is E406 as on rows). Anything else
/// (function calls, dates, lists, texts, names that are variables) is not compiled: the query then runs
/// on the row executor.
struct CompiledExpr {
    let type: VectorType
    /// Whether evaluating it can raise an error (so `and`/`or` must not evaluate it where rows would not).
    let canFail: Bool
    let eval: (Batch) throws -> Vector
}

struct ExprCompiler {
    let schema: ColumnarSchema
    let corpus: Corpus
    let columns: CorpusColumns
    /// Names that are parameters of the enclosing function (never compiled).
    let locals: Set<String>
    /// Makes the diagnostic of a failed evaluation (code, message, span).
    let fail: (String, String, Span, [String]) -> Error

    func compile(_ e: Expr) -> CompiledExpr? {
        switch e {
        case let .literal(l, _): return literal(l)
        case let .name(n, _):
            guard !locals.contains(n), let t = schema.type(of: n) else { return nil }
            if let i = schema.column(n) { return CompiledExpr(type: t, canFail: false) { $0.vectors[i] } }
            let kind = schema.base!
            let columns = self.columns
            return CompiledExpr(type: t, canFail: false) { b in
                guard case let .refs(_, ids)? = b.base else { preconditionFailure("a base of references") }
                return columns.gather(n, of: kind, ids)
            }
        case let .field(base, f, _):
            guard let b = compile(base), case let .ref(kind) = b.type, let t = CorpusColumns.type(of: f.name, in: kind) else { return nil }
            let columns = self.columns
            return CompiledExpr(type: t, canFail: b.canFail) { batch in
                guard case let .refs(_, ids) = try b.eval(batch) else { preconditionFailure("references") }
                return columns.gather(f.name, of: kind, ids)
            }
        case let .unary(op, x, span):
            guard let v = compile(x) else { return nil }
            return unary(op, v, span)
        case let .binary(op, l, r, span):
            return binary(op, l, r, span)
        default:
            return nil
        }
    }

    private func literal(_ l: Literal) -> CompiledExpr? {
        switch l {
        case let .int(i): return CompiledExpr(type: .int, canFail: false) { .ints(Array(repeating: i, count: $0.count), valid: nil) }
        case let .float(f): return CompiledExpr(type: .float, canFail: false) { .floats(Array(repeating: f, count: $0.count), valid: nil) }
        case let .bool(x): return CompiledExpr(type: .bool, canFail: false) { .bools(Array(repeating: x, count: $0.count), valid: nil) }
        case let .string(s):
            let pool = StringPool()
            let code = pool.code(s)
            return CompiledExpr(type: .string, canFail: false) { .strings(Array(repeating: code, count: $0.count), pool) }
        case .null, .date: return nil
        }
    }

    private func unary(_ op: UnaryOp, _ v: CompiledExpr, _ span: Span) -> CompiledExpr? {
        switch (op, v.type) {
        case (.not, .bool):
            return CompiledExpr(type: .bool, canFail: v.canFail) { b in
                guard case let .bools(x, valid) = try v.eval(b) else { preconditionFailure() }
                return .bools(x.map { !$0 }, valid: valid)
            }
        case (.negate, .int):
            let fail = self.fail
            return CompiledExpr(type: .int, canFail: true) { b in
                guard case let .ints(x, valid) = try v.eval(b) else { preconditionFailure() }
                for (i, n) in x.enumerated() where n == Int64.min && valid?[i] != false {
                    throw fail("E406", "integer overflow", span, [])
                }
                return .ints(x.map { $0 == Int64.min ? 0 : -$0 }, valid: valid)
            }
        case (.negate, .float):
            return CompiledExpr(type: .float, canFail: v.canFail) { b in
                guard case let .floats(x, valid) = try v.eval(b) else { preconditionFailure() }
                return .floats(x.map { -$0 }, valid: valid)
            }
        default:
            return nil
        }
    }

    // MARK: Binary operators

    private func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span) -> CompiledExpr? {
        // `x == null`, `x != null`.
        if op == .eq || op == .ne {
            if case .literal(.null, _) = r, let x = compile(l) { return nullTest(x, negate: op == .ne) }
            if case .literal(.null, _) = l, let x = compile(r) { return nullTest(x, negate: op == .ne) }
            // A reference compared with a literal id.
            if case let .literal(.string(s), _) = r, let x = compile(l), case let .ref(k) = x.type { return refEquals(x, k, s, op == .ne) }
            if case let .literal(.string(s), _) = l, let x = compile(r), case let .ref(k) = x.type { return refEquals(x, k, s, op == .ne) }
        }
        guard let a = compile(l), let b = compile(r) else { return nil }
        switch op {
        case .and, .or:
            guard a.type == .bool, b.type == .bool, !b.canFail else { return nil }
            return CompiledExpr(type: .bool, canFail: a.canFail) { batch in
                let x = try a.eval(batch), y = try b.eval(batch)
                guard case let .bools(p, pv) = x, case let .bools(q, qv) = y else { preconditionFailure() }
                var out = [Bool](repeating: false, count: batch.count)
                for i in 0..<batch.count {
                    let s = p[i] && pv?[i] != false, t = q[i] && qv?[i] != false
                    out[i] = op == .and ? (s && t) : (s || t)
                }
                return .bools(out, valid: nil)
            }
        case .eq, .ne:
            return equality(a, b, negate: op == .ne)
        case .lt, .le, .gt, .ge:
            return ordering(a, b, op)
        case .add, .sub, .mul:
            return arithmetic(a, b, op, span)
        default:
            return nil
        }
    }

    private func nullTest(_ x: CompiledExpr, negate: Bool) -> CompiledExpr {
        CompiledExpr(type: .bool, canFail: x.canFail) { b in
            let v = try x.eval(b)
            return .bools((0..<b.count).map { v.isNull($0) != negate }, valid: nil)
        }
    }

    private func refEquals(_ x: CompiledExpr, _ kind: ReferenceKind, _ id: String, _ negate: Bool) -> CompiledExpr {
        let target: Int32
        switch kind {
        case .entity: target = corpus.entityByID[id].map(Int32.init) ?? -2
        case .document: target = corpus.documentByID[id].map(Int32.init) ?? -2
        case .fact: target = corpus.fact(id: id).map { Int32($0.index) } ?? -2
        case .mention: target = -2
        }
        return CompiledExpr(type: .bool, canFail: x.canFail) { b in
            guard case let .refs(_, ids) = try x.eval(b) else { preconditionFailure() }
            return .bools(ids.map { ($0 == target) != negate }, valid: nil)
        }
    }

    private func equality(_ a: CompiledExpr, _ b: CompiledExpr, negate: Bool) -> CompiledExpr? {
        let canFail = a.canFail || b.canFail
        func make(_ same: @escaping (Vector, Vector, Int) -> Bool) -> CompiledExpr {
            CompiledExpr(type: .bool, canFail: canFail) { batch in
                let x = try a.eval(batch), y = try b.eval(batch)
                return .bools((0..<batch.count).map { i in
                    let xn = x.isNull(i), yn = y.isNull(i)
                    let eq = xn || yn ? (xn && yn) : same(x, y, i)
                    return eq != negate
                }, valid: nil)
            }
        }
        switch (a.type, b.type) {
        case (.int, .int), (.bool, .bool):
            return make { x, y, i in x.key(i).code == y.key(i).code }
        case (.float, .float), (.int, .float), (.float, .int):
            return make { x, y, i in ExprCompiler.double(x, i) == ExprCompiler.double(y, i) }
        case (.string, .string):
            return make { x, y, i in
                guard case let .strings(p, pp) = x, case let .strings(q, qp) = y else { return false }
                return pp === qp ? p[i] == q[i] : pp.strings[Int(p[i])] == qp.strings[Int(q[i])]
            }
        case let (.ref(k1), .ref(k2)):
            if k1 != k2 { return make { _, _, _ in false } }
            return make { x, y, i in x.key(i).code == y.key(i).code }
        case let (.ref(k), .string), let (.string, .ref(k)):
            let columns = self.columns
            let refFirst = { if case .ref = a.type { return true } else { return false } }()
            return make { x, y, i in
                let (ref, str) = refFirst ? (x, y) : (y, x)
                guard case let .refs(_, ids) = ref, case let .strings(codes, pool) = str, k != .mention else { return false }
                guard case let .strings(idCodes, idPool) = columns.gather("id", of: k, [ids[i]]) else { return false }
                return idPool.strings[Int(idCodes[0])] == pool.strings[Int(codes[i])]
            }
        default:
            return nil
        }
    }

    static func double(_ v: Vector, _ i: Int) -> Double {
        switch v {
        case let .ints(x, _): return Double(x[i])
        case let .floats(x, _): return x[i]
        default: return .nan
        }
    }

    private func ordering(_ a: CompiledExpr, _ b: CompiledExpr, _ op: BinaryOp) -> CompiledExpr? {
        let canFail = a.canFail || b.canFail
        func test(_ c: Int) -> Bool {
            switch op {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        }
        func make(_ cmp: @escaping (Vector, Vector, Int) -> Int?) -> CompiledExpr {
            CompiledExpr(type: .bool, canFail: canFail) { batch in
                let x = try a.eval(batch), y = try b.eval(batch)
                return .bools((0..<batch.count).map { i in
                    if x.isNull(i) || y.isNull(i) { return false }
                    return cmp(x, y, i).map(test) ?? false
                }, valid: nil)
            }
        }
        switch (a.type, b.type) {
        case (.int, .int):
            return make { x, y, i in
                let p = x.key(i).code, q = y.key(i).code
                return p < q ? -1 : (p == q ? 0 : 1)
            }
        case (.float, .float), (.int, .float), (.float, .int):
            return make { x, y, i in
                let p = ExprCompiler.double(x, i), q = ExprCompiler.double(y, i)
                return p < q ? -1 : (p == q ? 0 : 1)
            }
        case (.string, .string):
            return make { x, y, i in
                guard case let .strings(p, pp) = x, case let .strings(q, qp) = y else { return nil }
                let s = pp.strings[Int(p[i])], t = qp.strings[Int(q[i])]
                return s < t ? -1 : (s == t ? 0 : 1)
            }
        case (.bool, .bool):
            return make { x, y, i in
                let p = x.key(i).code, q = y.key(i).code
                return p < q ? -1 : (p == q ? 0 : 1)
            }
        default:
            return nil
        }
    }

    private func arithmetic(_ a: CompiledExpr, _ b: CompiledExpr, _ op: BinaryOp, _ span: Span) -> CompiledExpr? {
        switch (a.type, b.type) {
        case (.int, .int):
            let fail = self.fail
            return CompiledExpr(type: .int, canFail: true) { batch in
                guard case let .ints(x, xv) = try a.eval(batch), case let .ints(y, yv) = try b.eval(batch) else { preconditionFailure() }
                var out = [Int64](repeating: 0, count: batch.count)
                var valid: [Bool]? = nil
                for i in 0..<batch.count {
                    if xv?[i] == false || yv?[i] == false {
                        if valid == nil { valid = [Bool](repeating: true, count: batch.count) }
                        valid![i] = false
                        continue
                    }
                    let (v, overflow): (Int64, Bool)
                    switch op {
                    case .add: (v, overflow) = x[i].addingReportingOverflow(y[i])
                    case .sub: (v, overflow) = x[i].subtractingReportingOverflow(y[i])
                    default: (v, overflow) = x[i].multipliedReportingOverflow(by: y[i])
                    }
                    if overflow {
                        throw fail("E406", "integer overflow in \(x[i]) \(op.rawValue) \(y[i])", span, ["use floats: float(x)"])
                    }
                    out[i] = v
                }
                return .ints(out, valid: valid)
            }
        case (.float, .float), (.int, .float), (.float, .int):
            return CompiledExpr(type: .float, canFail: a.canFail || b.canFail) { batch in
                let x = try a.eval(batch), y = try b.eval(batch)
                var valid: [Bool]? = nil
                let out = (0..<batch.count).map { i -> Double in
                    if x.isNull(i) || y.isNull(i) {
                        if valid == nil { valid = [Bool](repeating: true, count: batch.count) }
                        valid![i] = false
                        return 0
                    }
                    let p = ExprCompiler.double(x, i), q = ExprCompiler.double(y, i)
                    switch op {
                    case .add: return p + q
                    case .sub: return p - q
                    default: return p * q
                    }
                }
                return .floats(out, valid: valid)
            }
        default:
            return nil
        }
    }
}
