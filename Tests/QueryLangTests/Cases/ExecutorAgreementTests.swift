import Testing
@_spi(MQInternals) @testable import QueryLang

/// The columnar executor gives the row executor's answers: every case-file query that runs is run with
/// columnar plans and without them, and the outputs (or the errors' codes and messages) compared.
@Suite("Columnar and row executors agree")
struct ExecutorAgreementTests {
    static let columnar = Engine(corpus: Seeds.corpus)
    static let rows = ExecutorRuns.engine(Seeds.corpus, columnar: false)

    @Test("case", arguments: CaseFiles.all.filter { $0.kind != .check && $0.kind != .plan })
    func sameAnswers(_ c: QueryCase) {
        let a = ExecutorRuns.output(Self.columnar, c.query, parameters: c.parameters)
        let b = ExecutorRuns.output(Self.rows, c.query, parameters: c.parameters)
        #expect(a == b, "\(c.testDescription)\n--- columnar\n\(a)\n--- rows\n\(b)")
    }

    /// Shapes the case files touch lightly, over every source.
    @Test(arguments: [
        "mentions | summarize n = count(), d = dcount(doc), s = sum(end - start), lo = min(start), hi = max(end), a = avg(sentence) by z = zone, t = entity.type",
        "mentions | where own and not ambiguous | summarize n = countif(sentence > 3) by e = entity | top 5 by n desc, e asc",
        "mentions | extend w = end - start | where w > 10 and zone != \"body\" | select d = doc.id, w, surface | take 7",
        "mentions | join kind=left (docs | where outlet != null) on doc == id | summarize n = count() by outlet, title",
        "mentions | join kind=anti (entities | where type == \"person\") on entity == id | count",
        "mentions | join kind=semi (entities | where type == \"person\") on entity.id == id | distinct entity | count",
        "facts | join (entities) on subject == id | select id, id1, type, predicate | sort by id, id1",
        "docs | sort by outlet desc, length | select id, outlet, length",
        "entities | where country == \"iraq\" | summarize n = count() by type | sort by n desc, type",
        "entities | summarize n = count() by c = country | where c == null or n > 2 | sort by n, c",
        "mentions | distinct zone, own | sort by zone, own",
        "mentions | summarize n = count(), u = countif(uncertain) by d = doc.metadata_source, zone",
        "mentions | where start * 1000000000000 > 5 | count",
        "mentions | where start * 1000000000000000 > 5 | count",
        "mentions | summarize s = sum(start * 1000000000000000) by zone",
        "mentions | where sentence - 1 < 0 | summarize n = count() by doc",
        // Groups in runs of the mention's document, in first-seen order as the rows meet them.
        "mentions | summarize n = count(), hi = max(end), k = dcount(sentence) by d = doc.id, e = entity.id",
        "mentions | where zone != \"body\" | extend w = end - start | summarize n = count(), w = sum(w) by doc, entity, zone",
        "mentions | take 40 | summarize n = count() by doc, own | where n > 1",
        "mentions | summarize n = count() by e = entity, d = doc",
        "mentions | extend f = start * 1.5 - 10000.0 | sort by f desc, doc | select f, doc | take 9",
        "mentions | extend f = 0.0 - start * 1.5 | top 4 by f asc",
        "docs | where text has \"militia\" or text has \"drone strike\" | select id",
        "mentions | where doc.text has \"drones\" | summarize n = count() by doc",
        "docs | where title has \"iraq\" | count",
        "mentions | where surface has \"hezbollah\" | summarize n = count() by surface",
        // Joins on each key type: a reference against ids (a direct index), strings, integers and
        // booleans (several right rows a key), references against references with null keys on either side.
        "mentions | join (entities) on entity == id | summarize n = count() by type",
        "mentions | join kind=left (entities | where type == \"person\") on entity == id | summarize n = count() by type, zone",
        "mentions | join (docs) on sentence == sentences | summarize n = count() by outlet, zone",
        "mentions | join (docs) on own == annotated | summarize n = count() by outlet",
        "mentions | join kind=semi (docs | where sentences > 20) on sentence == sentences | count",
        "entities | join kind=left (entities) on country == id | select id, id1, type1 | sort by id, id1",
        "facts | join (entities) on subject == country | summarize n = count() by type, predicate",
        "docs | join (facts) on id == doc | summarize n = count() by predicate, outlet",
        "docs | join kind=anti (entities) on outlet == id | count",
        "entities | join (facts | where predicate != null) on id == subject | select id, id1, predicate | sort by id, id1",
        "facts | join kind=left (docs | summarize n = count() by outlet | join (docs) on outlet == outlet | select id) on doc == id | count",
        // A summarize on the join's groups, no joined row made: weights, first-seen order, unmatched rows.
        "mentions | join kind=left (docs | where outlet != \"Arab News\") on doc == id | summarize n = count(), d = dcount(id), t = min(id) by outlet",
        "mentions | join (entities) on entity.id == id | summarize n = count(), c = dcount(name), hi = max(name) by type",
        "mentions | join (docs) on sentence == sentences | summarize n = count() by outlet",
        "mentions | join kind=left (entities | where type == \"person\") on entity == id | summarize n = count()",
        "mentions | where zone == \"none\" | join (entities) on entity == id | summarize n = count()",
        "mentions | where zone == \"none\" | join kind=left (entities) on entity == id | summarize n = count() by type",
        "entities | join kind=left (entities) on country == id | summarize n = count() by type1, c = id1 == null",
    ])
    func shapes(_ query: String) {
        let a = ExecutorRuns.output(Self.columnar, query), b = ExecutorRuns.output(Self.rows, query)
        #expect(a == b, "\(query)\n--- columnar\n\(a)\n--- rows\n\(b)")
    }
}
