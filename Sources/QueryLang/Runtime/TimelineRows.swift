/// The rows of `timeline`: for each input entity, the facts about it (as subject or object) and the dated
/// documents that mention it in their own text, in date order; rows without a date come last.
///
/// Each row is an entry (an entity with one of its facts or documents) found in the postings, with one
/// integer sort key: the date's ``PartialDate/sortKey`` above the entry's position in the order it was
/// found. Sorting the keys is a stable sort by date without comparing dates, and a document's date comes
/// from the corpus's dense date keys rather than from its `Document`. The entries are then gathered in
/// row order, in one tight loop (the processor fetches many of them at once), so that reading the rows
/// goes through memory in order. The columns of a row are computed when they are read, so a `select`
/// right after `timeline` builds only the columns it names (see ``ColumnarRows``).
struct TimelineRows: ColumnarRows {
    static let columnNames = StageOutput.timeline.names
    static let docColumn = 5

    /// An entity with one of its facts or documents.
    struct Entry {
        var entity: Int32
        /// A fact index when `isFact`, else a document index.
        var item: Int32
        /// The document: the fact's evidence, or the document itself (kept here, so that reading the
        /// `doc` of a row does not fetch the fact).
        var doc: Int32
        var isFact: Bool
    }

    /// The entries in row (date) order, and each row's date sort key.
    let rows: [Entry]
    let dates: [UInt32]
    /// The last date built from its key: rows in date order share dates, each built once per run of rows.
    private let lastDate = LastDate()

    private final class LastDate {
        var key = PartialDate.noSortKey
        var date: PartialDate? = nil
    }
    let corpus: Corpus
    let fields: FieldAccess

    /// `entries` in the order they were found; `order` per row its date's sort key << 32 | the position of
    /// its entry in `entries`, sorted (positions stay far below 2^32: an entry takes 16 bytes).
    init(entries: [Entry], order: [UInt64], corpus: Corpus, fields: FieldAccess) {
        rows = order.map { entries[Int($0 & 0xFFFF_FFFF)] }
        dates = order.map { UInt32($0 >> 32) }
        self.corpus = corpus
        self.fields = fields
    }

    var columns: [String] { Self.columnNames }
    var count: Int { rows.count }

    /// Fetches what reading `doc.id` (or another field of `doc`) will need for these rows, in one loop.
    func warm(_ range: Range<Int>, column: Int, fields: [String]) -> Int {
        guard column == TimelineRows.docColumn, let first = fields.first else { return 0 }
        var touched = 0
        if first == "id" {
            corpus.documentIDs.withUnsafeBufferPointer { ids in
                for r in range { touched &+= ids[Int(rows[r].doc)].utf8.count }
            }
        } else {
            corpus.documents.withUnsafeBufferPointer { docs in
                for r in range { touched &+= docs[Int(rows[r].doc)].index }
            }
        }
        return touched
    }

    func document(_ row: Int, _ column: Int) -> Int? {
        column == TimelineRows.docColumn ? Int(rows[row].doc) : nil
    }

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
        let entry = rows[row]
        let item = Int(entry.item)
        switch column {
        case 0:
            // Every row's date is its sort key, which loses nothing (a fact's may be missing).
            let key = dates[row]
            if key == PartialDate.noSortKey { return .null }
            if key != lastDate.key { lastDate.key = key; lastDate.date = PartialDate(sortKey: key) }
            return .date(lastDate.date!)
        case 1: return .entity(Int(entry.entity))
        default: break
        }
        if entry.isFact {
            // Fields read one by one: a copy of the whole fact would retain every string in it.
            switch column {
            case 2: return .string("fact")
            case 3: return .string(corpus.facts.withUnsafeBufferPointer { describe($0.baseAddress! + item) })
            case 4: return fields.field(.fact(item), "source") ?? .null
            case 5: return .document(Int(entry.doc))
            default: return corpus.facts[item].quote.map(Value.string) ?? .null
            }
        }
        switch column {
        case 2: return .string("document")
        // A document's field read where it lies (not through a copy of the whole document).
        case 3: return corpus.documents.withUnsafeBufferPointer { .string($0[item].title) }
        case 4: return corpus.documents.withUnsafeBufferPointer { $0[item].outlet.map(Value.string) ?? .null }
        case 5: return .document(item)
        default: return .null
        }
    }

    /// A fact in words: "Kataib Hezbollah designated by United States" (read in place).
    func describe(_ f: UnsafePointer<Fact>) -> String {
        let subject = corpus.entities[f.pointee.subject].name
        let object: String
        switch f.pointee.object {
        case let .entity(o): object = corpus.entities[o].name
        case let .number(n, unit): object = Preview.text(fields.field(.fact(f.pointee.index), "object") ?? .float(n), corpus: corpus, quoteStrings: false) + (unit.map { " \($0)" } ?? "")
        case let .date(d): object = d.description
        case let .text(t): object = t
        }
        let predicate = String(decoding: f.pointee.predicate.utf8.map { $0 == 0x5F ? 0x20 : $0 }, as: UTF8.self)
        var s = "\(subject) \(predicate) \(object)"
        if let from = f.pointee.from { s += " from \(from)" }
        if let until = f.pointee.until { s += " until \(until)" }
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
                throw fail(.wrongInput, "timeline works on entities, got \(row.typeName) \(preview(row))", span,
                           hints: ["entities | where id == \"...\" | timeline"])
            }
            // Each fact read in place (a copy would retain every string in it).
            try corpus.facts.withUnsafeBufferPointer { facts in
                for f in corpus.entityFacts[e] {
                    try tick(span)
                    let fact = facts.baseAddress! + Int(f)
                    let date = TimelineRows.date(of: fact.pointee)?.sortKey ?? PartialDate.noSortKey
                    order.append(UInt64(date) << 32 | UInt64(entries.count))
                    entries.append(.init(entity: Int32(e), item: f, doc: Int32(fact.pointee.doc), isFact: true))
                }
            }
            // One step per document, counted for the whole list at once.
            try spend(corpus.entityOwnDocuments[e].count, span)
            for d in corpus.entityOwnDocuments[e] {
                let date = corpus.documentDateKeys[Int(d)]
                guard date != PartialDate.noSortKey else { continue }
                order.append(UInt64(date) << 32 | UInt64(entries.count))
                entries.append(.init(entity: Int32(e), item: d, doc: d, isFact: false))
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
