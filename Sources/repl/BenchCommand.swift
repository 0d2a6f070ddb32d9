import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

/// `mq bench`: times queries and completions in-process over a loaded corpus (hidden; for bench/run.sh).
/// Each query is run once untimed, then `runs` times. Prints one JSON object per query: median
/// milliseconds, every run's milliseconds, runs, row count and
/// the rows as JSON, so the benchmark can compare mq's answers with other engines'.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time queries or completions over a corpus, in-process (for benchmarks).",
        shouldDisplay: false)

    @OptionGroup var common: CommonOptions
    @Option(help: "Runs per query (the median is reported).") var runs = 5
    @Option(help: "Time completion of this text instead of running queries (repeatable).") var complete: [String] = []
    @Option(help: "Evaluation steps a query may take (default: the library's limit); for a corpus large enough to need more.")
    var maxSteps: Int?
    @Option(help: "Rows a query may hold (groups, a sort's input, the result; default: the library's limit); for a corpus large enough to need more.")
    var maxRows: Int?
    @Argument(help: "Queries.") var queries: [String] = []

    func run() throws {
        let c = try CorpusSource.load(common.corpus)
        var options = EngineOptions()
        if let maxSteps { options.limits.maxSteps = maxSteps }
        if let maxRows { options.limits.maxRows = maxRows }
        let engine = Engine(corpus: c, options: options)
        for text in complete {
            let completer = Completer(corpus: c)
            var times: [Double] = []
            var n = 0
            for _ in 0..<runs {
                let t0 = ContinuousClock.now
                n = completer.complete(text).candidates.count
                times.append((ContinuousClock.now - t0).milliseconds)
            }
            times.sort()
            print("{\"complete\":\(JSONText.quote(text)),\"median_ms\":\(times[times.count / 2]),\"candidates\":\(n)}")
        }
        for q in queries {
            var times: [Double] = []
            var result = "null"
            var rows = 0
            // One warm-up run first (as the databases get), which is not timed.
            for run in 0...runs {
                let session = engine.makeSession()
                let t0 = ContinuousClock.now
                let outputs: [StatementOutput]
                do { outputs = try session.run(q) } catch {
                    printError(DiagnosticRenderer().render(error.items))
                    throw ExitCode(1)
                }
                if run > 0 { times.append((ContinuousClock.now - t0).milliseconds) }
                // The answer of the last run, printed for comparison (not timed).
                guard run == runs else { continue }
                if case let .table(t, _)? = outputs.last {
                    rows = t.rows.count
                    result = JSONRenderer().array(t, corpus: c)
                } else if case let .value(v, _)? = outputs.last {
                    rows = 1
                    result = ValueText.json(v, corpus: c)
                }
            }
            let all = times.map { "\($0)" }.joined(separator: ",")
            times.sort()
            print("{\"query\":\(JSONText.quote(q)),\"median_ms\":\(times[times.count / 2]),\"times_ms\":[\(all)],\"runs\":\(runs),\"rows\":\(rows),\"result\":\(result.replacingOccurrences(of: "\n", with: ""))}")
        }
    }
}
