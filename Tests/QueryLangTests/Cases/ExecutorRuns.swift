@_spi(MQInternals) @testable import QueryLang

/// Engines with the columnar executor on or off, and a query's outputs as JSON (or its errors' codes and
/// messages), for the suites that compare the two executors' answers.
enum ExecutorRuns {
    static func engine(_ corpus: Corpus, columnar: Bool, _ change: (inout Limits) -> Void = { _ in }) -> Engine {
        var o = EngineOptions()
        o.columnarExecutor = columnar
        change(&o.limits)
        return Engine(corpus: corpus, options: o)
    }

    static func output(_ engine: Engine, _ query: String, parameters: [String: String] = [:]) -> String {
        let session = engine.makeSession()
        for (name, text) in parameters { session.setParameter(name, .string(text)) }
        do {
            return try session.run(query, file: "case").map { OutputFormat.json.render($0, corpus: engine.corpus) }.joined()
        } catch {
            return error.items.map { "error \($0.code): \($0.message)" }.joined(separator: "\n")
        }
    }
}
