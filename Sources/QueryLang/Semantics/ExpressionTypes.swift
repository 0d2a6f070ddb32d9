import Foundation

/// The checker's typing of expressions: names, fields, calls and their arguments, operators, regexes,
/// and pipelines inside expressions (typed through the stages they run).
extension Checker {
    mutating func type(_ e: Expr, _ ctx: Context) -> ValueType {
        switch e {
        case let .literal(l, _):
            return ValueType.of(l.value)
        case let .name(n, span):
            return name(n, span, ctx)
        case let .field(base, f, _):
            return field(type(base, ctx), f)
        case let .index(base, i, _):
            let bt = type(base, ctx)
            _ = type(i, ctx)
            switch bt {
            case let .list(t): return t
            case .string: return .string
            // A row of records made from references (`extend`, `corroboration`) has its own columns too.
            case .table(.records(_?, _)): return .record
            case let .table(k): return k.reference?.valueType ?? .any
            default: return .any
            }
        case let .call(name, args, span):
            return call(name, args, span, ctx)
        case let .unary(op, x, span):
            let t = type(x, ctx)
            if op == .not && t != .any && t != .bool && t != .null { error(.wrongType, "'not' needs a bool, got \(t)", span) }
            if op == .negate && t != .any && !t.isNumeric && t != .null { error(.wrongType, "'-' needs a number, got \(t)", span) }
            return op == .not ? .bool : t
        case let .binary(op, l, r, span):
            return binary(op, l, r, span, ctx)
        case let .list(items, _):
            let ts = items.map { type($0, ctx) }
            if let first = ts.first, ts.allSatisfy({ $0 == first }) { return Checker.list(of: first) }
            return .list(.any)
        case let .record(fs, _):
            var seen = Set<String>()
            for f in fs where !seen.insert(f.name.name).inserted { error(.duplicateName, "field '\(f.name.name)' appears twice", f.name.span) }
            for f in fs { _ = type(f.value, ctx) }
            return .record
        case let .pipeline(source, stages, span):
            var row = sourceRow(type(source, ctx), source.span)
            var schemas = [row.planSchema]
            for st in stages {
                row = stage(st, row, ctx)
                schemas.append(row.planSchema)
            }
            plan(source, stages, span, schemas, ctx)
            return .table(rowKind(row))
        }
    }

    private mutating func name(_ n: String, _ span: Span, _ ctx: Context) -> ValueType {
        if let t = ctx.locals[n] { return t }
        if let row = ctx.row {
            if let t = row.type(of: n) { return t }
            if !row.known { return .any }
        }
        if let t = globals[n] { return t }
        if let s = FieldCatalog.sources.first(where: { $0.name == n }) { return .table(s.kind.rowKind) }
        if ctx.inFunction && ReferenceKind.allCases.contains(where: { FieldCatalog.field(n, of: $0) != nil }) {
            return .any  // a field of the row the function will be called on
        }
        if importFailed { return .any }
        var candidates = Array(ctx.locals.keys) + Array(globals.keys) + FieldCatalog.sources.map(\.name)
        if let row = ctx.row { candidates += row.names }
        var hints = [Suggestions.hint(for: n, in: candidates)].compactMap { $0 }
        if ctx.row == nil, ReferenceKind.allCases.contains(where: { FieldCatalog.field(n, of: $0) != nil }) {
            hints.append("'\(n)' is a field: use it inside a stage, e.g. docs | where \(n) ...")
        } else if StageKind.names.contains(n) {
            hints.append("'\(n)' is a stage: put '|' before it")
        } else if n.hasPrefix("$") {
            hints.append("'\(n)' is a parameter: give it a value with mq run --arg \(n.dropFirst())=VALUE")
        } else if hints.isEmpty && ctx.operand {
            // A bare word meant as text (`where type == armed_group`), when it is close to no name.
            hints.append("a text needs quotes: \"\(n)\"")
        }
        error(.unknownName, "unknown name '\(n)'", span, hints: hints)
        return .any
    }

    private mutating func field(_ base: ValueType, _ f: Identifier) -> ValueType {
        let kind: ReferenceKind?
        switch base {
        case .any, .record, .null: return .any
        case .document: kind = .document
        case .entity: kind = .entity
        case .mention: kind = .mention
        case .fact: kind = .fact
        case let .list(inner):
            if inner == .any { return .list(.any) }
            return .list(field(inner, f))
        case let .table(k):
            if let r = k.reference, FieldCatalog.field(f.name, of: r) != nil {
                error(.unknownField, "a table has no field '\(f.name)'", f.span,
                      hints: ["take a row first: (...)[0].\(f.name), or use the field in a stage: | select \(f.name)"])
            } else {
                error(.unknownField, "a table has no field '\(f.name)'", f.span)
            }
            return .any
        default:
            error(.unknownField, "\(base) has no field '\(f.name)'", f.span)
            return .any
        }
        guard let k = kind else { return .any }
        if let field = FieldCatalog.field(f.name, of: k) { return field.type }
        let names = FieldCatalog.fields(of: k).map(\.name)
        error(.unknownField, "\(k.rawValue) has no field '\(f.name)'", f.span,
              hints: [Suggestions.hint(for: f.name, in: names) ?? "fields: " + names.joined(separator: ", ")])
        return .any
    }

    private mutating func call(_ name: Identifier, _ args: [Expr], _ span: Span, _ ctx: Context) -> ValueType {
        if let agg = Aggregates.named[name.name] {
            // In a def body an aggregate is checked where the function is used (inside summarize).
            if ctx.inSummarize || ctx.inFunction {
                checkArity(name, agg.minArgs, agg.maxArgs, args.count, span, agg.signature)
                var inner = ctx
                inner.inSummarize = false
                let ts = args.map { type($0, inner) }
                switch agg.name {
                case "count", "countif", "dcount": return .int
                case "avg": return .float
                case "list", "set": return Checker.list(of: ts.first ?? .any)
                case "min", "max", "any": return ts.first ?? .any
                case "sum": return ts.first == .int ? .int : .any
                default: return args.count == 2 ? ts[1] : .any
                }
            }
            if functions[name.name] == nil && userFunctions[name.name] == nil {
                error(.aggregateOutsideSummarize, "'\(name.name)' is an aggregate: use it in summarize", name.span,
                      hints: ["... | summarize \(name.name)(...) by ..."])
                for a in args { _ = type(a, ctx) }
                return .any
            }
        }
        let argTypes = args.map { type($0, ctx) }
        if let special = FunctionRegistry.special[name.name] {
            checkArity(name, special.min, special.max, args.count, span, special.signature)
            return name.name == "if" && argTypes.count == 3 && argTypes[1] == argTypes[2] ? argTypes[1] : .any
        }
        if name.name == defining {
            error(.recursiveFunction, "'\(name.name)' calls itself; functions may not be recursive", name.span,
                  hints: ["every mq program terminates: write the repetition as a pipeline"])
            return .any
        }
        if let n = userFunctions[name.name] {
            checkArity(name, n, n, args.count, span, nil)
            return .any
        }
        if let f = functions[name.name] {
            checkArity(name, f.minArgs, f.maxArgs, args.count, span, f.signature)
            checkLiteralArguments(name, args)
            return f.returns
        }
        if importFailed { return .any }
        let known = Array(functions.functions.keys) + Array(userFunctions.keys) + Array(FunctionRegistry.special.keys)
        var hints = [Suggestions.hint(for: name.name, in: known)].compactMap { $0 }
        if StageKind.names.contains(name.name) { hints.append("'\(name.name)' is a stage: put '|' before it") }
        error(.unknownFunction, "unknown function '\(name.name)'", name.span, hints: hints)
        return .any
    }

    private mutating func checkArity(_ name: Identifier, _ lo: Int, _ hi: Int, _ got: Int, _ span: Span, _ sig: String?) {
        guard got < lo || got > hi else { return }
        diagnostics.append(Diagnostic.arity(name.name, lo, hi, got: got, at: span, in: file, signature: sig))
    }

    /// `ent("...")`, `doc("...")` and `fact("...")` with literal arguments are resolved now.
    private mutating func checkLiteralArguments(_ name: Identifier, _ args: [Expr]) {
        guard args.count == 1, case let .literal(.string(s), span) = args[0] else { return }
        switch name.name {
        case "ent":
            let found = corpus.entities(named: s)
            if found.isEmpty {
                error(.notFound, "no entity is named '\(s)'", span, hints: EntitySuggestions.hints(for: s, in: corpus))
            } else if found.count > 1 {
                error(.ambiguousName, "'\(s)' names \(found.count) entities", span,
                      hints: ["write one of: " + found.map { "ent(\"\($0.id)\")" }.joined(separator: ", ")])
            }
        case "doc":
            let matches = corpus.documents.filter { $0.id.hasPrefix(s) }
            if corpus.document(id: s) == nil && matches.count != 1 {
                if matches.isEmpty {
                    error(.notFound, "no document '\(s)'", span, hints: [Suggestions.hint(for: s, in: corpus.documents.map(\.id))].compactMap { $0 })
                } else {
                    error(.ambiguousName, "'\(s)' is the start of \(matches.count) document ids", span,
                          hints: ["candidates: " + matches.prefix(5).map(\.id).joined(separator: ", ")])
                }
            }
        case "fact":
            if corpus.fact(id: s) == nil {
                error(.notFound, "no fact '\(s)'", span, hints: [Suggestions.hint(for: s, in: corpus.facts.map(\.id))].compactMap { $0 })
            }
        default: break
        }
    }

    private mutating func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span, _ ctx: Context) -> ValueType {
        var rctx = ctx
        rctx.operand = op != .and && op != .or
        let a = type(l, ctx), b = type(r, rctx)
        func known(_ t: ValueType) -> Bool { t != .any && t != .null }
        switch op {
        case .and, .or:
            for (t, e) in [(a, l), (b, r)] where known(t) && t != .bool {
                error(.wrongType, "'\(op.rawValue)' needs bools, got \(t)", e.span)
            }
            return .bool
        case .eq, .ne: return .bool
        case .lt, .le, .gt, .ge:
            if known(a) && known(b) && !(a.isNumeric && b.isNumeric) && a != b {
                error(.wrongType, "cannot compare \(a) with \(b)", span)
            }
            return .bool
        case .matches:
            if case let .literal(.string(p), ps) = r { checkRegex(p, ps) }
            return .bool
        case .has, .contains, .startswith, .endswith:
            if known(b) && b != .string && !(op == .contains || op == .has) { error(.wrongType, "'\(op.rawValue)' needs a string on the right, got \(b)", r.span) }
            return .bool
        case .in, .notIn, .within: return .bool
        case .add, .sub, .mul, .div, .mod:
            if known(a) && known(b) {
                if a.isNumeric && b.isNumeric { return a == .float || b == .float ? .float : a }
                if op == .add && a == .string && b == .string { return .string }
                if op == .add, case .list = a, case .list = b { return a }
                error(.wrongType, "cannot apply '\(op.rawValue)' to \(a) and \(b)", span)
            }
            return .any
        }
    }

    private mutating func checkRegex(_ pattern: String, _ span: Span) {
        if let problem = RegexSafety.problem(pattern) {
            error(.invalidRegex, "regular expression may take exponential time: \(problem)", span,
                  hints: ["rewrite without a repeated group that itself repeats, e.g. (a+)+ -> a+"])
        } else if (try? NSRegularExpression(pattern: pattern)) == nil {
            error(.invalidRegex, "invalid regular expression '\(pattern)'", span,
                  hints: ["check brackets and escapes; write r\"...\" to avoid doubling backslashes"])
        }
    }
}
