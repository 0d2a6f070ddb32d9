import Foundation
import Testing
@testable import QueryLang

/// `Parser.parse(Formatter().format(p)) == p` and formatting is idempotent, for every query of the case
/// files, every example script, every `mq` block of docs/language.md, every golden diagnostics script that
/// parses, and a list of tricky programs.
@Suite("Formatter round trip")
struct FormatterRoundTripTests {
    struct Program: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        /// Whether the text must parse without diagnostics (tricky programs); others are skipped when not.
        let mustParse: Bool
        var testDescription: String { name }
    }

    /// Programs written to stress the formatter: comments, nested pipelines, precedence, negative numbers,
    /// quoted record keys, dates, raw strings.
    static let tricky: [(String, String)] = [
        ("comments everywhere", """
            # leading comment
            let x = 1  # trailing comment
            # before a pipeline
            docs
              # before a stage
              | where id == "x"  # after a stage
              | count
            # at the end
            """),
        ("comment after a pipe", "docs | # after the pipe\n  count\nlet y = 2\n"),
        ("comment inside a list", "[1, # one\n 2]  # two\n"),
        ("comments only", "# just a comment\n# and another\n"),
        ("empty program", ""),
        ("nested pipeline in join", """
            facts | join kind=left (entities | where type == "person" | select id, n = name) on subject.id == id | union (docs | select id) | take 3
            """),
        ("long nested pipeline in join", """
            facts | join (entities | where type == "person" | where country == "iraq" | select id, n = name | sort by n) on subject.id == id
            """),
        ("comment in a nested pipeline", "docs | join (facts\n  # only leads\n  | where predicate == \"leads\") on id == doc.id\n"),
        ("join keys and kinds", "docs | join kind=semi facts on id == doc.id, outlet | join kind=anti (facts) on id\n"),
        ("union of a variable", "let a = docs\na | union a | union (entities | take 1)\n"),
        ("pipeline as a source", "(docs | where outlet == null) | count\n"),
        ("pipelines inside expressions", "print [docs | count, {n: facts | count}, len(docs | where outlet == null), 1 + (docs | count)[0].count]\n"),
        ("long pipeline in a call", "len(docs | where outlet == null | where published == null | select id | take 1 | distinct)\n"),
        ("precedence", """
            print not a == b or c and d
            print (1 + 2) * 3 - -4 % 5
            print -(1 + 2) * x
            print not (a or b)
            print (not a) == b
            print a - (b - c) - d
            print a / (b * c)
            print (a < b) == c
            print a == (b < c)
            print not not a
            print -(not a)
            print a and not b or c
            print not a in b
            print (not a) in b
            """),
        ("negative numbers", "print [-1, -2.5, - -3, 1 - -1, -x, 2 * -x, -x.y, (-x).y, (-1).x, -(-9223372036854775807 - 1), -0.0]\n"),
        ("floats", "print [0.1, 1e6, 1.5e-3, 2.5E-3, 1e300, 5e-324, 1_000.5, .5]\n"),
        ("the largest finite double", "print 1.7976931348623157e308\n"),
        ("records with quoted keys", "print {\"two words\": 1, \"let\": 2, plain: 3, \"a\\\"b\": 4, \"\": 5, \"café\": 6, \"1a\": 7, _x: 8, \"not\": 9}\n"),
        ("dates", "print [@2014, @2014-06, @2023-11-17, @~2013, @~2013-06, @2014.x]\n"),
        ("raw strings and escapes", "print [r\"\\d+\\s\", r'it s', \"tab\\there\", \"nl\\n\", \"\\u{1}\\u{7f}\", \"\\0\", \"’\", \"a # b\", 'single']\n"),
        ("postfix chains", "print [f(x).y[0], [1, 2][0], {a: 1}.a, \"abc\".x, (1).x, (1.5).x, x[docs | count], (docs)[0].id]\n"),
        ("statements", """
            def f(a, b) = a + b
            def g() = 1
            assert f(1, 2) == 3, "sum"
            assert true
            print f(1, g())
            import "lib.mq"
            let a = 1; let b = 2; a + b
            """),
        ("every stage", """
            docs | where a | select b, c = 1 | extend d = 2 | sort by b desc, c asc, d | take 1 + 1
            docs | top 3 by x asc, y | distinct | distinct a, b = 1 | summarize n = count() by a | summarize by a | summarize count()
            docs | expand e = entities | expand authors | count
            mentions | cooccur | cooccur by document all | cooccur by sentence
            mentions | kwic | kwic "drone" | kwic width 10 | kwic ent("KSS") width 0
            entities | timeline
            """),
        ("operators as words", "docs | where a has \"b\" and c contains \"d\" or e matches r\"f\" and g startswith \"h\" and i endswith \"j\" and k within [@2014, null] and l in [1] and m not in [2] and n <> 1\n"),
        ("a long line", "docs | where title == \"a very long string that makes this pipeline longer than one hundred characters wide\" | count\n"),
        ("trailing commas", "print [1, 2,]\nprint {a: 1,}\n"),
        ("semicolons and blank lines", "let a = 1;\n\n\nlet b = 2;;\nprint a\n"),
        ("def with a pipeline body", "def about(e) = facts\n  # the facts of e\n  | where subject == e\n  | select id\nabout(ent(\"KSS\")) | count\n"),
        ("deep nesting", String(repeating: "(", count: 30) + "1" + String(repeating: ")", count: 30) + "\n"),
        ("a long pipeline inside a stage", "docs | where id in (facts | where a | where b | where c | select d) | count\n"),
        ("a def with a long body and a trailing comment", "def f(e) = facts | where subject == e | where date != null | select id | sort by id  # sorted\nf(1)\n"),
        ("a continued line with a comment", "let x = 1 +  # more below\n  2\n"),
        ("continuation after an operator", "let x = 1 +\n  2\nlet y = [\n  1,\n]\n"),
    ]

    static var programs: [Program] {
        var out: [Program] = tricky.map { Program(name: "tricky: \($0.0)", text: $0.1, mustParse: true) }
        for c in CaseFiles.all {
            out.append(Program(name: "case: \(c.testDescription)", text: c.query, mustParse: false))
        }
        let fm = FileManager.default
        let examples = ((try? fm.contentsOfDirectory(atPath: Paths.examples.path)) ?? []).filter { $0.hasSuffix(".mq") }.sorted()
        for e in examples {
            if let text = try? String(contentsOf: Paths.examples.appendingPathComponent(e), encoding: .utf8) {
                out.append(Program(name: "example: \(e)", text: text, mustParse: true))
            }
        }
        let goldens = ((try? fm.contentsOfDirectory(atPath: DiagnosticGoldenTests.directory.path)) ?? []).filter { $0.hasSuffix(".mq") }.sorted()
        for g in goldens {
            if let text = try? String(contentsOf: DiagnosticGoldenTests.directory.appendingPathComponent(g), encoding: .utf8) {
                out.append(Program(name: "golden: \(g)", text: text, mustParse: false))
            }
        }
        // The ```mq blocks as DocsExamplesTests reads them.
        for e in DocsExamplesTests.examples {
            out.append(Program(name: e.testDescription, text: e.query, mustParse: false))
        }
        return out
    }

    @Test("there are programs of every origin")
    func thereAreProgramsOfEveryOrigin() {
        let names = Self.programs.map(\.name)
        #expect(names.contains { $0.hasPrefix("case: ") })
        #expect(names.contains { $0.hasPrefix("tricky: ") })
        #expect(names.contains { $0.hasPrefix("golden: ") })
    }

    /// Comments survive formatting: before statements and stages, at line ends, and at the end of the file.
    @Test func commentsAreKept() {
        let text = "# leading comment\nlet x = 1  # trailing comment\n# before a pipeline\ndocs\n  # before a stage\n"
            + "  | where id == \"x\"  # after a stage\n  | count\n# at the end\n"
        let (program, diagnostics) = Parser.parse(text)
        #expect(diagnostics.isEmpty)
        // The comment after `where` stands before the next stage once formatted.
        let expected = "# leading comment\nlet x = 1  # trailing comment\n\n# before a pipeline\ndocs\n  # before a stage\n"
            + "  | where id == \"x\"\n  # after a stage\n  | count\n\n# at the end\n"
        #expect(Formatter().format(program) == expected)
    }

    /// A short pipeline stays on one line; a long one gets one stage per line.
    @Test func layoutOfPipelines() {
        let short = Parser.parse("docs|where outlet==\"Arab News\"|select id").0
        #expect(Formatter().format(short) == "docs | where outlet == \"Arab News\" | select id\n")
        let long = Parser.parse("docs | where a | select b | sort by b desc | take 1").0
        #expect(Formatter().format(long) == "docs\n  | where a\n  | select b\n  | sort by b desc\n  | take 1\n")
        let spaced = Parser.parse("let a = 1\ndef f(x) = x\nlet b = 2").0
        #expect(Formatter().format(spaced) == "let a = 1\n\ndef f(x) = x\n\nlet b = 2\n")
    }

    @Test func aFloatTooLargeForADoubleIsALexerError() {
        let (_, diagnostics) = Parser.parse("print 1e400\n")
        #expect(diagnostics.first?.code == "E004")
    }

    @Test("round trip", arguments: programs)
    func roundTrip(_ p: Program) {
        let (program, diagnostics) = Parser.parse(p.text)
        if !diagnostics.isEmpty {
            if p.mustParse { Issue.record("\(p.name) does not parse:\n\(DiagnosticRenderer().render(diagnostics))") }
            return
        }
        let formatted = Formatter().format(program)
        let (again, againDiagnostics) = Parser.parse(formatted)
        #expect(againDiagnostics.isEmpty, "the formatted text does not parse:\n\(formatted)\n\(DiagnosticRenderer().render(againDiagnostics))")
        #expect(again == program, "parse(format(p)) != p\n--- text\n\(p.text)\n--- formatted\n\(formatted)")
        let twice = Formatter().format(again)
        #expect(twice == formatted, "formatting is not idempotent\n--- once\n\(formatted)\n--- twice\n\(twice)")
    }
}
