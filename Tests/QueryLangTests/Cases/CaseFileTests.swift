import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Runs every case of `Fixtures/cases/*.cases` (format: CaseFile.swift and Fixtures/README.md), each in a
/// fresh session over the seeds corpus. A failure names the case (`file:name`) and points at its line.
@Suite("Case files")
struct CaseFileTests {
    static let engine = Engine(corpus: Seeds.corpus)
    /// The source-file name diagnostics of cases carry.
    static let sourceName = "<case>"

    @Test("case files are well formed")
    func caseFilesAreWellFormed() {
        for e in CaseFiles.loaded.errors { Issue.record("\(e)") }
        #expect(!CaseFiles.all.isEmpty, "no cases found in \(CaseFiles.directory.path)")
        var seen: [String: QueryCase] = [:]
        for c in CaseFiles.all {
            if let other = seen[c.testDescription] {
                Issue.record("case \(c.testDescription) (line \(c.line)) has the same name as the case at line \(other.line)")
            }
            seen[c.testDescription] = c
        }
    }

    @Test("case", arguments: CaseFiles.all)
    func runCase(_ c: QueryCase) {
        let actual = Self.actual(for: c)
        let location = SourceLocation(fileID: "QueryLangTests/\(c.file)",
                                      filePath: CaseFiles.directory.appendingPathComponent(c.file).path,
                                      line: c.line, column: 1)
        let want = CaseFiles.trimmed(c.expected), got = CaseFiles.trimmed(actual)
        #expect(got == want, "\(c.testDescription)\n--- query\n\(c.query)\n--- expected\n\(want)\n--- actual\n\(got)",
                sourceLocation: location)
    }

    /// A fresh session with the case's parameters.
    static func makeSession(for c: QueryCase) -> Session {
        let session = engine.makeSession()
        for (name, text) in c.parameters { session.setParameter(name, .string(text)) }
        return session
    }

    /// What the case produces, rendered as its kind asks.
    static func actual(for c: QueryCase) -> String {
        let renderer = DiagnosticRenderer()
        switch c.kind {
        case .check:
            let parsed = engine.parse(c.query, file: sourceName)
            return renderer.render(engine.check(parsed))
        case .error:
            let session = Self.makeSession(for: c)
            do {
                let outputs = try session.run(c.query, file: sourceName)
                return "(no error; the query gave:)\n" + outputs.map { OutputFormat.table.render($0, corpus: engine.corpus) }.joined()
            } catch {
                return renderer.render(error.items)
            }
        case .plan:
            // The plan of the query after the rewrite passes, as `explain` prints it.
            do {
                return engine.explain(try engine.compile(c.query, file: sourceName, in: Self.makeSession(for: c)))
            } catch {
                return "(error)\n" + renderer.render(error.items)
            }
        case .csv, .json, .jsonl, .ftm, .dot, .graphml, .tsv, .line, .value, .table:
            let format: OutputFormat = switch c.kind {
            case .csv: .csv
            case .json: .json
            case .jsonl: .jsonl
            case .ftm: .ftm
            case .dot: .dot
            case .graphml: .graphml
            case .tsv: .tsv
            case .line: .line
            default: .table
            }
            let session = Self.makeSession(for: c)
            do {
                let outputs = try session.run(c.query, file: sourceName)
                // As mq writes a run: several outputs in JSON are one document.
                var text = ""
                let writer = ResultWriter(format: format, corpus: engine.corpus) { text += $0 }
                outputs.forEach(writer.write)
                writer.finish()
                return text
            } catch {
                return "(error)\n" + renderer.render(error.items)
            }
        }
    }
}
