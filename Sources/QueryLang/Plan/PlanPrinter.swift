/// Prints a plan as `explain` shows it: one line per node, the last stage first and its input below it,
/// each with its expressions as written (after constant folding) and the columns it hands on.
///
/// ```text
/// top 5 by n desc  -> [o: string, n: int]
/// └─ summarize n = count() by o = doc.outlet  -> [o: string, n: int]
///    └─ scan mentions
/// ```
/// The right side of a join or union, and nested queries, are printed under the node that runs them.
@_spi(MQInternals) public struct PlanPrinter: Sendable {
    let plans: PlanSet?
    let file: SourceFile?
    private let formatter = Formatter()

    init(plans: PlanSet?, file: SourceFile?) {
        self.plans = plans
        self.file = file
    }

    @_spi(MQInternals) public func render(_ plan: PlanNode) -> String {
        var lines: [String] = []
        node(plan, prefix: "", childPrefix: "", notes: nil, into: &lines)
        return lines.joined(separator: "\n")
    }

    private func node(_ n: PlanNode, prefix: String, childPrefix: String, notes: ColumnarNotes?, into lines: inout [String]) {
        var line = prefix + describe(n)
        if let note = notes?.note(for: n) { line += "  (\(note))" }
        if let cap = n.rowCap { line += "  (keeps \(cap))" }
        if let cols = n.schema.columns, !n.schema.isReference, !cols.isEmpty {
            line += "  -> [" + cols.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + "]"
        }
        lines.append(line)
        var children: [(label: String?, plan: PlanNode?, expr: Expr?)] = []
        for e in nestedQueries(n) { children.append((e.label, plans.flatMap { p in file.flatMap { p.plan(at: e.expr.span, in: $0) } }, e.expr)) }
        if let input = n.inputs.first { children.append((nil, input, nil)) }
        var inner = notes
        if case let .columnar(sub, program) = n.op {
            children.append((nil, sub, nil))
            inner = program.notes
        }
        for (i, c) in children.enumerated() {
            let last = i == children.count - 1
            let head = childPrefix + (last ? "└─ " : "├─ ")
            let rest = childPrefix + (last ? "   " : "│  ")
            if let plan = c.plan {
                // A nested query has a plan of its own (its own notes); the input shares this one's.
                node(plan, prefix: head + (c.label.map { $0 + ": " } ?? ""), childPrefix: rest, notes: c.label == nil ? inner : nil, into: &lines)
            } else if let e = c.expr {
                lines.append(head + (c.label.map { $0 + ": " } ?? "") + "value " + formatter.expr(e, indent: 0))
            }
        }
    }

    /// The right side of a join or union: a query of its own.
    private func nestedQueries(_ n: PlanNode) -> [(label: String, expr: Expr)] {
        switch n.op {
        case let .join(_, _, right, _): return [("right", unwrap(right))]
        case let .union(_, right): return [("right", unwrap(right))]
        default: return []
        }
    }

    private func unwrap(_ e: Expr) -> Expr { e }

    private func describe(_ n: PlanNode) -> String {
        func x(_ e: Expr) -> String { formatter.expr(e, indent: 0) }
        func cols(_ cs: [Column]) -> String {
            cs.map { c in (c.name.map { $0.name + " = " } ?? "") + x(c.expr) }.joined(separator: ", ")
        }
        func keys(_ ks: [SortKey]) -> String { ks.map { x($0.expr) + ($0.descending ? " desc" : " asc") }.joined(separator: ", ") }
        switch n.op {
        case let .scan(kind): return "scan " + FieldCatalog.sourceName(of: kind)
        case let .value(e): return "value " + x(e)
        case let .rows(r): return "rows " + r.what
        case let .filter(_, c): return "where " + x(c)
        case let .select(_, c): return "select " + cols(c)
        case let .extend(_, c): return "extend " + cols(c)
        case let .sort(_, k): return "sort by " + keys(k)
        case let .take(_, c): return "take " + x(c)
        case let .top(_, c, k): return "top " + x(c) + " by " + keys(k)
        case let .distinct(_, c): return c.isEmpty ? "distinct" : "distinct " + cols(c)
        case let .summarize(_, a, b): return "summarize " + cols(a) + (b.isEmpty ? "" : " by " + cols(b))
        case let .join(_, kind, _, on):
            return "join kind=\(kind.rawValue) on " + on.map { x($0.left) + ($0.right.map { " == " + x($0) } ?? "") }.joined(separator: ", ")
        case .union: return "union"
        case let .expand(_, c): return "expand " + cols([c])
        case .count: return "count"
        case let .cooccur(_, s, all): return "cooccur by \(s.rawValue)" + (all ? " all" : "")
        case let .kwic(_, t, w, r):
            return "kwic" + (r ? " matches" : "") + (t.map { " " + x($0) } ?? "") + (w.map { " width " + x($0) } ?? "")
        case .timeline: return "timeline (postings: facts and own-text documents by entity)"
        case let .render(_, spec): return spec.text + "  (drawn where the result is shown)"
        case let .neighbors(i, s): return s.formatted(x) + EntityGraph.explain(i)
        case let .paths(i, s): return s.formatted(x) + EntityGraph.explain(i)
        case .conflicts: return "conflicts"
        case .corroboration: return "corroboration"
        case let .asof(_, d): return "asof " + x(d)
        case let .lookupByID(kind, key): return "lookup \(FieldCatalog.sourceName(of: kind)) by id == " + x(key) + "  (id index)"
        case let .indexedFilter(_, c): return "where " + condition(c) + "  (postings)"
        case let .entityMentions(a):
            let which: String
            switch a.entity {
            case let .known(i, _): which = i >= 0 ? "its postings" : "no such entity: none"
            case .computed: which = "its postings, the entity computed once when the query runs"
            }
            return "mentions | where " + x(a.condition) + "  (the entity's mentions from \(which)"
                + (a.rest == nil ? ")" : "; the rest of the condition on them)")
        case let .countsByEntity(a, b): return "summarize " + cols(a) + " by " + cols(b) + "  (mention postings by entity)"
        case .columnar: return "columnar  (batches of typed vectors from here down)"
        case let .pairsByDocument(all, limit):
            let how = limit.map { $0 <= 1024 ? "top \($0) pairs from entity bitsets" : "entity lists per document" } ?? "entity lists per document"
            return "cooccur by document" + (all ? " all" : "") + "  (postings: \(how))"
        }
    }

    /// A query that is not a pipeline, with the plan of the body of each function it calls whose body is
    /// a pipeline (the plan a call takes when the body's source means the corpus source), under it:
    /// `body` gives a function's body and the printer of the program that defined it.
    static func calls(_ e: Expr, _ body: (String) -> (body: Expr, printer: PlanPrinter)?) -> String {
        var lines = ["value " + Formatter().expr(e, indent: 0)]
        var seen = Set<String>()
        var found: [(name: String, text: String)] = []
        func walk(_ x: Expr) {
            if case let .call(name, _, _) = x, seen.insert(name.name).inserted, let f = body(name.name),
               case .pipeline = f.body, let set = f.printer.plans, let file = f.printer.file,
               let plan = set.sourcePlan(at: f.body.span, in: file)?.plan ?? set.plan(at: f.body.span, in: file) {
                found.append((name.name, f.printer.render(plan)))
            }
            x.children.forEach(walk)
        }
        walk(e)
        for (i, f) in found.enumerated() {
            let last = i == found.count - 1
            for (k, line) in f.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append((k == 0 ? (last ? "└─ def \(f.name): " : "├─ def \(f.name): ") : (last ? "   " : "│  ")) + line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private func condition(_ c: IndexedCondition) -> String {
        switch c {
        case let .member(op, needle, list, _, _, invariant):
            return formatter.expr(needle, indent: 0) + " \(op.rawValue) \(list)" + (invariant ? " [once]" : "")
        case let .and(a, b, _, _): return "(" + condition(a) + " and " + condition(b) + ")"
        case let .or(a, b, _, _): return "(" + condition(a) + " or " + condition(b) + ")"
        case let .general(e): return formatter.expr(e, indent: 0)
        }
    }
}

extension FieldCatalog {
    /// The source that holds every reference of a kind (`docs` for documents).
    @_spi(MQInternals) public static func sourceName(of kind: ReferenceKind) -> String {
        sources.first { $0.kind == kind }?.name ?? kind.rawValue
    }
}
