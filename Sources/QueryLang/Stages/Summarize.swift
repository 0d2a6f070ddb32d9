/// `summarize agg, ... [by key, ...]`: one row per group of equal keys (in first-seen order) with the
/// aggregates computed in one pass, one accumulator per group and aggregate call. The input streams;
/// only the groups are held (and bounded by the row limit).
///
/// Its access path (``IndexAccessPass``): `mentions | summarize count()... by <keys of the entity>`
/// from the postings, one representative mention per entity: same groups, same order, same counts.
extension Parser {
    mutating func parseSummarize(_ start: Span) throws -> (kind: StageKind, end: Span) {
        if at(.eof) { throw error(.unfinishedStatement, "expected a value", current.span) }
        if at(.pipe) || at(.newline) || at(.rparen) {
            throw error(.unexpectedToken, "summarize needs aggregates or 'by' keys", current.span,
                        hints: ["summarize n = count() by entity"])
        }
        var aggs: [Column] = []
        if !atWord("by") { aggs = try columns() }
        var by: [Column] = []
        if atWord("by") {
            advance()
            by = try columns()
        }
        if aggs.isEmpty && by.isEmpty {
            throw error(.unexpectedToken, "summarize needs aggregates or 'by' keys", current.span, hints: ["summarize n = count() by entity"])
        }
        return (.summarize(aggs, by: by), (by.last ?? aggs.last!).expr.span)
    }
}

extension Checker {
    mutating func checkSummarize(_ aggs: [Column], _ by: [Column], _ s: StageInput) -> Row {
        let keys = columns(by, s.ctx)
        var actx = s.ctx
        actx.inSummarize = true
        for a in aggs where !containsAggregate(a.expr) {
            error(.missingAggregate, "summarize computes aggregates: count(), sum(x), list(x), ...", a.expr.span,
                  hints: ["put grouping keys after 'by': summarize count() by \(exprName(a.expr))"])
        }
        let values = columns(aggs, actx)
        return records(keys + values, base: nil)
    }

    private func containsAggregate(_ e: Expr) -> Bool {
        switch e {
        case let .call(n, args, _): return Aggregates.named[n.name] != nil || userFunctions[n.name] != nil || args.contains(where: containsAggregate)
        case let .binary(_, l, r, _): return containsAggregate(l) || containsAggregate(r)
        case let .unary(_, x, _): return containsAggregate(x)
        case let .field(b, _, _): return containsAggregate(b)
        case let .index(b, i, _): return containsAggregate(b) || containsAggregate(i)
        case let .list(items, _): return items.contains(where: containsAggregate)
        default: return false
        }
    }

    private func exprName(_ e: Expr) -> String {
        if case let .name(n, _) = e { return n }
        if case let .field(_, f, _) = e { return f.name }
        return "..."
    }
}

extension Interpreter {
    func openSummarize(_ input: RowStream, _ aggs: [Column], _ by: [Column], _ node: PlanNode, _ outer: Env) throws -> RowStream {
        let keyNames = Column.outputNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        let sites = aggs.flatMap { aggregateCalls($0.expr) }
        var keys: [[Value]] = []
        var firstRows: [Value] = []
        var accumulators: [[Accumulator]] = []
        var singleIndex: [Value: Int] = [:]
        var multiIndex: [[Value]: Int] = [:]
        let fresh = sites.map { Accumulator($0.name.name) }
        try input.forEach { row in
            let env = Env(row: row, locals: outer.locals)
            let g: Int
            if by.count == 1 {
                let key = try eval(by[0].expr, env)
                if let found = singleIndex[key] { g = found } else {
                    g = keys.count
                    singleIndex[key] = g
                    keys.append([key]); firstRows.append(row); accumulators.append(fresh)
                    try checkRows(keys.count, node.span, "the groups of 'summarize'")
                }
            } else {
                let key = try by.map { try eval($0.expr, env) }
                if let found = multiIndex[key] { g = found } else {
                    g = keys.count
                    multiIndex[key] = g
                    keys.append(key); firstRows.append(row); accumulators.append(fresh)
                    try checkRows(keys.count, node.span, "the groups of 'summarize'")
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
            out.append(try groupRow(keys[g], firstRows[g], results, aggs, names, outer))
        }
        return RowStream(rows: out, columns: names)
    }

    func openCountsByEntity(_ aggs: [Column], _ by: [Column], _ outer: Env) throws -> RowStream {
        let sites = aggs.flatMap { aggregateCalls($0.expr) }
        // Representatives: the first mention of each entity, and of the unattributed ones, in mention order.
        let reps = EntityCounts.representatives(corpus)
        var index: [[Value]: Int] = [:]
        var keys: [[Value]] = []
        var counts: [Int] = []
        var firstRows: [Value] = []
        for (first, count) in zip(reps.mentions, reps.weights) {
            try tick(by[0].expr.span)
            let row = Value.mention(Int(first))
            let env = Env(row: row, locals: outer.locals)
            let key = try by.map { try eval($0.expr, env) }
            if let g = index[key] { counts[g] += count } else {
                index[key] = keys.count
                keys.append(key); counts.append(count); firstRows.append(row)
            }
        }
        let keyNames = Column.outputNames(by)
        let names = keyNames + Column.outputNames(aggs, after: keyNames)
        var out: [Value] = []
        for g in 0..<keys.count {
            var results: [String: Value] = [:]
            for site in sites { results[site.key] = .int(Int64(counts[g])) }
            out.append(try groupRow(keys[g], firstRows[g], results, aggs, names, outer))
        }
        return RowStream(rows: out, columns: names)
    }

    /// A group's row: its keys, then each aggregate column evaluated with the group's results (and its first
    /// row, for any field the column reads outside an aggregate).
    private func groupRow(_ keys: [Value], _ firstRow: Value, _ results: [String: Value], _ aggs: [Column],
                          _ names: [String], _ outer: Env) throws -> Value {
        let env = Env(row: firstRow.isNull ? nil : firstRow, locals: outer.locals, aggregates: results)
        var values = keys
        for a in aggs { values.append(try eval(a.expr, env)) }
        return .record(Record(keys: names, values: values))
    }
}
