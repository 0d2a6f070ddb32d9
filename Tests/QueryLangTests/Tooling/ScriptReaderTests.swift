import Testing
@_spi(MQInternals) @testable import QueryLang

/// The script reader: blocks of statements parsed as units, dot-command lines between them.
@Suite("Script reader")
struct ScriptReaderTests {
    @Test func aStagePerLinePipelineIsOneBlock() {
        let units = ScriptReader.units("let x = mentions\n| where own\nx | count\n")
        #expect(units == [.statements("let x = mentions\n| where own\nx | count\n", line: 1)])
    }

    @Test func dotCommandsSplitTheBlocksAndKeepTheirLines() {
        let units = ScriptReader.units("docs\n  | count\n.mode csv\n\n# a comment\ndocs | take 1\n")
        #expect(units.count == 3)
        #expect(units[0] == .statements("docs\n  | count", line: 1))
        #expect(units[1] == .command(".mode csv", line: 3))
        // The block after the command keeps the line numbers of the whole script.
        #expect(units[2] == .statements("\n\n\n\n# a comment\ndocs | take 1\n", line: 5))
    }

    @Test func aLineStartingWithADotInsideAStatementIsNotACommand() {
        // After a trailing `|` or inside brackets, a line is part of the statement.
        #expect(ScriptReader.units("[1,\n.5]\n").count == 1)
        #expect(ScriptReader.units("docs |\n.mode\n").count == 1)
        #expect(ScriptReader.isCommandLine("  .help join"))
        #expect(!ScriptReader.isCommandLine(".5 + 1"))
    }

    @Test func diagnosticsOfALaterBlockNameTheLineInTheScript() throws {
        guard case let .statements(text, _) = ScriptReader.units(".mode csv\ndocs\n  | wher x\n")[1] else {
            Issue.record("no block")
            return
        }
        let engine = Engine(corpus: Seeds.corpus)
        #expect(throws: Diagnostics.self) { try engine.compile(text, file: "s.mq") }
        do { _ = try engine.compile(text, file: "s.mq") } catch {
            #expect(error.items.first?.location?.line == 3)
            #expect(error.items.first?.location?.column == 5)
        }
    }
}
