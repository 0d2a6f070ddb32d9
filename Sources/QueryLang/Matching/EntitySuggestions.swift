/// "did you mean" for an entity name that names no entity (`ent("Kataib")`, `ent("is")`).
///
/// Candidates are ranked by how they relate to what was written, then by spelling:
/// 1. an acronym written in another case (`is` for `IS`: acronyms are case-sensitive);
/// 2. a name holding every word written as a whole word (`Badr` in `Badr Organization`);
/// 3. a name with a word for each word written that starts with it (`Katai` in `Kataib Hezbollah`);
/// 4. a name or id within a small edit distance (`Hezbolah`).
/// Within a rank, fewer extra words come first. One name per entity (its best), three entities at most.
enum EntitySuggestions {
    static func hints(for name: String, in corpus: Corpus) -> [String] {
        let normalizer = corpus.names.normalizer
        let query = normalizer.words(name)
        let key = query.joined(separator: " ")
        let queryRaw = name.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        let maxDistance = max(1, min(3, key.count / 3))
        var ranked: [(rank: Int, cost: Int, display: String)] = []
        for e in corpus.entities {
            var best: (rank: Int, cost: Int, display: String)? = nil
            func consider(_ rank: Int, _ cost: Int, _ display: String) {
                if best == nil || (rank, cost) < (best!.rank, best!.cost) { best = (rank, cost, display) }
            }
            for n in e.names {
                if n.kind == .acronym {
                    if n.text.lowercased() == queryRaw.lowercased() && n.text != queryRaw { consider(1, 0, n.text) }
                    continue
                }
                let words = normalizer.words(n.text)
                let extra = words.count - query.count
                if extra > 0 && key.count >= 3 && contains(words, query) { consider(2, extra, n.text); continue }
                if extra >= 0 && prefixes(words, query) { consider(3, extra, n.text); continue }
                let d = Suggestions.distance(Array(key), Array(words.joined(separator: " ")), cap: maxDistance)
                if d <= maxDistance { consider(4, d, n.text) }
            }
            let d = Suggestions.distance(Array(name.lowercased()), Array(e.id), cap: maxDistance)
            if d <= maxDistance { consider(4, d, e.id) }
            if let best { ranked.append(best) }
        }
        ranked.sort { ($0.rank, $0.cost, $0.display.count, $0.display) < ($1.rank, $1.cost, $1.display.count, $1.display) }
        let shown = ranked.prefix(3).map { "'\($0.display)'" }
        guard !shown.isEmpty else { return [] }
        if ranked[0].rank == 1 {
            return ["did you mean " + shown.joined(separator: " or ") + "? (acronyms are matched in their catalog case)"]
        }
        return ["did you mean " + shown.joined(separator: " or ") + "?"]
    }

    /// Whether `words` holds `part` as consecutive whole words.
    private static func contains(_ words: [String], _ part: [String]) -> Bool {
        guard part.count <= words.count else { return false }
        for i in 0...(words.count - part.count) where Array(words[i..<(i + part.count)]) == part { return true }
        return false
    }

    /// Whether consecutive words of `words` start with each word of `part` in turn (words of three letters
    /// or more only: `a` is the start of too much).
    private static func prefixes(_ words: [String], _ part: [String]) -> Bool {
        guard part.count <= words.count, part.allSatisfy({ $0.count >= 3 }) else { return false }
        for i in 0...(words.count - part.count) {
            if part.indices.allSatisfy({ words[i + $0].hasPrefix(part[$0]) }) { return true }
        }
        return false
    }
}
