/// Run parameters (`$name`: `--arg`, a host's `parameters:` or `setParameter`) sent to the server as bind
/// parameters, never written into the statement: a parameter's text cannot change the query, and one
/// statement serves every value.
///
/// While a statement is compiled, each use becomes a placeholder `(<NUL>k<NUL>::type)` for the k-th
/// binding the compiler holds (NUL never occurs in a compiled statement: strings holding it are refused).
/// ``SQLQuery`` numbers the placeholders of its final statement `$1`, `$2`, ... and carries their values.
/// Bindings are made when a statement is compiled, so a table defined with `let` keeps the values of its
/// definition, as in memory.
struct SQLBinding {
    /// What the value is, for `explain` (`$group`, or `$q (folded words)`).
    let name: String
    /// PostgreSQL's text form of the value.
    let text: String
}

extension SQLCompiler {
    /// A placeholder for `text` cast to `type`, bound when the statement is sent.
    /// A parameter used twice is one binding.
    func bind(_ name: String, _ text: String, as type: String) -> String {
        let k = bindings.lastIndex { $0.name == name && $0.text == text } ?? {
            bindings.append(SQLBinding(name: name, text: text))
            return bindings.count - 1
        }()
        return "(\u{0}\(k)\u{0}::\(type))"
    }

    /// The parameter `$name` holding `v`, as a bind parameter; nil for a value with no scalar SQL form
    /// (a list, a record), which the caller compiles as any other constant or refuses.
    func parameter(_ name: String, _ v: Value, _ span: Span) throws -> SQLExpr? {
        switch v {
        case .null: return .null
        case let .bool(b): return SQLExpr(bind(name, b ? "true" : "false", as: "boolean"), .bool)
        case let .int(i): return SQLExpr(bind(name, String(i), as: "bigint"), .int)
        case let .float(f):
            guard f.isFinite else { return nil }
            return SQLExpr(bind(name, "\(f)", as: "float8"), .float)
        case let .string(s):
            guard !s.utf8.contains(0) else { throw unsupported("a string holding a NUL character", span) }
            return SQLExpr(bind(name, s, as: "text"), .string)
        case let .date(d): return SQLExpr(bind(name, String(SQLDate.key(d)), as: "bigint"), .date)
        case let .entity(i): return SQLExpr(bind(name, String(i), as: "bigint"), .ref(.entity))
        case let .fact(i): return SQLExpr(bind(name, String(i), as: "bigint"), .ref(.fact))
        case let .document(i):
            let id = bind(name, corpus.documents[i].id, as: "text")
            return SQLExpr("(SELECT d.ord FROM mq.documents d WHERE d.id = \(id))", .ref(.document))
        default: return nil
        }
    }

    /// An expression that reads run parameters and nothing else (`ent($group)`, `$n + 1`): evaluated by mq,
    /// its value bound; nil for any other expression. Calls of aggregates and of functions from `def`
    /// are left to the compiler (they read rows, or may).
    func parameterExpression(_ e: Expr) throws -> SQLExpr? {
        if case .name = e { return nil }
        guard let names = NamesRead.of(e), !names.isEmpty, names.allSatisfy({ $0.hasPrefix("$") && global($0) != nil }),
              !readsCorpus(e), !Self.callsRowFunctions(e, userFunctions) else { return nil }
        let v = try evaluate(e)
        return try parameter("a value computed from " + names.sorted().joined(separator: ", "), v, e.span)
    }

    private static func callsRowFunctions(_ e: Expr, _ user: Set<String>) -> Bool {
        if case let .call(n, _, _) = e, Aggregates.named[n.name] != nil || user.contains(n.name) { return true }
        return e.children.contains { callsRowFunctions($0, user) }
    }

    /// Whether `e` is a run parameter that no field of the row hides (fields never start with `$`).
    func parameterName(_ e: Expr) -> String? {
        guard case let .name(n, _) = e, n.hasPrefix("$"), global(n) != nil else { return nil }
        return n
    }
}

enum SQLParameters {
    /// PostgreSQL's text form of an array of text (`{"a","b"}`).
    static func textArray(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// The statement with its placeholders numbered `$1`, `$2`, ... in order of first use, and the values
    /// and names of those numbers.
    static func number(_ sql: String, _ bindings: [SQLBinding]) -> (sql: String, values: [String], names: [String]) {
        guard sql.utf8.contains(0) else { return (sql, [], []) }
        var out = ""
        var numbers: [Int: Int] = [:]
        var values: [String] = [], names: [String] = []
        var rest = Substring(sql)
        while let open = rest.firstIndex(of: "\u{0}") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "\u{0}"), let k = Int(rest[after..<close]), bindings.indices.contains(k) else {
                rest = rest[after...]
                continue
            }
            let n: Int
            if let known = numbers[k] { n = known } else {
                values.append(bindings[k].text)
                names.append(bindings[k].name)
                n = values.count
                numbers[k] = n
            }
            out += "$\(n)"
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return (out, values, names)
    }
}
