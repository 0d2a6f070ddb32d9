import Foundation

/// A filter condition that reads one string column of few distinct values (`zone != "body" and zone !=
/// "headline"`, `doc.outlet == "A" or doc.outlet == "B"`) is evaluated once per distinct value, not once
/// per row: the column's codes index a table of the condition's truth for each string of its pool (and
/// for null). A row then costs the gather of its code and one load; the comparisons, `and`, `or` and
/// `not` run once per string of the pool. Used where only the truth of the condition counts (`where`,
/// and `count` of a `where`), so a null result and false are the same; and only for a pool of no more
/// strings than the batch has rows (ids of a kind are tested row by row).
extension ExprCompiler {
    /// Pools with more strings than this are not tabled: the table would cost more than the rows.
    static let codeTableLimit = 1 << 16

    /// The condition of a `where`: in its code-table form when it reads one string column and nothing
    /// else, else as ``compile(_:)`` makes it.
    func compilePredicate(_ e: Expr, tabled: (String) -> Void = { _ in }) -> CompiledExpr? {
        guard let direct = compile(e), direct.type == .bool else { return nil }
        guard !direct.canFail, let (leaf, column, perCode) = tabledParts(e) else { return direct }
        let tables = CodeTable()
        tabled(Formatter().expr(leaf, indent: 0))
        return CompiledExpr(type: .bool, canFail: false) { batch in
            // A pool of more strings than the batch has rows is tabled only once it is (a look-up of ids
            // on a few rows would cost the whole pool).
            guard case let .strings(codes, pool) = try column.eval(batch), pool.strings.count <= ExprCompiler.codeTableLimit,
                  pool.strings.count <= codes.count || tables.has(pool) else {
                return .bools(VectorKernels.truth(try direct.eval(batch)), valid: nil)
            }
            let table = try tables.table(for: pool) { pool in
                // Every code of the pool once, and null (-1), as rows of the one column.
                let all = [Int32(-1)] + (0..<Int32(pool.strings.count))
                return VectorKernels.truth(try perCode.eval(Batch(count: all.count, vectors: [.strings(all, pool)], base: nil)))
            }
            return table.withUnsafeBufferPointer { t in .bools(codes.map { t[Int($0) + 1] }, valid: nil) }
        }
    }
}

extension ExprCompiler {
    /// The parts of a condition that reads one string column and nothing else: that column (`leaf`), the
    /// column compiled, and the condition compiled over a batch holding only codes of the column's pool
    /// (one row per code). Nil when the condition reads anything else or could fail.
    func tabledParts(_ e: Expr) -> (leaf: Expr, column: CompiledExpr, perCode: CompiledExpr)? {
        guard let leaf = CodeTable.onlyLeaf(of: e), let column = compile(leaf), column.type == .string,
              !column.canFail else { return nil }
        let placeholder = "\u{0}code"
        let over = ExprCompiler(schema: ColumnarSchema(names: [placeholder], types: [.string], base: nil, bare: false, display: []),
                                corpus: corpus, columns: columns, locals: locals, fail: fail)
        guard let perCode = over.compile(CodeTable.replacing(leaf, in: e, with: placeholder)), perCode.type == .bool,
              !perCode.canFail else { return nil }
        return (leaf, column, perCode)
    }
}

/// The truth tables of one condition, by the pool they were made for (a pool's strings are never changed,
/// only added to: a table made for fewer strings is made again). Parts of a scan on other threads share it.
final class CodeTable: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [ObjectIdentifier: (pool: StringPool, truth: [Bool])] = [:]

    func has(_ pool: StringPool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return tables[ObjectIdentifier(pool)].map { $0.pool === pool && $0.truth.count == pool.strings.count + 1 } ?? false
    }

    func table(for pool: StringPool, _ make: (StringPool) throws -> [Bool]) throws -> [Bool] {
        lock.lock()
        if let t = tables[ObjectIdentifier(pool)], t.pool === pool, t.truth.count == pool.strings.count + 1 {
            lock.unlock()
            return t.truth
        }
        lock.unlock()
        let truth = try make(pool)
        lock.lock()
        tables[ObjectIdentifier(pool)] = (pool, truth)
        lock.unlock()
        return truth
    }

    /// The one column an expression reads (a name, or a chain of fields from a name), when every name it
    /// reads is that same column and it is made only of literals, that column, and operators.
    static func onlyLeaf(of e: Expr) -> Expr? {
        var leaf: Expr? = nil
        func walk(_ e: Expr) -> Bool {
            switch e {
            case .literal: return true
            case .name, .field:
                guard isChain(e) else { return false }
                if let l = leaf { return same(l, e) }
                leaf = e
                return true
            case let .unary(_, x, _): return walk(x)
            case let .binary(_, l, r, _): return walk(l) && walk(r)
            default: return false
            }
        }
        return walk(e) ? leaf : nil
    }

    private static func isChain(_ e: Expr) -> Bool {
        switch e {
        case .name: return true
        case let .field(b, _, _): return isChain(b)
        default: return false
        }
    }

    /// Whether two chains read the same column (wherever they stand in the text).
    private static func same(_ a: Expr, _ b: Expr) -> Bool {
        switch (a, b) {
        case let (.name(x, _), .name(y, _)): return x == y
        case let (.field(x, f, _), .field(y, g, _)): return f.name == g.name && same(x, y)
        default: return false
        }
    }

    /// The expression with every occurrence of the chain `leaf` read from the column `name` instead.
    static func replacing(_ leaf: Expr, in e: Expr, with name: String) -> Expr {
        switch e {
        case .name, .field: return same(leaf, e) ? .name(name, e.span) : e
        case let .unary(op, x, s): return .unary(op, replacing(leaf, in: x, with: name), s)
        case let .binary(op, l, r, s): return .binary(op, replacing(leaf, in: l, with: name), replacing(leaf, in: r, with: name), s)
        default: return e
        }
    }
}
