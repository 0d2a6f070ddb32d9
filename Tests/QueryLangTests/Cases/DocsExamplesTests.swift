import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Every ```mq block of docs/language.md runs on the seeds corpus; where a ```text block follows it, the
/// block is what `mq run` prints for it (tables at no fixed width, then the diagnostics of an error).
@Suite("docs/language.md examples")
struct DocsExamplesTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let line: Int
        let query: String
        let expected: String?
        var testDescription: String { "docs/language.md:\(line)" }
    }

    static let examples: [Example] = {
        let doc = Paths.root.appendingPathComponent("docs/language.md")
        guard let text = try? String(contentsOf: doc, encoding: .utf8) else { return [] }
        return parse(text)
    }()

    /// The ```mq blocks with their line, each with the ```text block that follows it (only blank lines
    /// between).
    static func parse(_ markdown: String) -> [Example] {
        let lines = markdown.components(separatedBy: "\n")
        var out: [Example] = []
        var i = 0
        func block(from start: Int) -> (String, Int) {
            var j = start
            var body: [String] = []
            while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces) != "```" { body.append(lines[j]); j += 1 }
            return (body.joined(separator: "\n"), j + 1)
        }
        while i < lines.count {
            if lines[i].trimmingCharacters(in: .whitespaces) == "```mq" {
                let first = i + 1
                let (query, next) = block(from: i + 1)
                var k = next
                while k < lines.count && lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
                var expected: String? = nil
                if k < lines.count && lines[k].trimmingCharacters(in: .whitespaces) == "```text" {
                    let (t, after) = block(from: k + 1)
                    expected = t
                    i = after
                } else {
                    i = next
                }
                out.append(Example(line: first, query: query + "\n", expected: expected))
            } else {
                i += 1
            }
        }
        return out
    }

    static let engine = Engine(corpus: Seeds.corpus)

    /// What `mq run` prints for a query: its outputs, then the diagnostics that stopped it.
    static func run(_ query: String) -> (text: String, failed: Bool) {
        var out = ""
        let session = engine.makeSession()
        var failed = false
        for case let .statements(statements, _) in ScriptReader.units(query) {
            do {
                let compiled = try engine.compile(statements, file: "<example>", in: session)
                try session.run(compiled) { out += OutputFormat.table.render($0, corpus: engine.corpus) }
            } catch {
                out += DiagnosticRenderer().render(error.items)
                failed = true
                break
            }
        }
        return (out, failed)
    }

    @Test("there are examples, most with their output") func thereAreExamples() {
        #expect(Self.examples.count > 50)
        #expect(Self.examples.filter { $0.expected != nil }.count > 40)
    }

    @Test("an example gives the output shown", arguments: examples)
    func example(_ e: Example) {
        let (text, failed) = Self.run(e.query)
        if let expected = e.expected {
            #expect(Self.trimmed(text) == Self.trimmed(expected), "docs/language.md:\(e.line)\n\(e.query)")
        } else {
            // An example without its output must still run (an error would be shown with it).
            #expect(!failed, "docs/language.md:\(e.line) fails:\n\(text)")
        }
    }

    static func trimmed(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var l = line[...]
                while l.last == " " { l = l.dropLast() }
                return l
            }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
