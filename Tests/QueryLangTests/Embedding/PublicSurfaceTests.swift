// What a plain `import QueryLang` sees: the internals of the language (syntax tree, lexer, parser,
// plans, columnar executor, SQL compiler, matcher indexes, the REPL's tools) are never public; the ones
// the mq executable needs are `@_spi(MQInternals) public`.
import Foundation
import Testing

@Suite("Public surface of the library")
struct PublicSurfaceTests {
    /// Files and folders (relative to Sources/QueryLang) that hold only internals.
    static let internals = [
        "Syntax/AST.swift", "Syntax/Token.swift", "Syntax/Lexer.swift", "Syntax/Parser.swift", "Syntax/Formatter.swift",
        "Semantics/Checker.swift", "Plan/", "Columnar/", "SQL/", "Matching/", "Tooling/", "Stages/",
        "Corpus/Cache/CorpusCacheCoding.swift", "Corpus/Cache/CacheFile.swift", "Corpus/Model/ContentHash.swift", "Corpus/Load/LoadTimings.swift",
        "Corpus/Model/Postings.swift", "Corpus/Model/TextArena.swift", "Corpus/Load/MetadataInference.swift", "Corpus/Model/CorpusStats.swift",
        "Runtime/Aggregates.swift", "Runtime/MemoryUse.swift", "Runtime/Preview.swift", "Runtime/Executor.swift",
        "Runtime/RowStream.swift", "Diagnostics/Suggestions.swift",
    ]

    /// `file:line: declaration` for each declaration of `path` that is public and not `@_spi`.
    static func plainPublic(_ path: String) throws -> [String] {
        let text = try String(contentsOf: DocCommentCoverageTests.library.appendingPathComponent(path), encoding: .utf8)
        var found: [String] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard let k = words.firstIndex(where: { !$0.hasPrefix("@") }), words[k] == "public" || words[k].hasPrefix("public(")
            else { continue }
            if !words[..<k].contains(where: { $0.hasPrefix("@_spi(") }) { found.append("\(path):\(i + 1): \(line)") }
        }
        return found
    }

    @Test func internalsAreNotPublic() throws {
        let files = DocCommentCoverageTests.allFiles().filter { f in
            Self.internals.contains { $0.hasSuffix("/") ? f.hasPrefix($0) : f == $0 } && !f.hasPrefix("Tooling/LanguageReference/")
        }
        #expect(files.count > 40)
        // Every entry names a file or folder that exists, so a moved file cannot slip out of the check.
        let all = DocCommentCoverageTests.allFiles()
        let stale = Self.internals.filter { entry in !all.contains { entry.hasSuffix("/") ? $0.hasPrefix(entry) : $0 == entry } }
        #expect(stale == [], "internals entries that name nothing: \(stale)")
        let leaks = try files.flatMap { try Self.plainPublic($0) }
        #expect(leaks == [], "\(leaks.joined(separator: "\n"))")
    }
}
