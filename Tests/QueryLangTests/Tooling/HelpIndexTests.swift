import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// `.help` is drawn from docs/language.md: the embedded copy is the file, and every name of the language
/// and of the REPL has a page.
@Suite("Help pages")
struct HelpIndexTests {
    let index = HelpIndex.reference

    @Test("the embedded reference is docs/language.md (run scripts/embed-language-reference.sh after editing it)")
    func embeddedCopyMatchesTheFile() throws {
        let file = try String(contentsOf: Paths.root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        #expect(LanguageReference.markdown.trimmingTrailingNewlines() == file.trimmingTrailingNewlines())
    }

    func expectPage(_ name: String, _ kind: HelpIndex.Kind) {
        #expect(index.lookup(name).contains { $0.kind == kind }, "no \(kind.rawValue) page for '\(name)'")
    }

    @Test func everyStageSourceAndStatementHasAPage() {
        for s in StageKind.names { expectPage(s, .stage) }
        for s in FieldCatalog.sources { expectPage(s.name, .source) }
        for s in ["let", "def", "assert", "print", "import"] { expectPage(s, .statement) }
    }

    @Test func everyFunctionAndAggregateHasAPage() {
        for f in FunctionRegistry().functions.keys { expectPage(f, .function) }
        for f in FunctionRegistry.special.keys { expectPage(f, .function) }
        for a in Aggregates.all { expectPage(a.name, .aggregate) }
    }

    @Test func everyOperatorHasAPage() {
        for op in ["==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "in", "has", "contains", "startswith",
                   "endswith", "matches", "within", "+", "-", "*", "/", "%"] {
            expectPage(op, .operator)
        }
    }

    @Test func everyDotCommandHasAPage() {
        for name in ShellCommands.arguments.keys where ShellCommands.aliases[name] == nil { expectPage(name, .command) }
        #expect(ShellCommands.summaries().count == ShellCommands.arguments.count - ShellCommands.aliases.count)
    }

    @Test func everyDiagnosticCodeInTheSourcesHasAPage() throws {
        var codes = Set<String>()
        let sources = Paths.root.appendingPathComponent("Sources/QueryLang")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        let pattern = try NSRegularExpression(pattern: #""(E\d{3})""#)
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        #expect(codes.count >= 25)
        for c in codes.sorted() { expectPage(c, .diagnostic) }
    }

    @Test func joinShowsTheStageFirstAndTheFunctionOnRequest() {
        #expect(index.lookup("join").first?.kind == .stage)
        #expect(index.lookup("join()").first?.kind == .function)
        #expect(index.lookup("function join").first?.kind == .function)
        #expect(index.lookup("count").first?.kind == .stage)
        #expect(index.lookup("count()").first?.kind == .aggregate)
    }

    @Test func aPageNamesItsSection() {
        let page = index.lookup("matches")[0]
        #expect(page.section == "5. Operators › Text: has contains startswith endswith matches")
        let text = HelpIndex.render(page)
        #expect(text.contains("matches regex"))
        #expect(text.hasSuffix("(docs/language.md: 5. Operators › Text: has contains startswith endswith matches)"))
        #expect(!text.contains("```"))
    }
}
