import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Folders and files of a corpus that cannot be read are load errors naming the path and the reason,
/// never an empty folder that validates ("ok, 0 facts") or a flood of "unknown entity" problems.
@Suite("Unreadable corpus folders and files")
struct UnreadableCorpusTests {
    private func replace(_ c: TemporaryCorpus, _ folder: String, with make: (String) throws -> Void) throws {
        try FileManager.default.removeItem(atPath: c.path + "/" + folder)
        try make(c.path + "/" + folder)
    }

    @Test func aFileInPlaceOfTheFactsFolder() throws {
        let c = try TemporaryCorpus()
        try replace(c, "facts") { try Data("x".utf8).write(to: URL(fileURLWithPath: $0)) }
        #expect(c.problems() == ["facts: cannot read the folder: it is not a folder but a file"])
    }

    @Test func aDanglingLinkInPlaceOfTheFactsFolder() throws {
        let c = try TemporaryCorpus()
        try replace(c, "facts") { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/nonexistent/facts") }
        #expect(c.problems() == ["facts: cannot read the folder: a link to a missing path"])
    }

    @Test func aPipeInPlaceOfTheCatalogSaysSoAndNothingElse() throws {
        let c = try TemporaryCorpus()
        try replace(c, "catalog") { #expect(mkfifo($0, 0o600) == 0) }
        // The facts name entities the catalog would define: no "unknown entity" for them.
        #expect(c.problems() == ["catalog: cannot read the folder: it is not a folder but a named pipe"])
    }

    @Test func anAbsentFactsFolderIsNoProblem() throws {
        let c = try TemporaryCorpus()
        try FileManager.default.removeItem(atPath: c.path + "/facts")
        #expect(c.problems() == [])
    }

    @Test func danglingLinksForFilesAreNamed() throws {
        let c = try TemporaryCorpus()
        try FileManager.default.createSymbolicLink(atPath: c.path + "/catalog/more.yaml", withDestinationPath: "/nonexistent/more.yaml")
        try FileManager.default.createSymbolicLink(atPath: c.path + "/documents/gone.txt", withDestinationPath: "/nonexistent/gone.txt")
        #expect(c.problems() == ["catalog/more.yaml: cannot open: a link to a missing file",
                                 "documents/gone.txt: cannot open: a link to a missing file"])
    }

    /// Permissions do not stop the superuser: this one runs for other users only.
    @Test(.enabled(if: getuid() != 0)) func aFolderWithoutReadPermission() throws {
        let c = try TemporaryCorpus()
        #expect(chmod(c.path + "/facts", 0) == 0)
        defer { chmod(c.path + "/facts", 0o755) }
        #expect(c.problems() == ["facts: cannot read the folder: Permission denied"])
        #expect(chmod(c.path + "/catalog/entities.yaml", 0) == 0)
        #expect(c.problems().contains("catalog/entities.yaml: cannot open: Permission denied"))
    }
}
