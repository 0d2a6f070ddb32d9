import Foundation

/// The rows of `kwic` (Stages/Kwic.swift); the search itself is in KwicSearch.swift.
extension Interpreter {
    /// Keyword in context: for documents, every whole-word occurrence of the term (a phrase, compared as
    /// names are; or an entity, through its mentions); for mentions, the mention itself.
    func kwic(_ input: Table, _ termExpr: Expr?, _ widthExpr: Expr?, regex: Bool = false, _ span: Span, _ outer: Env,
              limit: Int = .max) throws -> Table {
        var width = 40
        if let widthExpr {
            let v = try eval(widthExpr, outer)
            guard case let .int(w) = v, w >= 0, w <= 10_000 else {
                throw fail(.wrongType, "kwic width must be a whole number from 0 to 10000, got \(preview(v))", widthExpr.span)
            }
            width = Int(w)
        }
        let term = try termExpr.map { try eval($0, outer) }
        let columns = StageOutput.kwic.names
        var rows: [Value] = []
        func emit(_ d: Document, _ r: Range<Int>) {
            let hit = Kwic.context(d, start: r.lowerBound, end: r.upperBound, width: width)
            rows.append(.record(Record(keys: columns, values: [
                .document(d.index), .string(hit.left), .string(hit.match), .string(hit.right),
                .string(d.zone(at: r.lowerBound).rawValue), .int(Int64(r.lowerBound)),
            ])))
        }
        // The phrases (a string, or a list of them: word forms such as ["drone", "drones"]), or with
        // `matches` the regular expressions.
        var phrases: [[String]]? = nil
        var patterns: [NSRegularExpression]? = nil
        switch term {
        case .string?, .list?:
            var texts: [String] = []
            for item in term!.listItems {
                guard case let .string(s) = item else {
                    throw fail(.wrongType, "kwic looks for strings, got \(item.typeName) \(preview(item)) in the list", termExpr!.span)
                }
                texts.append(s)
            }
            if texts.isEmpty { throw fail(.wrongType, "kwic needs a word to look for", termExpr!.span) }
            if regex {
                patterns = try texts.map { try self.regex($0, termExpr!.span) }
            } else {
                phrases = try texts.map { s in
                    let words = corpus.names.normalizer.phraseWords(s)
                    if words.isEmpty { throw fail(.wrongType, "kwic needs a word to look for, got \"\(s)\"", termExpr!.span) }
                    return words
                }
            }
        case .entity?, nil: break
        case let v?:
            throw fail(.wrongType, "kwic looks for a string, a list of strings or an entity, got \(v.typeName) \(preview(v))", termExpr!.span)
        }
        for row in input.rows {
            if rows.count >= limit { break }
            try tick(span)
            if let i = mentionIndex(row) {
                let m = corpus.mentions[i]
                if case let .entity(e)? = term, Int(m.entity) != e { continue }
                emit(corpus.documents[Int(m.doc)], Int(m.start)..<Int(m.end))
                continue
            }
            guard let d = documentIndex(row) else {
                throw fail(.wrongInput, "kwic works on documents or mentions, got \(row.typeName) \(preview(row))", span)
            }
            let doc = corpus.documents[d]
            if let phrases {
                // Occurrences of every phrase, in text order; a place two phrases share is given once. The
                // scan of a large document is stopped from inside (TextCancellation.swift).
                var found: [Range<Int>] = []
                for p in phrases {
                    found += Kwic.find(p, in: doc, normalizer: corpus.names.normalizer, stop: stopCheck)
                    try checkpoint(span)
                }
                var last = -1
                for r in found.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) where r.lowerBound >= last {
                    try step(span)
                    emit(doc, r)
                    last = r.upperBound
                }
            } else if let patterns {
                var found: [Range<Int>] = []
                for re in patterns { found += try regexRanges(re, doc.text, termExpr!.span) }
                var last = -1
                for r in found.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) where r.lowerBound >= last {
                    emit(doc, r)
                    last = r.upperBound
                }
            } else if case let .entity(e)? = term {
                for m in corpus.mentions(inDocument: d) where Int(m.entity) == e {
                    try step(span)
                    emit(doc, Int(m.start)..<Int(m.end))
                }
            } else {
                throw fail(.wrongInput, "kwic on documents needs a term: kwic \"drone\"", span)
            }
            try checkRows(rows.count, span, "kwic")
        }
        return Table(rows: rows, columns: columns)
    }

    private func documentIndex(_ row: Value) -> Int? {
        switch row {
        case let .document(i): return i
        case let .record(r): return r.base.flatMap(documentIndex)
        default: return nil
        }
    }
}

private extension Value {
    /// The items of a list, or the value alone.
    var listItems: [Value] {
        if case let .list(items) = self { return items }
        return [self]
    }
}
