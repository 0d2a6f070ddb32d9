/// Every catalog name form, compiled for matching text and for looking names up.
///
/// Names become sequences of word ids; a trie over those sequences gives leftmost-longest matching.
/// Folded words (case, diacritics, apostrophes, spelling table) and case-sensitive acronym words share
/// one id space; the vocabulary maps spelling variants straight to their canonical word's id, so the
/// matcher never rewrites text.
public struct NameIndex: Sendable {
    public let normalizer: Normalizer
    /// Folded word -> id (spelling variants map to their canonical word's id).
    let folded = ByteTable()
    /// Acronym word as written -> id.
    let exact = ByteTable()
    var wordCount: Int32 = 0
    /// Trie: children of the root by word id, deeper edges keyed by `node << 32 | word`.
    var rootEdges: [Int32] = []
    var edges = IntTable()
    var nodeCount: Int32 = 1
    /// Per node: the name group accepted there, or -1.
    var accept: [Int32] = [-1]
    /// Name groups: the entities that share one normalised name.
    public private(set) var groups: [[Int32]] = []
    /// Normalised lookup key -> entity indices (acronyms included, folded).
    var lookupKeys: [String: [Int32]] = [:]
    public private(set) var maxNameWords = 0

    /// A problem found while compiling names (an empty name, say).
    public struct Problem: Sendable {
        public let entity: Int
        public let name: String
        public let message: String
    }
    public private(set) var problems: [Problem] = []

    public init(entities: [Entity], normalizer: Normalizer = Normalizer()) {
        var noKeys: [[String]]? = nil
        self.init(entities: entities, normalizer: normalizer, nameKeys: &noKeys)
    }

    /// Also hands back, when `nameKeys` is not nil, per entity and per name (in catalog order) the key two
    /// names must share to be the same name: the normalised key, or for an acronym `=` and its words as
    /// written; empty for a name without words (the loader finds names shared by mistake with them).
    init(entities: [Entity], normalizer: Normalizer, nameKeys: inout [[String]]?) {
        self.normalizer = normalizer
        var sequences: [(words: [Int32], entity: Int32)] = []
        let collecting = nameKeys != nil
        for e in entities {
            // The word sequences of this entity's names so far (a set: an entity may have 200,000 aliases).
            var seen = Set<[Int32]>()
            var keys: [String] = []
            defer { if collecting { nameKeys!.append(keys) } }
            let entity = Int32(e.index)
            for n in e.names {
                let scanned = normalizer.scanWords(n.text)
                if scanned.isEmpty {
                    problems.append(Problem(entity: e.index, name: n.text, message: "the name has no letters or digits"))
                    if collecting { keys.append("") }
                    continue
                }
                let words = scanned.map { normalizer.spelling.canonical($0.folded) }
                var ids: [Int32] = []
                ids.reserveCapacity(words.count)
                for (w, canonical) in zip(scanned, words) {
                    if n.kind == .acronym {
                        ids.append(NameIndex.intern(exact, &wordCount, w.raw))
                    } else {
                        ids.append(NameIndex.intern(folded, &wordCount, canonical))
                    }
                }
                if seen.insert(ids).inserted { sequences.append((ids, entity)) }
                let key = words.joined(separator: " ")
                if collecting { keys.append(n.kind == .acronym ? "=" + scanned.map(\.raw).joined(separator: " ") : key) }
                NameIndex.add(entity, to: &lookupKeys[key, default: []])
                maxNameWords = max(maxNameWords, ids.count)
            }
        }
        // Spelling variants of known words look up the canonical word's id.
        for (from, to) in normalizer.spelling.rules {
            let id = folded.lookup(to)
            if id >= 0 && folded.lookup(from) < 0 { folded.insert(from, id) }
        }
        rootEdges = Array(repeating: -1, count: Int(wordCount))
        var groupOf: [Int32: Int] = [:]  // node -> group
        for (ids, entity) in sequences {
            var node: Int32 = 0
            for (k, w) in ids.enumerated() {
                let next: Int32 = k == 0 ? rootEdges[Int(w)] : edges.get(Int64(node) << 32 | Int64(w))
                if next >= 0 {
                    node = next
                } else {
                    let created = nodeCount
                    nodeCount += 1
                    accept.append(-1)
                    if k == 0 { rootEdges[Int(w)] = created } else { edges.set(Int64(node) << 32 | Int64(w), created) }
                    node = created
                }
            }
            if let g = groupOf[node] {
                if !groups[g].contains(entity) { groups[g].append(entity) }
            } else {
                groupOf[node] = groups.count
                accept[Int(node)] = Int32(groups.count)
                groups.append([entity])
            }
        }
    }

    /// Adds an entity to a key's list unless it is there (one lookup of the key: the list is changed in place).
    private static func add(_ entity: Int32, to list: inout [Int32]) {
        if !list.contains(entity) { list.append(entity) }
    }

    private static func intern(_ table: ByteTable, _ count: inout Int32, _ word: String) -> Int32 {
        let id = table.lookup(word)
        if id >= 0 { return id }
        table.insert(word, count)
        count += 1
        return count - 1
    }

    /// Entities with a name whose normalised form equals that of `name` (acronyms compared folded).
    public func entities(named name: String) -> [Int] {
        (lookupKeys[normalizer.key(name)] ?? []).map(Int.init)
    }

    /// Every normalised lookup key, for suggestions and completion.
    public var keys: Dictionary<String, [Int32]>.Keys { lookupKeys.keys }

    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32 {
        if word < 0 { return -1 }
        if node == 0 { return rootEdges[Int(word)] }
        return edges.get(Int64(node) << 32 | Int64(word))
    }
}
