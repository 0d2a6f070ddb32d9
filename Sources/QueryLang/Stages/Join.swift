/// `join [kind=inner|left|semi|anti] (query) on key, left == right, ...`: the right query's rows are held
/// in a hash table by their key values; the input's rows stream through it. Keys compare as `==` does (a
/// reference equals a string holding its id); a null key matches nothing. Clashing right columns are
/// renamed (`id` -> `id1`).
extension Parser {
    mutating func parseJoin(_ start: Span) throws -> (kind: StageKind, end: Span) {
        var kind = JoinKind.inner
        if atWord("kind") {
            advance()
            _ = try expect(.assign, "'=' after 'kind'")
            let k = try expectIdentifier("a join kind")
            guard let jk = JoinKind(rawValue: k.name) else {
                throw error(.unknownStage, "unknown join kind '\(k.name)'", k.span,
                            hints: [Suggestions.hint(for: k.name, in: JoinKind.allCases.map(\.rawValue)) ?? "kinds: inner, left, anti, semi"])
            }
            kind = jk
        }
        let right = try postfix()
        guard atWord("on") else { throw error(.unexpectedToken, "expected 'on' and the join key after the right side", current.span, hints: ["join (facts) on subject == entity"]) }
        advance()
        var keys: [JoinKey] = []
        repeat {
            let l = try binary(4)
            if consume(.eq) {
                keys.append(JoinKey(left: l, right: try binary(4)))
            } else {
                keys.append(JoinKey(left: l, right: nil))
            }
        } while consume(.comma)
        return (.join(kind, right, on: keys), keys.last!.right?.span ?? keys.last!.left.span)
    }
}

extension Checker {
    mutating func checkJoin(_ kind: JoinKind, _ right: Expr, _ keys: [JoinKey], _ s: StageInput) -> Row {
        let rt = type(right, s.outer)
        var rctx = s.outer
        rctx.row = sourceRow(rt, right.span)
        for k in keys {
            _ = type(k.left, s.ctx)
            _ = type(k.right ?? k.left, rctx)
        }
        if kind == .semi || kind == .anti { return s.row }
        return Row(reference: s.row.reference, columns: nil)
    }
}

extension Interpreter {
    func openJoin(_ input: RowStream, _ kind: JoinKind, _ rightExpr: Expr, _ keys: [JoinKey], _ span: Span,
                  _ outer: Env) throws -> RowStream {
        let right = try tableValue(try eval(rightExpr, outer), rightExpr.span)
        var index: [[Value]: [Int]] = [:]
        for (i, row) in right.rows.enumerated() {
            try tick(span)
            let env = Env(row: row, locals: outer.locals)
            let key = try keys.map { joinKey(try eval($0.right ?? $0.left, env)) }
            if key.contains(where: \.isNull) { continue }
            index[key, default: []].append(i)
        }
        var columns = input.columns
        var rightNames: [String: String] = [:]
        if kind == .inner || kind == .left {
            for c in right.columns {
                var n = c
                var k = 1
                while columns.contains(n) { n = "\(c)\(k)"; k += 1 }
                rightNames[c] = n
                columns.append(n)
            }
        }
        let outColumns = kind == .semi || kind == .anti ? input.columns : columns
        return flatMapping(input, columns: outColumns) { row in
            let env = Env(row: row, locals: outer.locals)
            let key = try keys.map { self.joinKey(try self.eval($0.left, env)) }
            let matches = key.contains(where: \.isNull) ? [] : (index[key] ?? [])
            switch kind {
            case .semi: return matches.isEmpty ? [] : [row]
            case .anti: return matches.isEmpty ? [row] : []
            case .inner, .left:
                if matches.isEmpty {
                    guard kind == .left else { return [] }
                    var rec = self.fields.record(row)
                    for c in right.columns { rec.set(rightNames[c]!, .null) }
                    return [.record(rec)]
                }
                try self.checkRows(matches.count, span, "the join")
                let base = self.fields.record(row)
                var out: [Value] = []
                for m in matches {
                    try self.tick(span)
                    var rec = base
                    let r = self.fields.record(right.rows[m])
                    for c in right.columns { rec.set(rightNames[c]!, r[c] ?? self.fields.field(right.rows[m], c) ?? .null) }
                    out.append(.record(rec))
                }
                return out
            }
        }
    }

    /// Join keys compare as `==` does: a reference equals a string holding its id.
    private func joinKey(_ v: Value) -> Value {
        switch v {
        case let .entity(i): return .string(corpus.entities[i].id)
        case let .document(i): return .string(corpus.documents[i].id)
        case let .fact(i): return .string(corpus.facts[i].id)
        default: return v
        }
    }
}
