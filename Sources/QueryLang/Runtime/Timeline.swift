/// The rows of `timeline`: for each input entity, the facts about it (as subject or object) and the dated
/// documents that mention it in their own text, in date order; rows without a date come last.
///
/// Each row is an entry (an entity with one of its facts or documents) found in the postings, with one
/// integer sort key: the date's ``PartialDate/sortKey`` above the entry's position in the order it was
/// found. Sorting the keys is a stable sort by date without comparing dates, and a document's date comes
/// from the corpus's dense date keys rather than from its `Document`. The columns of a row are computed
/// when they are read, so a `select` right after `timeline` builds only the columns it names (see
/// ``ColumnarRows``).
struct TimelineRows: ColumnarRows {
    static let columnNames = ["date", "entity", "kind", "what", "source", "doc", "quote"]

    /// An entity with one of its facts or documents.
    struct Entry {
        var entity: Int32
        /// A fact index when `isFact`, else a document index.
        var item: Int32
        var isFact: Bool
    }

    /// In the order they were found.
    let entries: [Entry]
    /// The rows in date order: per row, its date's sort key << 32 | the position of its entry in
    /// `entries` (positions stay far below 2^32: an entry takes 12 bytes).
    let order: [UInt64]
    let corpus: Corpus
    let fields: FieldAccess

    var columns: [String] { Self.columnNames }
    var count: Int { order.count }

    /// Sorts keys that are in position order by their date (their high 32 bits), keeping the position
    /// order among equal dates: a radix sort, one pass per byte of the date in which the keys differ.
    static func sortByDate(_ keys: inout [UInt64]) {
        guard keys.count > 1 else { return }
        var other = [UInt64](repeating: 0, count: keys.count)
        // The bits in which some keys differ: a byte of the date without any is the same in every key.
        let (all, any) = keys.reduce((UInt64.max, UInt64(0))) { ($0.0 & $1, $0.1 | $1) }
        let varying = all ^ any
        for shift in stride(from: UInt64(32), to: 64, by: 8) where varying >> shift & 0xFF != 0 {
            var counts = [Int](repeating: 0, count: 257)
            for k in keys { counts[Int(k >> shift & 0xFF) + 1] += 1 }
            for b in 1..<257 { counts[b] += counts[b - 1] }
            for k in keys {
                let b = Int(k >> shift & 0xFF)
                other[counts[b]] = k
                counts[b] += 1
            }
            swap(&keys, &other)
        }
    }

    /// When a fact happened: its date, else the start of its validity, else the date it states (a
    /// founding year), else the end of its validity.
    static func date(of f: Fact) -> PartialDate? {
        var objectDate: PartialDate? = nil
        if case let .date(d) = f.object { objectDate = d }
        return f.date ?? f.from ?? objectDate ?? f.until
    }

    func value(_ row: Int, _ column: Int) -> Value {
        let key = order[row]
        let entry = entries[Int(key & 0xFFFF_FFFF)]
        let item = Int(entry.item)
        if entry.isFact {
            let f = corpus.facts[item]
            switch column {
            case 0: return TimelineRows.date(of: f).map(Value.date) ?? .null
            case 1: return .entity(Int(entry.entity))
            case 2: return .string("fact")
            case 3: return .string(describe(f))
            case 4: return fields.field(.fact(item), "source") ?? .null
            case 5: return .document(f.doc)
            default: return f.quote.map(Value.string) ?? .null
            }
        }
        switch column {
        case 0: return .date(PartialDate(sortKey: UInt32(key >> 32)))
        case 1: return .entity(Int(entry.entity))
        case 2: return .string("document")
        case 3: return .string(corpus.documents[item].title)
        case 4: return corpus.documents[item].outlet.map(Value.string) ?? .null
        case 5: return .document(item)
        default: return .null
        }
    }

    /// A fact in words: "Kataib Hezbollah designated_by United States".
    func describe(_ f: Fact) -> String {
        let subject = corpus.entities[f.subject].name
        let object: String
        switch f.object {
        case let .entity(o): object = corpus.entities[o].name
        case let .number(n, unit): object = Preview.text(fields.field(.fact(f.index), "object") ?? .float(n), corpus: corpus, quoteStrings: false) + (unit.map { " \($0)" } ?? "")
        case let .date(d): object = d.description
        case let .text(t): object = t
        }
        var s = "\(subject) \(f.predicate.replacingOccurrences(of: "_", with: " ")) \(object)"
        if let from = f.from { s += " from \(from)" }
        if let until = f.until { s += " until \(until)" }
        return s
    }
}

extension Interpreter {
    /// The `timeline` of the input entities, from the facts-per-entity and own-text documents-per-entity
    /// postings.
    func timeline(_ input: Table, _ span: Span) throws -> TimelineRows {
        var entries: [TimelineRows.Entry] = []
        var order: [UInt64] = []
        let most = input.rows.reduce(0) { n, row in
            entityIndex(row).map { n + corpus.entityFacts[$0].count + corpus.entityOwnDocuments[$0].count } ?? n
        }
        entries.reserveCapacity(most)
        order.reserveCapacity(most)
        for row in input.rows {
            guard let e = entityIndex(row) else {
                throw fail("E303", "timeline works on entities, got \(row.typeName) \(preview(row))", span,
                           hints: ["entities | where id == \"...\" | timeline"])
            }
            for f in corpus.entityFacts[e] {
                try tick(span)
                let date = TimelineRows.date(of: corpus.facts[Int(f)])?.sortKey ?? PartialDate.noSortKey
                order.append(UInt64(date) << 32 | UInt64(entries.count))
                entries.append(.init(entity: Int32(e), item: f, isFact: true))
            }
            for d in corpus.entityOwnDocuments[e] {
                try tick(span)
                let date = corpus.documentDateKeys[Int(d)]
                guard date != PartialDate.noSortKey else { continue }
                order.append(UInt64(date) << 32 | UInt64(entries.count))
                entries.append(.init(entity: Int32(e), item: d, isFact: false))
            }
        }
        TimelineRows.sortByDate(&order)
        return TimelineRows(entries: entries, order: order, corpus: corpus, fields: fields)
    }

    private func entityIndex(_ row: Value) -> Int? {
        switch row {
        case let .entity(i): return i
        case let .record(r): return r.base.flatMap(entityIndex)
        default: return nil
        }
    }
}
