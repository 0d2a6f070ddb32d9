/// Computes once, when the program is compiled, the parts of a plan's expressions that are the same on
/// every row and whose value is a literal (`@2020 + ...` no, `2 * 1024` yes, `lower("KH")` yes): the
/// executor then reads a literal instead of evaluating them per row. A `where true` goes away.
///
/// A part whose evaluation fails (`1 / 0`) is left as written, so its error is raised where and when
/// the query would raise it. References (`ent("...")`) stay calls: a literal cannot hold them.
enum ConstantFoldingPass {
    /// Strings longer than this stay as expressions (a plan holds them for the program's lifetime).
    static let maxFoldedString = 64 << 10

    static func run(_ plan: PlanNode, _ context: PlanContext) -> PlanNode {
        let folder = Folder(context)
        return plan.transformed { node in
            var n = node
            switch node.op {
            case let .filter(input, cond):
                let c = folder.fold(cond)
                if case .literal(.bool(true), _) = c { return input }
                n.op = .filter(input, c)
            case let .select(input, cols): n.op = .select(input, folder.fold(cols))
            case let .extend(input, cols): n.op = .extend(input, folder.fold(cols))
            case let .sort(input, keys): n.op = .sort(input, folder.fold(keys))
            case let .take(input, count): n.op = .take(input, folder.fold(count))
            case let .top(input, count, keys): n.op = .top(input, folder.fold(count), folder.fold(keys))
            case let .distinct(input, cols): n.op = .distinct(input, folder.fold(cols))
            case let .expand(input, col): n.op = .expand(input, folder.fold([col])[0])
            default: break
            }
            return n
        }
    }

    final class Folder {
        let context: PlanContext
        let interpreter: Interpreter

        init(_ context: PlanContext) {
            self.context = context
            var limits = Limits()
            limits.maxSteps = 100_000
            limits.maxRows = 10_000
            interpreter = Interpreter(corpus: context.corpus, limits: limits, functions: context.functions, importLoader: nil)
            interpreter.stack = StackGuard.current()
        }

        func fold(_ cols: [Column]) -> [Column] { cols.map { Column(name: $0.name, expr: fold($0.expr)) } }
        func fold(_ keys: [SortKey]) -> [SortKey] {
            keys.map { SortKey(expr: fold($0.expr), descending: $0.descending, explicit: $0.explicit) }
        }

        func fold(_ e: Expr) -> Expr {
            if case .literal = e { return e }
            if context.isRowInvariant(e), let lit = evaluate(e) { return .literal(lit, e.span) }
            switch e {
            case .literal, .name, .pipeline: return e
            case let .field(b, f, s): return .field(fold(b), f, s)
            case let .index(b, i, s): return .index(fold(b), fold(i), s)
            case let .call(n, args, s): return .call(n, args.map(fold), s)
            case let .unary(op, x, s): return .unary(op, fold(x), s)
            case let .binary(op, l, r, s): return .binary(op, fold(l), fold(r), s)
            case let .list(items, s): return .list(items.map(fold), s)
            case let .record(fs, s): return .record(fs.map { RecordField(name: $0.name, value: fold($0.value)) }, s)
            }
        }

        /// The value of a row-invariant expression as a literal, or nil (an error, or not a literal).
        private func evaluate(_ e: Expr) -> Literal? {
            guard let v = try? interpreter.eval(e, .top) else { return nil }
            switch v {
            case .null: return .null
            case let .bool(b): return .bool(b)
            case let .int(i): return .int(i)
            case let .float(f): return f.isFinite ? .float(f) : nil
            case let .string(s): return s.utf8.count <= ConstantFoldingPass.maxFoldedString ? .string(s) : nil
            case let .date(d): return .date(d)
            default: return nil
            }
        }
    }
}
