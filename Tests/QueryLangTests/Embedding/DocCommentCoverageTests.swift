// The library's public declarations and their doc comments: every declaration a host can see has one.
// Declarations marked `@_spi(MQInternals)` are for the mq executable only (a plain `import QueryLang`
// does not see them) and are not counted.
import Foundation
import Testing

@Suite("Doc-comment coverage of the public API")
struct DocCommentCoverageTests {
    /// Files of the embedding API a host reads first: every public declaration in them has a `///` comment.
    static let documentedInFull = [
        "Engine.swift", "Embedding/BatchChannel.swift", "Embedding/ResultBatch.swift", "Embedding/Row.swift",
        "Embedding/SessionStreaming.swift", "Corpus/Load/CorpusBuilder.swift", "Runtime/Value.swift",
        "Runtime/Cancellation.swift", "Runtime/Limits.swift", "Runtime/StreamingExecution.swift",
        "Diagnostics/Diagnostic.swift", "Diagnostics/DiagnosticCode.swift",
    ]
    /// Public declarations without a doc comment elsewhere in the library.
    static let undocumentedElsewhere = 0

    static let library = Paths.root.appendingPathComponent("Sources/QueryLang")

    /// `file:line: declaration` for each public declaration of `path` (not `@_spi`) with no `///` line
    /// above it (or above its attributes).
    static func undocumented(_ path: String) throws -> [String] {
        let lines = try String(contentsOf: library.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var found: [String] = []
        for (i, line) in lines.enumerated() {
            let words = line.split(separator: " ")
            guard let k = words.firstIndex(where: { !$0.hasPrefix("@") }), words[k] == "public" || words[k].hasPrefix("public(") else { continue }
            if words[..<k].contains(where: { $0.hasPrefix("@_spi(") }) { continue }
            var j = i - 1
            while j >= 0, lines[j].hasPrefix("@") { j -= 1 }
            if j < 0 || !lines[j].hasPrefix("///") { found.append("\(path):\(i + 1): \(line)") }
        }
        return found
    }

    static func allFiles() -> [String] {
        let base = library.path + "/"
        let e = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let f = e?.nextObject() as? String { if f.hasSuffix(".swift") { files.append(f) } }
        return files.sorted()
    }

    @Test func theEmbeddingAPIIsDocumentedInFull() throws {
        for file in Self.documentedInFull {
            #expect(try Self.undocumented(file) == [])
        }
    }

    @Test func theRestDoesNotLoseGround() throws {
        let rest = Self.allFiles().filter { !Self.documentedInFull.contains($0) }
        #expect(!rest.isEmpty)
        let missing = try rest.flatMap { try Self.undocumented($0) }
        #expect(missing.count <= Self.undocumentedElsewhere,
                "public declarations without a doc comment:\n\(missing.suffix(missing.count - Self.undocumentedElsewhere).joined(separator: "\n"))")
    }
}
