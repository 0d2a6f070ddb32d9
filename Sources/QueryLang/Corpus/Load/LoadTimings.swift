/// Wall-clock time of each phase of loading a corpus (for `--timing` and the benchmark).
///
/// A load runs in four phases: the catalog (read, checked, its names compiled), the fact files read,
/// the documents' metadata (`documents.tsv`) and the list of documents, side by side; then every document read, checked and matched on
/// all cores; then the facts checked against documents and catalog; then the postings built.
@_spi(MQInternals) public struct LoadTimings: Sendable, CustomStringConvertible {
    /// Catalog read and checked, and its names compiled for matching (a task of the first phase).
    @_spi(MQInternals) public var catalog: Duration = .zero
    /// The fact files read into drafts (a task of the first phase).
    @_spi(MQInternals) public var factFiles: Duration = .zero
    /// `documents.tsv` read (a task of the first phase).
    @_spi(MQInternals) public var metadata: Duration = .zero
    /// `documents/` listed (a task of the first phase).
    @_spi(MQInternals) public var listing: Duration = .zero
    /// The first phase as a whole: its four tasks on the cores there are.
    @_spi(MQInternals) public var firstPhase: Duration = .zero
    /// Reading, checking and matching the documents (one parallel pass).
    @_spi(MQInternals) public var matching: Duration = .zero
    /// Checking the facts against the catalog and their evidence documents.
    @_spi(MQInternals) public var facts: Duration = .zero
    /// Postings: mentions per entity, documents per entity, entities per document, facts per entity.
    @_spi(MQInternals) public var postings: Duration = .zero
    /// Re-opening from the cache (checking every input file, reading the cache).
    @_spi(MQInternals) public var cache: Duration = .zero
    /// Within `cache`, side by side: until every input file was checked, and until the cache was read.
    @_spi(MQInternals) public var cacheInputs: Duration = .zero
    @_spi(MQInternals) public var cacheRead: Duration = .zero
    /// The whole load (or re-opening), start to end.
    @_spi(MQInternals) public var total: Duration = .zero

    @_spi(MQInternals) public init() {}

    @_spi(MQInternals) public var description: String {
        func ms(_ d: Duration) -> String {
            let c = d.components
            return String(format: "%.1f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
        }
        if cache != .zero { return "from cache \(ms(cache)) (side by side: input files checked \(ms(cacheInputs)), cache read \(ms(cacheRead)))" }
        return "fact files \(ms(factFiles)), catalog and names \(ms(catalog)), documents.tsv \(ms(metadata)), "
            + "listing \(ms(listing)) (together \(ms(firstPhase))), documents read and matched \(ms(matching)), facts checked \(ms(facts)), "
            + "postings \(ms(postings)); total \(ms(total))"
    }
}
