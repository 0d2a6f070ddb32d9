/// Each fact as a claim, in the form the server compares (`mq.facts.claim_*`, written by the push): the
/// parts ``FactClaims`` compares, computed by its own functions, so that `conflicts`, `corroboration` and
/// `asof` become joins and comparisons of integers (``SQLClaimStages``).
///
/// - `claim_sort`, `claim_value`: numbers of the classes of ``FactClaims/sort(_:)`` and
///   ``FactClaims/value(_:)`` over the catalog's facts (two facts share a number exactly when mq's `==`
///   says the parts are equal: texts alike but for case and spacing, units alike but for case); the
///   value is null for a date, which is compared as an interval;
/// - `claim_object_first`/`_last`, `claim_date_first`/`_last`: the days (since 0001-01-01) an object date
///   and the fact's date may cover, widened by a year when approximate (``FactClaims/days(_:)``);
/// - `claim_from_first`, `claim_until_last`: the first day of `from`, the last of `until`, so widened;
/// - `claim_stated` (a date key, ``SQLDate``), `claim_stated_first`/`_last`: the publication date of the
///   fact's document and its days;
/// - `claim_source`: the class of ``FactClaims/source(_:_:)`` (who says it).
struct SQLClaims {
    /// The columns, in the order of ``fields(_:)``.
    static let columns = ["claim_sort", "claim_value", "claim_object_first", "claim_object_last", "claim_date_first",
                          "claim_date_last", "claim_from_first", "claim_until_last", "claim_stated", "claim_stated_first",
                          "claim_stated_last", "claim_source"]

    /// The columns' declarations in `CREATE TABLE mq.facts`.
    static let declarations = columns.map { "\($0) bigint" }.joined(separator: ", ")

    private var sorts: [FactClaims.ObjectSort: Int] = [:]
    private var values: [FactClaims.ObjectValue: Int] = [:]
    private var sources: [String: Int] = [:]
    private let corpus: Corpus

    /// The classes of the catalog's facts, numbered in catalog order (so that a push of the same catalog
    /// writes the same numbers).
    init(_ corpus: Corpus) {
        self.corpus = corpus
        for f in corpus.facts {
            if sorts[FactClaims.sort(f.object)] == nil { sorts[FactClaims.sort(f.object)] = sorts.count }
            if let v = FactClaims.value(f.object), !Self.isNaN(v), values[v] == nil { values[v] = values.count }
            let s = FactClaims.source(f, corpus)
            if sources[s] == nil { sources[s] = sources.count }
        }
    }

    private static func isNaN(_ v: FactClaims.ObjectValue) -> Bool {
        if case let .number(n) = v { return n.isNaN }
        return false
    }

    /// A fact's claim columns, as COPY fields.
    func fields(_ f: Fact) -> [String?] {
        func int(_ i: Int?) -> String? { i.map { String($0) } }
        let object: ClosedRange<Int>? = if case let .date(d) = f.object { FactClaims.days(d) } else { nil }
        let date = f.date.map(FactClaims.days)
        let published = corpus.documents[f.doc].published
        let stated = published.map(FactClaims.days)
        // A NaN number is unequal to every number, itself included: no class to share.
        let value: Int? = FactClaims.value(f.object).flatMap { Self.isNaN($0) ? -1 - f.index : values[$0] }
        return [int(sorts[FactClaims.sort(f.object)]), int(value), int(object?.lowerBound), int(object?.upperBound),
                int(date?.lowerBound), int(date?.upperBound), int(f.from.map { FactClaims.days($0).lowerBound }),
                int(f.until.map { FactClaims.days($0).upperBound }), published.map { String(SQLDate.key($0)) },
                int(stated?.lowerBound), int(stated?.upperBound), int(sources[FactClaims.source(f, corpus)])]
    }
}
