import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Golden files of diagnostics: for every `Fixtures/diagnostics/NAME.mq`, `NAME.golden` holds the exact
/// human rendering of every diagnostic `engine.compile` reports for it, or, when it compiles, of the error
/// that stops its run; `NAME.json`, where present, the same diagnostics in the `--error-format json` form.
/// The diagnostics carry the file name `NAME.mq`.
///
/// The goldens were written by hand. `MQ_UPDATE_GOLDENS=1 swift test --filter DiagnosticGoldenTests`
/// rewrites them from mq's output: use it only to settle whitespace after reviewing each diff.
@Suite("Diagnostic goldens")
struct DiagnosticGoldenTests {
    static let directory = Paths.fixtures.appendingPathComponent("diagnostics")
    static let update = ProcessInfo.processInfo.environment["MQ_UPDATE_GOLDENS"] == "1"

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mq") }.sorted()
    }

    /// Every diagnostic of compiling the script, or of running it when it compiles.
    static func diagnostics(of text: String, file: String) -> [Diagnostic] {
        let engine = Engine(corpus: Seeds.corpus)
        let session = engine.makeSession()
        do {
            let compiled = try engine.compile(text, file: file, in: session)
            try session.run(compiled) { _ in }
            return []
        } catch {
            return error.items
        }
    }

    @Test("there are golden scripts")
    func thereAreGoldenScripts() {
        #expect(Self.scripts.count >= 10)
    }

    @Test("golden", arguments: scripts)
    func golden(_ script: String) throws {
        let path = Self.directory.appendingPathComponent(script)
        let text = try String(contentsOf: path, encoding: .utf8)
        let items = Self.diagnostics(of: text, file: script)
        #expect(!items.isEmpty, "\(script) reports no diagnostic: a golden script must have at least one error")
        let stem = String(script.dropLast(3))

        let human = DiagnosticRenderer().render(items)
        try check(human, against: Self.directory.appendingPathComponent(stem + ".golden"), required: true, script: script)
        let json = DiagnosticRenderer().json(items) + "\n"
        try check(json, against: Self.directory.appendingPathComponent(stem + ".json"), required: false, script: script)
    }

    private func check(_ actual: String, against url: URL, required: Bool, script: String) throws {
        let exists = FileManager.default.fileExists(atPath: url.path)
        if Self.update && (exists || required) {
            let old = exists ? try String(contentsOf: url, encoding: .utf8) : nil
            if old != actual {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                print("updated \(url.lastPathComponent)")
            }
            return
        }
        guard exists else {
            if required { Issue.record("\(script) has no golden file \(url.lastPathComponent)") }
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let want = CaseFiles.trimmed(expected), got = CaseFiles.trimmed(actual)
        #expect(got == want, "\(url.lastPathComponent)\n--- expected\n\(want)\n--- actual\n\(got)")
    }
}
