/// "Did you mean": the closest candidates to a misspelt word by edit distance.
@_spi(MQInternals) public enum Suggestions {
    /// Candidates within a distance that grows with the word's length, closest first.
    @_spi(MQInternals) public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let w = Array(word.lowercased())
        let maxDistance = max(1, min(3, w.count / 3))
        var scored: [(String, Int)] = []
        for c in candidates {
            let d = distance(w, Array(c.lowercased()), cap: maxDistance)
            if d <= maxDistance { scored.append((c, d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var seen = Set<String>()
        return scored.map(\.0).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// "did you mean 'a'?" or "did you mean 'a' or 'b'?", or nil.
    @_spi(MQInternals) public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        let c = closest(to: word, in: candidates)
        guard !c.isEmpty else { return nil }
        return "did you mean " + c.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Damerau-Levenshtein (optimal string alignment) distance, stopping early past `cap`.
    @_spi(MQInternals) public static func distance(_ a: [Character], _ b: [Character], cap: Int = .max) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prev2[j - 2] + 1) }
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > cap { return cap + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
