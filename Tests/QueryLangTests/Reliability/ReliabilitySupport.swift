import Foundation
@_spi(MQInternals) @testable import QueryLang

/// Runs queries for the reliability tests and reports what they ended with.
enum Run {
    /// An engine over the seeds corpus with `limits` (default limits unless changed) and an import loader.
    static func engine(_ change: (inout Limits) -> Void = { _ in }, imports: ImportLoader? = nil) -> Engine {
        var options = EngineOptions()
        change(&options.limits)
        options.importLoader = imports
        return Engine(corpus: Seeds.corpus, options: options)
    }

    /// Compiles and runs `text` in a fresh session: the outputs, or the diagnostics it failed with.
    static func query(_ text: String, _ engine: Engine = Run.engine()) -> Result<[StatementOutput], Diagnostics> {
        let session = engine.makeSession()
        do { return .success(try session.run(text)) } catch { return .failure(error) }
    }

    /// The codes of the errors `text` fails with (empty when it runs).
    static func codes(_ text: String, _ engine: Engine = Run.engine()) -> [DiagnosticCode] {
        switch query(text, engine) {
        case .success: return []
        case let .failure(d): return d.items.filter { $0.severity == .error }.map(\.code)
        }
    }

    /// The first error of `text`, or nil when it runs.
    static func firstError(_ text: String, _ engine: Engine = Run.engine()) -> Diagnostic? {
        if case let .failure(d) = query(text, engine) { return d.items.first { $0.severity == .error } }
        return nil
    }

    /// The single value a one-statement query gives.
    static func value(_ text: String, _ engine: Engine = Run.engine()) -> Value? {
        guard case let .success(outs) = query(text, engine), case let .value(v, _)? = outs.last else { return nil }
        return v
    }

    /// The rows of the table a query gives.
    static func rowCount(_ text: String, _ engine: Engine = Run.engine()) -> Int? {
        guard case let .success(outs) = query(text, engine), case let .table(t, _)? = outs.last else { return nil }
        return t.rows.count
    }
}

/// Serves imports from memory, counting how often each file is read.
struct MemoryImportLoader: ImportLoader {
    let files: [String: String]
    func load(_ path: String, from: String) throws -> (name: String, text: String) {
        guard let text = files[path] else { throw NotFound(path: path) }
        return (path, text)
    }
    struct NotFound: Error, CustomStringConvertible {
        let path: String
        var description: String { "no file \(path)" }
    }
}

/// A temporary copy of a fixture corpus that a test may change; removed when the test ends.
final class TemporaryCorpus {
    let path: String

    init(copying fixture: String = "valid") throws {
        path = NSTemporaryDirectory() + "mq-reliability-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Paths.fixtures.appendingPathComponent("broken/\(fixture)").path, toPath: path)
        try? FileManager.default.removeItem(atPath: path + "/expected.txt")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative))
    }

    /// Rewrites a file of the copy with `change` applied to its text.
    func edit(_ relative: String, _ change: (String) -> String) throws {
        try write(relative, change(try String(contentsOfFile: path + "/" + relative, encoding: .utf8)))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + relative))
    }

    /// The problems loading reports (empty when the corpus loads).
    func problems() -> [String] {
        do { _ = try Corpus.load(directory: path); return [] } catch { return error.problems.map(\.description) }
    }
}
