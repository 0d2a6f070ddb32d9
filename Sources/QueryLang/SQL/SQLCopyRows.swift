/// The rows of a corpus in PostgreSQL's COPY text format, table by table, for `mq corpus push`.
///
/// Documents and mentions get the server ordinals the push assigns (appended after those already there);
/// entities and facts keep their catalog order, so a reference resolved by mq is the same number there.
@_spi(MQInternals) public struct SQLCopyRows: Sendable {
    let corpus: Corpus

    @_spi(MQInternals) public init(corpus: Corpus) { self.corpus = corpus }

    /// One COPY line (without its newline) from field values; nil is NULL.
    @_spi(MQInternals) public static func line(_ fields: [String?]) -> String {
        fields.map { $0.map(escape) ?? "\\N" }.joined(separator: "\t")
    }

    /// COPY text escaping: backslash, tab, newline and carriage return.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return EscapedText.escape(s) { u in
            switch u {
            case "\\": return "\\\\"
            case "\t": return "\\t"
            case "\n": return "\\n"
            case "\r": return "\\r"
            default: return nil
            }
        }
    }

    /// An array constant as COPY reads it: `{"a","b"}` with quotes and backslashes escaped inside.
    static func array(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// An integer array constant as COPY reads it: `{1,2}`.
    static func integers(_ items: [Int]) -> String { "{" + items.map(String.init).joined(separator: ",") + "}" }

    static func date(_ d: PartialDate?) -> String? { d.map { String(SQLDate.key($0)) } }
    static func bool(_ b: Bool) -> String { b ? "t" : "f" }

    /// The catalog: entities, their names, facts (whose documents must be in `documentOrd`).
    @_spi(MQInternals) public func catalog(documentOrd: (Int) -> Int64?, emit: (String, String) throws -> Void) throws {
        // Each fact in the words `timeline` shows (its `what`), made by mq's own phrasing.
        let phrasing = TimelineRows(entries: [], order: [], corpus: corpus, fields: FieldAccess(corpus: corpus))
        for e in corpus.entities {
            try emit("entities", Self.line([String(e.index), e.id, e.type.rawValue, e.name, e.description, e.country.map { String($0) }]))
            for (k, n) in e.names.enumerated() {
                try emit("entity_names", Self.line([String(e.index), String(k), n.text, n.kind.rawValue]))
            }
        }
        for f in corpus.facts {
            guard let doc = documentOrd(f.doc) else { continue }
            var objEntity: String? = nil, objNumber: String? = nil, objDate: String? = nil, objText: String? = nil, unit: String? = nil
            switch f.object {
            case let .entity(e): objEntity = String(e)
            case let .number(n, u): objNumber = "\(n)"; unit = u
            case let .date(d): objDate = Self.date(d)
            case let .text(t): objText = t
            }
            try emit("facts", Self.line([String(f.index), f.id, String(f.subject), f.predicate, objEntity, objNumber, objDate, objText, unit,
                                         Self.date(f.date), Self.date(f.from), Self.date(f.until), f.saidBy.map { String($0) },
                                         String(doc), f.quote, f.quoteStart.map { String($0) }, f.quoteEnd.map { String($0) }, f.note,
                                         corpus.facts.withUnsafeBufferPointer { phrasing.describe($0.baseAddress! + f.index) }]))
        }
    }

    /// What ``document(_:ord:firstMention:sha256:emit:)`` gives for each of several documents, made on
    /// every core; in the order given.
    @_spi(MQInternals) public func documents(_ items: [(index: Int, ord: Int64, firstMention: Int64, sha256: String)]) -> [[(table: String, line: String)]] {
        parallelChunks(items.count, minChunk: 8) { range in
            range.map { k in
                var lines: [(table: String, line: String)] = []
                let it = items[k]
                // `emit` collects: it never throws.
                _ = try? document(it.index, ord: it.ord, firstMention: it.firstMention, sha256: it.sha256) { lines.append(($0, $1)) }
                return lines
            }
        }.flatMap { $0 }
    }

    /// One document with its zones, sentences and mentions; returns the next mention ordinal.
    @_spi(MQInternals) public func document(_ i: Int, ord: Int64, firstMention: Int64, sha256: String, emit: (String, String) throws -> Void) throws -> Int64 {
        let d = corpus.documents[i]
        let words = corpus.names.normalizer.words(d.text)
        try emit("documents", Self.line([String(ord), d.id, sha256, d.title, d.outlet, d.outletEntity.map { String($0) },
                                         Self.array(d.authors), Self.date(d.published), d.url, d.language, d.text,
                                         String(d.byteCount), Self.bool(d.annotated), d.path, String(corpus.sentenceStarts[i].count),
                                         Self.array(words), Self.integers(SQLKwic.joinedScalars(d.text))]))
        for (k, z) in d.zones.enumerated() {
            try emit("zones", Self.line([String(ord), String(k), z.kind.rawValue, String(z.firstLine), String(z.lastLine)]))
        }
        for s in 0..<corpus.sentenceStarts[i].count {
            let r = corpus.sentenceRange(doc: i, sentence: s)
            try emit("sentences", Self.line([String(ord), String(s), String(r.lowerBound), String(r.upperBound),
                                             corpus.sentenceText(doc: i, sentence: s)]))
        }
        var next = firstMention
        let mentions = corpus.mentions(inDocument: i)
        // Character offsets (Unicode scalars, as PostgreSQL counts) from the byte offsets.
        let scalarStarts: [Int32] = d.withUTF8 { u in
            var out = [Int32](repeating: 0, count: u.count + 1)
            var n: Int32 = 0
            for (k, b) in u.enumerated() {
                out[k] = n
                if b & 0xC0 != 0x80 { n += 1 }
            }
            out[u.count] = n
            return out
        }
        for (k, m) in mentions.enumerated() {
            try emit("mentions", Self.line([String(next), String(ord), String(k), m.entity >= 0 ? String(m.entity) : nil,
                                            String(m.sentence), String(m.start), String(m.end),
                                            String(scalarStarts[Int(m.start)]), String(scalarStarts[Int(m.end)]),
                                            m.zone.rawValue, Self.bool(m.zone.isOwnText), Self.bool(m.ambiguous), corpus.surface(m)]))
            next += 1
        }
        return next
    }
}
