import Testing
@_spi(MQInternals) @testable import QueryLang

/// Grouping run by run (``RunGroups``) numbers the groups as the hash table does: in first-seen order,
/// across batches and runs that go on from one batch to the next, with null keys, and when the rows turn
/// out not to be in runs of the first key (the groups made so far kept, the rest hashed).
@Suite("Run grouping: the hash table's groups")
struct RunGroupsTests {
    typealias Key = (codes: [Int64], nulls: [Bool]?)

    static func key(_ codes: [Int64?]) -> Key {
        (codes.map { $0 ?? 0 }, codes.contains(nil) ? codes.map { $0 == nil } : nil)
    }

    @Test func runsAcrossBatches() {
        var g = Grouper(keys: 2, inRuns: true)
        let bounds: [Int64?] = [10, 10]
        // Document 0: entities 5, 3; document 1: 5 (twice), then 3 in the next batch; document 2: 3, 5.
        let a = g.groups([Self.key([0, 0, 1, 1]), Self.key([5, 3, 5, 5])], 4, bounds: bounds)
        #expect(a == [0, 1, 2, 2])
        let b = g.groups([Self.key([1, 2, 2, 2]), Self.key([3, 3, 5, 3])], 4, bounds: bounds)
        #expect(b == [3, 4, 5, 4])
        #expect(g.groupedInRuns)
        #expect(g.count == 6)
        // The keys of each group read back: (0,5) (0,3) (1,5) (1,3) (2,3) (2,5).
        #expect((0..<6).map { g.word($0, 0) } == [0, 0, 1, 1, 2, 2])
        #expect((0..<6).map { g.word($0, 1) } == [5, 3, 5, 3, 3, 5])
        #expect((0..<6).map { g.word($0, 2) } == [0, 0, 0, 0, 0, 0])
    }

    @Test func nullKeys() {
        var g = Grouper(keys: 2, inRuns: true)
        let a = g.groups([Self.key([nil, nil, 4, 4]), Self.key([1, nil, nil, 1])], 4, bounds: [5, 5])
        #expect(a == [0, 1, 2, 3])
        #expect(g.groupedInRuns)
        // Null flags: bit 0 for the first key, bit 1 for the second.
        #expect((0..<4).map { g.word($0, 2) } == [1, 3, 2, 0])
        #expect(g.word(3, 0) == 4 && g.word(3, 1) == 1)
    }

    @Test func firstKeyMetAgainFallsBackToHashing() {
        var g = Grouper(keys: 2, inRuns: true)
        let bounds: [Int64?] = [10, 10]
        #expect(g.groups([Self.key([0, 0, 1]), Self.key([2, 3, 2])], 3, bounds: bounds) == [0, 1, 2])
        // Document 0 again after document 1: not in runs. (1,4) is new, (0,3) and (1,2) are old groups.
        #expect(g.groups([Self.key([1, 0, 1]), Self.key([4, 3, 2])], 3, bounds: bounds) == [3, 1, 2])
        #expect(!g.groupedInRuns)
        #expect(g.groups([Self.key([0, 7]), Self.key([2, 7])], 2, bounds: bounds) == [0, 4])
        #expect((0..<5).map { g.word($0, 0) } == [0, 0, 1, 1, 7])
    }

    /// A small deterministic generator (the same cases on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test(arguments: [false, true])
    func sameGroupsAsTheHashTable(sorted: Bool) {
        var rng = Generator(state: sorted ? 7 : 11)
        for _ in 0..<50 {
            let keys = 2 + rng.next(2)
            let bounds: [Int64?] = (0..<keys).map { _ in Int64(1 + rng.next(40)) }
            var runs = Grouper(keys: keys, inRuns: true), hashed = Grouper(keys: keys)
            var first: Int64 = 0
            var inRuns = true
            for _ in 0..<(1 + rng.next(5)) {
                let n = rng.next(60)
                var columns: [[Int64?]] = Array(repeating: [], count: keys)
                for _ in 0..<n {
                    // Sorted: the first key only grows (a run may go on into the next batch).
                    if sorted { if rng.next(4) == 0 { first = min(first + 1, bounds[0]! - 1) } } else { first = Int64(rng.next(Int(bounds[0]!))) }
                    columns[0].append(!sorted && rng.next(10) == 0 ? nil : first)
                    for j in 1..<keys { columns[j].append(rng.next(10) == 0 ? nil : Int64(rng.next(Int(bounds[j]!)))) }
                }
                let k = columns.map(Self.key)
                #expect(runs.groups(k, n, bounds: bounds) == hashed.groups(k, n, bounds: bounds))
                inRuns = inRuns && runs.groupedInRuns
            }
            // Rows sorted by a first key that is never null stay in runs to the end.
            if sorted { #expect(inRuns) }
            #expect(runs.count == hashed.count)
            for g in 0..<hashed.count {
                #expect((0...keys).map { runs.word(g, $0) } == (0...keys).map { hashed.word(g, $0) })
            }
        }
    }
}
