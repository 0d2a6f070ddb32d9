/// Prints a syntax tree as canonical mq text: the formatter of `mq fmt`.
///
/// Comments are kept (before statements and stages, and at line ends). A pipeline stays on one line
/// when it is short; otherwise each stage goes on its own line, indented, starting with `|`.
/// `Parser.parse(Formatter().format(p)) == p` holds for every program `p` (tested).
@_spi(MQInternals) public struct Formatter: Sendable {
    @_spi(MQInternals) public var lineWidth = 100

    @_spi(MQInternals) public init() {}

    @_spi(MQInternals) public func format(_ program: Program) -> String {
        var out = ""
        for (i, st) in program.statements.enumerated() {
            if i > 0 && (!st.comments.isEmpty || isBlock(st) || isBlock(program.statements[i - 1])) { out += "\n" }
            for c in st.comments { out += "#\(c)\n" }
            out += statement(st)
            if let t = st.trailingComment { out += "  #\(t)" }
            out += "\n"
        }
        if !program.trailingComments.isEmpty {
            if !out.isEmpty { out += "\n" }
            for c in program.trailingComments { out += "#\(c)\n" }
        }
        return out
    }

    private func isBlock(_ st: Statement) -> Bool {
        if case let .query(e) = st.kind, case .pipeline = e { return statement(st).contains("\n") }
        if case .def = st.kind { return true }
        return false
    }

    @_spi(MQInternals) public func statement(_ st: Statement) -> String {
        switch st.kind {
        case let .let(name, e): return "let \(name.name) = " + expr(e, indent: 0)
        case let .def(name, params, body):
            return "def \(name.name)(\(params.map(\.name).joined(separator: ", "))) = " + expr(body, indent: 0)
        case let .assert(c, m): return "assert " + expr(c, indent: 0) + (m.map { ", " + expr($0, indent: 0) } ?? "")
        case let .print(e): return "print " + expr(e, indent: 0)
        case let .import(path, _): return "import " + quote(path)
        case let .query(e): return expr(e, indent: 0)
        case let .explain(e): return "explain " + expr(e, indent: 0)
        }
    }

    // MARK: Expressions

    @_spi(MQInternals) public func expr(_ e: Expr, indent: Int) -> String {
        switch e {
        case let .pipeline(source, stages, _):
            let src = operand(source, indent: indent, minPrecedence: 0)
            let parts = stages.map { stage($0, indent: indent + 2) }
            let oneLine = src + parts.map { " | " + $0 }.joined()
            let hasComments = stages.contains { !$0.comments.isEmpty }
            if !hasComments && !oneLine.contains("\n") && oneLine.count + indent <= lineWidth && stages.count <= 3 {
                return oneLine
            }
            let pad = String(repeating: " ", count: indent + 2)
            var s = src
            for (st, p) in zip(stages, parts) {
                for c in st.comments { s += "\n" + pad + "#" + c }
                s += "\n" + pad + "| " + p
            }
            return s
        default:
            return operand(e, indent: indent, minPrecedence: 0)
        }
    }

    /// An expression inside another: parenthesised when it binds more loosely than its place needs.
    private func operand(_ e: Expr, indent: Int, minPrecedence: Int) -> String {
        switch e {
        case let .literal(l, _): return literal(l)
        case let .name(n, _): return n
        case let .field(b, f, _): return postfixBase(b, indent) + "." + f.name
        case let .index(b, i, _): return postfixBase(b, indent) + "[" + expr(i, indent: indent) + "]"
        case let .call(f, args, _): return f.name + "(" + args.map { expr($0, indent: indent) }.joined(separator: ", ") + ")"
        case let .unary(op, x, _):
            let s = op == .not ? "not " + operand(x, indent: indent, minPrecedence: 4) : "-" + operand(x, indent: indent, minPrecedence: 7)
            return minPrecedence > 3 && op == .not ? "(" + s + ")" : s
        case let .binary(op, l, r, _):
            let p = op.precedence
            // Left-associative: the right operand needs parentheses at equal precedence.
            let s = operand(l, indent: indent, minPrecedence: p == 4 ? p + 1 : p) + " " + op.rawValue + " "
                + operand(r, indent: indent, minPrecedence: p + 1)
            return p < minPrecedence ? "(" + s + ")" : s
        case let .list(items, _): return "[" + items.map { expr($0, indent: indent) }.joined(separator: ", ") + "]"
        case let .record(fs, _):
            return "{" + fs.map { key($0.name.name) + ": " + expr($0.value, indent: indent) }.joined(separator: ", ") + "}"
        case .pipeline:
            return "(" + expr(e, indent: indent) + ")"
        }
    }

    private func postfixBase(_ b: Expr, _ indent: Int) -> String {
        switch b {
        case .literal(.int, _), .literal(.float, _): return "(" + expr(b, indent: indent) + ")"
        case .name, .field, .index, .call, .list, .record, .literal: return operand(b, indent: indent, minPrecedence: 8)
        default: return "(" + expr(b, indent: indent) + ")"
        }
    }

    private func key(_ k: String) -> String {
        let isIdent = k.first.map { $0.isLetter || $0 == "_" } ?? false
            && k.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return isIdent && !Parser.keywords.contains(k) ? k : quote(k)
    }

    func literal(_ l: Literal) -> String {
        switch l {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .float(f):
            let s = "\(f)"
            return s.contains(".") || s.contains("e") ? s : s + ".0"
        // A period (`1y`, `5y`, `2w`) is written bare, as `bin` reads best; the lexer reads it back as this text.
        case let .string(s) where Formatter.isPeriod(s): return s
        case let .string(s): return quote(s)
        case let .date(d): return "@" + d.description
        }
    }

    /// Digits and one unit letter y, q, m, w or d (at most 8 characters): what the lexer reads as a period.
    static func isPeriod(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 2, b.count <= 8, let unit = b.last, "yqmwd".utf8.contains(unit) else { return false }
        return b.dropLast().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    func quote(_ s: String) -> String {
        EscapedText.doubleQuoted(s) { u in
            switch u {
            case "\t": return "\\t"
            case "\r": return "\\r"
            default: return u.value < 0x20 || u.value == 0x7F ? "\\u{\(EscapedText.hex(u.value, digits: 1))}" : nil
            }
        }
    }

    // MARK: Stages

    private func columns(_ cols: [Column], _ indent: Int) -> String {
        cols.map { c in (c.name.map { $0.name + " = " } ?? "") + operand(c.expr, indent: indent, minPrecedence: 0) }
            .joined(separator: ", ")
    }

    private func keys(_ ks: [SortKey], _ indent: Int) -> String {
        ks.map { k in operand(k.expr, indent: indent, minPrecedence: 0) + (k.explicit ? (k.descending ? " desc" : " asc") : "") }
            .joined(separator: ", ")
    }

    func stage(_ st: Stage, indent: Int) -> String {
        let e = { (x: Expr) in self.operand(x, indent: indent, minPrecedence: 0) }
        switch st.kind {
        case let .where(c): return "where " + e(c)
        case let .select(cols): return "select " + columns(cols, indent)
        case let .extend(cols): return "extend " + columns(cols, indent)
        case let .sort(ks): return "sort by " + keys(ks, indent)
        case let .take(n): return "take " + e(n)
        case let .top(n, ks): return "top " + e(n) + " by " + keys(ks, indent)
        case let .distinct(cols): return cols.isEmpty ? "distinct" : "distinct " + columns(cols, indent)
        case let .summarize(aggs, by):
            var s = "summarize"
            if !aggs.isEmpty { s += " " + columns(aggs, indent) }
            if !by.isEmpty { s += " by " + columns(by, indent) }
            return s
        case let .join(kind, right, on):
            let k = kind == .inner ? "" : "kind=\(kind.rawValue) "
            let r = postfixBase(right, indent)
            let keysText = on.map { k in e(k.left) + (k.right.map { " == " + e($0) } ?? "") }.joined(separator: ", ")
            return "join " + k + r + " on " + keysText
        case let .union(right): return "union " + postfixBase(right, indent)
        case let .expand(c): return "expand " + columns([c], indent)
        case .count: return "count"
        case let .cooccur(scope, all): return "cooccur by \(scope.rawValue)" + (all ? " all" : "")
        case let .kwic(term, width, regex):
            var s = regex ? "kwic matches" : "kwic"
            if let term { s += " " + e(term) }
            if let width { s += " width " + e(width) }
            return s
        case .timeline: return "timeline"
        case let .render(spec): return spec.text
        case let .neighbors(s): return s.formatted(e)
        case let .paths(s): return s.formatted(e)
        case .conflicts: return "conflicts"
        case .corroboration: return "corroboration"
        case let .asof(d): return "asof " + e(d)
        }
    }
}
