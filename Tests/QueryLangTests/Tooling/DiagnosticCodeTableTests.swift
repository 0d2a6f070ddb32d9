// The diagnostic codes are defined once, in DiagnosticCode: the table of docs/language.md repeats them and
// must say the same, and no emitter may name a code by its string.
import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("Diagnostic codes")
struct DiagnosticCodeTableTests {
    /// The rows the table in section 9 of docs/language.md must hold, in this order.
    static func expectedRows() -> [String] {
        DiagnosticCode.allCases.map { "| \($0.rawValue) | \($0.meaning) | \($0.example) | \($0.help) |" }
    }

    /// The rows of the docs' table whose first cell is a code.
    static func documentedRows() throws -> [String] {
        let text = try String(contentsOf: Paths.root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { line in
            line.range(of: #"^\| [EW][0-9]{3} \|"#, options: .regularExpression) != nil
        }
    }

    @Test func theDocsTableIsTheEnum() throws {
        let documented = try Self.documentedRows()
        let expected = Self.expectedRows()
        #expect(documented == expected,
                "docs/language.md section 9 should hold these rows (then run scripts/embed-language-reference.sh):\n\(expected.joined(separator: "\n"))")
    }

    @Test func codesAreDistinctWellFormedAndNamedOnce() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for c in DiagnosticCode.allCases {
            #expect(c.rawValue.range(of: #"^[EW][0-9]{3}$"#, options: .regularExpression) != nil, "\(c)")
            #expect(DiagnosticCode(rawValue: c.rawValue) == c)
            #expect(c.description == c.rawValue)
            #expect(c.severity == (c.rawValue.hasPrefix("W") ? .warning : .error))
            for text in [c.meaning, c.example, c.help] {
                #expect(!text.isEmpty && !text.contains("|") && !text.contains("\n"), "\(c): \(text)")
            }
        }
    }

    @Test func theJSONFormKeepsTheCodeString() {
        let d = Diagnostic(.unknownName, "unknown name 'x'", at: Span(0, 1), in: SourceFile(name: "q", text: "x"))
        let json = DiagnosticRenderer().json([d])
        #expect(json.contains(#""code":"E205""#))
        #expect(json.contains(#""severity":"error""#))
        let warning = Diagnostic(.kwicTermLooksLikeRegex, "w", at: Span(0, 1), in: nil)
        #expect(warning.severity == .warning)
        #expect(DiagnosticRenderer().render(warning).contains("warning[W301]"))
    }

    @Test func theHelpPageOfACodeShowsWhatToDo() {
        let page = HelpIndex.reference.lookup(DiagnosticCode.unknownName.rawValue).first.map(\.markdown) ?? ""
        #expect(page.contains(DiagnosticCode.unknownName.meaning))
        #expect(page.contains("What to do: " + DiagnosticCode.unknownName.help))
    }

    /// A string literal that is only a code (`"E301"`) in the library or the executable: each should be a
    /// case of DiagnosticCode instead.
    @Test func noEmitterSpellsACode() throws {
        var found: [String] = []
        for folder in ["Sources/QueryLang", "Sources/repl", "Sources/MQPostgres"] {
            let base = Paths.root.appendingPathComponent(folder)
            let e = FileManager.default.enumerator(atPath: base.path)
            while let f = e?.nextObject() as? String {
                guard f.hasSuffix(".swift"), !f.hasPrefix("Tooling/LanguageReference/"), !f.hasSuffix("DiagnosticCode.swift")
                else { continue }
                let text = try String(contentsOf: base.appendingPathComponent(f), encoding: .utf8)
                for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.range(of: #"(^|[^\\:])"[EW][0-9]{3}""#, options: .regularExpression) != nil {
                    found.append("\(folder)/\(f):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found == [], "\(found.joined(separator: "\n"))")
    }
}
