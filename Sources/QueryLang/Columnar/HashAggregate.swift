/// `summarize` (and `distinct`) on batches: each row's keys become a fixed-width code (one word per key,
/// and a word of null flags) looked up in an open-addressing table that numbers the groups in first-seen
/// order; each aggregate keeps one typed accumulator per group. The result is one batch: the keys, then
/// the aggregates.
enum HashAggregate {
    static func node(_ input: ColumnarNode, _ keys: [CompiledExpr], _ keyNames: [String], _ calls: [AggregateCall],
                     _ callNames: [String], _ span: Span) -> ColumnarNode {
        let names = keyNames + callNames
        let types = keys.map(\.type) + calls.map(\.resultType)
        let schema = ColumnarSchema(names: names, types: types, base: nil, bare: false, display: names)
        return ColumnarNode(schema: schema) { ctx in
            let next = try input.open(ctx)
            var done = false
            return {
                guard !done else { return nil }
                done = true
                var table = GroupTable(width: keys.count + 1)
                var pools: [StringPool?] = Array(repeating: nil, count: keys.count)
                var states = calls.map { AggregateState($0) }
                var code = [Int64](repeating: 0, count: keys.count + 1)
                while let b = try next() {
                    try ctx.spend(b.count, span)
                    let kv = try keys.map { try $0.eval(b) }
                    for (j, v) in kv.enumerated() where pools[j] == nil {
                        if case let .strings(_, p) = v { pools[j] = p }
                    }
                    let args = try calls.map { try $0.argument?.eval(b) }
                    for i in 0..<b.count {
                        var nulls: Int64 = 0
                        for (j, v) in kv.enumerated() {
                            let k = v.key(i)
                            code[j] = k.null ? 0 : k.code
                            if k.null { nulls |= 1 << Int64(j) }
                        }
                        code[keys.count] = nulls
                        let (g, isNew) = code.withUnsafeBufferPointer { table.group($0) }
                        if isNew {
                            try ctx.interpreter.checkRows(table.count, span, "the groups of 'summarize'")
                            for s in states.indices { states[s].addGroup() }
                        }
                        for s in states.indices { try states[s].add(g, args[s], i, ctx, span) }
                    }
                }
                if keys.isEmpty && table.count == 0 {
                    // summarize with no keys gives one row even over no rows.
                    _ = code.withUnsafeBufferPointer { table.group($0) }
                    for s in states.indices { states[s].addGroup() }
                }
                guard table.count > 0 else { return nil }
                var vectors: [Vector] = []
                for (j, k) in keys.enumerated() {
                    let codes = (0..<table.count).map { table.word($0, j) }
                    let nulls = (0..<table.count).map { table.word($0, keys.count) & (1 << Int64(j)) != 0 }
                    vectors.append(rebuild(k.type, codes, nulls, pools[j]))
                }
                vectors += states.map { $0.result() }
                return Batch(count: table.count, vectors: vectors, base: nil)
            }
        }
    }

    /// A key vector from its codes (the inverse of ``Vector/key(_:)``).
    private static func rebuild(_ type: VectorType, _ codes: [Int64], _ nulls: [Bool], _ pool: StringPool?) -> Vector {
        let valid: [Bool]? = nulls.contains(true) ? nulls.map { !$0 } : nil
        switch type {
        case .int: return .ints(codes, valid: valid)
        case .float: return .floats(codes.map { Double(bitPattern: UInt64(bitPattern: $0)) }, valid: valid)
        case .bool: return .bools(codes.map { $0 != 0 }, valid: valid)
        case .string: return .strings(zip(codes, nulls).map { $1 ? -1 : Int32($0) }, pool ?? StringPool())
        case let .ref(k): return .refs(k, zip(codes, nulls).map { $1 ? -1 : Int32($0) })
        }
    }
}

/// Groups numbered in first-seen order by fixed-width keys of 64-bit words (open addressing, linear
/// probing, grown at half full).
struct GroupTable {
    let width: Int
    private var keys: [Int64] = []
    private var slots: [Int32]
    private(set) var count = 0

    init(width: Int) {
        self.width = width
        slots = [Int32](repeating: -1, count: 1024)
    }

    func word(_ group: Int, _ j: Int) -> Int64 { keys[group * width + j] }

    private func hash(_ k: UnsafeBufferPointer<Int64>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for w in k {
            h = (h ^ UInt64(bitPattern: w)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return Int(truncatingIfNeeded: h)
    }

    /// The group of a key, and whether it is new.
    mutating func group(_ k: UnsafeBufferPointer<Int64>) -> (Int, Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = hash(k) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 {
                slots[i] = Int32(count)
                keys.append(contentsOf: k)
                count += 1
                return (count - 1, true)
            }
            var same = true
            for j in 0..<width where keys[s * width + j] != k[j] { same = false; break }
            if same { return (s, false) }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        keys.withUnsafeBufferPointer { all in
            for g in 0..<count {
                let k = UnsafeBufferPointer(rebasing: all[(g * width)..<((g + 1) * width)])
                var i = hash(k) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(g)
            }
        }
    }
}

/// An aggregate call of a columnar summarize: `count()`, `countif(c)`, `sum(x)`, `avg(x)`, `min(x)`,
/// `max(x)` on integers (avg also on floats), `dcount(x)` on any vector.
struct AggregateCall {
    let name: String
    let argument: CompiledExpr?
    let span: Span

    var resultType: VectorType {
        switch name {
        case "avg": return .float
        case "min", "max": return argument!.type
        default: return .int
        }
    }

    static func compile(_ e: Expr, _ exprs: ExprCompiler, _ context: PlanContext) -> AggregateCall? {
        guard case let .call(name, args, span) = e, Aggregates.named[name.name] != nil,
              !context.userFunctions.contains(name.name) else { return nil }
        switch (name.name, args.count) {
        case ("count", 0): return AggregateCall(name: "count", argument: nil, span: span)
        case ("countif", 1):
            guard let a = exprs.compile(args[0]), a.type == .bool else { return nil }
            return AggregateCall(name: "countif", argument: a, span: span)
        case ("sum", 1), ("min", 1), ("max", 1):
            guard let a = exprs.compile(args[0]), a.type == .int else { return nil }
            return AggregateCall(name: name.name, argument: a, span: span)
        case ("avg", 1):
            guard let a = exprs.compile(args[0]), a.type.isNumeric else { return nil }
            return AggregateCall(name: "avg", argument: a, span: span)
        case ("dcount", 1):
            guard let a = exprs.compile(args[0]) else { return nil }
            return AggregateCall(name: "dcount", argument: a, span: span)
        default:
            return nil
        }
    }
}

/// The accumulators of one aggregate call, one per group.
struct AggregateState {
    let call: AggregateCall
    private var counts: [Int] = []
    private var ints: [Int64] = []
    private var floats: [Double] = []
    private var seen = Set<SIMD2<Int64>>()

    init(_ call: AggregateCall) { self.call = call }

    mutating func addGroup() {
        counts.append(0)
        ints.append(0)
        floats.append(0)
    }

    mutating func add(_ g: Int, _ arg: Vector?, _ i: Int, _ ctx: ColumnarContext, _ span: Span) throws {
        switch call.name {
        case "count": counts[g] += 1
        case "countif":
            if case let .bools(b, valid)? = arg, b[i], valid?[i] != false { counts[g] += 1 }
        default:
            guard let v = arg, !v.isNull(i) else { return }
            switch call.name {
            case "sum":
                let (s, o) = ints[g].addingReportingOverflow(v.key(i).code)
                if o {
                    throw ColumnarFailure(code: "E406", message: "integer overflow in sum", span: call.span,
                                          hints: ["sum floats: sum(float(x))"])
                }
                ints[g] = s
                counts[g] += 1
            case "avg":
                floats[g] += ExprCompiler.double(v, i)
                counts[g] += 1
            case "min", "max":
                let x = v.key(i).code
                if counts[g] == 0 || (call.name == "min" ? x < ints[g] : x > ints[g]) { ints[g] = x }
                counts[g] += 1
            case "dcount":
                if seen.insert(SIMD2(Int64(g), v.key(i).code)).inserted { counts[g] += 1 }
            default: break
            }
        }
    }

    func result() -> Vector {
        switch call.name {
        case "count", "countif", "dcount": return .ints(counts.map(Int64.init), valid: nil)
        case "sum": return .ints(ints, valid: nil)
        case "avg":
            return .floats(zip(floats, counts).map { $1 == 0 ? 0 : $0 / Double($1) },
                           valid: counts.contains(0) ? counts.map { $0 > 0 } : nil)
        default:
            return .ints(ints, valid: counts.contains(0) ? counts.map { $0 > 0 } : nil)
        }
    }
}
