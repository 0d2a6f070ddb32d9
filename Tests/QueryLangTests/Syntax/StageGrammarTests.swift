import Testing
@_spi(MQInternals) @testable import QueryLang

/// Every stage's grammar (in `Stages/<Name>.swift`) is reached from its name, and the stage it gives
/// knows the name it was written with.
@Suite("Stage grammar")
struct StageGrammarTests {
    /// One written form of every stage, by name.
    static let written: [String: String] = [
        "where": "where true", "select": "select id", "extend": "extend n = 1", "sort": "sort by id, date",
        "take": "take 1", "top": "top 2 by id", "distinct": "distinct", "summarize": "summarize n = count() by outlet",
        "join": "join kind=left docs on id", "union": "union facts", "expand": "expand a = [1, 2]", "count": "count",
        "cooccur": "cooccur by document all", "kwic": "kwic \"drone\" width 10", "timeline": "timeline",
        "render": "render bar title, n", "neighbors": "neighbors \"iran\" depth 2",
        "paths": "paths from \"iran\" to \"iraq\" max 3", "conflicts": "conflicts", "corroboration": "corroboration",
        "asof": "asof @2020-01",
    ]

    @Test func everyStageNameHasAWrittenForm() {
        #expect(Set(Self.written.keys) == Set(StageKind.names))
    }

    @Test(arguments: StageKind.names)
    func stageParsesUnderItsName(_ name: String) throws {
        let text = "docs | " + Self.written[name, default: name]
        let (program, diagnostics) = Parser.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        guard case let .query(.pipeline(_, stages, _))? = program.statements.first?.kind else {
            Issue.record("not a pipeline: \(text)")
            return
        }
        let stage = try #require(stages.first)
        #expect(stage.kind.name == name)
        // The stage spans its name and its arguments, to the end of the text.
        #expect(stage.nameSpan.start == 7 && stage.nameSpan.end == 7 + name.utf8.count)
        #expect(stage.span.start == 7 && stage.span.end == text.utf8.count)
        // Printed back, it reads as written.
        #expect(Formatter().stage(stage, indent: 0) == Self.written[name])
    }
}
