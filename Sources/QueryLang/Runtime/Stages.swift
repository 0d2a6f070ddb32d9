/// The stages of a pipeline, each a function from a table to a table.
extension Interpreter {
    /// Applies a stage. `limit`, when given, is how many rows the next stage keeps (`take N`): stages
    /// that work row by row stop once they have that many.
    func apply(_ stage: Stage, to input: Table, _ outer: Env, limit: Int? = nil) throws -> Table {
        let cap = limit ?? Int.max
        func rowEnv(_ row: Value) -> Env { Env(row: row, locals: outer.locals) }
        switch stage.kind {
        case let .where(cond):
            if let indexed = try indexedWhere(input, cond, outer, limit: cap) { return indexed }
            var out: [Value] = []
            for row in input.rows {
                if out.count >= cap { break }
                if try keeps(eval(cond, rowEnv(row)), cond) { out.append(row) }
            }
            return Table(rows: out, columns: input.columns)

        case let .select(cols) where cols.first?.isStar == true:
            // `select *, n = expr` is extend: every column of the row, then the new ones.
            return try apply(Stage(.extend(Array(cols.dropFirst())), span: stage.span, nameSpan: stage.nameSpan),
                             to: input, outer, limit: limit)

        case let .select(cols):
            let names = columnNames(cols)
            var out: [Value] = []
            out.reserveCapacity(min(cap, input.rows.count))
            for row in input.rows.prefix(cap) {
                let env = rowEnv(row)
                out.append(.record(Record(keys: names, values: try cols.map { try eval($0.expr, env) })))
            }
            return Table(rows: out, columns: names)

        case let .extend(cols):
            let names = columnNames(cols)
            var out: [Value] = []
            out.reserveCapacity(input.rows.count)
            var columns = input.columns
            for n in names where !columns.contains(n) { columns.append(n) }
            for row in input.rows.prefix(cap) {
                let env = rowEnv(row)
                var rec = fields.record(row)
                for (n, c) in zip(names, cols) { rec.set(n, try eval(c.expr, env)) }
                out.append(.record(rec))
            }
            return Table(rows: out, columns: columns)

        case let .sort(keys):
            // Followed by `take N`: only the first N rows, chosen without sorting them all.
            return Table(rows: try sorted(input.rows, keys, outer, limit: limit), columns: input.columns)

        case let .take(n):
            let count = try countArgument(n, outer, "take")
            return Table(rows: Array(input.rows.prefix(count)), columns: input.columns)

        case let .top(n, keys):
            let count = try countArgument(n, outer, "top")
            return Table(rows: Array(try sorted(input.rows, keys, outer, limit: count).prefix(count)), columns: input.columns)

        case let .distinct(cols):
            var seen = Set<Value>()
            var out: [Value] = []
            if cols.isEmpty {
                for row in input.rows where seen.insert(row).inserted { out.append(row) }
                return Table(rows: out, columns: input.columns)
            }
            let names = columnNames(cols)
            for row in input.rows {
                let env = rowEnv(row)
                let rec = Value.record(Record(keys: names, values: try cols.map { try eval($0.expr, env) }))
                if seen.insert(rec).inserted { out.append(rec) }
            }
            return Table(rows: out, columns: names)

        case let .summarize(aggs, by):
            return try summarize(input, aggs, by, outer)

        case let .join(kind, rightExpr, keys):
            return try join(input, kind, rightExpr, keys, stage.span, outer)

        case let .union(rightExpr):
            let right = try tableValue(try eval(rightExpr, outer), rightExpr.span)
            try checkRows(input.rows.count + right.rows.count, stage.span, "the union")
            var columns = input.columns
            for c in right.columns where !columns.contains(c) { columns.append(c) }
            return Table(rows: input.rows + right.rows, columns: columns)

        case let .expand(col):
            let name = columnNames([col])[0]
            var out: [Value] = []
            var columns = input.columns
            if !columns.contains(name) { columns.append(name) }
            for row in input.rows {
                if out.count >= cap { break }
                let v = try eval(col.expr, rowEnv(row))
                let items: [Value]
                switch v {
                case let .list(l): items = l
                case let .table(t): items = t.rows
                case .null: items = []
                default: items = [v]
                }
                try checkRows(out.count + items.count, stage.span, "the result of expand")
                let base = fields.record(row)
                for item in items {
                    try tick(stage.span)
                    var rec = base
                    rec.set(name, item)
                    out.append(.record(rec))
                }
            }
            return Table(rows: out, columns: columns)

        case .count:
            return Table(rows: [.record(Record(keys: ["count"], values: [.int(Int64(input.rows.count))]))], columns: ["count"])

        case let .cooccur(scope, all):
            return try cooccur(input, scope, all, stage.span, limit: cap)

        case let .kwic(term, width, regex):
            return try kwic(input, term, width, regex: regex, stage.span, outer, limit: cap)

        case .timeline:
            return try timeline(input, stage.span).table()
        }
    }

    /// Column names (see ``Column/outputNames(_:after:)``).
    func columnNames(_ cols: [Column]) -> [String] { Column.outputNames(cols) }

    private func countArgument(_ e: Expr, _ env: Env, _ stage: String) throws -> Int {
        let v = try eval(e, env)
        guard case let .int(n) = v, n >= 0 else {
            throw fail("E301", "\(stage) needs a count that is a whole number, 0 or more, got \(v.typeName) \(preview(v))", e.span)
        }
        return Int(clamping: n)
    }

    /// Stable sort by keys; with a limit, only the first `limit` rows, in order (picked with a bounded
    /// heap when they are a small part of the rows: the same rows a full stable sort puts first, since
    /// ties go by position).
    private func sorted(_ rows: [Value], _ keys: [SortKey], _ outer: Env, limit: Int? = nil) throws -> [Value] {
        var keyed: [(row: Value, keys: [Value], index: Int)] = []
        keyed.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            let env = Env(row: row, locals: outer.locals)
            keyed.append((row, try keys.map { try eval($0.expr, env) }, i))
        }
        func before(_ a: (row: Value, keys: [Value], index: Int), _ b: (row: Value, keys: [Value], index: Int)) -> Bool {
            for (k, key) in keys.enumerated() {
                let x = a.keys[k], y = b.keys[k]
                // Nulls go last whichever the direction.
                if x.isNull != y.isNull { return y.isNull }
                var c = Value.compareForSort(x, y)
                if key.descending { c = -c }
                if c != 0 { return c < 0 }
            }
            return a.index < b.index
        }
        if let limit, limit < keyed.count / 4 {
            return TopN.select(keyed.count, limit) { before(keyed[$0], keyed[$1]) }.map { keyed[$0].row }
        }
        keyed.sort(by: before)
        return keyed.map(\.row)
    }

    /// Groups rows by the `by` keys (in first-seen order) and computes the aggregates in one pass,
    /// keeping one accumulator per group and aggregate call.
    private func summarize(_ input: Table, _ aggs: [Column], _ by: [Column], _ outer: Env) throws -> Table {
        let keyNames = columnNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        let sites = aggs.flatMap { aggregateCalls($0.expr) }
        if let fast = try summarizeFromIndex(input, aggs, by, outer) { return fast }
        var keys: [[Value]] = []
        var firstRows: [Value] = []
        var accumulators: [[Accumulator]] = []
        var singleIndex: [Value: Int] = [:]
        var multiIndex: [[Value]: Int] = [:]
        let fresh = sites.map { Accumulator($0.name.name) }
        for row in input.rows {
            let env = Env(row: row, locals: outer.locals)
            let g: Int
            if by.count == 1 {
                let key = try eval(by[0].expr, env)
                if let found = singleIndex[key] { g = found } else {
                    g = keys.count
                    singleIndex[key] = g
                    keys.append([key]); firstRows.append(row); accumulators.append(fresh)
                }
            } else {
                let key = try by.map { try eval($0.expr, env) }
                if let found = multiIndex[key] { g = found } else {
                    g = keys.count
                    multiIndex[key] = g
                    keys.append(key); firstRows.append(row); accumulators.append(fresh)
                }
            }
            for (k, site) in sites.enumerated() {
                try accumulate(&accumulators[g][k], site, env)
            }
        }
        if by.isEmpty && keys.isEmpty {
            keys.append([]); firstRows.append(.null); accumulators.append(fresh)
        }
        var out: [Value] = []
        out.reserveCapacity(keys.count)
        for g in 0..<keys.count {
            var results: [String: Value] = [:]
            for (k, site) in sites.enumerated() { results[site.key] = result(accumulators[g][k]) }
            let env = Env(row: firstRows[g].isNull ? nil : firstRows[g], locals: outer.locals, aggregates: results)
            var values = keys[g]
            for a in aggs { values.append(try eval(a.expr, env)) }
            out.append(.record(Record(keys: names, values: values)))
        }
        return Table(rows: out, columns: names)
    }

    /// `mentions | summarize count() ... by <keys that depend only on the mention's entity>` from the
    /// postings: one representative mention per entity instead of every mention. Same groups, same
    /// order (first seen), same counts as the general path.
    func summarizeFromIndex(_ input: Table, _ aggs: [Column], _ by: [Column], _ outer: Env) throws -> Table? {
        let sites = aggs.flatMap { aggregateCalls($0.expr) }
        guard input.wholeSource == .mention, !by.isEmpty,
              sites.allSatisfy({ $0.name.name == "count" && $0.args.isEmpty }),
              by.allSatisfy({ rowFields(in: $0.expr).allSatisfy { $0 == "entity" } }),
              aggs.allSatisfy({ rowFields(in: $0.expr).isEmpty }) else { return nil }
        // Representatives: the first mention of each entity, and of the unattributed ones.
        var reps: [(first: Int, count: Int)] = []
        var resolved = 0
        for list in corpus.entityMentions where !list.isEmpty {
            reps.append((Int(list[0]), list.count))
            resolved += list.count
        }
        if resolved < corpus.mentions.count, let firstNull = corpus.mentions.firstIndex(where: { $0.entity < 0 }) {
            reps.append((firstNull, corpus.mentions.count - resolved))
        }
        reps.sort { $0.first < $1.first }
        var index: [[Value]: Int] = [:]
        var keys: [[Value]] = []
        var counts: [Int] = []
        var firstRows: [Value] = []
        for r in reps {
            try tick(by[0].expr.span)
            let row = Value.mention(r.first)
            let env = Env(row: row, locals: outer.locals)
            let key = try by.map { try eval($0.expr, env) }
            if let g = index[key] { counts[g] += r.count } else {
                index[key] = keys.count
                keys.append(key); counts.append(r.count); firstRows.append(row)
            }
        }
        let keyNames = columnNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        var out: [Value] = []
        for g in 0..<keys.count {
            var results: [String: Value] = [:]
            for site in sites { results[site.key] = .int(Int64(counts[g])) }
            let env = Env(row: firstRows[g], locals: outer.locals, aggregates: results)
            var values = keys[g]
            for a in aggs { values.append(try eval(a.expr, env)) }
            out.append(.record(Record(keys: names, values: values)))
        }
        return Table(rows: out, columns: names)
    }

    /// The fields of the current row an expression reads (bare names that are mention fields and not
    /// variables or parameters).
    private func rowFields(in e: Expr) -> Set<String> {
        switch e {
        case let .name(n, _):
            return globals[n] == nil && FieldCatalog.field(n, of: .mention) != nil ? [n] : []
        case let .field(b, _, _): return rowFields(in: b)
        case let .index(b, i, _): return rowFields(in: b).union(rowFields(in: i))
        case let .call(_, args, _): return args.reduce(into: Set<String>()) { $0.formUnion(rowFields(in: $1)) }
        case let .unary(_, x, _): return rowFields(in: x)
        case let .binary(_, l, r, _): return rowFields(in: l).union(rowFields(in: r))
        case let .list(items, _): return items.reduce(into: Set<String>()) { $0.formUnion(rowFields(in: $1)) }
        case let .record(fs, _): return fs.reduce(into: Set<String>()) { $0.formUnion(rowFields(in: $1.value)) }
        case .literal: return []
        case .pipeline: return ["*"]  // a nested query: not analysed
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

    private func join(_ left: Table, _ kind: JoinKind, _ rightExpr: Expr, _ keys: [JoinKey], _ span: Span,
                      _ outer: Env) throws -> Table {
        let right = try tableValue(try eval(rightExpr, outer), rightExpr.span)
        // Index the right side by its key values.
        var index: [[Value]: [Int]] = [:]
        for (i, row) in right.rows.enumerated() {
            try tick(span)
            let env = Env(row: row, locals: outer.locals)
            let key = try keys.map { joinKey(try eval($0.right ?? $0.left, env)) }
            if key.contains(where: \.isNull) { continue }
            index[key, default: []].append(i)
        }
        var out: [Value] = []
        var columns = left.columns
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
        for row in left.rows {
            let env = Env(row: row, locals: outer.locals)
            let key = try keys.map { joinKey(try eval($0.left, env)) }
            let matches = key.contains(where: \.isNull) ? [] : (index[key] ?? [])
            switch kind {
            case .semi: if !matches.isEmpty { out.append(row) }
            case .anti: if matches.isEmpty { out.append(row) }
            case .inner, .left:
                if matches.isEmpty {
                    if kind == .left {
                        var rec = fields.record(row)
                        for c in right.columns { rec.set(rightNames[c]!, .null) }
                        out.append(.record(rec))
                    }
                    continue
                }
                try checkRows(out.count + matches.count, span, "the join")
                let base = fields.record(row)
                for m in matches {
                    try tick(span)
                    var rec = base
                    let r = fields.record(right.rows[m])
                    for c in right.columns { rec.set(rightNames[c]!, r[c] ?? fields.field(right.rows[m], c) ?? .null) }
                    out.append(.record(rec))
                }
            }
        }
        return Table(rows: out, columns: kind == .semi || kind == .anti ? left.columns : columns)
    }
}
