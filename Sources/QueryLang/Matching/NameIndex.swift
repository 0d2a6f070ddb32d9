/// Every catalog name form, compiled for matching text and for looking names up.
///
/// Names become sequences of word ids; a trie over those sequences gives leftmost-longest matching.
/// Folded words (case, diacritics, apostrophes, spelling table) and case-sensitive acronym words share
/// one id space; the vocabulary maps spelling variants straight to their canonical word's id, so the
/// matcher never rewrites text.
@_spi(MQInternals) public struct NameIndex: Sendable {
    @_spi(MQInternals) public let normalizer: Normalizer
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
    @_spi(MQInternals) public private(set) var groups: [[Int32]] = []
    /// Normalised lookup key -> entity indices (names other than acronyms).
    var lookupKeys: [String: [Int32]] = [:]
    /// Acronym as written (its words joined by single spaces) -> entity indices.
    var acronymKeys: [String: [Int32]] = [:]
    /// The same keys loosened (``looseKey(_:)``), for names (not acronyms).
    var looseKeys: [String: [Int32]] = [:]
    /// Name word skeletons (``skeleton(_:)``) -> word id, for skeletons of one word only: how a word of
    /// text in a scholarly transliteration (`Ḥaqq`, `Ḫazʿalī`, `Fayyāḍ`) finds the name word it spells.
    var skeletons: [String: Int32] = [:]
    @_spi(MQInternals) public private(set) var maxNameWords = 0

    /// A problem found while compiling names (an empty name, say).
    @_spi(MQInternals) public struct Problem: Sendable {
        @_spi(MQInternals) public let entity: Int
        @_spi(MQInternals) public let name: String
        @_spi(MQInternals) public let message: String
    }
    @_spi(MQInternals) public private(set) var problems: [Problem] = []

    @_spi(MQInternals) public init(entities: [Entity], normalizer: Normalizer = Normalizer()) {
        var noKeys: [[String]]? = nil
        self.init(entities: entities, normalizer: normalizer, nameKeys: &noKeys)
    }

    /// Also hands back, when `nameKeys` is not nil, per entity and per name (in catalog order) the key two
    /// names must share to be the same name: the normalised key, or for an acronym `=` and its words as
    /// written; empty for a name without words (the loader finds names shared by mistake with them).
    init(entities: [Entity], normalizer: Normalizer, nameKeys: inout [[String]]?) {
        self.normalizer = normalizer
        var sequences: [(words: [Int32], entity: Int32)] = []
        var vocabulary: [String: Int32] = [:]  // folded name words
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
                var words = scanned.map { normalizer.spelling.canonical($0.folded) }
                var ids: [Int32] = []
                ids.reserveCapacity(words.count)
                if n.kind == .acronym {
                    for w in scanned { ids.append(NameIndex.intern(exact, &wordCount, w.raw)) }
                } else {
                    words = normalizer.spelling.collapsingPhrases(words)
                    for canonical in words {
                        let id = NameIndex.intern(folded, &wordCount, canonical)
                        vocabulary[canonical] = id
                        ids.append(id)
                    }
                }
                if seen.insert(ids).inserted { sequences.append((ids, entity)) }
                // The same name with a word written as a phrase of the spelling table (`Kataib Hizb Allah`).
                if n.kind != .acronym {
                    for alternative in NameIndex.phraseAlternatives(words, normalizer.spelling).dropFirst() {
                        let altIDs = alternative.map { w in
                            let id = NameIndex.intern(folded, &wordCount, w)
                            vocabulary[w] = id
                            return id
                        }
                        if seen.insert(altIDs).inserted {
                            sequences.append((altIDs, entity))
                            maxNameWords = max(maxNameWords, altIDs.count)
                        }
                    }
                }
                let key = words.joined(separator: " ")
                if collecting { keys.append(n.kind == .acronym ? "=" + scanned.map(\.raw).joined(separator: " ") : key) }
                if n.kind == .acronym {
                    // Looked up as written, as in text: `IS` is the group, `is` is not.
                    NameIndex.add(entity, to: &acronymKeys[scanned.map(\.raw).joined(separator: " "), default: []])
                } else {
                    NameIndex.add(entity, to: &lookupKeys[key, default: []])
                    NameIndex.add(entity, to: &looseKeys[NameIndex.looseKey(key), default: []])
                }
                maxNameWords = max(maxNameWords, ids.count)
            }
        }
        // Spelling variants of known words look up the canonical word's id.
        for (from, to) in normalizer.spelling.rules where !from.contains(" ") {
            let id = folded.lookup(to)
            if id >= 0 && folded.lookup(from) < 0 { folded.insert(from, id) }
        }
        // Skeletons of the name words; one shared by two words stands for neither.
        var shared = Set<String>()
        for (word, id) in vocabulary {
            let s = NameIndex.skeleton(word)
            if let other = skeletons[s], other != id { shared.insert(s) } else { skeletons[s] = id }
        }
        for s in shared { skeletons[s] = nil }
        // A doubled vowel written once looks up the word written with it: the ʿayn of `Šaʿbī` and `Kaʿbī`
        // is deleted by folding (`shabi`), where news text writes `Shaabi` and `Kaabi`.
        for (word, id) in vocabulary.sorted(by: { $0.key < $1.key }) where NameIndex.looseWord(word) != word {
            let single = NameIndex.looseWord(word)
            if folded.lookup(single) < 0 { folded.insert(single, id) }
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

    /// The name's words, then every way of writing them with the spelling table's phrases in place of
    /// a word (`[kataib, hezbollah]`, `[kataib, hizb, allah]`, ...); at most 16 in all.
    static func phraseAlternatives(_ words: [String], _ spelling: SpellingTable) -> [[String]] {
        var out: [[String]] = [[]]
        for w in words {
            let ways = [[w]] + spelling.phraseSpellings(of: w)
            var next: [[String]] = []
            for prefix in out { for way in ways where next.count < 16 { next.append(prefix + way) } }
            out = next
        }
        return out
    }

    /// A word with each doubled `aa`, `ii` or `uu` written once (`shaabi` -> `shabi`).
    static func looseWord(_ word: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        for b in word.utf8 {
            if let last = out.last, last == b, b == 0x61 || b == 0x69 || b == 0x75 { continue }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A word with every doubled letter written once (`haqq` -> `haq`, `fayyadh` -> `fayadh`,
    /// `shaabi` -> `shabi`): scholarly transliterations write the doubled consonants (shadda) that news
    /// text often writes once, and the other way round.
    static func skeleton(_ word: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        for b in word.utf8 where out.last != b || b >= 0x80 { out.append(b) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A normalised key with every word loosened (``looseWord(_:)``).
    static func looseKey(_ key: String) -> String {
        key.split(separator: " ").map { looseWord(String($0)) }.joined(separator: " ")
    }

    /// Entities with a name whose normalised form equals that of `name`, or an acronym written exactly
    /// as `name` (case-sensitive, as in text); failing both, those whose name is the same but for a
    /// doubled vowel (`al-Ḥašd al-Šaʿbī`).
    @_spi(MQInternals) public func entities(named name: String) -> [Int] {
        let key = normalizer.key(name)
        var found = lookupKeys[key] ?? []
        for e in acronymKeys[normalizer.rawWords(name).joined(separator: " ")] ?? [] where !found.contains(e) { found.append(e) }
        if !found.isEmpty { return found.map(Int.init) }
        return (looseKeys[NameIndex.looseKey(key)] ?? []).map(Int.init)
    }

    /// Every normalised lookup key (acronyms not included), for suggestions and completion.
    @_spi(MQInternals) public var keys: Dictionary<String, [Int32]>.Keys { lookupKeys.keys }

    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32 {
        if word < 0 { return -1 }
        if node == 0 { return rootEdges[Int(word)] }
        return edges.get(Int64(node) << 32 | Int64(word))
    }

    /// The trie's tables, for the match loop to hold in locals: read for every kept word, they would be
    /// reloaded from memory through the index each time.
    var trie: Trie { Trie(rootEdges: rootEdges, edges: edges, accept: accept) }

    /// ``child(_:_:)`` and ``accept`` as plain values.
    struct Trie {
        let rootEdges: [Int32]
        let edges: IntTable
        /// Per node: the name group accepted there, or -1.
        let accept: [Int32]

        @inline(__always)
        func child(_ node: Int32, _ word: Int32) -> Int32 {
            if word < 0 { return -1 }
            if node == 0 { return rootEdges[Int(word)] }
            return edges.get(Int64(node) << 32 | Int64(word))
        }
    }
}
