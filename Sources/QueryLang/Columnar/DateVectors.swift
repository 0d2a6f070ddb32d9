/// Dates on vectors: each date is its ``PartialDate/sortKey`` (first day, precision, approximate), so a
/// sort orders the keys as `Value.compareForSort` orders dates, `==` and grouping compare the key without
/// its approximate bit (the same first and last day), and `<`, `>`, `<=`, `>=` compare the intervals the
/// keys cover as the row executor does (`Operators.compare`: overlapping dates are neither before nor after
/// each other; `<=` and `>=` hold for them).
///
/// A group key or a `distinct` rebuilds its dates from the codes, which cannot say which of `~2013` and
/// `2013` came first: so the vectors hold exact dates only. A corpus with an approximate publication date
/// reads `published` on the row executor, and an approximate date literal is not compiled; `bin` never
/// gives an approximate date.
enum DateVectors {
    /// Whether every publication date of the corpus is exact (then `published` is read as a vector).
    static func publishedExact(_ columns: CorpusColumns) -> Bool {
        columns.derived("document.published exact") { () -> Bool? in
            !columns.corpus.documentDateKeys.contains { $0 != PartialDate.noSortKey && $0 & 1 == 1 }
        } ?? false
    }

    /// The day number of the last day a date's key covers: its first day for a date to the day (most
    /// publication dates; no calendar arithmetic), else from the month or year the key names.
    @inline(__always)
    static func lastDay(_ key: UInt32) -> Int {
        key >> 1 & 3 == UInt32(PartialDate.Precision.day.rawValue) ? Int(key >> 3) : PartialDate(sortKey: key).lastDay
    }

    /// `<`, `<=`, `>`, `>=` of two date vectors; false where either is null.
    static func order(_ x: [UInt32], _ y: [UInt32], _ op: BinaryOp) -> Vector {
        let n = x.count
        var out = [Bool](repeating: false, count: n)
        // The last day of the previous key on each side: a literal, or the same document's date on
        // consecutive rows, is computed once.
        var lastX: (key: UInt32, day: Int) = (PartialDate.noSortKey, 0), lastY = lastX
        for i in 0..<n {
            let a = x[i], b = y[i]
            if a == PartialDate.noSortKey || b == PartialDate.noSortKey { continue }
            if a != lastX.key { lastX = (a, lastDay(a)) }
            if b != lastY.key { lastY = (b, lastDay(b)) }
            let fa = Int(a >> 3), fb = Int(b >> 3)
            let c: Int?
            if lastX.day < fb { c = -1 }
            else if fa > lastY.day { c = 1 }
            else if fa == fb && lastX.day == lastY.day { c = 0 }
            else { c = op == .le || op == .ge ? 0 : nil }
            guard let c else { continue }
            switch op {
            case .lt: out[i] = c < 0
            case .le: out[i] = c <= 0
            case .gt: out[i] = c > 0
            default: out[i] = c >= 0
            }
        }
        return .bools(out, valid: nil)
    }

    /// `bin(d, width)` of each date (``DateBin``); null stays null.
    static func bin(_ keys: [UInt32], _ n: Int, _ unit: DateBin.Unit) -> [UInt32] {
        var last: (key: UInt32, bin: UInt32) = (PartialDate.noSortKey, PartialDate.noSortKey)
        return keys.map { k in
            if k != last.key { last = (k, k == PartialDate.noSortKey ? k : binKey(k, n, unit)) }
            return last.bin
        }
    }

    /// ``DateBin/bin(_:_:_:)`` on a key, without making the date: the bucket's first day at the bucket's
    /// precision, a date coarser than the unit kept at its own precision, never approximate.
    static func binKey(_ k: UInt32, _ n: Int, _ unit: DateBin.Unit) -> UInt32 {
        func floor(_ x: Int, _ k: Int) -> Int { x >= 0 ? x / k * k : -((-x + k - 1) / k * k) }
        func key(_ day: Int, _ precision: PartialDate.Precision) -> UInt32 { UInt32(day) << 3 | UInt32(precision.rawValue) << 1 }
        let first = Int(k >> 3)
        let precision = PartialDate.Precision(rawValue: Int(k >> 1 & 3)) ?? .day
        switch unit {
        case .y:
            let (y, _, _) = PartialDate.civil(first)
            return key(PartialDate.ordinal(max(1, floor(y, n)), 1, 1), .year)
        case .q, .m:
            guard precision >= .month else { return k & ~1 }
            let (y, m, _) = PartialDate.civil(first)
            let index = floor(y * 12 + m - 1, unit == .q ? 3 * n : n)
            return key(PartialDate.ordinal(max(1, index / 12), index % 12 + 1, 1), .month)
        case .w, .d:
            guard precision == .day else { return k & ~1 }
            return key(floor(first, unit == .w ? 7 * n : n), .day)
        }
    }
}

extension ExprCompiler {
    /// A date literal, when exact.
    func dateLiteral(_ d: PartialDate) -> CompiledExpr? {
        guard !d.approximate else { return nil }
        let key = d.sortKey
        return CompiledExpr(type: .date, canFail: false) { .dates(Array(repeating: key, count: $0.count)) }
    }

    /// `bin(d, "1m")` with a literal width the built-in reads; any other width (an error, or a value of the
    /// row) is left to the row executor.
    func dateBin(_ args: [Expr]) -> CompiledExpr? {
        guard args.count == 2, case let .literal(.string(width), _) = args[1], let (n, unit) = DateBin.parse(width),
              let d = compile(args[0]), d.type == .date else { return nil }
        return CompiledExpr(type: .date, canFail: d.canFail) { b in
            guard case let .dates(keys) = try d.eval(b) else { preconditionFailure("dates") }
            return .dates(DateVectors.bin(keys, n, unit))
        }
    }
}
