/// Vectors and batches put end to end (what a sort or the output holds).
extension Vector {
    static func concat(_ parts: [Vector], type: VectorType) -> Vector {
        func nullsOf(_ vs: [Vector]) -> [Bool]? {
            guard vs.contains(where: { v in
                switch v {
                case let .ints(_, m), let .floats(_, m), let .bools(_, m): return m != nil
                default: return false
                }
            }) else { return nil }
            return vs.flatMap { v in (0..<v.count).map { !v.isNull($0) } }
        }
        switch type {
        case .int: return .ints(parts.flatMap { if case let .ints(x, _) = $0 { return x }; return [] }, valid: nullsOf(parts))
        case .float: return .floats(parts.flatMap { if case let .floats(x, _) = $0 { return x }; return [] }, valid: nullsOf(parts))
        case .bool: return .bools(parts.flatMap { if case let .bools(x, _) = $0 { return x }; return [] }, valid: nullsOf(parts))
        case let .ref(k): return .refs(k, parts.flatMap { if case let .refs(_, x) = $0 { return x }; return [] })
        case .date: return .dates(parts.flatMap { if case let .dates(x) = $0 { return x }; return [] })
        case .string:
            // One pool for all: the parts' own when they share it, else their strings coded anew.
            var pool: StringPool? = nil
            var shared = true
            for case let .strings(_, p) in parts {
                if pool == nil { pool = p } else if pool !== p { shared = false }
            }
            let target = shared ? (pool ?? StringPool()) : StringPool()
            var codes: [Int32] = []
            for case let .strings(c, p) in parts {
                if shared { codes += c } else { codes += c.map { $0 < 0 ? -1 : target.code(p.strings[Int($0)]) } }
            }
            return .strings(codes, target)
        }
    }
}

extension Batch {
    static func concat(_ batches: [Batch], schema: ColumnarSchema) -> Batch {
        let count = batches.reduce(0) { $0 + $1.count }
        let vectors = schema.types.indices.map { i in Vector.concat(batches.map { $0.vectors[i] }, type: schema.types[i]) }
        var base: Vector? = nil
        if let k = schema.base { base = .concat(batches.compactMap(\.base), type: .ref(k)) }
        return Batch(count: count, vectors: vectors, base: base)
    }
}
