import Foundation

/// Binary operators. Comparisons with null are false (`==` and `!=` treat null as an ordinary value);
/// `and`/`or` short-circuit and treat null as false; arithmetic on null gives null; integer overflow and
/// division by zero are errors, never wrong answers.
extension Interpreter {
    func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span, _ env: Env) throws -> Value {
        switch op {
        case .and:
            let a = try eval(l, env)
            guard try truth(a, l.span, "and") else { return .bool(false) }
            return .bool(try truth(try eval(r, env), r.span, "and"))
        case .or:
            let a = try eval(l, env)
            if try truth(a, l.span, "or") { return .bool(true) }
            return .bool(try truth(try eval(r, env), r.span, "or"))
        default: break
        }
        let a = try eval(l, env), b = try eval(r, env)
        switch op {
        case .eq: return .bool(equal(a, b))
        case .ne: return .bool(!equal(a, b))
        case .lt, .le, .gt, .ge:
            guard let c = try compare(a, b, op, span) else { return .bool(false) }
            switch op {
            case .lt: return .bool(c < 0)
            case .le: return .bool(c <= 0)
            case .gt: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .in, .notIn:
            return try membership(op, a, b, r.span)
        case .has, .contains, .startswith, .endswith, .matches:
            return try textOperator(op, a, b, l, r)
        case .within:
            guard case let .date(d) = a else {
                if a.isNull { return .bool(false) }
                throw fail(.wrongType, "'within' needs a date on the left, got \(a.typeName) \(preview(a))", l.span)
            }
            switch b {
            case let .date(outer): return .bool(d.isWithin(outer))
            case let .list(bounds) where bounds.count == 2:
                // d within [from, until]: inside the interval from the start of `from` to the end of `until`;
                // a null bound is open.
                for (k, bound) in bounds.enumerated() where !bound.isNull {
                    guard case .date = bound else {
                        _ = k
                        throw fail(.wrongType, "'within' needs a date or [from, until] on the right, got list", r.span)
                    }
                }
                let lo: Int? = { if case let .date(x) = bounds[0] { return x.firstDay }; return nil }()
                let hi: Int? = { if case let .date(x) = bounds[1] { return x.lastDay }; return nil }()
                return .bool((lo.map { d.firstDay >= $0 } ?? true) && (hi.map { d.lastDay <= $0 } ?? true))
            case .null: return .bool(false)
            default: throw fail(.wrongType, "'within' needs a date or [from, until] on the right, got \(b.typeName)", r.span)
            }
        case .add, .sub, .mul, .div, .mod:
            return try arithmetic(op, a, b, span)
        case .and, .or: fatalError("handled above")
        }
    }

    /// `a in b`, `a not in b`: whether a list (or a table's rows, one-column records as their value)
    /// holds an item equal to `a`; null in null is true, anything in null false.
    func membership(_ op: BinaryOp, _ a: Value, _ b: Value, _ rightSpan: Span) throws -> Value {
        if a.isNull && b.isNull { return .bool(op == .notIn) }
        let items: [Value]
        switch b {
        case let .list(l): items = l
        case let .table(t): items = t.rows.map { row in
            if case let .record(rec) = row, rec.count == 1 { return rec.values[0] }
            return row
        }
        case .null: return .bool(op == .notIn)
        default: throw fail(.wrongType, "'\(op.rawValue)' needs a list on the right, got \(b.typeName) \(preview(b))", rightSpan)
        }
        let found = items.contains { equal(a, $0) }
        return .bool(op == .in ? found : !found)
    }

    func truth(_ v: Value, _ span: Span, _ what: String) throws -> Bool {
        switch v {
        case let .bool(b): return b
        case .null: return false
        default: throw fail(.wrongType, "'\(what)' needs bools, got \(v.typeName) \(preview(v))", span)
        }
    }

    /// Equality, with references equal to a string holding their id.
    func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.entity(i), .string(s)), let (.string(s), .entity(i)): return corpus.entities[i].id == s
        case let (.document(i), .string(s)), let (.string(s), .document(i)): return corpus.documents[i].id == s
        case let (.fact(i), .string(s)), let (.string(s), .fact(i)): return corpus.facts[i].id == s
        default: return a == b
        }
    }

    /// -1, 0, 1; nil when either side is null or two dates overlap without being equal.
    func compare(_ a: Value, _ b: Value, _ op: BinaryOp, _ span: Span) throws -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.int, .float), (.float, .int), (.float, .float):
            let x = a.asDouble!, y = b.asDouble!
            return x < y ? -1 : (x == y ? 0 : 1)
        case let (.string(x), .string(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.date(x), .date(y)):
            switch x.compare(y) {
            case .ascending?: return -1
            case .descending?: return 1
            case .same?: return 0
            case nil:
                // 2014 and 2014-06 overlap: neither is before the other; <= and >= hold.
                return op == .le || op == .ge ? 0 : nil
            }
        case let (.bool(x), .bool(y)): return x == y ? 0 : (!x ? -1 : 1)
        default:
            throw fail(.wrongType, "cannot compare \(a.typeName) \(preview(a)) with \(b.typeName) \(preview(b))", span)
        }
    }

    private func textOperator(_ op: BinaryOp, _ a: Value, _ b: Value, _ l: Expr, _ r: Expr) throws -> Value {
        if a.isNull || b.isNull { return .bool(false) }
        if case let .list(items) = a, op == .contains || op == .has {
            return .bool(items.contains { equal($0, b) })
        }
        guard case let .string(needle) = b else {
            throw fail(.wrongType, "'\(op.rawValue)' needs a string on the right, got \(b.typeName) \(preview(b))", r.span)
        }
        let hay: String
        switch a {
        case let .string(s): hay = s
        case .entity, .document, .mention, .fact: hay = Preview.text(a, corpus: corpus, quoteStrings: false)
        default: throw fail(.wrongType, "'\(op.rawValue)' needs a string on the left, got \(a.typeName) \(preview(a))", l.span)
        }
        switch op {
        case .has:
            // Whole words, compared as the name matcher compares them.
            if let finder = phrase(needle) {
                let found = finder.occurs(in: hay, stop: hay.utf8.count > 1 << 16 ? stopCheck : nil)
                if !found && hay.utf8.count > 1 << 16 { try checkpoint(r.span) }
                return .bool(found)
            }
            // No words, or more than a finder takes: word lists compared.
            let n = corpus.names.normalizer
            let words = n.words(needle)
            guard !words.isEmpty else { return .bool(false) }
            let text = n.words(hay)
            guard text.count >= words.count else { return .bool(false) }
            for i in 0...(text.count - words.count) where words.indices.allSatisfy({ Normalizer.wordMatches(text[i + $0], words[$0]) }) {
                return .bool(true)
            }
            return .bool(false)
        case .contains: return .bool(try containsIgnoringCase(hay, needle, r.span))
        case .startswith: return .bool(hay.prefix(needle.count + 8).lowercased().hasPrefix(needle.lowercased()))
        case .endswith: return .bool(hay.suffix(needle.count + 8).lowercased().hasSuffix(needle.lowercased()))
        default:
            let re = try regex(needle, r.span)
            return .bool(try regexMatches(re, hay, r.span))
        }
    }

    /// A compiled regular expression, checked against the pattern limits.
    /// The finder of a phrase for `has`, compiled once per phrase; nil when it has no words or too many.
    func phrase(_ needle: String) -> PhraseFinder? {
        if let cached = phraseCache[needle] { return cached }
        if phraseCache.count >= 1024 { phraseCache.removeAll() }
        let finder = PhraseFinder(needle, normalizer: corpus.names.normalizer)
        phraseCache[needle] = .some(finder)
        return finder
    }

    func regex(_ pattern: String, _ span: Span) throws -> NSRegularExpression {
        if let re = regexCache[pattern] { return re }
        if pattern.count > limits.maxRegexLength {
            throw fail(.invalidRegex, "regular expression longer than \(limits.maxRegexLength) characters", span)
        }
        if let problem = RegexSafety.problem(pattern) {
            throw fail(.invalidRegex, "regular expression may take exponential time: \(problem)", span,
                       hints: ["rewrite without a repeated group that itself repeats, e.g. (a+)+ -> a+"])
        }
        do {
            let re = try NSRegularExpression(pattern: pattern, options: [])
            regexCache[pattern] = re
            return re
        } catch {
            throw fail(.invalidRegex, "invalid regular expression '\(pattern)'", span,
                       hints: ["check brackets and escapes; write r\"...\" to avoid doubling backslashes"])
        }
    }

    private func arithmetic(_ op: BinaryOp, _ a: Value, _ b: Value, _ span: Span) throws -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            let (v, overflow): (Int64, Bool)
            switch op {
            case .add: (v, overflow) = x.addingReportingOverflow(y)
            case .sub: (v, overflow) = x.subtractingReportingOverflow(y)
            case .mul: (v, overflow) = x.multipliedReportingOverflow(by: y)
            case .div:
                guard y != 0 else { throw fail(.divisionByZero, "division by zero", span) }
                (v, overflow) = x.dividedReportingOverflow(by: y)
            default:
                guard y != 0 else { throw fail(.divisionByZero, "division by zero", span) }
                (v, overflow) = x.remainderReportingOverflow(dividingBy: y)
            }
            if overflow { throw fail(.integerOverflow, "integer overflow in \(x) \(op.rawValue) \(y)", span, hints: ["use floats: float(x)"]) }
            return .int(v)
        case (.int, .float), (.float, .int), (.float, .float):
            let x = a.asDouble!, y = b.asDouble!
            let r: Double
            switch op {
            case .add: r = x + y
            case .sub: r = x - y
            case .mul: r = x * y
            case .div:
                guard y != 0 else { throw fail(.divisionByZero, "division by zero", span) }
                r = x / y
            default:
                guard y != 0 else { throw fail(.divisionByZero, "division by zero", span) }
                r = x.truncatingRemainder(dividingBy: y)
            }
            // inf - inf, 0 * inf, inf / inf, inf % x: not a number, refused (Value.notANumber).
            if r.isNaN { throw Value.notANumber("\(Preview.formatFloat(x)) \(op.rawValue) \(Preview.formatFloat(y))", span, file) }
            return .float(r)
        case let (.string(x), .string(y)) where op == .add:
            if x.utf8.count + y.utf8.count > limits.maxStringBytes {
                throw fail(.limitReached, "string longer than \(limits.maxStringBytes) bytes", span)
            }
            try noteAllocation(x.utf8.count + y.utf8.count, span)
            return .string(x + y)
        case let (.list(x), .list(y)) where op == .add:
            try checkRows(x.count + y.count, span, "the list")
            return .list(x + y)
        default:
            throw fail(.wrongType, "cannot apply '\(op.rawValue)' to \(a.typeName) \(preview(a)) and \(b.typeName) \(preview(b))", span)
        }
    }
}

/// Refuses regular expressions whose nested repetition can backtrack exponentially, such as `(a+)+` or
/// `(a*)*`: the regex engine cannot be interrupted while it matches.
enum RegexSafety {
    static func problem(_ pattern: String) -> String? {
        let chars = Array(pattern)
        // Stack of groups: whether each holds a quantifier or an alternation.
        var stack: [(quantified: Bool, alternation: Bool)] = []
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            switch c {
            case "[": inClass = true
            case "(": stack.append((false, false))
            case "|": if !stack.isEmpty { stack[stack.count - 1].alternation = true }
            case ")":
                let g = stack.popLast() ?? (false, false)
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                let repeated = next == "*" || next == "+" || (next == "{" && !pattern[pattern.index(pattern.startIndex, offsetBy: i + 1)...].hasPrefix("{1}"))
                if repeated && g.quantified {
                    return "a group with a repetition inside is itself repeated"
                }
                if !stack.isEmpty && (repeated || g.quantified) { stack[stack.count - 1].quantified = true }
            case "*", "+":
                if !stack.isEmpty { stack[stack.count - 1].quantified = true }
            case "?":
                // `(?:`, `(?i)`, `(?<name>` open a group; any other `?` makes what precedes it optional.
                if i > 0 && chars[i - 1] == "(" { break }
                if !stack.isEmpty { stack[stack.count - 1].quantified = true }
            case "{":
                if !stack.isEmpty { stack[stack.count - 1].quantified = true }
            default: break
            }
            i += 1
        }
        return nil
    }
}
