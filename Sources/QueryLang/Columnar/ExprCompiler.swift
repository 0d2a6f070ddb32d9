/// Compiles an expression, once per query, into a function from a batch to a vector, for the subset of
/// the language whose meaning on vectors is exactly its meaning on rows: literals, columns and fields of
/// references, comparisons (`==` null-equal, a reference equal to a string holding its id; `<` false on
/// null), `and`/`or`/`not`, `+ - *` on numbers (an overflow is E406 as on rows), exact dates and `bin` of
/// them (``DateVectors``). Anything else (other function calls, lists, texts, names that are variables) is
/// not compiled: the query then runs on the row executor.
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
    /// Names whose calls are the built-in functions compiled here (`bin`), not a `def` or a host's own.
    var builtinCalls: Set<String> = []
    /// Makes the error of a failed evaluation (code, message, span, hints, the row of the batch).
    let fail: (DiagnosticCode, String, Span, [String], Int) -> Error

    func compile(_ e: Expr) -> CompiledExpr? {
        let c = compileAny(e)
        // Dates on vectors are exact dates (``DateVectors``): none where the corpus has an approximate one.
        if c?.type == .date, !DateVectors.publishedExact(columns) { return nil }
        return c
    }

    private func compileAny(_ e: Expr) -> CompiledExpr? {
        switch e {
        case let .call(name, args, _) where name.name == "bin" && builtinCalls.contains("bin"):
            return dateBin(args)
        case let .literal(l, _): return literal(l)
        case let .name(n, _):
            guard !locals.contains(n), let t = schema.type(of: n) else { return nil }
            if let i = schema.column(n) { return CompiledExpr(type: t, canFail: false) { $0.vectors[i] } }
            let columns = self.columns
            if let f = schema.fieldColumns[n], case let .ref(k) = schema.types[f.vector] {
                return CompiledExpr(type: t, canFail: false) { b in
                    guard case let .refs(_, ids) = b.vectors[f.vector] else { preconditionFailure("references") }
                    return columns.gather(f.field, of: k, ids)
                }
            }
            let kind = schema.base!
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
        case let .date(d): return dateLiteral(d)
        case .null: return nil
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
                    throw fail(.integerOverflow, "integer overflow", span, [], i)
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
        if op == .has, case let .literal(.string(s), _) = r { return has(l, s) }
        if op == .matches, case let .literal(.string(s), _) = r { return regexMatches(l, s, r.span) }
        // A string column compared with a literal: the literal's code in the column's pool, looked up once
        // per batch, then codes compared.
        if op == .eq || op == .ne {
            if case let .literal(.string(s), _) = r, let x = compile(l), x.type == .string { return stringEquals(x, s, op == .ne) }
            if case let .literal(.string(s), _) = l, let x = compile(r), x.type == .string { return stringEquals(x, s, op == .ne) }
        }
        guard let a = compile(l), let b = compile(r) else { return nil }
        switch op {
        case .and, .or:
            guard a.type == .bool, b.type == .bool, !b.canFail else { return nil }
            return CompiledExpr(type: .bool, canFail: a.canFail) { batch in
                let p = VectorKernels.truth(try a.eval(batch)), q = VectorKernels.truth(try b.eval(batch))
                var out = [Bool](repeating: false, count: batch.count)
                if op == .and { for i in 0..<batch.count { out[i] = p[i] && q[i] } } else { for i in 0..<batch.count { out[i] = p[i] || q[i] } }
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
            guard let nulls = VectorKernels.codes(try x.eval(b)).nulls else { return .bools(Array(repeating: negate, count: b.count), valid: nil) }
            return .bools(nulls.map { $0 != negate }, valid: nil)
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

    private func stringEquals(_ x: CompiledExpr, _ literal: String, _ negate: Bool) -> CompiledExpr {
        CompiledExpr(type: .bool, canFail: x.canFail) { b in
            guard case let .strings(codes, pool) = try x.eval(b) else { preconditionFailure("strings") }
            let c = pool.lookup(literal) ?? -2
            return .bools(codes.map { ($0 == c) != negate }, valid: nil)
        }
    }

    private func equality(_ a: CompiledExpr, _ b: CompiledExpr, negate: Bool) -> CompiledExpr? {
        switch (a.type, b.type) {
        case (.int, .int), (.bool, .bool), (.float, .float), (.int, .float), (.float, .int), (.string, .string),
             (.ref, .ref), (.date, .date):
            return CompiledExpr(type: .bool, canFail: a.canFail || b.canFail) { batch in
                VectorKernels.equal(try a.eval(batch), try b.eval(batch), negate: negate)
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
        switch (a.type, b.type) {
        case (.int, .int), (.float, .float), (.int, .float), (.float, .int), (.string, .string), (.bool, .bool), (.date, .date):
            return CompiledExpr(type: .bool, canFail: a.canFail || b.canFail) { batch in
                VectorKernels.order(try a.eval(batch), try b.eval(batch), op)
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
                        throw fail(.integerOverflow, "integer overflow in \(x[i]) \(op.rawValue) \(y[i])", span, ["use floats: float(x)"], i)
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
