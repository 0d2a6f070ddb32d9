/// Short, readable renderings of values for messages ("got string \"Kataib Hez…\"").
@_spi(MQInternals) public enum Preview {
    @_spi(MQInternals) public static func of(_ v: Value, corpus: Corpus?, limit: Int = 40) -> String {
        let limit = max(2, limit)
        // Never build the whole text of a large value just to cut it (it may print as terabytes).
        switch v {
        case let .string(s) where s.utf8.count > 4 * limit: return "\"" + String(s.prefix(limit - 2)) + "…"
        case let .list(l) where TextSize.exceeds(v, 4 * limit): return "[" + (l.first.map { of($0, corpus: corpus, limit: limit / 2) } ?? "") + ", … \(l.count) items]"
        case let .record(r) where TextSize.exceeds(v, 4 * limit): return "{… \(r.count) fields}"
        default: break
        }
        let s = text(v, corpus: corpus, quoteStrings: true)
        return s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
    }

    /// A value as a person reads it: strings quoted when asked, references by name.
    @_spi(MQInternals) public static func text(_ v: Value, corpus: Corpus?, quoteStrings: Bool) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .float(f): return formatFloat(f)
        case let .string(s): return quoteStrings ? "\"\(s)\"" : s
        case let .date(d): return "@\(d)"
        case let .list(l): return "[" + l.map { text($0, corpus: corpus, quoteStrings: true) }.joined(separator: ", ") + "]"
        case let .record(r):
            return "{" + zip(r.keys, r.values).map { "\($0): \(text($1, corpus: corpus, quoteStrings: true))" }.joined(separator: ", ") + "}"
        case let .document(i): return corpus.map { $0.documents[i].id } ?? "document #\(i)"
        case let .entity(i): return corpus.map { $0.entities[i].name } ?? "entity #\(i)"
        case let .mention(i): return corpus.map { $0.surface($0.mentions[i]) } ?? "mention #\(i)"
        case let .fact(i): return corpus.map { $0.facts[i].id } ?? "fact #\(i)"
        case let .table(t): return "table of \(t.rows.count) row\(t.rows.count == 1 ? "" : "s")"
        }
    }

    /// Floats print without a trailing ".0" noise but always with a decimal point.
    @_spi(MQInternals) public static func formatFloat(_ f: Double) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f > 0 ? "inf" : "-inf" }
        if f.rounded() == f && abs(f) < 1e15 { return String(format: "%.1f", f) }
        var s = String(format: "%.6g", f)
        if !s.contains(".") && !s.contains("e") { s += ".0" }
        return s
    }
}
