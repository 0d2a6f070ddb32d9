/// Tight loops over vectors, one per type, used by compiled expressions and aggregates: each switches on
/// the vectors' types once per batch, then runs over plain arrays.
enum VectorKernels {
    /// Equal-code form of a vector: a code per row (as ``Vector/key(_:)``) and which rows are null.
    static func codes(_ v: Vector) -> (codes: [Int64], nulls: [Bool]?) {
        switch v {
        case let .ints(x, valid): return (x, valid.map { $0.map { !$0 } })
        case let .floats(x, valid): return (x.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }, valid.map { $0.map { !$0 } })
        case let .bools(x, valid): return (x.map { $0 ? 1 : 0 }, valid.map { $0.map { !$0 } })
        case let .strings(c, _):
            return (c.map { Int64($0) }, c.contains(where: { $0 < 0 }) ? c.map { $0 < 0 } : nil)
        case let .refs(_, r):
            return (r.map { Int64($0) }, r.contains(where: { $0 < 0 }) ? r.map { $0 < 0 } : nil)
        case let .dates(d):
            let none = PartialDate.noSortKey
            return (d.map { Int64($0 >> 1) }, d.contains(none) ? d.map { $0 == none } : nil)
        }
    }

    static func doubles(_ v: Vector) -> (values: [Double], valid: [Bool]?) {
        switch v {
        case let .ints(x, valid): return (x.map(Double.init), valid)
        case let .floats(x, valid): return (x, valid)
        default: preconditionFailure("numbers")
        }
    }

    /// `==` (or `!=`) of two vectors of one type, with null equal to null only.
    static func equal(_ x: Vector, _ y: Vector, negate: Bool) -> Vector {
        let n = x.count
        var out = [Bool](repeating: false, count: n)
        switch (x, y) {
        case let (.strings(p, pp), .strings(q, qp)):
            if pp === qp {
                for i in 0..<n { out[i] = (p[i] == q[i]) != negate }
            } else {
                // Codes of the right side's strings in the left side's pool (-2: not there).
                var translated = [Int32](repeating: -2, count: qp.strings.count)
                var seen = [Bool](repeating: false, count: qp.strings.count)
                for i in 0..<n {
                    let c = q[i]
                    var t: Int32 = -1
                    if c >= 0 {
                        if !seen[Int(c)] { seen[Int(c)] = true; translated[Int(c)] = pp.lookup(qp.strings[Int(c)]) ?? -2 }
                        t = translated[Int(c)]
                    }
                    out[i] = (p[i] == t) != negate
                }
            }
        case let (.refs(k1, p), .refs(k2, q)):
            for i in 0..<n { out[i] = (k1 == k2 || p[i] < 0 ? p[i] == q[i] : false) != negate }
        default:
            if x.type.isNumeric && y.type.isNumeric && x.type != y.type {
                let (a, av) = doubles(x), (b, bv) = doubles(y)
                for i in 0..<n {
                    let xn = av?[i] == false, yn = bv?[i] == false
                    out[i] = (xn || yn ? xn && yn : a[i] == b[i]) != negate
                }
            } else {
                let (a, an) = codes(x), (b, bn) = codes(y)
                if an == nil && bn == nil {
                    if case .floats = x {
                        let (fa, _) = doubles(x), (fb, _) = doubles(y)
                        for i in 0..<n { out[i] = (fa[i] == fb[i]) != negate }
                    } else {
                        for i in 0..<n { out[i] = (a[i] == b[i]) != negate }
                    }
                } else {
                    for i in 0..<n {
                        let xn = an?[i] ?? false, yn = bn?[i] ?? false
                        out[i] = (xn || yn ? xn && yn : a[i] == b[i]) != negate
                    }
                }
            }
        }
        return .bools(out, valid: nil)
    }

    /// `<`, `<=`, `>`, `>=` of two vectors of comparable types; false where either side is null.
    static func order(_ x: Vector, _ y: Vector, _ op: BinaryOp) -> Vector {
        let n = x.count
        var out = [Bool](repeating: false, count: n)
        @inline(__always) func test(_ c: Int) -> Bool {
            switch op {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        }
        switch (x, y) {
        case let (.strings(p, pp), .strings(q, qp)):
            for i in 0..<n where p[i] >= 0 && q[i] >= 0 {
                let s = pp.strings[Int(p[i])], t = qp.strings[Int(q[i])]
                out[i] = test(s < t ? -1 : (s == t ? 0 : 1))
            }
        case let (.dates(p), .dates(q)):
            return DateVectors.order(p, q, op)
        case (.ints, .ints), (.bools, .bools):
            let (a, an) = codes(x), (b, bn) = codes(y)
            for i in 0..<n where an?[i] != true && bn?[i] != true {
                out[i] = test(a[i] < b[i] ? -1 : (a[i] == b[i] ? 0 : 1))
            }
        default:
            let (a, av) = doubles(x), (b, bv) = doubles(y)
            for i in 0..<n where av?[i] != false && bv?[i] != false {
                out[i] = test(a[i] < b[i] ? -1 : (a[i] == b[i] ? 0 : 1))
            }
        }
        return .bools(out, valid: nil)
    }

    /// Whether each row's condition is true (false and null are not).
    static func truth(_ v: Vector) -> [Bool] {
        guard case let .bools(b, valid) = v else { preconditionFailure("a condition") }
        guard let valid else { return b }
        return zip(b, valid).map { $0 && $1 }
    }
}
