import Foundation

/// The first `n` of `count` indices in the order `before`, without sorting them all (a bounded heap).
enum TopN {
    static func select(_ count: Int, _ n: Int, by before: (Int, Int) -> Bool) -> [Int] {
        guard n > 0 else { return [] }
        // A heap whose root is the worst of the best n so far.
        var heap: [Int] = []
        heap.reserveCapacity(n + 1)
        func siftUp(_ i: Int) {
            var c = i
            while c > 0 {
                let p = (c - 1) / 2
                guard before(heap[p], heap[c]) else { break }
                heap.swapAt(p, c)
                c = p
            }
        }
        func siftDown(_ i: Int) {
            var p = i
            while true {
                let l = 2 * p + 1, r = l + 1
                var worst = p
                if l < heap.count && before(heap[worst], heap[l]) { worst = l }
                if r < heap.count && before(heap[worst], heap[r]) { worst = r }
                if worst == p { return }
                heap.swapAt(p, worst)
                p = worst
            }
        }
        for i in 0..<count {
            if heap.count < n { heap.append(i); siftUp(heap.count - 1) }
            else if before(i, heap[0]) { heap[0] = i; siftDown(0) }
        }
        return heap.sorted(by: before)
    }
}

/// The analyst stages `cooccur` and `kwic` (`timeline` is in Timeline.swift).
extension Interpreter {
    /// The mention behind a row (a mention, or a record extending one).
    private func mentionIndex(_ row: Value) -> Int? {
        switch row {
        case let .mention(i): return i
        case let .record(r): return r.base.flatMap(mentionIndex)
        default: return nil
        }
    }

    /// Pairs of entities mentioned in the same sentence (or document) among the input mentions:
    /// `a`, `b` (a before b in catalog order), `count` of sentences or documents, and the `docs`.
    /// `wholeCorpus`: the input is every mention of the corpus (`rows` is then not read), counted by
    /// document from the per-document entity lists, or the top pairs from bitsets when `limit` is small.
    func cooccur(_ rows: [Value], wholeCorpus: Bool, _ scope: CooccurScope, _ all: Bool, _ span: Span,
                 limit: Int = .max) throws -> Table {
        if wholeCorpus && scope == .document && limit <= 1024 {
            // The top pairs of a whole corpus, straight from the postings.
            let deadline = self.deadline, cancel = self.cancel
            let top = CooccurrenceCounts.topByDocument(corpus, ownText: !all, limit: limit) {
                (cancel?.isCancelled ?? false) || deadline.map { ContinuousClock.now > $0 } ?? false
            }
            // The walk's steps count, and a cancellation or time limit it stopped for is reported here.
            try spend(top.walked, span)
            return cooccurRows(top.pairs.map { (Int64($0.a) << 32 | Int64($0.b), $0.count, $0.docs) })
        }
        // (unit, entity) for every resolved mention; a unit is a sentence or a document.
        var pairs: [(unit: Int64, entity: Int32)] = []
        var ordered = true
        if wholeCorpus && scope == .document {
            // Every mention, by document: the per-document entity lists are already there.
            let lists = all ? corpus.documentEntities : corpus.documentOwnEntities
            pairs.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            for (d, list) in lists.enumerated() { for e in list { pairs.append((Int64(d) << 32, e)) } }
        }
        let rowsToScan = wholeCorpus && scope == .document ? [] : rows
        pairs.reserveCapacity(rowsToScan.count)
        for row in rowsToScan {
            try tick(span)
            guard let i = mentionIndex(row) else {
                throw fail("E303", "cooccur works on mentions, got \(row.typeName) \(preview(row))", span,
                           hints: ["mentions | where ... | cooccur"])
            }
            let m = corpus.mentions[i]
            guard m.entity >= 0, all || m.zone.isOwnText else { continue }
            let unit = Int64(m.doc) << 32 | (scope == .sentence ? Int64(m.sentence) : 0)
            if let last = pairs.last, last.unit > unit { ordered = false }
            pairs.append((unit, m.entity))
        }
        if !ordered { pairs.sort { $0.unit < $1.unit } }
        let (keys, counts, order, docLists) = corpus.entities.count <= CooccurrenceCounts.denseLimit
            ? try cooccurDense(pairs, scope, span, limit: limit)
            : try cooccurSparse(pairs, scope, span, limit: limit)
        return cooccurRows(order.enumerated().map { i, p in (keys[p], counts[p], docLists[i]) })
    }

    /// The rows of `cooccur`: pair (a, b packed in the key), count, documents.
    private func cooccurRows(_ ranked: [(key: Int64, count: Int32, docs: [Int32])]) -> Table {
        let rows = ranked.map { r -> Value in
            .record(Record(keys: ["a", "b", "count", "docs"],
                           values: [.entity(Int(r.key >> 32)), .entity(Int(r.key & 0xFFFF_FFFF)), .int(Int64(r.count)),
                                    .list(r.docs.map { .document(Int($0)) })]))
        }
        return Table(rows: rows, columns: ["a", "b", "count", "docs"])
    }

    /// Pair counts in a hash table (for catalogs too large for a square table of counts): each pair once
    /// per unit, in one pass; (pair, document) incidences kept flat, and document lists built only for the
    /// pairs that become rows.
    private func cooccurSparse(_ pairs: [(unit: Int64, entity: Int32)], _ scope: CooccurScope, _ span: Span,
                               limit: Int) throws -> (keys: [Int64], counts: [Int32], order: [Int], docs: [[Int32]]) {
        var index: [Int64: Int32] = [:]
        var keys: [Int64] = []
        var counts: [Int32] = []
        var incidences: [(pair: Int32, doc: Int32)] = []
        try CooccurrenceCounts.eachUnit(pairs) { ents, w, doc in
            try tick(span)
            for x in 0..<(w - 1) {
                for y in (x + 1)..<w {
                    let key = Int64(ents[x]) << 32 | Int64(ents[y])
                    let p: Int32
                    if let found = index[key] { p = found; counts[Int(p)] += 1 } else {
                        p = Int32(keys.count)
                        index[key] = p
                        keys.append(key)
                        counts.append(1)
                    }
                    if incidences.last.map({ $0.pair != p || $0.doc != doc }) ?? true || scope == .document {
                        incidences.append((p, doc))
                    }
                }
            }
            try checkRows(keys.count, span, "cooccur")
        }
        let order = CooccurrenceCounts.rank(keys: keys, counts: counts, limit: limit)
        // Document lists of the chosen pairs, from the incidences (in document order, without repeats).
        var slot = [Int32](repeating: -1, count: keys.count)
        for (i, p) in order.enumerated() { slot[p] = Int32(i) }
        var docLists = [[Int32]](repeating: [], count: order.count)
        for inc in incidences where slot[Int(inc.pair)] >= 0 {
            let i = Int(slot[Int(inc.pair)])
            if docLists[i].last != inc.doc { docLists[i].append(inc.doc) }
        }
        return (keys, counts, order, docLists)
    }

    /// Pair counts in a square table indexed by the two entities (no hashing): one pass counts, then the
    /// ranked pairs' document lists are gathered in a second pass over the units, only for those pairs.
    private func cooccurDense(_ pairs: [(unit: Int64, entity: Int32)], _ scope: CooccurScope, _ span: Span,
                              limit: Int) throws -> (keys: [Int64], counts: [Int32], order: [Int], docs: [[Int32]]) {
        let n = corpus.entities.count
        var table = [Int32](repeating: 0, count: n * n)
        var distinctPairs = 0
        func eachUnit(_ body: ([Int32], Int, Int32) throws -> Void) throws {
            try CooccurrenceCounts.eachUnit(pairs) { ents, w, doc in
                try tick(span)
                try body(ents, w, doc)
            }
        }
        try table.withUnsafeMutableBufferPointer { t in
            try eachUnit { ents, w, _ in
                for x in 0..<(w - 1) {
                    let row = Int(ents[x]) * n
                    for y in (x + 1)..<w {
                        let c = row + Int(ents[y])
                        if t[c] == 0 { distinctPairs += 1 }
                        t[c] += 1
                    }
                }
                try checkRows(distinctPairs, span, "cooccur")
            }
        }
        // The pairs that occur, in catalog order (a before b, then by b), with their counts.
        var keys: [Int64] = [], counts: [Int32] = []
        keys.reserveCapacity(distinctPairs)
        counts.reserveCapacity(distinctPairs)
        table.withUnsafeBufferPointer { t in
            for a in 0..<n {
                for b in (a + 1)..<max(a + 1, n) where t[a * n + b] != 0 {
                    keys.append(Int64(a) << 32 | Int64(b))
                    counts.append(t[a * n + b])
                }
            }
        }
        let order = CooccurrenceCounts.rank(keys: keys, counts: counts, limit: limit)
        // The table becomes each chosen pair's row number (+1), 0 for the others.
        table.withUnsafeMutableBufferPointer { t in
            for i in t.indices { t[i] = 0 }
            for (i, p) in order.enumerated() { t[Int(keys[p] >> 32) * n + Int(keys[p] & 0xFFFF_FFFF)] = Int32(i + 1) }
        }
        var docLists = [[Int32]](repeating: [], count: order.count)
        try table.withUnsafeBufferPointer { t in
            try eachUnit { ents, w, doc in
                for x in 0..<(w - 1) {
                    let row = Int(ents[x]) * n
                    for y in (x + 1)..<w {
                        let slot = Int(t[row + Int(ents[y])])
                        if slot > 0 && docLists[slot - 1].last != doc { docLists[slot - 1].append(doc) }
                    }
                }
            }
        }
        return (keys, counts, order, docLists)
    }

    /// Keyword in context: for documents, every whole-word occurrence of the term (a phrase, compared as
    /// names are; or an entity, through its mentions); for mentions, the mention itself.
    func kwic(_ input: Table, _ termExpr: Expr?, _ widthExpr: Expr?, regex: Bool = false, _ span: Span, _ outer: Env,
              limit: Int = .max) throws -> Table {
        var width = 40
        if let widthExpr {
            let v = try eval(widthExpr, outer)
            guard case let .int(w) = v, w >= 0, w <= 10_000 else {
                throw fail("E301", "kwic width must be a whole number from 0 to 10000, got \(preview(v))", widthExpr.span)
            }
            width = Int(w)
        }
        let term = try termExpr.map { try eval($0, outer) }
        let columns = ["doc", "left", "match", "right", "zone", "start"]
        var rows: [Value] = []
        func emit(_ d: Document, _ r: Range<Int>) {
            let hit = Kwic.context(d, start: r.lowerBound, end: r.upperBound, width: width)
            rows.append(.record(Record(keys: columns, values: [
                .document(d.index), .string(hit.left), .string(hit.match), .string(hit.right),
                .string(d.zone(at: r.lowerBound).rawValue), .int(Int64(r.lowerBound)),
            ])))
        }
        // The phrases (a string, or a list of them: word forms such as ["drone", "drones"]), or with
        // `matches` the regular expressions.
        var phrases: [[String]]? = nil
        var patterns: [NSRegularExpression]? = nil
        switch term {
        case .string?, .list?:
            var texts: [String] = []
            for item in term!.listItems {
                guard case let .string(s) = item else {
                    throw fail("E301", "kwic looks for strings, got \(item.typeName) \(preview(item)) in the list", termExpr!.span)
                }
                texts.append(s)
            }
            if texts.isEmpty { throw fail("E301", "kwic needs a word to look for", termExpr!.span) }
            if regex {
                patterns = try texts.map { try self.regex($0, termExpr!.span) }
            } else {
                phrases = try texts.map { s in
                    let words = corpus.names.normalizer.phraseWords(s)
                    if words.isEmpty { throw fail("E301", "kwic needs a word to look for, got \"\(s)\"", termExpr!.span) }
                    return words
                }
            }
        case .entity?, nil: break
        case let v?:
            throw fail("E301", "kwic looks for a string, a list of strings or an entity, got \(v.typeName) \(preview(v))", termExpr!.span)
        }
        for row in input.rows {
            if rows.count >= limit { break }
            try tick(span)
            if let i = mentionIndex(row) {
                let m = corpus.mentions[i]
                if case let .entity(e)? = term, Int(m.entity) != e { continue }
                emit(corpus.documents[Int(m.doc)], Int(m.start)..<Int(m.end))
                continue
            }
            guard let d = documentIndex(row) else {
                throw fail("E303", "kwic works on documents or mentions, got \(row.typeName) \(preview(row))", span)
            }
            let doc = corpus.documents[d]
            if let phrases {
                // Occurrences of every phrase, in text order; a place two phrases share is given once. The
                // scan of a large document is stopped from inside (TextCancellation.swift).
                var found: [Range<Int>] = []
                for p in phrases {
                    found += Kwic.find(p, in: doc, normalizer: corpus.names.normalizer, stop: stopCheck)
                    try checkpoint(span)
                }
                var last = -1
                for r in found.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) where r.lowerBound >= last {
                    try step(span)
                    emit(doc, r)
                    last = r.upperBound
                }
            } else if let patterns {
                var found: [Range<Int>] = []
                for re in patterns { found += try regexRanges(re, doc.text, termExpr!.span) }
                var last = -1
                for r in found.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) where r.lowerBound >= last {
                    emit(doc, r)
                    last = r.upperBound
                }
            } else if case let .entity(e)? = term {
                for m in corpus.mentions(inDocument: d) where Int(m.entity) == e {
                    try step(span)
                    emit(doc, Int(m.start)..<Int(m.end))
                }
            } else {
                throw fail("E301", "kwic on documents needs a term: kwic \"drone\"", span)
            }
            try checkRows(rows.count, span, "kwic")
        }
        return Table(rows: rows, columns: columns)
    }

    /// UTF-8 ranges of the (non-empty) matches of `re` in `text`, the engine's work counted as
    /// ``regexMatches(_:_:_:)`` counts it.
    func regexRanges(_ re: NSRegularExpression, _ text: String, _ span: Span) throws -> [Range<Int>] {
        var out: [Range<Int>] = []
        var stopped: Error? = nil
        var scanReports = text.utf16.count + 1
        let utf8 = text.utf8
        re.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) { result, _, stop in
            if let result {
                if result.range.length > 0, let r = Range(result.range, in: text) {
                    out.append(utf8.distance(from: utf8.startIndex, to: r.lowerBound)..<utf8.distance(from: utf8.startIndex, to: r.upperBound))
                }
                return
            }
            do {
                if scanReports > 0 {
                    scanReports -= 1
                    self.steps &+= 1
                    if self.steps & 4095 == 0 { try self.checkpoint(span) }
                } else {
                    try self.spend(Interpreter.regexStepsPerReport, span)
                }
            } catch {
                stopped = error
                stop.pointee = true
            }
        }
        if let stopped { throw stopped }
        return out
    }

    private func documentIndex(_ row: Value) -> Int? {
        switch row {
        case let .document(i): return i
        case let .record(r): return r.base.flatMap(documentIndex)
        default: return nil
        }
    }
}

private extension Value {
    /// The items of a list, or the value alone.
    var listItems: [Value] {
        if case let .list(items) = self { return items }
        return [self]
    }
}
