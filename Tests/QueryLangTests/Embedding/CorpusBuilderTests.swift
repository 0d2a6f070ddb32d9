// Public API only (no @testable): a corpus built in memory by id, with the loader's checks.
import Testing
import QueryLang

@Suite("CorpusBuilder through the public API")
struct CorpusBuilderTests {
    static let text = "Kataib Hezbollah attacked a US base in Iraq.\nThe US blamed KH.\n"

    func sound() -> CorpusBuilder {
        var b = CorpusBuilder(name: "desk")
        b.addEntity(id: "iraq", type: .country, name: "Iraq")
        b.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah", aliases: ["KH"], country: "iraq")
        b.addEntity(id: "us", type: .country, name: "United States", names: [EntityName("US", kind: .acronym)])
        b.addDocument(id: "a", text: Self.text, title: "Attack", outlet: "Wire", published: "2024-05-02",
                      zones: [(.headline, 1...1), (.body, 2...2)])
        b.addFact(id: "kh-iraq", subject: "kh", predicate: "active_in", object: .entity("iraq"), date: "2024",
                  doc: "a", quote: "Kataib Hezbollah attacked a US base in Iraq.")
        b.addFact(id: "kh-size", subject: "kh", predicate: "strength", object: .number(10_000, unit: "fighters"), doc: "a")
        return b
    }

    func problems(_ b: CorpusBuilder) -> [String] {
        switch b.build() {
        case .success: return []
        case let .failure(e): return e.problems.map(\.description)
        }
    }

    @Test func aSoundCorpusIsBuiltAndQueried() throws {
        let corpus = try sound().build().get()
        #expect(corpus.entities.map(\.id) == ["iraq", "kh", "us"])
        #expect(corpus.entity(id: "kh")?.country == corpus.entity(id: "iraq")?.index)
        // Kataib Hezbollah, US, Iraq on line 1; US, KH on line 2.
        #expect(corpus.mentions.count == 5)
        #expect(corpus.mentionCount(of: corpus.entity(id: "kh")!.index) == 2)
        #expect(corpus.documents[0].zones.map(\.kind) == [.headline, .body])
        #expect(corpus.mentions.map(\.zone) == [.headline, .headline, .headline, .body, .body])
        let fact = try #require(corpus.fact(id: "kh-iraq"))
        #expect(fact.quoteStart == 0)
        let out = try Engine(corpus: corpus).makeSession().run("facts | where predicate == \"active_in\" | select s = subject.name, o = object.name")
        #expect(OutputFormat.csv.render(out[0], corpus: corpus) == "s,o\nKataib Hezbollah,Iraq\n")
    }

    @Test func aFactWithAMissingEntityIsAProblem() {
        var b = sound()
        b.addFact(id: "kh-ir", subject: "kh", predicate: "backed_by", object: .entity("iran"), doc: "a")
        #expect(problems(b) == ["fact kh-ir: unknown entity id 'iran' in object (did you mean 'iraq'?)"])
    }

    @Test func aQuoteNotInItsDocumentIsAProblem() {
        var b = sound()
        b.addFact(id: "kh-base", subject: "kh", predicate: "attacked", object: .entity("us"), doc: "a",
                  quote: "Kataib Hezbollah destroyed a base")
        #expect(problems(b) == ["fact kh-base: quote not found in document 'a': \"Kataib Hezbollah destroyed a base\" (copy it verbatim from the document's text)"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        var b = sound()
        b.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah again")
        b.addEntity(id: "kh2", type: .armedGroup, name: "Kata'ib Hizbullah", country: "kh")
        b.addDocument(id: "b", text: "x\n", published: "2024-13")
        b.addDocument(id: "a", text: "again\n")
        b.addDocument(id: "z", text: "one line\n", zones: [(.body, 1...3)])
        b.addFact(id: "f", subject: "nobody", predicate: "leeds", object: .text("x"), date: "soon", doc: "c")
        let found = problems(b)
        #expect(found.contains("entity kh: duplicate entity id 'kh'"))
        #expect(found.contains("entity kh2: 'kh' is a armed_group, not a country"))
        #expect(found.contains { $0.hasPrefix("entity kh2: the name 'Kata'ib Hizbullah' of 'kh2' is also a name of 'kh'") })
        #expect(found.contains("document b: bad date '2024-13' for published (write YYYY, YYYY-MM or YYYY-MM-DD)"))
        #expect(found.contains("document a: duplicate document id 'a'"))
        #expect(found.contains("document z: zone body lines 1-3 are outside the text's 2 lines") || found.contains { $0.hasPrefix("document z: zone body lines 1-3") })
        #expect(found.contains { $0.hasPrefix("fact f: unknown entity id 'nobody' in subject") })
        #expect(found.contains("fact f: unknown predicate 'leeds' (did you mean 'leads'?)"))
        #expect(found.contains("fact f: bad date 'soon' for date (write YYYY, YYYY-MM or YYYY-MM-DD)"))
        #expect(found.contains { $0.hasPrefix("fact f: unknown document 'c'") })
        #expect(found.contains("fact kh-iraq: duplicate fact id 'kh-iraq'") == false)
    }

    @Test func addingDocumentsToACorpusGivesANewCorpus() throws {
        let first = try sound().build().get()
        var more = CorpusBuilder(extending: first)
        more.addDocument(id: "b", text: "Iraq said nothing about KH.\n", published: "2024-06")
        more.addFact(id: "kh-iraq-2", subject: "kh", predicate: "active_in", object: .entity("iraq"), doc: "b", quote: "about KH")
        let second = try more.build().get()
        #expect(first.documents.map(\.id) == ["a"])
        #expect(second.documents.map(\.id) == ["a", "b"])
        #expect(second.mentions.count == 7)
        #expect(second.mentions(inDocument: 1).map { second.surface($0) } == ["Iraq", "KH"])
        #expect(second.facts.map(\.id) == ["kh-iraq", "kh-size", "kh-iraq-2"])
        let out = try Engine(corpus: second).makeSession().run("ent(\"kh\").mention_count")
        #expect(OutputFormat.csv.render(out[0], corpus: second) == "3\n")
        // An id the old corpus has is a duplicate.
        var again = CorpusBuilder(extending: second)
        again.addDocument(id: "b", text: "x\n")
        #expect(problems(again) == ["document b: duplicate document id 'b'"])
    }
}
