/// Wall-clock time of each phase of loading a corpus (for `--timing` and the benchmark).
public struct LoadTimings: Sendable, CustomStringConvertible {
        public var catalog: Duration = .zero
    public var facts: Duration = .zero
    public var names: Duration = .zero
    /// Reading, checking and matching the documents (one parallel pass).
    public var matching: Duration = .zero

    /// Re-opening from the cache (checking every input file, reading the cache).
    public var cache: Duration = .zero
    /// Within `cache`, side by side: until every input file was checked, and until the cache was read.
    public var cacheInputs: Duration = .zero
    public var cacheRead: Duration = .zero

    public init() {}

    public var total: Duration { cache + catalog + facts + names + matching }

    public var description: String {
        func ms(_ d: Duration) -> String {
            let c = d.components
            return String(format: "%.1f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
        }
        if cache != .zero { return "from cache \(ms(cache)) (side by side: input files checked \(ms(cacheInputs)), cache read \(ms(cacheRead)))" }
        return "catalog \(ms(catalog)), facts \(ms(facts)), names \(ms(names)), documents read and matched \(ms(matching)); total \(ms(total))"
    }
}
