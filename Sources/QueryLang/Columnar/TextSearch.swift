import Foundation

/// `x has "words"` on vectors: whole words compared as names are (``PhraseFinder``, the row executor's
/// test). On documents' texts the scan is split over the cores, each document tested once, the answers in
/// document order; on a pooled string column each distinct string is tested once.
extension ExprCompiler {
    func has(_ l: Expr, _ phrase: String) -> CompiledExpr? {
        guard let finder = PhraseFinder(phrase, normalizer: corpus.names.normalizer) else { return nil }
        if let documents = documentTexts(l) {
            let corpus = self.corpus
            return CompiledExpr(type: .bool, canFail: documents.canFail) { b in
                guard case let .refs(_, ids) = try documents.eval(b) else { preconditionFailure("documents") }
                // A scan asks whether to stop (cancellation, the time limit) every 4,096 words; a stopped
                // scan's answers are not used: the stage's next step count raises the stop.
                let stop = StopCheck.current
                var found = [Bool](repeating: false, count: ids.count)
                found.withUnsafeMutableBufferPointer { out in
                    let parts = parallelChunks(ids.count, minChunk: 8) { range -> [Bool] in
                        range.map { i in
                            ids[i] >= 0 && stop?() != true && corpus.documents[Int(ids[i])].withUTF8 { finder.occurs(in: $0, stop: stop) }
                        }
                    }
                    var k = 0
                    for p in parts { for v in p { out[k] = v; k += 1 } }
                }
                return .bools(found, valid: nil)
            }
        }
        guard let x = compile(l), x.type == .string else { return nil }
        return CompiledExpr(type: .bool, canFail: x.canFail) { b in
            guard case let .strings(codes, pool) = try x.eval(b) else { preconditionFailure("strings") }
            var answer: [Int32: Bool] = [:]
            return .bools(codes.map { c in
                guard c >= 0 else { return false }
                if let a = answer[c] { return a }
                let a = finder.occurs(in: pool.strings[Int(c)])
                answer[c] = a
                return a
            }, valid: nil)
        }
    }
}

extension ExprCompiler {
    /// The documents whose text `l` is, when it is a document's text: `text` on document rows, or `doc.text`.
    func documentTexts(_ l: Expr) -> CompiledExpr? {
        if case .name("text", _) = l, !locals.contains("text"), schema.column("text") == nil, schema.fieldColumns["text"] == nil,
           schema.base == .document {
            return CompiledExpr(type: .ref(.document), canFail: false) { b in b.base! }
        }
        if case let .field(x, f, _) = l, f.name == "text", let d = compile(x), d.type == .ref(.document) { return d }
        return nil
    }
}

/// The stop check of the query running on this thread, for loops inside compiled expressions that read a
/// whole text (a compiled program is shared by sessions, so the check is not kept in it).
enum StopCheck {
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    final class Box {
        let check: () -> Bool
        let meter: StepMeter?
        init(_ check: @escaping () -> Bool, _ meter: StepMeter?) { self.check = check; self.meter = meter }
    }

    private static var box: Box? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<Box>.fromOpaque(p).takeUnretainedValue()
    }

    /// The check set by ``with(_:meter:_:)`` on this thread, if any.
    static var current: (() -> Bool)? { box?.check }

    /// Where work on this thread beyond a step a row is charged, if set.
    static var meter: StepMeter? { box?.meter }

    /// Runs `body` with `check` as this thread's stop check and `meter` as where its work is charged.
    static func with<T>(_ check: @escaping () -> Bool, meter: StepMeter? = nil, _ body: () throws -> T) rethrows -> T {
        let box = Box(check, meter)
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(box).toOpaque())
        defer { pthread_setspecific(key, previous); withExtendedLifetime(box) {} }
        return try body()
    }
}

/// Where a compiled expression charges work beyond a step a row (a regular expression's scan over a text),
/// for the stage running on this thread: the steps left before the step limit, the charge itself (which
/// checks the limits as the row executor would), and the limits.
struct StepMeter {
    let remaining: () -> Int
    let charge: (Int, Span) throws -> Void
    let limits: Limits
}
