import Foundation
import Synchronization

/// `text matches "pattern"` on documents' texts: the texts of a batch tested on the cores at once
/// (``parallelChunks(_:minChunk:chunksPerCore:_:)``, as `has` does), the answers in the rows' order. Each
/// text is scanned as the row executor scans it (``RegexScan/matches(_:_:prefilter:_:)``: the literal
/// prefilter, then the engine near the literal), its work counted the same way; the parts count into one
/// total, stop as soon as it passes the steps the stage has left or the query is cancelled or out of time,
/// and the total is then charged to the stage on its own thread, which raises the limit's error.
extension ExprCompiler {
    func regexMatches(_ l: Expr, _ pattern: String, _ patternSpan: Span) -> CompiledExpr? {
        // A pattern the row executor would refuse stays there, to be refused with its diagnostic.
        guard let documents = documentTexts(l), RegexSafety.problem(pattern) == nil,
              (try? NSRegularExpression(pattern: pattern, options: [])) != nil else { return nil }
        let corpus = self.corpus, fail = self.fail
        return CompiledExpr(type: .bool, canFail: true) { b in
            guard case let .refs(_, ids) = try documents.eval(b) else { preconditionFailure("documents") }
            // No rows, no text scanned and nothing refused (the rows before a failure are evaluated again).
            guard !ids.isEmpty else { return .bools([], valid: nil) }
            let meter = StopCheck.meter
            if let limits = meter?.limits, pattern.count > limits.maxRegexLength {
                throw fail(.invalidRegex, "regular expression longer than \(limits.maxRegexLength) characters", patternSpan, [], 0)
            }
            let stop = StopCheck.current
            let budget = meter?.remaining() ?? .max
            let spent = StepTotal()
            var found = [Bool](repeating: false, count: ids.count)
            var stopped = false
            found.withUnsafeMutableBufferPointer { out in
                let parts = parallelChunks(ids.count, minChunk: 8) { range -> (answers: [Bool], stopped: Bool) in
                    // Each part its own compiled pattern: nothing of the engine's state is shared.
                    guard let re = try? NSRegularExpression(pattern: pattern, options: []) else { return ([], true) }
                    var unflushed = 0
                    // Work is added to the shared total every 4,096 steps (and at once for backtracking).
                    let count: RegexScan.Meter = { n in
                        unflushed += n
                        guard unflushed >= 4096 || n > 1 else { return }
                        let total = spent.value.add(unflushed, ordering: .relaxed).newValue
                        unflushed = 0
                        if total > budget || stop?() == true { throw CancellationError() }
                    }
                    var answers: [Bool] = []
                    answers.reserveCapacity(range.count)
                    for i in range {
                        guard ids[i] >= 0 else { answers.append(false); continue }
                        do {
                            // The stored bytes read in place: the text is made only where the engine needs all of it.
                            let d = Int(ids[i])
                            answers.append(try corpus.documents[d].withUTF8 { bytes in
                                try RegexScan.matches(re, bytes: bytes, text: { corpus.documentText(d) }, count)
                            })
                        } catch {
                            return (answers, true)
                        }
                    }
                    spent.value.add(unflushed, ordering: .relaxed)
                    return (answers, false)
                }
                var k = 0
                for p in parts {
                    if p.stopped { stopped = true }
                    for v in p.answers { out[k] = v; k += 1 }
                }
            }
            let total = spent.value.load(ordering: .relaxed)
            // The work charged where the stage runs: past the limit, cancelled or out of time, this throws
            // the interpreter's own diagnostic.
            try meter?.charge(total, patternSpan)
            if stopped { throw fail(.interrupted, "interrupted", patternSpan, [], 0) }
            return .bools(found, valid: nil)
        }
    }
}

/// The steps the parts of one scan have counted together.
private final class StepTotal: Sendable {
    let value = Atomic<Int>(0)
}
