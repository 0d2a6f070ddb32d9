/// `x has "words"` on vectors: whole words compared as names are (``PhraseFinder``, the row executor's
/// test). On documents' texts the scan is split over the cores, each document tested once, the answers in
/// document order; on a pooled string column each distinct string is tested once.
extension ExprCompiler {
    func has(_ l: Expr, _ phrase: String) -> CompiledExpr? {
        guard let finder = PhraseFinder(phrase, normalizer: corpus.names.normalizer) else { return nil }
        // A document's text: `text` on document rows, or `doc.text`.
        var documents: CompiledExpr? = nil
        if case .name("text", _) = l, !locals.contains("text"), schema.column("text") == nil, schema.fieldColumns["text"] == nil,
           schema.base == .document {
            documents = CompiledExpr(type: .ref(.document), canFail: false) { b in b.base! }
        } else if case let .field(x, f, _) = l, f.name == "text", let d = compile(x), d.type == .ref(.document) {
            documents = d
        }
        if let documents {
            let corpus = self.corpus
            return CompiledExpr(type: .bool, canFail: documents.canFail) { b in
                guard case let .refs(_, ids) = try documents.eval(b) else { preconditionFailure("documents") }
                var found = [Bool](repeating: false, count: ids.count)
                found.withUnsafeMutableBufferPointer { out in
                    let parts = parallelChunks(ids.count, minChunk: 8) { range -> [Bool] in
                        range.map { i in ids[i] >= 0 && corpus.documents[Int(ids[i])].withUTF8 { finder.occurs(in: $0) } }
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
