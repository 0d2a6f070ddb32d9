import Foundation

/// The fields of the corpus's references as vectors: the columnar executor reads a field of many rows at
/// once (a gather by index) instead of looking it up by name per row. String fields are coded once per
/// session in a pool (the ids of a kind in index order, so an id's code is the reference's index).
final class CorpusColumns: @unchecked Sendable {
    let corpus: Corpus
    /// Guards the coded fields, built on first use by whichever session reads them first.
    private let lock = NSLock()
    private let fields: FieldAccess
    private var coded: [String: (codes: [Int32], pool: StringPool)] = [:]
    private var zonePool: (codes: [Int32], pool: StringPool)?
    private var codedLists: [String: (offsets: [Int32], codes: [Int32], pool: StringPool)] = [:]
    /// The pools of a kind's ids whose every id is distinct: an id's code there is its reference's index.
    private var indexOrderedIDs: [ReferenceKind: StringPool] = [:]
    private var derivedValues: [String: Any] = [:]

    init(corpus: Corpus) {
        self.corpus = corpus
        self.fields = FieldAccess(corpus: corpus)
    }

    /// A value derived once per corpus from its columns (the row counts by value of a column), by key,
    /// made by `make` on first use (outside the lock: a query counts its steps while making it); nothing
    /// is kept when `make` fails or gives nil.
    func derived<T>(_ key: String, _ make: () throws -> T?) rethrows -> T? {
        lock.lock()
        if let v = derivedValues[key] as? T { lock.unlock(); return v }
        lock.unlock()
        guard let v = try make() else { return nil }
        lock.lock()
        derivedValues[key] = v
        lock.unlock()
        return v
    }

    /// The type of a field the executor reads as a vector; nil for the fields it does not (the facts'
    /// dates, lists, texts, mixed objects): a query reading them runs on the row executor.
    static func type(of field: String, in kind: ReferenceKind) -> VectorType? {
        switch (kind, field) {
        case (.mention, "doc"): return .ref(.document)
        case (.mention, "entity"): return .ref(.entity)
        case (.mention, "sentence"), (.mention, "start"), (.mention, "end"): return .int
        case (.mention, "zone"): return .string
        case (.mention, "own"), (.mention, "ambiguous"), (.mention, "uncertain"): return .bool
        case (.document, "id"), (.document, "title"), (.document, "outlet"), (.document, "url"), (.document, "language"),
             (.document, "path"), (.document, "metadata_source"):
            return .string
        case (.document, "outlet_entity"): return .ref(.entity)
        case (.document, "published"): return .date
        case (.document, "length"), (.document, "sentences"): return .int
        case (.document, "annotated"): return .bool
        case (.entity, "id"), (.entity, "type"), (.entity, "name"), (.entity, "description"): return .string
        case (.entity, "country"): return .ref(.entity)
        case (.entity, "mention_count"): return .int
        case (.fact, "id"), (.fact, "predicate"), (.fact, "source"), (.fact, "quote"), (.fact, "note"), (.fact, "unit"):
            return .string
        case (.fact, "subject"), (.fact, "said_by"): return .ref(.entity)
        case (.fact, "doc"): return .ref(.document)
        default: return nil
        }
    }

    /// Field `field` of the references `ids` (-1: null, whose field is null).
    func gather(_ field: String, of kind: ReferenceKind, _ ids: [Int32]) -> Vector {
        switch kind {
        case .mention: return mentionField(field, ids)
        default:
            switch CorpusColumns.type(of: field, in: kind) {
            case .string?:
                let (codes, pool) = strings(field, kind)
                // Ids whose code is their reference's index: the references are the codes.
                if field == "id" && isIndexOrderedIDPool(pool, of: kind) { return .strings(ids, pool) }
                return .strings(ids.map { $0 < 0 ? -1 : codes[Int($0)] }, pool)
            case let .ref(target)?:
                return .refs(target, ids.map { i in
                    guard i >= 0 else { return -1 }
                    if case let v? = value(field, kind, Int(i)), let r = CorpusColumns.index(v) { return Int32(r) }
                    return -1
                })
            case .int?:
                let (v, valid) = scalars(field, kind, ids, Int64(0)) { if case let .int(x) = $0 { return x } else { return nil } }
                return .ints(v, valid: valid)
            case .bool?:
                let (v, valid) = scalars(field, kind, ids, false) { if case let .bool(x) = $0 { return x } else { return nil } }
                return .bools(v, valid: valid)
            case .date? where kind == .document && field == "published":
                let keys = corpus.documentDateKeys
                return .dates(ids.map { $0 < 0 ? PartialDate.noSortKey : keys[Int($0)] })
            default:
                preconditionFailure("no vector for \(kind.rawValue).\(field)")
            }
        }
    }

    /// A field read as plain values through `read` (nil: null, where `blank` stands), with the mask of the
    /// rows that are not null (nil when none is).
    private func scalars<T>(_ field: String, _ kind: ReferenceKind, _ ids: [Int32], _ blank: T,
                            _ read: (Value) -> T?) -> ([T], valid: [Bool]?) {
        var valid: [Bool]? = nil
        let v = ids.enumerated().map { (k, i) -> T in
            if i >= 0, let x = value(field, kind, Int(i)).flatMap(read) { return x }
            if valid == nil { valid = [Bool](repeating: true, count: ids.count) }
            valid![k] = false
            return blank
        }
        return (v, valid)
    }

    private func value(_ field: String, _ kind: ReferenceKind, _ i: Int) -> Value? {
        switch kind {
        case .document: return fields.field(.document(i), field)
        case .entity: return fields.field(.entity(i), field)
        case .mention: return fields.field(.mention(i), field)
        case .fact: return fields.field(.fact(i), field)
        }
    }

    /// The value of a field of reference `i` of a kind, as the row executor reads it.
    func listValue(_ field: String, _ kind: ReferenceKind, _ i: Int) -> Value? { value(field, kind, i) }

    /// The codes of a list-of-strings field for every reference of a kind, end to end, with the offset
    /// of each reference's list (`count + 1` of them), and their pool.
    func stringLists(_ field: String, _ kind: ReferenceKind) -> (offsets: [Int32], codes: [Int32], pool: StringPool) {
        let key = kind.rawValue + "." + field
        lock.lock()
        defer { lock.unlock() }
        if let c = codedLists[key] { return c }
        let count = kind == .document ? corpus.documents.count : kind == .entity ? corpus.entities.count : 0
        let pool = StringPool()
        var offsets: [Int32] = [0]
        var codes: [Int32] = []
        for i in 0..<count {
            if case let .list(items)? = value(field, kind, i) {
                for case let .string(s) in items { codes.append(pool.code(s)) }
            }
            offsets.append(Int32(codes.count))
        }
        codedLists[key] = (offsets, codes, pool)
        return (offsets, codes, pool)
    }

    /// Whether a pool is the corpus's pool of the ids of a kind, every id distinct: a code there is the
    /// index of the reference with that id.
    func isIndexOrderedIDPool(_ pool: StringPool, of kind: ReferenceKind) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return indexOrderedIDs[kind] === pool
    }

    static func index(_ v: Value) -> Int? {
        switch v {
        case let .document(i), let .entity(i), let .mention(i), let .fact(i): return i
        default: return nil
        }
    }

    /// The codes of a string field for every reference of a kind, and their pool.
    private func strings(_ field: String, _ kind: ReferenceKind) -> (codes: [Int32], pool: StringPool) {
        let key = kind.rawValue + "." + field
        lock.lock()
        defer { lock.unlock() }
        if let c = coded[key] { return c }
        let count = corpus.count(of: kind)
        let pool: StringPool
        var codes: [Int32]
        if field == "id" {
            // Ids in index order: an id's code is its reference's index.
            let ids = (0..<count).map { i -> String in
                if case let .string(s)? = value("id", kind, i) { return s }
                return ""
            }
            pool = StringPool(unique: ids)
            codes = (0..<count).map { Int32($0) }
            if Set(ids).count != ids.count { codes = ids.map { pool.lookup($0)! } } else { indexOrderedIDs[kind] = pool }
        } else {
            pool = StringPool()
            codes = (0..<count).map { i in
                if case let .string(s)? = value(field, kind, i) { return pool.code(s) }
                return -1
            }
        }
        coded[key] = (codes, pool)
        return (codes, pool)
    }

    /// The code of each zone kind by the kind's tag (its place among the cases, as a mention stores it;
    /// the cache file relies on the same layout), and the pool of zone names.
    private func zones() -> (codes: [Int32], pool: StringPool) {
        lock.lock()
        defer { lock.unlock() }
        if let z = zonePool { return z }
        precondition(MemoryLayout<ZoneKind>.size == 1, "a zone kind is stored as its tag")
        let pool = StringPool()
        var codes = [Int32](repeating: -1, count: 256)
        for z in ZoneKind.allCases { codes[Int(unsafeBitCast(z, to: UInt8.self))] = pool.code(z.rawValue) }
        zonePool = (codes, pool)
        return (codes, pool)
    }

    /// `f` of the mentions at `ids` (never null), in one loop over plain memory.
    @inline(__always)
    private static func gather<T>(_ ids: [Int32], _ ms: UnsafeBufferPointer<Mention>, _ f: (Mention) -> T) -> [T] {
        ids.withUnsafeBufferPointer { ids in
            [T](unsafeUninitializedCapacity: ids.count) { out, made in
                for k in 0..<ids.count { (out.baseAddress! + k).initialize(to: f(ms[Int(ids[k])])) }
                made = ids.count
            }
        }
    }

    private func mentionField(_ field: String, _ ids: [Int32]) -> Vector {
        corpus.mentions.withUnsafeBufferPointer { ms in mentionField(field, ids, ms) }
    }

    private func mentionField(_ field: String, _ ids: [Int32], _ ms: UnsafeBufferPointer<Mention>) -> Vector {
        func ints(_ f: (Mention) -> Int32) -> Vector { .ints(CorpusColumns.gather(ids, ms) { Int64(f($0)) }, valid: nil) }
        switch field {
        case "doc": return .refs(.document, CorpusColumns.gather(ids, ms) { $0.doc })
        case "entity": return .refs(.entity, CorpusColumns.gather(ids, ms) { $0.entity })
        case "sentence": return ints { $0.sentence }
        case "start": return ints { $0.start }
        case "end": return ints { $0.end }
        case "own": return .bools(ids.map { ms[Int($0)].zone.isOwnText }, valid: nil)
        case "ambiguous": return .bools(ids.map { ms[Int($0)].ambiguous }, valid: nil)
        case "uncertain": return .bools(ids.map { ms[Int($0)].uncertain }, valid: nil)
        case "zone":
            let (codes, pool) = zones()
            return codes.withUnsafeBufferPointer { table in
                .strings(ids.map { table[Int(unsafeBitCast(ms[Int($0)].zone, to: UInt8.self))] }, pool)
            }
        default:
            preconditionFailure("no vector for mention.\(field)")
        }
    }
}
