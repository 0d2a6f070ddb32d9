/// mq's binary operators in SQL (docs/language.md, "Operators").
struct SQLOperators {
    let compiler: SQLExpressionCompiler
    var context: SQLCompiler { compiler.context }

    func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span) throws -> SQLExpr {
        switch op {
        case .in, .notIn: return try membership(op, l, r, span)
        case .has: return try has(l, r, span)
        default: break
        }
        let a = try compiler.compile(l), b = try compiler.compile(r)
        switch op {
        case .and, .or:
            for x in [a, b] where x.type != .bool && x.type != .null {
                throw context.unsupported("'\(op.rawValue)' on \(x.type)", span)
            }
            return .neverNull("(\(a.condition) \(op == .and ? "AND" : "OR") \(b.condition))")
        case .eq: return equal(a, b)
        case .ne:
            let e = equal(a, b)
            return SQLExpr("(NOT \(e.sql))", .bool, notNull: e.notNull)
        case .lt, .le, .gt, .ge: return try compare(op, a, b, span)
        case .contains, .startswith, .endswith:
            guard a.type == .string || a.type == .null, b.type == .string || b.type == .null else {
                throw context.unsupported("'\(op.rawValue)' on \(a.type) and \(b.type)", span)
            }
            let x = "lower(\(a.sql))", y = "lower(\(b.sql))"
            let test: String
            switch op {
            case .contains: test = "strpos(\(x), \(y)) > 0"
            case .startswith: test = "starts_with(\(x), \(y))"
            default: test = "right(\(x), char_length(\(y))) = \(y)"
            }
            return SQLExpr("COALESCE(\(test), false)", .bool, test: test, notNull: true)
        case .matches:
            throw context.unsupported("'matches': PostgreSQL's regular expressions are not mq's (ICU)", span)
        case .within: return try within(a, b, r, span)
        case .add, .sub, .mul, .div, .mod: return try arithmetic(op, a, b, span)
        case .in, .notIn, .has: fatalError("handled above")
        }
    }

    /// `==`: null-equal; numbers by value; dates by interval; a reference equal to a string holding its id.
    func equal(_ a: SQLExpr, _ b: SQLExpr) -> SQLExpr {
        if a.type == .null && b.type == .null { return .true }
        if a.type == .null { return .neverNull("(\(b.sql) IS NULL)") }
        if b.type == .null { return .neverNull("(\(a.sql) IS NULL)") }
        // With one side never null, `=` is true exactly when they are the same: the test an index answers.
        let plain = a.notNull || b.notNull
        func same(_ x: String, _ y: String) -> SQLExpr {
            SQLExpr("(\(x) IS NOT DISTINCT FROM \(y))", .bool, test: plain ? "(\(x) = \(y))" : nil, notNull: true)
        }
        switch (a.type, b.type) {
        case (.date, .date): return same("mq.date_same(\(a.sql))", "mq.date_same(\(b.sql))")
        case let (x, y) where x == y: return same(a.sql, b.sql)
        case (.int, .float), (.float, .int): return same("(\(a.sql))::float8", "(\(b.sql))::float8")
        case let (.ref(k), .string) where k != .mention: return same(id(k, a.sql), b.sql)
        case let (.string, .ref(k)) where k != .mention: return same(a.sql, id(k, b.sql))
        case (.factObject, _): return objectEqual(a, b)
        case (_, .factObject): return objectEqual(b, a)
        default:
            // Values of different types are equal only when both are null.
            return .neverNull("(\(a.sql) IS NULL AND \(b.sql) IS NULL)")
        }
    }

    func id(_ k: ReferenceKind, _ ref: String) -> String {
        "(SELECT i.id FROM \(SQLFields.table(k)) i WHERE i.ord = \(ref))"
    }

    /// A fact's object (never null) against a value: an entity, an entity's id or a text, a number, a date.
    private func objectEqual(_ o: SQLExpr, _ v: SQLExpr) -> SQLExpr {
        let part: String
        switch v.type {
        case .ref(.entity): part = "f.object_entity = \(v.sql)"
        case .string:
            part = "COALESCE((SELECT e.id FROM mq.entities e WHERE e.ord = f.object_entity), f.object_text) = \(v.sql)"
        case .int, .float: part = "f.object_number = (\(v.sql))::float8"
        case .date: part = "mq.date_same(f.object_date) = mq.date_same(\(v.sql))"
        case .factObject:
            return SQLExpr("""
                COALESCE((SELECT f.object_entity IS NOT DISTINCT FROM g.object_entity AND f.object_number IS NOT DISTINCT FROM \
                g.object_number AND mq.date_same(f.object_date) IS NOT DISTINCT FROM mq.date_same(g.object_date) AND \
                f.object_text IS NOT DISTINCT FROM g.object_text FROM mq.facts f, mq.facts g WHERE f.ord = \(o.sql) AND g.ord = \(v.sql)), \
                \(o.sql) IS NULL AND \(v.sql) IS NULL)
                """, .bool)
        default: return SQLExpr("(\(o.sql) IS NULL AND \(v.sql) IS NULL)", .bool)
        }
        return SQLExpr("COALESCE((SELECT \(part) FROM mq.facts f WHERE f.ord = \(o.sql)), \(o.sql) IS NULL AND \(v.sql) IS NULL)", .bool)
    }

    /// `<`, `<=`, `>`, `>=`: false with a null; dates as intervals (2014 and 2014-06 overlap: `<=` and `>=` hold).
    func compare(_ op: BinaryOp, _ a: SQLExpr, _ b: SQLExpr, _ span: Span) throws -> SQLExpr {
        if a.type == .null || b.type == .null { return .false }
        let sym = op.rawValue
        switch (a.type, b.type) {
        case (.int, .int), (.float, .float), (.int, .float), (.float, .int), (.bool, .bool):
            return SQLExpr("COALESCE(\(a.sql) \(sym) \(b.sql), false)", .bool, test: "(\(a.sql) \(sym) \(b.sql))", notNull: true)
        case (.string, .string):
            let test = "(\(a.sql)) COLLATE \"C\" \(sym) (\(b.sql)) COLLATE \"C\""
            return SQLExpr("COALESCE(\(test), false)", .bool, test: "(\(test))", notNull: true)
        case (.date, .date):
            let test: String
            switch op {
            case .lt: test = "mq.date_last(\(a.sql)) < mq.date_first(\(b.sql))"
            case .gt: test = "mq.date_first(\(a.sql)) > mq.date_last(\(b.sql))"
            case .le: test = "mq.date_first(\(a.sql)) <= mq.date_last(\(b.sql))"
            default: test = "mq.date_last(\(a.sql)) >= mq.date_first(\(b.sql))"
            }
            return SQLExpr("COALESCE(\(test), false)", .bool, test: test, notNull: true)
        default:
            throw context.unsupported("'\(sym)' between \(a.type) and \(b.type)", span)
        }
    }

    /// `d within date` and `d within [from, until]` (a null bound is open).
    private func within(_ a: SQLExpr, _ b: SQLExpr, _ r: Expr, _ span: Span) throws -> SQLExpr {
        guard a.type == .date || a.type == .null else { throw context.unsupported("'within' on \(a.type)", span) }
        if a.type == .null { return .false }
        if b.type == .date {
            let test = "mq.date_first(\(a.sql)) >= mq.date_first(\(b.sql)) AND mq.date_last(\(a.sql)) <= mq.date_last(\(b.sql))"
            return SQLExpr("COALESCE(\(test), false)", .bool, test: "(\(test))", notNull: true)
        }
        if b.type == .null { return .false }
        guard case let .list(bounds, _) = r, bounds.count == 2 else {
            throw context.unsupported("'within' with \(b.type) on the right", span)
        }
        let lo = try compiler.compile(bounds[0]), hi = try compiler.compile(bounds[1])
        for x in [lo, hi] where x.type != .date && x.type != .null {
            throw context.unsupported("'within' with a bound of type \(x.type)", span)
        }
        let l = lo.type == .null ? "true" : "(\(lo.sql) IS NULL OR mq.date_first(\(a.sql)) >= mq.date_first(\(lo.sql)))"
        let h = hi.type == .null ? "true" : "(\(hi.sql) IS NULL OR mq.date_last(\(a.sql)) <= mq.date_last(\(hi.sql)))"
        let test = "\(a.sql) IS NOT NULL AND \(l) AND \(h)"
        return SQLExpr("COALESCE(\(test), false)", .bool, test: "(\(test))", notNull: true)
    }

    /// Integer arithmetic is checked by PostgreSQL (overflow and division by zero are errors, as in mq).
    private func arithmetic(_ op: BinaryOp, _ a: SQLExpr, _ b: SQLExpr, _ span: Span) throws -> SQLExpr {
        if a.type == .null || b.type == .null {
            if (a.type.isNumeric || a.type == .null) && (b.type.isNumeric || b.type == .null) { return .null }
        }
        switch (a.type, b.type) {
        case (.int, .int): return SQLExpr("(\(a.sql) \(op.rawValue) \(b.sql))", .int)
        case (.int, .float), (.float, .int), (.float, .float):
            guard op != .mod else { throw context.unsupported("'%' on floats", span) }
            let x = "(\(a.sql))::float8", y = "(\(b.sql))::float8"
            return SQLExpr("(\(x) \(op.rawValue) \(y))", .float)
        case (.string, .string) where op == .add: return SQLExpr("(\(a.sql) || \(b.sql))", .string)
        case (.string, .null) where op == .add, (.null, .string) where op == .add: return .null
        default: throw context.unsupported("'\(op.rawValue)' on \(a.type) and \(b.type)", span)
        }
    }

    /// `x in list`, `x in (query)`, `x in entities` (on documents), `x in docs` (on entities); null in null
    /// is true, anything in null false.
    private func membership(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span) throws -> SQLExpr {
        let x = try compiler.compile(l)
        let found: String
        if let (kind, field) = compiler.listField(r) {
            found = try postings(x, kind, field, span)
        } else if case let .list(items, _) = r {
            return anyOf(op, try items.map { equal(x, try compiler.compile($0)) })
        } else if case let .list(items)? = try context.knownValue(r) {
            // A list mq knows before the query runs (a variable, a constant expression).
            return anyOf(op, try items.map { equal(x, try compiler.value($0, r.span)) })
        } else if case .pipeline = r {
            let sub = try context.subquery(r)
            guard case let .record(cols, _) = sub.shape, cols.count == 1 else {
                if case let .reference(k) = sub.shape {
                    found = "EXISTS (SELECT 1 FROM (\(sub.sql)) s WHERE \(equal(x, SQLExpr("s.ord", .ref(k))).condition))"
                    return .neverNull(op == .in ? found : "(NOT \(found))")
                }
                throw context.unsupported("'in' a query that gives more than one column", r.span)
            }
            found = "EXISTS (SELECT 1 FROM (\(sub.sql)) s WHERE \(equal(x, SQLExpr("s.\(SQLRelation.column(cols[0].name))", cols[0].type)).condition))"
        } else {
            let v = try compiler.compile(r)
            if v.type == .null { return op == .in ? .false : .true }
            throw context.unsupported("'\(op.rawValue)' with \(v.type) on the right", span)
        }
        return .neverNull(op == .in ? found : "(NOT \(found))")
    }

    /// `x in [a, b]`: one equality test per item (never null); for `in`, their plain tests, so that
    /// `x == "a"` on a key stays an index condition.
    private func anyOf(_ op: BinaryOp, _ tests: [SQLExpr]) -> SQLExpr {
        if tests.isEmpty { return op == .in ? .false : .true }
        let found = "(" + tests.map(\.sql).joined(separator: " OR ") + ")"
        if op == .notIn { return .neverNull("(NOT \(found))") }
        return SQLExpr(found, .bool, test: "(" + tests.map(\.condition).joined(separator: " OR ") + ")", notNull: true)
    }

    /// Membership in a list field of the row: from the mentions and names tables, as an EXISTS on the
    /// row's key (never null, so no COALESCE hides it): at the top of a `where`, PostgreSQL makes it a
    /// semi-join (or, with `not in`, an anti-join), answered from the entity index or by hashing, not a
    /// subplan per row; elsewhere a hashed subplan where the rows fit in memory.
    private func postings(_ x: SQLExpr, _ kind: ReferenceKind, _ field: String, _ span: Span) throws -> String {
        guard let row = compiler.row else { throw context.unsupported("'\(field)'", span) }
        let me = "\(row.alias).ord"
        func ref(_ k: ReferenceKind) throws -> String {
            switch x.type {
            case .ref(k): return x.sql
            case .string where k != .mention: return "(SELECT i.ord FROM \(SQLFields.table(k)) i WHERE i.id = \(x.sql))"
            case .null: return "NULL::bigint"
            default: throw context.unsupported("'in \(field)' with \(x.type) on the left", span)
            }
        }
        switch (kind, field) {
        case (.document, "entities"):
            return "EXISTS (SELECT 1 FROM mq.mentions p WHERE p.doc = \(me) AND p.entity = \(try ref(.entity)))"
        case (.document, "mentions"):
            return "EXISTS (SELECT 1 FROM mq.mentions p WHERE p.doc = \(me) AND p.ord = \(try ref(.mention)))"
        case (.document, "facts"):
            return "EXISTS (SELECT 1 FROM mq.facts p WHERE p.doc = \(me) AND p.ord = \(try ref(.fact)))"
        case (.document, "authors"):
            guard x.type == .string else { throw context.unsupported("'in authors' with \(x.type) on the left", span) }
            return "COALESCE(\(x.sql) = ANY((SELECT a.authors FROM mq.documents a WHERE a.ord = \(me))), false)"
        case (.entity, "docs"):
            return "EXISTS (SELECT 1 FROM mq.mentions p WHERE p.entity = \(me) AND p.doc = \(try ref(.document)))"
        case (.entity, "mentions"):
            return "EXISTS (SELECT 1 FROM mq.mentions p WHERE p.entity = \(me) AND p.ord = \(try ref(.mention)))"
        case (.entity, "facts"):
            return "EXISTS (SELECT 1 FROM mq.facts p WHERE p.subject = \(me) AND p.ord = \(try ref(.fact)))"
        case (.entity, "names"), (.entity, "aliases"), (.entity, "acronyms"):
            guard x.type == .string else { throw context.unsupported("'in \(field)' with \(x.type) on the left", span) }
            let which = field == "names" ? "" : field == "aliases" ? " AND p.seq > 0" : " AND p.kind = 'acronym'"
            return "EXISTS (SELECT 1 FROM mq.entity_names p WHERE p.entity = \(me)\(which) AND p.name = \(x.sql))"
        default:
            throw context.unsupported("'in \(field)'", span)
        }
    }

    /// `text has "words"` on a document's text: the stored folded words (GIN index), then the phrase.
    private func has(_ l: Expr, _ r: Expr, _ span: Span) throws -> SQLExpr {
        guard case let .string(needle)? = try context.knownValue(r) else {
            throw context.unsupported("'has' with a right side that is not a constant string", span)
        }
        let ref: String
        switch l {
        case .name("text", _) where compiler.row?.relation.base == .document
            && compiler.row?.relation.recordColumns.contains(where: { $0.name == "text" }) == false:
            ref = "\(compiler.row!.alias).ord"
        case let .field(base, f, _) where f.name == "text":
            let b = try compiler.compile(base)
            guard b.type == .ref(.document) else {
                throw context.unsupported("'has' on anything but a document's text (the words of other text are not stored)", span)
            }
            ref = b.sql
        default:
            throw context.unsupported("'has' on anything but a document's text (the words of other text are not stored)", span)
        }
        let normalizer = context.corpus.names.normalizer
        let w = normalizer.words(needle)
        guard !w.isEmpty, !w.contains(where: { $0.utf8.contains(0) }) else { return .false }
        // Words in a row as in a name (no comma, sentence end or possessive between) are not stored.
        guard w.count == 1 else { throw context.unsupported("'has' with several words (whether they stand in a row is not stored)", span) }
        // The word, its doubled vowels written once, and its skeleton among the words outside ASCII: the
        // phrase matcher's hits (SQLNarrowing.exactWord), from the two GIN indexes.
        guard let exact = SQLNarrowing.exactWord(w[0], spelling: normalizer.spelling) else {
            throw context.unsupported("'has' of a word the spelling table joins with others or reaches by another spelling (the stored words do not tell the phrase matcher's answer)", span)
        }
        // The words of a run parameter are bound too (folded by mq, as any needle).
        let parameter = context.parameterName(r)
        let forms = parameter.map { context.bind("\($0) (folded words)", SQLParameters.textArray(exact.forms), as: "text[]") }
            ?? SQLDialect.textArray(exact.forms)
        let skeleton = parameter.map { context.bind("\($0) (skeleton)", SQLParameters.textArray([exact.skeleton]), as: "text[]") }
            ?? SQLDialect.textArray([exact.skeleton])
        let test = "\(ref) IN (SELECT w.ord FROM mq.documents w WHERE w.words && \(forms) OR w.skeletons @> \(skeleton))"
        return SQLExpr("COALESCE(\(test), false)", .bool, test: "(\(test))", notNull: true)
    }
}
