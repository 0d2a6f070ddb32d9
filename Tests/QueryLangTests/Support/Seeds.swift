@_spi(MQInternals) @testable import QueryLang

/// The seeds corpus, loaded once for all tests.
enum Seeds {
    static let corpus: Corpus = {
        do { return try Corpus.load(directory: Paths.seeds) } catch { fatalError("seeds/ does not load:\n\(error)") }
    }()

    /// The document whose id starts with a 3-digit prefix such as "003".
    static func doc(_ prefix: String) -> Document {
        guard let d = corpus.documents.first(where: { $0.id.hasPrefix(prefix + "_") || $0.id == prefix }) else {
            fatalError("no seeds document \(prefix)")
        }
        return d
    }

    static func entity(_ id: String) -> Entity {
        guard let e = corpus.entity(id: id) else { fatalError("no entity \(id)") }
        return e
    }
}
