/// Shared steps of counting co-occurring entity pairs (`cooccur`).
enum CooccurrenceCounts {
    /// Catalogs of up to this many entities count pairs in a square table (4 bytes a cell: 64 MB at the
    /// limit, touched only where pairs occur); larger ones in a hash table.
    static let denseLimit = 4096

    /// Sorts `ents` and moves its distinct values to the front; returns how many there are.
    static func distinct(_ ents: inout [Int32]) -> Int {
        guard ents.count > 1 else { return ents.count }
        ents.sort()
        var w = 1
        for r in 1..<ents.count where ents[r] != ents[w - 1] { ents[w] = ents[r]; w += 1 }
        return w
    }

    /// Calls `body` with each unit's distinct entities (sorted, the first `w` of the array), `w`, and the
    /// unit's document, for the units (sentences or documents, in order in `pairs`) with two or more.
    static func eachUnit(_ pairs: [(unit: Int64, entity: Int32)], _ body: ([Int32], Int, Int32) throws -> Void) rethrows {
        var ents: [Int32] = []
        var k = 0
        while k < pairs.count {
            let unit = pairs[k].unit
            ents.removeAll(keepingCapacity: true)
            while k < pairs.count && pairs[k].unit == unit { ents.append(pairs[k].entity); k += 1 }
            let w = distinct(&ents)
            guard w > 1 else { continue }
            try body(ents, w, Int32(unit >> 32))
        }
    }

    /// Indices of the pairs ranked by count (descending), then by the pair in catalog order; with a
    /// `limit` well under the number of pairs, only the top ones (a bounded heap).
    static func rank(keys: [Int64], counts: [Int32], limit: Int) -> [Int] {
        func before(_ x: Int, _ y: Int) -> Bool { counts[x] != counts[y] ? counts[x] > counts[y] : keys[x] < keys[y] }
        if limit < keys.count / 4 { return TopN.select(keys.count, limit, by: before) }
        return keys.indices.sorted(by: before)
    }

    /// The `limit` pairs of entities that share the most documents in the whole corpus (ranked as by
    /// ``rank(keys:counts:limit:)``), from the postings: entities in order of how many documents mention
    /// them, each one's pairs with the entities not yet taken counted in a small array, and the walk
    /// stopped as soon as an entity's documents are fewer than the last kept pair's count (no pair left can
    /// reach it). Documents of a kept pair: the intersection of the two postings.
    static func topByDocument(_ corpus: Corpus, ownText: Bool, limit: Int,
                              tick: () throws -> Void) rethrows -> [(a: Int, b: Int, count: Int32, docs: [Int32])] {
        let n = corpus.entities.count
        let lists = ownText ? corpus.documentOwnEntities : corpus.documentEntities
        let docsOf = ownText ? corpus.entityOwnDocuments : corpus.entityDocuments
        guard limit > 0 else { return [] }
        let sizes = docsOf.map(\.count)
        let byDocuments = (0..<n).sorted { (x: Int, y: Int) -> Bool in sizes[x] != sizes[y] ? sizes[x] > sizes[y] : x < y }
        var counts = [Int32](repeating: 0, count: n)
        var taken = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        var best: [(key: Int64, count: Int32)] = []  // kept sorted, best first
        func better(_ x: (key: Int64, count: Int32), _ y: (key: Int64, count: Int32)) -> Bool {
            x.count != y.count ? x.count > y.count : x.key < y.key
        }
        for a in byDocuments {
            if best.count == limit, Int32(docsOf[a].count) < best[limit - 1].count { break }
            try tick()
            taken[a] = true
            for d in docsOf[a] {
                for b in lists[Int(d)] where !taken[Int(b)] {
                    if counts[Int(b)] == 0 { touched.append(Int(b)) }
                    counts[Int(b)] += 1
                }
            }
            for b in touched {
                let pair = (key: Int64(min(a, b)) << 32 | Int64(max(a, b)), count: counts[b])
                counts[b] = 0
                if best.count == limit, !better(pair, best[limit - 1]) { continue }
                let at = best.firstIndex { better(pair, $0) } ?? best.count
                best.insert(pair, at: at)
                if best.count > limit { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)
        }
        return best.map { p in
            let a = Int(p.key >> 32), b = Int(p.key & 0xFFFF_FFFF)
            var docs: [Int32] = []
            var i = 0, j = 0
            let x = docsOf[a], y = docsOf[b]
            while i < x.count && j < y.count {
                if x[i] < y[j] { i += 1 } else if x[i] > y[j] { j += 1 } else { docs.append(x[i]); i += 1; j += 1 }
            }
            return (a, b, p.count, docs)
        }
    }
}
