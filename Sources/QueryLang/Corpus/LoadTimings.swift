/// Wall-clock time of each phase of loading a corpus (for `--timing` and the benchmark).
public struct LoadTimings: Sendable, CustomStringConvertible {
        public var catalog: Duration = .zero
    public var facts: Duration = .zero
    public var names: Duration = .zero
    /// Reading, checking and matching the documents (one parallel pass).
    public var matching: Duration = .zero

    public init() {}

    public var total: Duration { catalog + facts + names + matching }

    public var description: String {
        func ms(_ d: Duration) -> String {
            let c = d.components
            return String(format: "%.1f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
        }
        return "catalog \(ms(catalog)), facts \(ms(facts)), names \(ms(names)), documents read and matched \(ms(matching)); total \(ms(total))"
    }
}
