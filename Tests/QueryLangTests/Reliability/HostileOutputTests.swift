import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The hostile corpus (Fixtures/hostile): a document whose title sets the terminal title and writes the
/// clipboard (OSC 0, OSC 52), whose body clears the screen (CSI 2J), reverses text (U+202E) and rings the
/// bell; catalog rows whose names hold colour codes and an OSC 8 hyperlink, and whose cells start with
/// `=`, `+`, `-` and `@`. Every output format is compared byte for byte with the text below, written by
/// hand from the rules of `TerminalSanitizer` and `FormulaGuard` (raw strings: `\e` is two characters).
@Suite("Hostile output")
struct HostileOutputTests {
    static let corpus: Corpus = {
        do { return try Corpus.load(directory: Paths.fixtures.appendingPathComponent("hostile").path) } catch {
            fatalError("the hostile fixture does not load: \(error)")
        }
    }()

    static func render(_ query: String, _ format: OutputFormat, exact: Bool = false) throws -> String {
        let engine = Engine(corpus: corpus)
        let outputs = try engine.makeSession().run(query)
        return outputs.map { format.render($0, corpus: corpus, exact: exact) }.joined()
    }

    static let entities = "entities | sort by id | select id, name, aliases, description"

    @Test func table() throws {
        let rule = { (n: Int) in String(repeating: "─", count: n) }
        let expected = "id          name                                aliases                  description\n"
            + "\(rule(10))  \(rule(34))  \(rule(23))  \(rule(12))\n"
            + #"evil-group  Evil Group                          @SUM(A1), Bad\e[31mName  +cmd|/c calc"# + "\n"
            + #"minus       -2+3 Brigade                                                 -12.5"# + "\n"
            + #"trick       Trick\e]8;;http://x.example\e\Link                           =1+1\u0085"# + "\n"
            + "(3 rows)\n"
        #expect(try Self.render(Self.entities, .table) == expected)
    }

    @Test func csv() throws {
        // A list is a JSON array in its cell (its controls JSON escapes, inert), so no formula guard is needed.
        let expected = "id,name,aliases,description\n"
            + #"evil-group,Evil Group,"[""@SUM(A1)"",""Bad\u001b[31mName""]",'+cmd|/c calc"# + "\n"
            + #"minus,'-2+3 Brigade,[],-12.5"# + "\n"
            + #"trick,Trick\e]8;;http://x.example\e\Link,[],'=1+1\u0085"# + "\n"
        #expect(try Self.render(Self.entities, .csv) == expected)
    }

    @Test func tsv() throws {
        let expected = "id\tname\taliases\tdescription\n"
            + "evil-group\tEvil Group\t[\"@SUM(A1)\",\"Bad\\u001b[31mName\"]\t'+cmd|/c calc\n"
            + "minus\t'-2+3 Brigade\t[]\t-12.5\n"
            + "trick\tTrick\\e]8;;http://x.example\\e\\Link\t[]\t'=1+1\\u0085\n"
        #expect(try Self.render(Self.entities, .tsv) == expected)
    }

    @Test func markdown() throws {
        let expected = "| id | name | aliases | description |\n| --- | --- | --- | --- |\n"
            + #"| evil-group | Evil Group | @SUM(A1), Bad\e[31mName | +cmd\|/c calc |"# + "\n"
            + #"| minus | -2+3 Brigade |  | -12.5 |"# + "\n"
            + #"| trick | Trick\e]8;;http://x.example\e\Link |  | =1+1\u0085 |"# + "\n"
        #expect(try Self.render(Self.entities, .markdown) == expected)
    }

    /// JSON stays exact: the controls are JSON escapes, which a reader turns back into the same text.
    @Test func jsonAndJSONLines() throws {
        let rows = [
            #"{"id":"evil-group","name":"Evil Group","aliases":["@SUM(A1)","Bad\u001b[31mName"],"description":"+cmd|/c calc"}"#,
            #"{"id":"minus","name":"-2+3 Brigade","aliases":[],"description":"-12.5"}"#,
            #"{"id":"trick","name":"Trick\u001b]8;;http://x.example\u001b\\Link","aliases":[],"description":"=1+1\u0085"}"#,
        ]
        #expect(try Self.render(Self.entities, .json) == "[" + rows.joined(separator: ",\n ") + "]\n")
        #expect(try Self.render(Self.entities, .jsonl) == rows.map { $0 + "\n" }.joined())
        let decoded = try JSONSerialization.jsonObject(with: Data(Self.render(Self.entities, .json).utf8)) as? [[String: Any]]
        #expect(decoded?[2]["name"] as? String == "Trick\u{1B}]8;;http://x.example\u{1B}\\Link")
        #expect(decoded?[2]["description"] as? String == "=1+1\u{85}")
    }

    /// `exact` (`--exact-cells`) writes CSV and TSV cells as the data holds them, for programs.
    @Test func exactCells() throws {
        let expected = "id,name,aliases,description\n"
            + "evil-group,Evil Group,\"[\"\"@SUM(A1)\"\",\"\"Bad\\u001b[31mName\"\"]\",+cmd|/c calc\n"
            + "minus,-2+3 Brigade,[],-12.5\n"
            + "trick,Trick\u{1B}]8;;http://x.example\u{1B}\\Link,[],\"=1+1\u{85}\"\n"  // NEL is a line break: quoted
        #expect(try Self.render(Self.entities, .csv, exact: true) == expected)
        #expect(try Self.render(#"print "=x""#, .csv, exact: true) == "=x\n")
    }

    /// A comma, quote, tab or line break followed by a combining mark is one Character to Swift but the
    /// byte a CSV or TSV reader cuts at: such a cell is quoted (CSV) or its tab replaced (TSV).
    @Test func separatorsFollowedByCombiningMarks() {
        let t = Table(rows: [.record(Record(keys: ["a", "b"], values: [.string("x,\u{32E}y"), .string("q\"\u{301}\t\u{301}z")]))],
                      columns: ["a", "b"])
        // (Built outside #expect, whose expansion trips over the combining marks in literals.)
        let csv = DelimitedRenderer(separator: ",").render(t, corpus: Self.corpus)
        let tsv = DelimitedRenderer(separator: "\t").render(t, corpus: Self.corpus)
        let md = MarkdownRenderer().render(Table(rows: [.string("a|\u{301}b\n\u{301}c")], columns: ["value"]), corpus: Self.corpus)
        let wantCSV = "a,b\n\"x,\u{32E}y\",\"q\"\"\u{301}\t\u{301}z\"\n"
        let wantTSV = "a\tb\nx,\u{32E}y\tq\"\u{301} \u{301}z\n"
        let wantMD = "| value |\n| --- |\n| a\\|\u{301}b \u{301}c |\n"
        #expect(Array(csv.unicodeScalars) == Array(wantCSV.unicodeScalars))
        #expect(Array(tsv.unicodeScalars) == Array(wantTSV.unicodeScalars))
        #expect(Array(md.unicodeScalars) == Array(wantMD.unicodeScalars))
    }

    @Test func documentTitleAndBody() throws {
        let title = #"Breaking\e]0;pwned\x07 news\e]52;c;ZXZpbA==\x07"#
        #expect(try Self.render("docs | select id, title", .csv) == "id,title\nevil,\(title)\n")
        #expect(try Self.render("print (docs | take 1)[0].title", .table) == title + "\n")
        let kwic = try Self.render(#"docs | kwic "cleared" width 20 | select left, match, right"#, .table)
        #expect(kwic.contains(#"The Evil Group\e[2J   cleared   the screen; \u202etxet"#))
        #expect(!kwic.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x07 })
    }

    @Test func printedValuesAndLists() throws {
        #expect(try Self.render(#"print ent("trick").name"#, .table) == #"Trick\e]8;;http://x.example\e\Link"# + "\n")
        #expect(try Self.render(#"print ent("evil-group").aliases"#, .table) == #"["@SUM(A1)", "Bad\e[31mName"]"# + "\n")
    }

    /// A diagnostic quoting a hostile name ("did you mean") and a hostile file name shows them escaped;
    /// the caret stays under the span of the escaped source line.
    @Test func diagnostics() throws {
        let engine = Engine(corpus: Self.corpus)
        var caught: Diagnostics?
        do { _ = try engine.makeSession().run("print ent(\"Trick\")", file: "evil\u{1B}]0;x\u{07}.mq") } catch { caught = error }
        let d = try #require(caught?.items.first)
        let text = DiagnosticRenderer().render(d)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.hasPrefix(#"evil\e]0;x\x07.mq:1:11: error[E206]"#))
        // JSON keeps the exact text, escaped as JSON.
        #expect(DiagnosticRenderer().jsonObject(d).contains(#""file":"evil\u001b]0;x\u0007.mq""#))

        let file = SourceFile(name: "<query>", text: "print \"\u{1B}[2J\" + 1")
        let typed = Diagnostic(.wrongType, "cannot add", at: Span(6, 14), in: file)
        #expect(DiagnosticRenderer().render(typed) == """
            <query>:1:7: error[E301]: cannot add
            1 | print "\\e[2J" + 1
              |       ^^^^^^^^^

            """)
    }
}

@Suite("Terminal sanitiser")
struct TerminalSanitizerTests {
    @Test func controlsAreShownVisibly() {
        #expect(TerminalSanitizer.clean("a\u{1B}[2Jb") == #"a\e[2Jb"#)
        #expect(TerminalSanitizer.clean("bell\u{07}\u{00}\u{7F}\r") == #"bell\x07\x00\x7f\r"#)
        #expect(TerminalSanitizer.clean("c1 \u{9B}31m \u{85}") == #"c1 \u009b31m \u0085"#)
        #expect(TerminalSanitizer.clean("line\nnext\ttab") == "line\nnext\ttab")
        #expect(TerminalSanitizer.clean("line\nnext\ttab", singleLine: true) == #"line\nnext\ttab"#)
    }

    @Test func bidiControlsAreNeutralised() {
        for v: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let s = "x" + String(Character(Unicode.Scalar(v)!)) + "y"
            #expect(TerminalSanitizer.clean(s) == "x\\u" + String(v, radix: 16) + "y")
        }
    }

    @Test func safeTextIsUnchanged() {
        for s in ["", "Kataib Hezbollah", "كتائب حزب الله", "a\\b", "中文 ‘quotes’ — dash", "U+2028\u{2028}ok", "é\u{301}"] {
            #expect(TerminalSanitizer.clean(s) == s)
            #expect(!TerminalSanitizer.needsCleaning(s))
        }
    }

    @Test func formulaGuard() {
        #expect(FormulaGuard.guarded("=1+1") == "'=1+1")
        #expect(FormulaGuard.guarded("@SUM(A1)") == "'@SUM(A1)")
        #expect(FormulaGuard.guarded("+cmd") == "'+cmd")
        #expect(FormulaGuard.guarded("-2+3") == "'-2+3")
        #expect(FormulaGuard.guarded("\tx") == "'\tx")
        #expect(FormulaGuard.guarded("-12.5") == "-12.5")
        #expect(FormulaGuard.guarded("+1e3") == "+1e3")
        #expect(FormulaGuard.guarded("-inf") == "'-inf")
        #expect(FormulaGuard.guarded("plain") == "plain")
        #expect(FormulaGuard.guarded("") == "")
    }
}
