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
        "{" + items.map { item in
            guard item.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 }) else { return "\"" + item + "\"" }
            return "\"" + item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }

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
        let claims = SQLClaims(corpus)
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
                                         corpus.facts.withUnsafeBufferPointer { phrasing.describe($0.baseAddress! + f.index) }]
                                        + claims.fields(f)))
        }
    }

    /// The rows of several documents (``document(_:ord:firstMention:sha256:into:)``), made on every core in
    /// runs of consecutive documents; the runs in the order given, so that their rows, written one run after
    /// another, are in that order.
    @_spi(MQInternals) public func documents(_ items: [(index: Int, ord: Int64, firstMention: Int64, sha256: String)]) -> [SQLCopyBatch] {
        parallelChunks(items.count, minChunk: 8) { range in
            var batch = SQLCopyBatch()
            for k in range {
                let it = items[k]
                document(it.index, ord: it.ord, firstMention: it.firstMention, sha256: it.sha256, into: &batch)
            }
            return batch
        }
    }

    /// One document's rows: the document, its zones, sentences and mentions (numbered from `firstMention`).
    @_spi(MQInternals) public func document(_ i: Int, ord: Int64, firstMention: Int64, sha256: String, into b: inout SQLCopyBatch) {
        let d = corpus.documents[i]
        let text = d.text
        let (words, skeletons) = SQLNarrowing.stored(text, normalizer: corpus.names.normalizer)
        b.documents.int(ord)
        b.documents.text(d.id)
        b.documents.text(sha256)
        b.documents.text(d.title)
        b.documents.text(d.outlet)
        b.documents.int(d.outletEntity)
        b.documents.textArray(d.authors)
        b.documents.int(d.published.map(SQLDate.key))
        b.documents.text(d.url)
        b.documents.text(d.language)
        d.withUTF8 { b.documents.text($0) }
        b.documents.int(d.byteCount)
        b.documents.bool(d.annotated)
        b.documents.text(d.path)
        b.documents.int(corpus.sentenceStarts[i].count)
        b.documents.textArray(words)
        b.documents.intArray(SQLKwic.joinedScalars(text))
        b.documents.textArray(skeletons)
        b.documents.endRow()
        for (k, z) in d.zones.enumerated() {
            b.zones.int(ord)
            b.zones.int(k)
            b.zones.text(z.kind.rawValue)
            b.zones.int(z.firstLine)
            b.zones.int(z.lastLine)
            b.zones.endRow()
        }
        for s in 0..<corpus.sentenceStarts[i].count {
            let r = corpus.sentenceRange(doc: i, sentence: s)
            b.sentences.int(ord)
            b.sentences.int(s)
            b.sentences.int(r.lowerBound)
            b.sentences.int(r.upperBound)
            Self.slice(d, corpus.trimmedSentenceRange(doc: i, sentence: s), into: &b.sentences)
            b.sentences.endRow()
        }
        let mentions = corpus.mentions(inDocument: i)
        // Character offsets (Unicode scalars, as PostgreSQL counts) from the byte offsets.
        let scalarStarts: [Int32] = d.withUTF8 { u in
            var out = [Int32](repeating: 0, count: u.count + 1)
            var n: Int32 = 0
            for (k, byte) in u.enumerated() {
                out[k] = n
                if byte & 0xC0 != 0x80 { n += 1 }
            }
            out[u.count] = n
            return out
        }
        var next = firstMention
        for (k, m) in mentions.enumerated() {
            b.mentions.int(next)
            b.mentions.int(ord)
            b.mentions.int(k)
            b.mentions.int(m.entity >= 0 ? Int64(m.entity) : nil)
            b.mentions.int(m.sentence)
            b.mentions.int(m.start)
            b.mentions.int(m.end)
            b.mentions.int(scalarStarts[Int(m.start)])
            b.mentions.int(scalarStarts[Int(m.end)])
            b.mentions.text(m.zone.rawValue)
            b.mentions.bool(m.zone.isOwnText)
            b.mentions.bool(m.ambiguous)
            Self.slice(d, Int(m.start)..<Int(m.end), into: &b.mentions)
            b.mentions.endRow()
            next += 1
        }
    }

    /// A text field of the bytes of a document's text in `range` (as ``Document/slice(_:_:)`` reads them).
    private static func slice(_ d: Document, _ range: Range<Int>, into out: inout SQLCopyBuffer) {
        let whole = d.withUTF8 { u -> Bool in
            let s = max(0, min(range.lowerBound, u.count)), e = max(s, min(range.upperBound, u.count))
            // A range that cuts a character is read as Document.slice reads it (its bytes repaired).
            let cuts = (s < u.count && u[s] & 0xC0 == 0x80) || (e < u.count && u[e] & 0xC0 == 0x80)
            if cuts { return false }
            out.text(UnsafeBufferPointer(rebasing: u[s..<e]))
            return true
        }
        if !whole { out.text(d.slice(range.lowerBound, range.upperBound)) }
    }
}
