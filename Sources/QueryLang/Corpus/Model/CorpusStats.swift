/// The summary `mq corpus stats` prints: what a corpus holds and what needs curation.
@_spi(MQInternals) public struct CorpusStats: Sendable {
    @_spi(MQInternals) public let corpus: Corpus

    @_spi(MQInternals) public init(corpus: Corpus) { self.corpus = corpus }

    @_spi(MQInternals) public var entitiesPerType: [(EntityType, Int)] {
        EntityType.allCases.map { t in (t, corpus.entities.filter { $0.type == t }.count) }.filter { $0.1 > 0 }
    }

    /// Documents with no metadata sidecar or TSV row.
    @_spi(MQInternals) public var unannotated: [Document] { corpus.documents.filter { !$0.annotated } }

    /// Mentions of shared names that context could not attribute.
    @_spi(MQInternals) public var unresolvedMentions: Int { corpus.mentions.filter { $0.entity < 0 }.count }

    /// Mentions inside a longer proper name the catalog does not know (``Mention/uncertain``).
    @_spi(MQInternals) public var uncertainMentions: [Mention] { corpus.mentions.filter(\.uncertain) }

    /// Facts whose evidence quote does not mention the subject by any catalog name (the curator resolved
    /// a pronoun or a description), and facts with no quote at all.
    @_spi(MQInternals) public var unresolvedFacts: [Fact] {
        corpus.facts.filter { f in
            guard let s = f.quoteStart, let e = f.quoteEnd else { return true }
            return !corpus.mentions(inDocument: f.doc).contains { Int($0.entity) == f.subject && Int($0.start) >= s && Int($0.end) <= e }
        }
    }

    /// Document text as it may be shown on a terminal: white space as a space, other control and format
    /// characters (escape sequences, bidirectional overrides) as U+FFFD.
    static func printable(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.properties.generalCategory {
            case .control: out.append(u == "\n" || u == "\t" || u == "\r" ? " " : "\u{FFFD}")
            case .format, .lineSeparator, .paragraphSeparator: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    @_spi(MQInternals) public func render() -> String {
        var lines: [String] = []
        let c = corpus
        let bytes = c.documents.reduce(0) { $0 + $1.byteCount }
        lines.append("corpus \(c.name): \(c.documents.count) documents (\(bytes) bytes), \(c.entities.count) entities, \(c.facts.count) facts, \(c.mentions.count) mentions")
        lines.append("")
        lines.append("entities per type:")
        for (t, n) in entitiesPerType { lines.append("  \(t.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(n)") }
        let mentioned = Set(c.mentions.map(\.entity)).subtracting([-1]).count
        lines.append("  (\(mentioned) of \(c.entities.count) mentioned at least once)")
        lines.append("")
        lines.append("mentions per document (own text / all):")
        let shown = c.documents.prefix(50)
        for d in shown {
            let ms = c.mentions(inDocument: d.index)
            let own = ms.filter { $0.zone.isOwnText }.count
            let ents = Set(ms.map(\.entity)).subtracting([-1]).count
            lines.append("  \(d.id)  \(own) / \(ms.count) mentions of \(ents) entities\(d.annotated ? "" : "  [unannotated]")")
        }
        if c.documents.count > shown.count { lines.append("  … \(c.documents.count - shown.count) more documents") }
        lines.append("")
        let un = unannotated
        lines.append("unannotated documents: \(un.count)\(un.isEmpty ? "" : " (" + un.prefix(10).map(\.id).joined(separator: ", ") + (un.count > 10 ? ", …" : "") + ")")")
        lines.append("unresolved mentions (shared names, no context): \(unresolvedMentions)")
        let uncertain = uncertainMentions
        lines.append("uncertain mentions: \(uncertain.count) (a name inside a longer proper name the catalog does not know)")
        for m in uncertain.prefix(10) {
            let e = m.entity >= 0 ? c.entities[Int(m.entity)].id : "?"
            let hit = Kwic.context(c.documents[Int(m.doc)], start: Int(m.start), end: Int(m.end), width: 25)
            let (left, right) = (hit.left, hit.right)
            lines.append("  \(c.documents[Int(m.doc)].id)  \(e)?  …\(CorpusStats.printable(left))[\(CorpusStats.printable(c.surface(m)))]\(CorpusStats.printable(right))…")
        }
        if uncertain.count > 10 { lines.append("  … \(uncertain.count - 10) more") }
        let uf = unresolvedFacts
        lines.append("facts whose quote does not name their subject: \(uf.count) of \(c.facts.count)")
        var perPredicate: [String: Int] = [:]
        for f in c.facts { perPredicate[f.predicate, default: 0] += 1 }
        if !perPredicate.isEmpty {
            lines.append("facts per predicate: " + perPredicate.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
