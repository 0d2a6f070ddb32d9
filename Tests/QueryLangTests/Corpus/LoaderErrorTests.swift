import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Each folder under Fixtures/broken is a small corpus with one defect and an `expected.txt` holding the
/// exact problems the loader must report (one `file:line: message` per line; empty when it must load).
@Suite("Loader errors")
struct LoaderErrorTests {
    static let cases: [String] = {
        let dir = Paths.fixtures.appendingPathComponent("broken").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }()

    @Test("broken corpus reports exactly its problems", arguments: cases)
    func brokenCorpus(_ name: String) throws {
        let dir = Paths.fixtures.appendingPathComponent("broken").appendingPathComponent(name).path
        let expected = try String(contentsOfFile: dir + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        do {
            let corpus = try Corpus.load(directory: dir)
            #expect(expected.isEmpty, "loaded, but expected:\n\(expected.joined(separator: "\n"))")
            #expect(corpus.documents.count >= 1)
        } catch {
            #expect(error.problems.map(\.description) == expected)
        }
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 25)
    }

    @Test func aBrokenCatalogLoadsNothing() {
        let dir = Paths.fixtures.appendingPathComponent("broken/unknown-key").path
        #expect(throws: CorpusLoadError.self) { try Corpus.load(directory: dir) }
    }

    @Test func notADirectory() {
        do {
            _ = try Corpus.load(directory: "/nonexistent/corpus")
            Issue.record("loaded a missing directory")
        } catch {
            #expect(error.problems.map(\.description) == ["/nonexistent/corpus: not a corpus directory (it does not exist or is not a directory)"])
        }
    }

    @Test func crlfDocumentLoadsUnannotatedWithTitleFromFirstLine() throws {
        let c = try Corpus.load(directory: Paths.fixtures.appendingPathComponent("broken/crlf-and-unannotated").path)
        let d = c.documents[0]
        #expect(!d.annotated)
        #expect(d.title == "Kataib Hezbollah said on Monday that it would respond.")
        #expect(c.mentions.map { c.entities[Int($0.entity)].id } == ["kataib-hezbollah", "hezbollah", "lebanon"])
        #expect(c.mentions.map(\.sentence) == [0, 1, 1])
        #expect(CorpusStats(corpus: c).unannotated.count == 1)
    }

    @Test func sharedNameIsAttributedFromContext() throws {
        let c = try Corpus.load(directory: Paths.fixtures.appendingPathComponent("broken/ambiguous-shared-name").path)
        // "Kataib Hezbollah" (unambiguous, full name) then "Hezbollah" (shared by both): the nearest
        // preceding unambiguous candidate is Kataib Hezbollah.
        let ids = c.mentions.map { $0.entity >= 0 ? c.entities[Int($0.entity)].id : "?" }
        #expect(ids == ["kataib-hezbollah", "kataib-hezbollah", "lebanon"])
        #expect(c.mentions[1].ambiguous)
    }
}

@Suite("Curated resolutions")
struct CuratedResolutionTests {
    @Test func aSidecarAttributesASharedName() throws {
        // Copy the shared-name fixture and resolve "Hezbollah" to the Lebanese group in its document.
        let source = Paths.fixtures.appendingPathComponent("broken/ambiguous-shared-name").path
        let dir = NSTemporaryDirectory() + "mq-resolve-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: source, toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sidecar = dir + "/documents/a.yaml"
        let text = try String(contentsOfFile: sidecar, encoding: .utf8) + "resolve:\n  - {text: Hezbollah, entity: hezbollah}\n"
        try text.write(toFile: sidecar, atomically: true, encoding: .utf8)
        let c = try Corpus.load(directory: dir)
        let ids = c.mentions.map { $0.entity >= 0 ? c.entities[Int($0.entity)].id : "?" }
        #expect(ids == ["kataib-hezbollah", "hezbollah", "lebanon"])
    }
}
