import Yams

/// Curated attributions of shared names: a sidecar may say which entity a shared name means in its
/// document, where context cannot tell (`resolve: [{text: "US-led coalition", entity: multi-national-force-iraq}]`).
/// Every mention of that name in the document that the matcher left ambiguous is attributed so.
struct CuratedResolutions {
    /// One sidecar's `resolve` list, as the document loader found it.
    struct Request {
        var doc: Int
        var file: String
        var list: Node
    }

    let requests: [Request]

    /// Applies every request to `mentions` (ordered by document); problems for unknown entities, names
    /// that are not shared, or names with no mention in the document. Returns whether a mention changed.
    func apply(to mentions: inout [Mention], documents: [Document], entityIndex: [String: Int],
               names: NameIndex, problems: inout [LoadProblem]) -> Bool {
        var changed = false
        for request in requests.sorted(by: { $0.doc < $1.doc }) {
            let d = documents[request.doc]
            // The document's mentions: a binary search for the first, then to the end of its run.
            var lo = 0, hi = mentions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(mentions[mid].doc) < d.index { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < mentions.count && Int(mentions[end].doc) == d.index { end += 1 }
            var y = YAMLReader(file: request.file)
            defer { problems += y.problems }
            guard case let .sequence(items) = request.list else {
                y.error(request.list, "resolve must be a list of {text, entity}"); continue
            }
            for item in items {
                guard let r = y.mapping(item, allowed: ["text", "entity", "note"], what: "a resolution") else { continue }
                guard let name = y.string(r["text"], "text"), let id = y.string(r["entity"], "entity") else {
                    y.error(item, "a resolution needs text and entity"); continue
                }
                guard let e = entityIndex[id] else {
                    y.error(r["entity"], "unknown entity id '\(id)' in resolve", hint: Suggestions.hint(for: id, in: entityIndex.keys))
                    continue
                }
                let key = names.normalizer.key(name)
                var applied = 0
                for k in lo..<end where mentions[k].ambiguous {
                    let m = mentions[k]
                    guard names.normalizer.key(d.slice(Int(m.start), Int(m.end))) == key else { continue }
                    mentions[k] = Mention(doc: m.doc, entity: Int32(e), sentence: m.sentence, start: m.start, end: m.end,
                                          zone: m.zone, ambiguous: true, uncertain: m.uncertain)
                    applied += 1
                    changed = true
                }
                if applied == 0 {
                    y.error(r["text"], "no shared-name mention of '\(name)' in \(d.path) to resolve",
                            hint: "resolve is for names listed under 'ambiguous' in the catalog")
                }
            }
        }
        return changed
    }
}
