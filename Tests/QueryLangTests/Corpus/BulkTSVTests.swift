import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The bulk TSV forms of the catalog and the facts load to the same entities, facts and mentions as
/// the YAML forms (Fixtures/broken/tsv-valid holds in TSV what Fixtures/broken/valid holds in YAML, plus
/// one typed-value fact); their rows get the YAML checks (Fixtures/broken/tsv-errors).
@Suite("Bulk TSV catalog and facts")
struct BulkTSVTests {
    static func load(_ name: String) throws -> Corpus {
        try Corpus.load(directory: Paths.fixtures.appendingPathComponent("broken/\(name)").path)
    }

    @Test func catalogRowsEqualYAMLEntities() throws {
        let yaml = try Self.load("valid"), tsv = try Self.load("tsv-valid")
        #expect(tsv.entities.map(\.id) == yaml.entities.map(\.id))
        for (a, b) in zip(tsv.entities, yaml.entities) {
            #expect(a.type == b.type)
            #expect(a.name == b.name)
            #expect(a.names == b.names, "names of \(a.id)")
            #expect(a.country == b.country)
        }
        // "Hezbollah Brigades" is an alias and "KH" an acronym, from the list columns.
        let kh = try #require(tsv.entity(id: "kataib-hezbollah"))
        #expect(kh.names.contains(EntityName("Hezbollah Brigades", kind: .alias)))
        #expect(kh.names.contains(EntityName("KH", kind: .acronym)))
    }

    @Test func mentionsAreTheSame() throws {
        let yaml = try Self.load("valid"), tsv = try Self.load("tsv-valid")
        #expect(tsv.mentions.map { [$0.doc, $0.entity, $0.start, $0.end] } == yaml.mentions.map { [$0.doc, $0.entity, $0.start, $0.end] })
        // Kataib Hezbollah on line 1, Hezbollah (Lebanese) and Lebanon on line 2.
        #expect(tsv.mentions.map { tsv.entities[Int($0.entity)].id } == ["kataib-hezbollah", "hezbollah", "lebanon"])
    }

    @Test func factRowsEqualYAMLFacts() throws {
        let yaml = try Self.load("valid"), tsv = try Self.load("tsv-valid")
        let a = try #require(tsv.fact(id: "kh-responds")), b = try #require(yaml.fact(id: "kh-responds"))
        #expect(a.subject == b.subject && a.predicate == b.predicate && a.object == b.object)
        #expect(a.date == b.date && a.doc == b.doc && a.quote == b.quote)
        #expect(a.quoteStart == b.quoteStart && a.quoteEnd == b.quoteEnd)
        #expect(a.location?.file == "facts/facts.tsv" && a.location?.line == 2)
        // A typed value from the number and unit columns ("10_000": underscores group digits).
        let s = try #require(tsv.fact(id: "kh-strength"))
        #expect(s.object == .number(10_000, unit: "fighters"))
        #expect(s.quote == nil)
    }
}
