import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Corpora that are broken in ways the fixtures under Fixtures/broken do not cover (those are in
/// LoaderErrorTests): each must give exact `file:line: message` problems, never a crash or a hang.
/// Large files are made in a temporary directory (sparse where possible), never committed.
@Suite("Bad corpora")
struct BadCorpusTests {
    @Test func documentOverTheSizeLimitIsRefused() throws {
        let c = try TemporaryCorpus()
        // 64 MiB + 1, sparse: no disk space and no time to write it.
        let path = c.path + "/documents/huge.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.truncate(atOffset: UInt64(DocumentLoader.maxDocumentBytes) + 1)
        try h.close()
        #expect(c.problems() == ["documents/huge.txt: file is 67108865 bytes, over the limit of 67108864"])
    }

    @Test func documentAtTheSizeLimitOfOneLongLineLoads() throws {
        let c = try TemporaryCorpus()
        // 4 MB on one line, with names in it: loads and is matched.
        var text = "Kataib Hezbollah said so. "
        while text.utf8.count < 4 << 20 { text += text }
        try c.write("documents/long.txt", text)
        let corpus = try Corpus.load(directory: c.path)
        let doc = try #require(corpus.document(id: "long"))
        #expect(doc.lineCount == 1)
        #expect(corpus.mentions(inDocument: doc.index).count > 100_000)
    }

    @Test func documentOfOnlyBlankLinesLoadsWithAnEmptyTitle() throws {
        let c = try TemporaryCorpus()
        try c.write("documents/blank.txt", "\n\r\n   \n\t\n")
        let corpus = try Corpus.load(directory: c.path)
        #expect(corpus.document(id: "blank")?.title == "")
    }

    @Test func yamlTagsAreRefused() throws {
        let c = try TemporaryCorpus()
        try c.write("catalog/entities.yaml", """
            - id: kataib-hezbollah
              type: !custom armed_group
              name: Kataib Hezbollah
              aliases: !!set {Hezbollah Brigades}
            - id: hezbollah
              type: armed_group
              name: !!binary SGV6Ym9sbGFo
              country: lebanon
            - id: !!int 7
              type: country
              name: Seven
            - !tagged
              id: lebanon
              type: country
              name: Lebanon

            """)
        #expect(c.problems() == [
            "catalog/entities.yaml:2: YAML tags (!custom) are not allowed; write the plain value",
            "catalog/entities.yaml:4: YAML tags (!!set) are not allowed; write the plain value",
            "catalog/entities.yaml:4: aliases must be a list",
            "catalog/entities.yaml:7: YAML tags (!!binary) are not allowed; write the plain value",
            "catalog/entities.yaml:9: YAML tags (!!int) are not allowed; write the plain value",
            "catalog/entities.yaml:12: YAML tags (!tagged) are not allowed; write the plain value",
        ])
    }

    @Test func yamlStrTagIsHarmlessAndAccepted() throws {
        let c = try TemporaryCorpus()
        try c.edit("catalog/entities.yaml") { $0.replacingOccurrences(of: "name: Iraq", with: "name: !!str Iraq") }
        #expect(c.problems() == [])
    }

    @Test func yamlTagsInSidecarsAndFactsAreRefused() throws {
        let c = try TemporaryCorpus()
        try c.edit("documents/a.yaml") { $0.replacingOccurrences(of: "published: 2024-05", with: "published: !!timestamp 2024-05") }
        try c.edit("facts/facts.yaml") { $0.replacingOccurrences(of: "date: 2024-05", with: "date: !date 2024-05") }
        #expect(c.problems() == [
            "documents/a.yaml:5: YAML tags (!!timestamp) are not allowed; write the plain value",
            "facts/facts.yaml:5: YAML tags (!date) are not allowed; write the plain value",
        ])
    }

    @Test func yamlAliasWithoutAnchorIsRefused() throws {
        let c = try TemporaryCorpus()
        try c.edit("facts/facts.yaml") { $0.replacingOccurrences(of: "object: lebanon", with: "object: *lebanon") }
        #expect(c.problems() == ["facts/facts.yaml:4: invalid YAML: found undefined alias (column 11)"])
    }

    @Test func yamlMergeKeyIsRefused() throws {
        let c = try TemporaryCorpus()
        try c.write("catalog/extra.yaml", """
            - &base
              id: base-group
              type: armed_group
              name: Base Group
            - <<: *base
              id: other-group

            """)
        let problems = c.problems()
        #expect(problems.contains("catalog/extra.yaml:1: YAML anchors (&name) are not allowed; write each value where it is used"))
        #expect(problems.contains { $0.hasPrefix("catalog/extra.yaml:5: unknown key '<<'") })
    }

    @Test func yamlNestedTenThousandDeepIsAProblemNotAStackOverflow() throws {
        let c = try TemporaryCorpus()
        try c.write("catalog/extra.yaml", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let problems = c.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("catalog/extra.yaml:1: invalid YAML:") == true)
    }

    @Test func yamlWithSeveralDocumentsIsAProblem() throws {
        let c = try TemporaryCorpus()
        try c.write("catalog/extra.yaml", "- id: one\n  type: country\n  name: One\n---\n- id: two\n  type: country\n  name: Two\n")
        #expect(c.problems() == [
            "catalog/extra.yaml:1: invalid YAML: expected a single document in the stream (column 1), but found another document at line 4",
        ])
    }

    @Test func yamlWithCRLFLineEndsLoads() throws {
        let c = try TemporaryCorpus()
        for f in ["catalog/entities.yaml", "facts/facts.yaml", "documents/a.yaml"] {
            try c.edit(f) { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        }
        #expect(c.problems() == [])
    }

    @Test func yamlFileWithInvalidUTF8OrANulByteIsRefused() throws {
        let c = try TemporaryCorpus()
        try c.write("catalog/extra.yaml", bytes: Array("- id: x\n  type: country\n  name: ".utf8) + [0xC3, 0x28] + [0x0A])
        try c.write("facts/more.yaml", bytes: Array("# facts\n".utf8) + [0x00, 0x0A])
        #expect(c.problems() == [
            "catalog/extra.yaml:3: invalid UTF-8 at byte 32 (convert the file to UTF-8)",
            "facts/more.yaml:2: the file holds a NUL byte: it looks binary, not text",
        ])
    }

    @Test func yamlScalarsThatLookTypedStayText() throws {
        let c = try TemporaryCorpus()
        try c.write("catalog/extra.yaml", """
            - id: "no"
              type: country
              name: "1e999"
              aliases: [yes, off, ~none, 0x1F, .inf, 2024-05-01T00:00:00Z]

            """)
        let corpus = try Corpus.load(directory: c.path)
        #expect(corpus.entity(id: "no")?.aliases == ["yes", "off", "~none", "0x1F", ".inf", "2024-05-01T00:00:00Z"])
    }

    @Test func factValuesAtTheEdgesOfDoubleLoadAndRender() throws {
        let c = try TemporaryCorpus()
        try c.write("facts/values.yaml", """
            - id: huge
              subject: kataib-hezbollah
              predicate: strength
              value: {number: 1e999, unit: fighters}
              doc: a
              quote: "Kataib Hezbollah said"
            - id: nan
              subject: kataib-hezbollah
              predicate: budget
              value: {number: nan}
              doc: a
              quote: "Kataib Hezbollah said"
            - id: big
              subject: hezbollah
              predicate: strength
              value: {number: 99999999999999999999}
              doc: a
              quote: "Hezbollah in Lebanon"

            """)
        // A number that overflows to infinity, or NaN, is refused (a finite number is expected: NaN would
        // not equal itself, sort or group); the rest loads and renders in every format.
        #expect(c.problems() == ["facts/values.yaml:4: not a number (a finite decimal number is expected)",
                                 "facts/values.yaml:10: not a number (a finite decimal number is expected)"])
        try c.edit("facts/values.yaml") { $0.replacingOccurrences(of: "1e999", with: "1e308")
            .replacingOccurrences(of: "{number: nan}", with: "{number: -1e308}") }
        let corpus = try Corpus.load(directory: c.path)
        let session = Engine(corpus: corpus).makeSession()
        for format in OutputFormat.allCases {
            for out in try session.run("facts | select id, object, unit | sort by object") {
                _ = format.render(out, corpus: corpus)
            }
        }
        #expect(try session.run("facts | where id == \"big\" | select object").count == 1)
    }

    @Test func zoneLineRangesAtTheEdgesAreProblems() throws {
        let c = try TemporaryCorpus()
        try c.edit("documents/a.yaml") { $0.replacingOccurrences(of: "  - {kind: headline, lines: 1}", with: """
              - {kind: headline, lines: 0}
              - {kind: related, lines: 2-1}
              - {kind: ad, lines: 99999999999999999999}
              - {kind: ad, lines: 1-9223372036854775807}
              - {kind: comments, lines: x}
            """) }
        #expect(c.problems() == [
            "documents/a.yaml:7: malformed line range '0' (write a line (7) or a range (7-12))",
            "documents/a.yaml:8: malformed line range '2-1' (write a line (7) or a range (7-12))",
            "documents/a.yaml:9: malformed line range '99999999999999999999' (write a line (7) or a range (7-12))",
            "documents/a.yaml:10: zone lines 1-9223372036854775807 go past the end of documents/a.txt (2 lines)",
            "documents/a.yaml:11: malformed line range 'x' (write a line (7) or a range (7-12))",
        ])
    }

    @Test
    func negativeZoneLinesAreProblems() throws {
        let c = try TemporaryCorpus()
        try c.edit("documents/a.yaml") { $0.replacingOccurrences(of: "  - {kind: headline, lines: 1}",
                                                                 with: "  - {kind: body, lines: -1}\n  - {kind: ad, lines: 2--2}") }
        #expect(c.problems().count == 2)
    }

    @Test func bulkMetadataWithRaggedRowsLoads() throws {
        let c = try TemporaryCorpus()
        try FileManager.default.removeItem(atPath: c.path + "/documents/a.yaml")
        try c.write("documents.tsv", "id\ttitle\toutlet\tauthors\tpublished\n\na\tA title\na\t\t\t\t\t\t\t\n\t\tno id\n")
        #expect(c.problems() == [
            "documents.tsv:4: duplicate row for document 'a'",
            "documents.tsv:5: row without an id",
        ])
    }

    @Test
    func bulkMetadataWithCRLFLineEndsLoads() throws {
        let c = try TemporaryCorpus()
        try FileManager.default.removeItem(atPath: c.path + "/documents/a.yaml")
        try c.write("documents.tsv", "id\ttitle\toutlet\tauthors\tpublished\r\n\r\na\tA title\r\na\t\t\t\t\t\t\t\r\n\t\tno id\r\n")
        #expect(c.problems() == [
            "documents.tsv:4: duplicate row for document 'a'",
            "documents.tsv:5: row without an id",
        ])
    }

    @Test func aDirectoryNamedLikeADocumentIsAProblem() throws {
        let c = try TemporaryCorpus()
        try FileManager.default.createDirectory(atPath: c.path + "/documents/folder.txt", withIntermediateDirectories: false)
        #expect(c.problems() == ["documents/folder.txt: is a directory"])
    }

    @Test func aNamedPipeNamedLikeADocumentIsAProblemNotAHang() throws {
        let c = try TemporaryCorpus()
        #expect(mkfifo(c.path + "/documents/pipe.txt", 0o644) == 0)
        #expect(mkfifo(c.path + "/catalog/pipe.yaml", 0o644) == 0)
        #expect(c.problems() == ["catalog/pipe.yaml: not a regular file", "documents/pipe.txt: not a regular file"])
    }

    @Test func aSymlinkToADeviceIsAProblem() throws {
        let c = try TemporaryCorpus()
        try FileManager.default.createSymbolicLink(atPath: c.path + "/documents/zero.txt", withDestinationPath: "/dev/zero")
        #expect(c.problems() == ["documents/zero.txt: not a regular file"])
    }

    @Test func aCommentOnlyCatalogFileIsAnEmptyCatalogFile() throws {
        // An empty catalog file adds no entities; the facts about known entities are still checked.
        let c = try TemporaryCorpus()
        try c.write("catalog/todo.yaml", "# entities to add later\n")
        try c.edit("facts/facts.yaml") { $0.replacingOccurrences(of: "object: lebanon", with: "object: lebanom") }
        #expect(c.problems() == ["facts/facts.yaml:4: unknown entity id 'lebanom' in object (did you mean 'lebanon'?)"])
    }

    @Test func aCommentOnlyFactFileLoads() throws {
        let c = try TemporaryCorpus()
        try c.write("facts/todo.yaml", "# facts to add later\n")
        let corpus = try Corpus.load(directory: c.path)
        #expect(corpus.facts.count == 1)
    }

    @Test
    func aCommentOnlySidecarIsAProblem() throws {
        let c = try TemporaryCorpus()
        try c.write("documents/a.yaml", "# sha256: 829f9dc2b4941ef236e0bcc9481cc1aa652257e85c9ae560dd131c435875a74e\n")
        #expect(c.problems().count == 1)
    }
}

/// Evidence quotes are found in linear time, whatever the text.
@Suite("Quote search")
struct QuoteSearchTests {
    @Test func quoteInARunOfOneLetterIsFoundQuickly() {
        let text = String(repeating: "a", count: 2_000_000) + "b"
        let quote = String(repeating: "a", count: 100_000) + "b"
        #expect(QuoteLocator.locate(quote, in: text) == 1_900_000..<2_000_001)
        #expect(QuoteLocator.locate(quote + "c", in: text) == nil)
    }

    @Test func quotesMatchLooselyAsDocumented() {
        let text = "He said: \u{201C}We will  respond\u{201D}, and left.\nNothing else."
        #expect(QuoteLocator.locate("\"We will respond\"", in: text) != nil)
        #expect(QuoteLocator.locate("left. Nothing", in: text) != nil)
        #expect(QuoteLocator.locate("We will respond,", in: text) == nil)
        #expect(QuoteLocator.locate("e", in: "e") == 0..<1)
        #expect(QuoteLocator.locate("é", in: "café") == 3..<5)
        #expect(QuoteLocator.locate("   ", in: "a b") == nil)
    }
}
