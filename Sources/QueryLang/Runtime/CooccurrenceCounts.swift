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
    /// ``rank(keys:counts:limit:)``), from the postings.
    ///
    /// First, the pairs among the entities mentioned in the most documents (64, then 256) are counted
    /// exactly from bitsets of their documents (``pairsAmongMost(_:limit:ranked:documents:docsOf:stop:)``).
    /// No pair with an entity outside them can share more documents than that entity has; so when the
    /// last of the best pairs found shares more than the most any outside entity has, they are the answer.
    /// Otherwise (a corpus whose frequent entities seldom meet), the walk below finds them, on two cores
    /// (`bitsets: false` goes straight to the walk).
    ///
    /// Entities are ranked by how many documents mention them; a pair is counted by its higher-ranked
    /// entity, whose documents' entity lists are scanned into a small array of counts. The two cores take
    /// every other entity of the ranking and keep their own best pairs: each pair is counted by one core
    /// only, so the best of all are among the two lists. A core stops as soon as an entity's documents are
    /// fewer than its last kept pair's count: no pair left to it can reach that count. Documents of a kept
    /// pair: the intersection of the two postings. `stop` is polled once per entity (cancellation, time
    /// limit); the number of entities walked is returned for the step count.
    static func topByDocument(_ corpus: Corpus, ownText: Bool, limit: Int, bitsets: Bool = true, stop: () -> Bool)
        -> (pairs: [(a: Int, b: Int, count: Int32, docs: [Int32])], walked: Int) {
        let n = corpus.entities.count
        let lists = ownText ? corpus.documentOwnEntities : corpus.documentEntities
        let docsOf = ownText ? corpus.entityOwnDocuments : corpus.entityDocuments
        guard limit > 0, n > 1 else { return ([], 0) }
        let sizes = docsOf.map(\.count)
        let byDocuments = (0..<n).sorted { (x: Int, y: Int) -> Bool in sizes[x] != sizes[y] ? sizes[x] > sizes[y] : x < y }
        func withDocuments(_ best: some Sequence<(key: Int64, count: Int32)>) -> [(a: Int, b: Int, count: Int32, docs: [Int32])] {
            best.map { p in
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
        let words = (corpus.documents.count + 63) / 64
        for k in bitsets ? [64, 256] : [] {
            let most = min(k, n)
            // Bitsets of at most 32 MiB.
            guard most * words <= 1 << 22,
                  let best = pairsAmongMost(most, limit: limit, ranked: byDocuments, documents: words, docsOf: docsOf,
                                            stop: stop) else { break }
            let outside: Int32 = most < n ? Int32(sizes[byDocuments[most]]) : 0
            if most == n || (best.count == limit && best[limit - 1].count > outside) {
                return (withDocuments(best), most)
            }
        }
        var rank = [Int](repeating: 0, count: n)
        for (r, e) in byDocuments.enumerated() { rank[e] = r }
        /// The best pairs counted by the entities of ranks `first`, `first + 2`, ...
        func walk(from first: Int) -> (best: BestPairs, walked: Int) {
            var counts = [Int32](repeating: 0, count: n)
            var touched: [Int] = []
            var best = BestPairs(limit: limit)
            var walked = 0
            for r in stride(from: first, to: n, by: 2) {
                let a = byDocuments[r]
                if best.excludes(Int32(sizes[a])) { break }
                if stop() { break }
                walked += 1
                for d in docsOf[a] {
                    for b in lists[Int(d)] where rank[Int(b)] > r {
                        if counts[Int(b)] == 0 { touched.append(Int(b)) }
                        counts[Int(b)] += 1
                    }
                }
                for b in touched {
                    best.offer(a, b, count: counts[b])
                    counts[b] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            return (best, walked)
        }
        let (even, odd) = concurrently({ walk(from: 0) }, { walk(from: 1) })
        var best = even.best
        for p in odd.best.pairs { best.offer(p) }
        return (withDocuments(best.pairs), even.walked + odd.walked)
    }

    /// The best `limit` pairs offered so far, best first: by count (descending), then by the pair in
    /// catalog order (`key`: the lower entity index above the higher).
    struct BestPairs {
        typealias Pair = (key: Int64, count: Int32)
        let limit: Int
        private(set) var pairs: [Pair] = []

        init(limit: Int) { self.limit = limit }

        private static func better(_ x: Pair, _ y: Pair) -> Bool { x.count != y.count ? x.count > y.count : x.key < y.key }

        /// Whether no pair with at most this count can enter the list any more (one with an equal count
        /// still can, by its key).
        func excludes(_ count: Int32) -> Bool { pairs.count == limit && count < pairs[limit - 1].count }

        mutating func offer(_ a: Int, _ b: Int, count: Int32) {
            offer((key: Int64(min(a, b)) << 32 | Int64(max(a, b)), count: count))
        }

        mutating func offer(_ pair: Pair) {
            if pairs.count == limit, !BestPairs.better(pair, pairs[limit - 1]) { return }
            let at = pairs.firstIndex { BestPairs.better(pair, $0) } ?? pairs.count
            pairs.insert(pair, at: at)
            if pairs.count > limit { pairs.removeLast() }
        }
    }

    /// The best `limit` pairs (best first, as ``topByDocument(_:ownText:limit:stop:)`` ranks them) among
    /// the first `k` entities of `ranked` (by documents, most first), each pair's count the number of
    /// documents in both, from a bitset of each entity's documents (`documents` words each); nil if
    /// `stop` says so. Pairs that share no document are not listed.
    static func pairsAmongMost(_ k: Int, limit: Int, ranked: [Int], documents words: Int, docsOf: [[Int32]],
                               stop: () -> Bool) -> [(key: Int64, count: Int32)]? {
        var bits = [UInt64](repeating: 0, count: k * words)
        for i in 0..<k {
            for d in docsOf[ranked[i]] { bits[i * words + Int(d) >> 6] |= 1 &<< UInt64(d & 63) }
        }
        var best = BestPairs(limit: limit)
        let stopped: Bool = bits.withUnsafeBufferPointer { b in
            for i in 0..<k {
                if stop() { return true }
                // The entities after i have no more documents than the next one: once that is below the
                // last kept pair's count, no pair left can enter the list.
                if i + 1 < k, best.excludes(Int32(docsOf[ranked[i + 1]].count)) { break }
                let x = b.baseAddress! + i * words
                for j in (i + 1)..<k {
                    if best.excludes(Int32(docsOf[ranked[j]].count)) { break }
                    let y = b.baseAddress! + j * words
                    var c = 0
                    for w in 0..<words { c &+= (x[w] & y[w]).nonzeroBitCount }
                    if c > 0 { best.offer(ranked[i], ranked[j], count: Int32(c)) }
                }
            }
            return false
        }
        return stopped ? nil : best.pairs
    }
}
