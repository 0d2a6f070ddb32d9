/// The groups of several packed keys whose first key's rows arrive in runs: every row of one value of the
/// first key comes before any row of the next (mentions are stored by document, so `by doc, entity` meets
/// a document's mentions one after another). A group then never meets a row again once its run is over,
/// so no table of every group is needed: each run looks its rows up by the other keys' digits in a direct
/// array stamped with the run's number (a slot stamped with an older run is free), and new groups are
/// numbered as they come, which is their first-seen order. A run whose first key was met in an earlier
/// run shows the rows are not in runs: ``groups(_:_:)`` says so and the caller groups by hash instead.
struct RunGroups {
    let packing: [(bound: Int64, stride: Int64)]
    /// The first key's digit and the other keys' packed digits of each group, in group order.
    private(set) var firsts: [Int32] = []
    private(set) var rests: [Int32] = []
    /// Whether a run of each first-key digit (0: null, else code + 1) has been met.
    private var seen: [Bool]
    /// The first-key digit of the run under way (-1: none yet); it goes on across batches and parts.
    private var current = -1
    /// The number of the run under way (stamps start at 0, runs at 1).
    private var run: Int32 = 0
    /// By the other keys' digits packed (`rest`): the group in the run that stamped it, and that run.
    private var slot: [Int32]
    private var stamp: [Int32]

    /// The first key's digits a run grouping may track, and the other keys' packed digits its arrays
    /// may index.
    static let firstLimit: Int64 = 1 << 26
    static let restLimit: Int64 = 1 << 20

    /// Nil when there are fewer than two keys, or their digits are too many to index.
    init?(_ packing: [(bound: Int64, stride: Int64)]) {
        guard packing.count >= 2 else { return nil }
        let first = packing[0].bound + 1
        let last = packing[packing.count - 1]
        let (top, overflow) = last.stride.multipliedReportingOverflow(by: last.bound + 1)
        guard !overflow, first <= RunGroups.firstLimit else { return nil }
        let rest = top / packing[1].stride
        guard rest <= RunGroups.restLimit else { return nil }
        self.packing = packing
        seen = [Bool](repeating: false, count: Int(first))
        slot = [Int32](repeating: 0, count: Int(rest))
        stamp = [Int32](repeating: 0, count: Int(rest))
    }

    var count: Int { firsts.count }

    /// The packed word of group `g` (as ``Grouper`` packs keys).
    func word(_ g: Int) -> Int64 { Int64(firsts[g]) &+ Int64(rests[g]) &* packing[1].stride }

    /// The group of each of `n` rows, new groups numbered as they are first seen; nil when a row starts a
    /// run of a first key met in an earlier run (the groups of the rows before it are kept, so grouping
    /// the whole batch again by hash, after these groups, numbers them the same).
    mutating func groups(_ keys: [(codes: [Int64], nulls: [Bool]?)], _ n: Int) -> [Int32]? {
        var first = [Int](repeating: 0, count: n)
        var rest = [Int](repeating: 0, count: n)
        for (j, key) in keys.enumerated() {
            // Key j's digit, in the first key's array or at its place among the other keys.
            let scale = j == 0 ? 1 : Int(packing[j].stride / packing[1].stride)
            key.codes.withUnsafeBufferPointer { codes in
                if j == 0 {
                    for i in 0..<n { first[i] = key.nulls?[i] == true ? 0 : Int(codes[i]) + 1 }
                } else if let nulls = key.nulls {
                    for i in 0..<n where !nulls[i] { rest[i] &+= (Int(codes[i]) &+ 1) &* scale }
                } else {
                    for i in 0..<n { rest[i] &+= (Int(codes[i]) &+ 1) &* scale }
                }
            }
        }
        return groups(first: first, rest: rest, n)
    }

    /// As ``groups(_:_:)``, from key vectors of strings and references (a code of -1 is null, so the
    /// digit is the code + 1 as it stands).
    mutating func groups(vectors: [Vector], _ n: Int) -> [Int32]? {
        guard vectors.count == packing.count else { preconditionFailure("a vector a key") }
        var first = [Int](repeating: 0, count: n)
        var rest = [Int](repeating: 0, count: n)
        for (j, v) in vectors.enumerated() {
            let scale = j == 0 ? 1 : Int(packing[j].stride / packing[1].stride)
            let codes: [Int32]
            switch v {
            case let .strings(c, _), let .refs(_, c): codes = c
            default: preconditionFailure("codes of strings or references")
            }
            codes.withUnsafeBufferPointer { codes in
                if j == 0 {
                    for i in 0..<n { first[i] = Int(codes[i]) &+ 1 }
                } else {
                    for i in 0..<n { rest[i] &+= (Int(codes[i]) &+ 1) &* scale }
                }
            }
        }
        return groups(first: first, rest: rest, n)
    }

    /// The groups of rows by their first-key digits and the other keys' packed digits.
    private mutating func groups(first: [Int], rest: [Int], _ n: Int) -> [Int32]? {
        var out = [Int32](repeating: 0, count: n)
        var current = self.current, run = self.run, firsts = self.firsts, rests = self.rests
        self.firsts = []
        self.rests = []
        defer { self.current = current; self.run = run; self.firsts = firsts; self.rests = rests }
        let complete = seen.withUnsafeMutableBufferPointer { seen in
            slot.withUnsafeMutableBufferPointer { slot in
                stamp.withUnsafeMutableBufferPointer { stamp in
                    for i in 0..<n {
                        let f = first[i]
                        if f != current {
                            if seen[f] { return false }
                            seen[f] = true
                            current = f
                            run += 1
                        }
                        let r = rest[i]
                        if stamp[r] == run {
                            out[i] = slot[r]
                        } else {
                            let g = Int32(firsts.count)
                            stamp[r] = run
                            slot[r] = g
                            out[i] = g
                            firsts.append(Int32(f))
                            rests.append(Int32(r))
                        }
                    }
                    return true
                }
            }
        }
        return complete ? out : nil
    }
}

extension RunGroups {
    /// What `explain` says of a summarize grouped run by run.
    static func note(_ first: Expr) -> String {
        "in runs of \(Formatter().expr(first, indent: 0)): a direct array per run, hashed if the rows are not in runs"
    }
}

extension ColumnarCompiler {
    /// Whether the rows of `input` reach a summarize by `keys` (two or more) in runs of the first key: the
    /// input is the mentions in their stored order (a scan, kept in order by `where`, `extend` and `take`),
    /// which is by document, and the first key is the mention's document or its id (one document, one id).
    static func firstKeyInRuns(_ input: PlanNode, _ keys: [Column], _ schema: ColumnarSchema) -> Bool {
        guard keys.count >= 2, schema.column("doc") == nil, schema.fieldColumns["doc"] == nil else { return false }
        switch keys[0].expr {
        case .name("doc", _): break
        case let .field(.name("doc", _), field, _) where field.name == "id": break
        default: return false
        }
        func ordered(_ n: PlanNode) -> Bool {
            switch n.op {
            case .scan(.mention), .entityMentions: return true
            case let .filter(i, _), let .extend(i, _), let .take(i, _): return ordered(i)
            default: return false
            }
        }
        return ordered(input)
    }
}

extension RunGroups {
    /// Codes and null flags from digits (0: null, else the code + 1).
    static func column(_ digits: [Int64]) -> (codes: [Int64], nulls: [Bool]) {
        (digits.map { $0 == 0 ? 0 : $0 - 1 }, digits.map { $0 == 0 })
    }
}
