/// Parses tokens into a ``Program``, reporting every syntax error it can find in one pass.
///
/// Recursive descent with precedence climbing. Nesting deeper than `maxDepth` is a diagnostic (E103),
/// never a stack overflow. An error at the end of the input is E104 ("unfinished"), which the REPL uses
/// to ask for another line.
@_spi(MQInternals) public struct Parser {
    @_spi(MQInternals) public let file: SourceFile
    private var tokens: [Token]
    private var pos = 0
    private var depth = 0
    @_spi(MQInternals) public var maxDepth: Int
    @_spi(MQInternals) public private(set) var diagnostics: [Diagnostic] = []
    private var comments: [(start: Int, text: String, ownLine: Bool)]
    private var nextComment = 0

    /// Thrown to unwind a statement after an error; the statement is skipped.
    struct Abort: Error {}

    static let keywords: Set<String> = ["let", "def", "assert", "print", "import", "true", "false", "null",
                                        "and", "or", "not", "in"]
    /// Names analysts bring from other query languages, with the mq stage they mean.
    static let stageSynonyms: [String: String] = [
        "limit": "take", "head": "take", "filter": "where", "project": "select", "order": "sort",
        "orderby": "sort", "group": "summarize", "groupby": "summarize", "aggregate": "summarize",
        "mvexpand": "expand", "mv-expand": "expand", "unnest": "expand", "uniq": "distinct", "dedup": "distinct",
    ]

    @_spi(MQInternals) public init(file: SourceFile, maxDepth: Int = 200) {
        self.file = file
        var lexer = Lexer(file: file)
        self.tokens = lexer.tokenize()
        self.diagnostics = lexer.diagnostics
        self.comments = lexer.comments
        self.maxDepth = maxDepth
    }

    /// Parses a whole program; `diagnostics` holds every error found.
    @_spi(MQInternals) public mutating func parseProgram() -> Program {
        var statements: [Statement] = []
        skipNewlines()
        while !at(.eof) {
            depth = 0
            let leading = takeComments(before: current.span.start)
            do {
                var st = try statement()
                st.comments = leading
                if !at(.eof) && !at(.newline) {
                    throw error(.unexpectedToken, "expected the end of the statement, found \(current.kind.description)", current.span,
                                hints: endHints())
                }
                st.trailingComment = takeTrailingComment(line: file.location(of: st.span.end).line)
                statements.append(st)
            } catch {
                // Skip to the next statement.
                while !at(.eof) && !at(.newline) { pos += 1 }
            }
            skipNewlines()
        }
        let rest = comments[nextComment...].map(\.text)
        return Program(statements: statements, trailingComments: rest)
    }

    // MARK: Tokens

    var current: Token { tokens[pos] }
    func at(_ k: TokenKind) -> Bool { current.kind == k }
    func atWord(_ w: String) -> Bool { current.isIdentifier(w) }
    func peekKind(_ k: Int) -> TokenKind { tokens[min(pos + k, tokens.count - 1)].kind }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    private mutating func skipNewlines() { while at(.newline) { pos += 1 } }

    mutating func expect(_ k: TokenKind, _ what: String) throws -> Token {
        if at(k) { return advance() }
        throw error(at(.eof) ? .unfinishedStatement : .unexpectedToken, "expected \(what), found \(current.kind.description)", current.span)
    }

    mutating func expectIdentifier(_ what: String) throws -> Identifier {
        if let name = current.identifier, !Parser.keywords.contains(name) {
            let t = advance()
            return Identifier(name, t.span)
        }
        throw error(at(.eof) ? .unfinishedStatement : .unexpectedToken, "expected \(what), found \(current.kind.description)", current.span)
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, _ span: Span, hints: [String] = []) -> Abort {
        var code = code
        // Unfinished only when what is missing is at the end of the input, not when a word already read is wrong.
        if code == .unexpectedToken && at(.eof) && span.start >= current.span.start { code = .unfinishedStatement }
        if code == .unfinishedStatement && span.start < current.span.start { code = .unexpectedToken }
        diagnostics.append(Diagnostic(code, code == .unfinishedStatement ? "unfinished statement: \(message)" : message,
                                      at: span, in: file, hints: hints))
        return Abort()
    }

    private func endHints() -> [String] {
        // SQL's `where type = "x"`: a comparison is `==` (`=` names a column, in select and extend).
        if at(.assign) { return ["did you mean '=='? (a comparison is ==; = names a column in select and extend)"] }
        if let w = current.identifier, StageKind.names.contains(w) || Parser.stageSynonyms[w] != nil {
            return ["put '|' before a stage: ... | \(Parser.stageSynonyms[w] ?? w) ..."]
        }
        return []
    }

    private mutating func takeComments(before offset: Int) -> [String] {
        var out: [String] = []
        while nextComment < comments.count && comments[nextComment].start < offset {
            out.append(comments[nextComment].text)
            nextComment += 1
        }
        return out
    }

    private mutating func takeTrailingComment(line: Int) -> String? {
        guard nextComment < comments.count else { return nil }
        let c = comments[nextComment]
        guard !c.ownLine, file.location(of: c.start).line == line else { return nil }
        nextComment += 1
        return c.text
    }

    private mutating func enter() throws {
        depth += 1
        if depth > maxDepth {
            depth -= 1
            throw error(.nestingTooDeep, "expression nested too deeply (more than \(maxDepth) levels)", current.span,
                        hints: ["split it with let"])
        }
    }

    // MARK: Statements

    private mutating func statement() throws -> Statement {
        let start = current.span
        if atWord("let") {
            advance()
            let name = try expectIdentifier("a variable name after 'let'")
            if name.name.hasPrefix("$") {
                throw error(.unexpectedToken, "'\(name.name)' is a parameter: its value comes from outside the script", name.span,
                            hints: ["mq run --arg \(name.name.dropFirst())=VALUE, or let a name without '$'"])
            }
            _ = try expect(.assign, "'=' after 'let \(name.name)'")
            let value = try expression()
            return Statement(.let(name, value), span: start.to(value.span))
        }
        if atWord("def") {
            advance()
            let name = try expectIdentifier("a function name after 'def'")
            _ = try expect(.lparen, "'(' after 'def \(name.name)'")
            var params: [Identifier] = []
            if !at(.rparen) {
                repeat { params.append(try expectIdentifier("a parameter name")) } while consume(.comma)
            }
            _ = try expect(.rparen, "')' after the parameters")
            _ = try expect(.assign, "'=' before the body of '\(name.name)'")
            let body = try expression()
            return Statement(.def(name, params, body), span: start.to(body.span))
        }
        if atWord("assert") {
            advance()
            let cond = try expression()
            var message: Expr? = nil
            if consume(.comma) { message = try expression() }
            return Statement(.assert(cond, message), span: start.to(message?.span ?? cond.span))
        }
        if atWord("print") {
            advance()
            let e = try expression()
            return Statement(.print(e), span: start.to(e.span))
        }
        if atWord("import") {
            advance()
            guard case let .string(path) = current.kind else {
                throw error(.unexpectedToken, "expected a file name in quotes after 'import'", current.span, hints: ["import \"common.mq\""])
            }
            let t = advance()
            return Statement(.import(path, t.span), span: start.to(t.span))
        }
        if atWord("explain"), startsExpression(peekKind(1)) {
            advance()
            let e = try expression()
            return Statement(.explain(e), span: start.to(e.span))
        }
        let e = try expression()
        return Statement(.query(e), span: e.span)
    }

    /// Whether a token after `explain` starts the query to explain (a name that is not a word operator);
    /// otherwise `explain` is an ordinary name (`explain | ...` for a variable of that name).
    private func startsExpression(_ k: TokenKind) -> Bool {
        guard case let .identifier(w) = k else { return false }
        return BinaryOp.words[w] == nil
    }

    mutating func consume(_ k: TokenKind) -> Bool {
        if at(k) { advance(); return true }
        return false
    }

    // MARK: Expressions

    /// A pipeline or a plain expression.
    @_spi(MQInternals) public mutating func expression() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        let source = try binary(0)
        guard at(.pipe) else { return source }
        var stages: [Stage] = []
        while at(.pipe) {
            let leading = takeComments(before: current.span.start)
            try checkNothingAfterRender(stages)
            advance()
            var st = try stage()
            st.comments = leading
            stages.append(st)
        }
        return .pipeline(source, stages, source.span.to(stages.last!.span))
    }

    mutating func binary(_ minPrecedence: Int) throws -> Expr {
        var left = try unary()
        // Each operator of a chain (`a + b + c ...`) nests the tree one level deeper, though the loop does not
        // recurse: count it, so that the checker and the evaluator never walk a tree deeper than maxDepth.
        var chain = 0
        defer { depth -= chain }
        while true {
            guard let (op, width) = binaryOperator(), op.precedence > minPrecedence else { break }
            try enter()
            chain += 1
            for _ in 0..<width { advance() }
            // Comparisons do not chain: a < b < c is an error.
            let right = try binary(op.precedence)
            left = .binary(op, left, right, left.span.to(right.span))
            if op.precedence == 4, let (next, _) = binaryOperator(), next.precedence == 4 {
                throw error(.unexpectedToken, "comparisons do not chain; combine them with 'and'", current.span)
            }
        }
        return left
    }

    /// The binary operator at the current token and how many tokens it spans.
    private func binaryOperator() -> (BinaryOp, Int)? {
        switch current.kind {
        case .eq: return (.eq, 1)
        case .ne: return (.ne, 1)
        case .lt: return (.lt, 1)
        case .le: return (.le, 1)
        case .gt: return (.gt, 1)
        case .ge: return (.ge, 1)
        case .plus: return (.add, 1)
        case .minus: return (.sub, 1)
        case .star: return (.mul, 1)
        case .slash: return (.div, 1)
        case .percent: return (.mod, 1)
        case let .identifier(w):
            if w == "not", case .identifier("in") = peekKind(1) { return (.notIn, 2) }
            return BinaryOp.words[w].map { ($0, 1) }
        default: return nil
        }
    }

    private mutating func unary() throws -> Expr {
        if atWord("not") || at(.minus) { try enter() } else { return try postfix() }
        defer { depth -= 1 }
        if atWord("not") {
            let t = advance()
            let e = try binary(3)
            return .unary(.not, e, t.span.to(e.span))
        }
        if at(.minus) {
            let t = advance()
            let e = try unary()
            if case let .literal(.int(v), s) = e { return .literal(.int(-v), t.span.to(s)) }
            if case let .literal(.float(v), s) = e { return .literal(.float(-v), t.span.to(s)) }
            return .unary(.negate, e, t.span.to(e.span))
        }
        return try postfix()
    }

    mutating func postfix() throws -> Expr {
        var e = try primary()
        // `a.b.c ...`, `a[0][0] ...`: like operator chains, each link nests the tree one level deeper.
        var chain = 0
        defer { depth -= chain }
        while true {
            if at(.dot) || at(.lbracket) || (at(.lparen) && e.isName) {
                try enter()
                chain += 1
            }
            if at(.dot) {
                advance()
                guard let name = current.identifier else {
                    throw error(.unexpectedToken, "expected a field name after '.', found \(current.kind.description)", current.span)
                }
                let t = advance()
                e = .field(e, Identifier(name, t.span), e.span.to(t.span))
            } else if at(.lbracket) {
                advance()
                let i = try expression()
                let close = try expect(.rbracket, "']'")
                e = .index(e, i, e.span.to(close.span))
            } else if at(.lparen), case let .name(n, s) = e {
                advance()
                var args: [Expr] = []
                if !at(.rparen) {
                    repeat { args.append(try expression()) } while consume(.comma)
                }
                let close = try expect(.rparen, "')' to close the call of '\(n)'")
                e = .call(Identifier(n, s), args, s.to(close.span))
            } else {
                return e
            }
        }
    }

    private mutating func primary() throws -> Expr {
        let t = current
        switch t.kind {
        case let .int(v): advance(); return .literal(.int(v), t.span)
        case let .float(v): advance(); return .literal(.float(v), t.span)
        case let .string(v): advance(); return .literal(.string(v), t.span)
        case let .date(d): advance(); return .literal(.date(d), t.span)
        case let .identifier(w):
            switch w {
            case "true": advance(); return .literal(.bool(true), t.span)
            case "false": advance(); return .literal(.bool(false), t.span)
            case "null": advance(); return .literal(.null, t.span)
            case "let", "def", "assert", "print", "import":
                throw error(.unexpectedToken, "'\(w)' starts a statement; it cannot stand inside an expression", t.span)
            case "and", "or", "in":
                throw error(.unexpectedToken, "expected a value before '\(w)'", t.span)
            default:
                advance()
                return .name(w, t.span)
            }
        case .lparen:
            advance()
            let e = try expression()
            _ = try expect(.rparen, "')'")
            return e
        case .lbracket:
            advance()
            let items = try commaSeparated(until: .rbracket) { try $0.expression() }
            let close = try expect(.rbracket, "']' to close the list")
            return .list(items, t.span.to(close.span))
        case .lbrace:
            advance()
            let fields = try commaSeparated(until: .rbrace) { p in
                let name: Identifier
                if case let .string(s) = p.current.kind { let k = p.advance(); name = Identifier(s, k.span) }
                else { name = try p.expectIdentifier("a field name") }
                _ = try p.expect(.colon, "':' after the field name '\(name.name)'")
                return RecordField(name: name, value: try p.expression())
            }
            let close = try expect(.rbrace, "'}' to close the record")
            return .record(fields, t.span.to(close.span))
        case .eof:
            throw error(.unfinishedStatement, "expected a value", t.span)
        case .pipe:
            throw error(.unexpectedToken, "a pipeline starts with a source such as docs, entities, mentions or facts", t.span,
                        hints: ["to go on with the previous line, end that line with '|'"])
        default:
            throw error(.unexpectedToken, "expected a value, found \(t.kind.description)", t.span)
        }
    }

    // MARK: Stages

    /// A stage after `|`: its name, then the grammar of that stage (in `Stages/<Name>.swift`), which returns
    /// the stage and where it ends.
    private mutating func stage() throws -> Stage {
        guard let name = current.identifier else {
            throw error(.unexpectedToken, "expected a stage name after '|', found \(current.kind.description)", current.span,
                        hints: ["stages: " + StageKind.names.joined(separator: ", ")])
        }
        let start = advance().span
        let parsed: (kind: StageKind, end: Span)
        switch name {
        case "where": parsed = try parseWhere(start)
        case "select": parsed = try parseSelect(start)
        case "extend": parsed = try parseExtend(start)
        case "sort": parsed = try parseSort(start)
        case "take": parsed = try parseTake(start)
        case "top": parsed = try parseTop(start)
        case "distinct": parsed = try parseDistinct(start)
        case "summarize": parsed = try parseSummarize(start)
        case "join": parsed = try parseJoin(start)
        case "union": parsed = try parseUnion(start)
        case "expand": parsed = try parseExpand(start)
        case "count": parsed = try parseCount(start)
        case "cooccur": parsed = try parseCooccur(start)
        case "kwic": parsed = try parseKwic(start)
        case "timeline": parsed = try parseTimeline(start)
        case "render": parsed = try parseRender(start)
        case "neighbors": parsed = try parseNeighbors(start)
        case "paths": parsed = try parsePaths(start)
        case "conflicts": parsed = parseConflicts(start)
        case "corroboration": parsed = parseCorroboration(start)
        case "asof": parsed = try parseAsof(start)
        default:
            var hints: [String] = []
            if let syn = Parser.stageSynonyms[name] { hints.append("'\(name)' is '\(syn)' here: did you mean '\(syn)'?") }
            else if let h = Suggestions.hint(for: name, in: StageKind.names) { hints.append(h) }
            hints.append("stages: " + StageKind.names.joined(separator: ", "))
            throw error(.unknownStage, "unknown stage '\(name)'", start, hints: hints)
        }
        return Stage(parsed.kind, span: start.to(parsed.end), nameSpan: start)
    }

    /// A stage whose argument is one expression (`where cond`, `take n`).
    mutating func expressionStage(_ make: (Expr) -> StageKind) throws -> (kind: StageKind, end: Span) {
        let e = try binary(0)
        return (make(e), e.span)
    }

    /// Whether the stage's arguments have ended: the end of the line or input, the next stage, or a `)`.
    var atStageEnd: Bool { at(.newline) || at(.eof) || at(.pipe) || at(.rparen) }

    func describe(_ e: Expr) -> String {
        if case let .literal(.int(v), _) = e { return String(v) }
        return "N"
    }

    /// The items of a list or record literal up to `close` (left for the caller), separated by commas;
    /// a comma after the last item is allowed.
    mutating func commaSeparated<T>(until close: TokenKind, _ item: (inout Parser) throws -> T) throws -> [T] {
        var items: [T] = []
        while !at(close) {
            items.append(try item(&self))
            if !consume(.comma) { break }
        }
        return items
    }

    mutating func columns() throws -> [Column] {
        var cols: [Column] = []
        repeat {
            if let name = current.identifier, !Parser.keywords.contains(name), peekKind(1) == .assign {
                let t = advance()
                advance()
                cols.append(Column(name: Identifier(name, t.span), expr: try binary(0)))
            } else {
                cols.append(Column(name: nil, expr: try binary(0)))
            }
        } while consume(.comma)
        return cols
    }

    mutating func sortKeys(defaultDescending: Bool) throws -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let e = try binary(0)
            if atWord("desc") { advance(); keys.append(SortKey(expr: e, descending: true, explicit: true)) }
            else if atWord("asc") { advance(); keys.append(SortKey(expr: e, descending: false, explicit: true)) }
            else { keys.append(SortKey(expr: e, descending: defaultDescending, explicit: false)) }
        } while consume(.comma)
        return keys
    }
}

extension Parser {
    /// Parses `text` as a program; returns the program and every lexing and parsing diagnostic.
    @_spi(MQInternals) public static func parse(_ text: String, file name: String = "<query>", maxDepth: Int = 200) -> (Program, [Diagnostic]) {
        var p = Parser(file: SourceFile(name: name, text: text), maxDepth: maxDepth)
        let program = p.parseProgram()
        return (program, p.diagnostics)
    }

    /// Whether `text` is a finished input: false when it ends inside a statement (an open bracket, a
    /// trailing `|` or operator, an unterminated string), so the REPL should read another line.
    @_spi(MQInternals) public static func isComplete(_ text: String) -> Bool {
        let (_, diagnostics) = parse(text)
        // A malformed token makes the statement wrong, not unfinished (unless it is an unclosed string).
        if diagnostics.contains(where: { $0.code.rawValue.hasPrefix("E00") && $0.code != .unterminatedString }) { return true }
        return !diagnostics.contains { $0.code == .unfinishedStatement }
            && !diagnostics.contains { $0.code == .unterminatedString && $0.span.end >= text.utf8.count - 1 && text.last != "\n" }
    }
}

private extension Expr {
    var isName: Bool { if case .name = self { return true } else { return false } }
}
