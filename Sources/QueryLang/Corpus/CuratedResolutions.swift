import Yams

/// Curated attributions of shared names: a sidecar may say which entity a shared name means in its
/// document, where context cannot tell (`resolve: [{text: "US-led coalition", entity: multi-national-force-iraq}]`).
/// Every mention of that name in the document that the matcher left ambiguous is attributed so.
struct CuratedResolutions {
    let directory: String

    /// Applies the `resolve` lists of all sidecars to `mentions` (ordered by document); problems for
    /// unknown entities, names that are not shared, or names with no mention in the document.
    func apply(to mentions: inout [Mention], documents: [Document], entityIndex: [String: Int],
               names: NameIndex, problems: inout [LoadProblem]) {
        var start = 0
        for d in documents {
            var end = start
            while end < mentions.count && Int(mentions[end].doc) == d.index { end += 1 }
            defer { start = end }
            let rel = "documents/\(d.id).yaml"
            let path = directory + "/" + rel
            guard d.annotated, FileAccess.exists(path), let bytes = try? FileAccess.read(path, limit: 1 << 20),
                  let text = String(validating: bytes, as: UTF8.self), text.contains("resolve") else { continue }
            var y = YAMLReader(file: rel)
            defer { problems += y.problems }
            guard let root = y.parse(text), case let .mapping(m) = root, let list = m["resolve"], !y.isNull(list) else { continue }
            guard case let .sequence(items) = list else { y.error(list, "resolve must be a list of {text, entity}"); continue }
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
                for k in start..<end where mentions[k].ambiguous {
                    let m = mentions[k]
                    guard names.normalizer.key(d.slice(Int(m.start), Int(m.end))) == key else { continue }
                    mentions[k] = Mention(doc: m.doc, entity: Int32(e), sentence: m.sentence, start: m.start, end: m.end,
                                          zone: m.zone, ambiguous: true)
                    applied += 1
                }
                if applied == 0 {
                    y.error(r["text"], "no shared-name mention of '\(name)' in \(d.path) to resolve",
                            hint: "resolve is for names listed under 'ambiguous' in the catalog")
                }
            }
        }
    }
}
