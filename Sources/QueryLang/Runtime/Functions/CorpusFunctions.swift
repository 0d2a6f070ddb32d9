/// Functions that look things up in the corpus.
enum CorpusFunctions {
    static let all: [QueryFunction] = [
        QueryFunction(name: "ent", minArgs: 1, maxArgs: 1, signature: "ent(name: string) -> entity",
                      help: "the entity with this id or any of its names (any spelling the matcher folds)", returns: .entity) { a, c in
            guard let name = try c.string(a[0], "ent's argument") else { return .null }
            return try resolve(name, c)
        },
        QueryFunction(name: "doc", minArgs: 1, maxArgs: 1, signature: "doc(id: string) -> document",
                      help: "the document with this id (or a unique id prefix such as \"003\")", returns: .document) { a, c in
            guard let id = try c.string(a[0], "doc's argument") else { return .null }
            if let d = c.corpus.document(id: id) { return .document(d.index) }
            let matches = c.corpus.documents.filter { $0.id.hasPrefix(id) }
            if matches.count == 1 { return .document(matches[0].index) }
            if matches.isEmpty {
                throw Diagnostic(.notFound, "no document '\(id)'", at: c.span, in: c.file,
                                 hints: [Suggestions.hint(for: id, in: c.corpus.documents.map(\.id))].compactMap { $0 })
            }
            throw Diagnostic(.ambiguousName, "'\(id)' is the start of \(matches.count) document ids", at: c.span, in: c.file,
                             hints: ["candidates: " + matches.prefix(5).map(\.id).joined(separator: ", ")])
        },
        QueryFunction(name: "fact", minArgs: 1, maxArgs: 1, signature: "fact(id: string) -> fact",
                      help: "the fact with this id", returns: .fact) { a, c in
            guard let id = try c.string(a[0], "fact's argument") else { return .null }
            if let f = c.corpus.fact(id: id) { return .fact(f.index) }
            throw Diagnostic(.notFound, "no fact '\(id)'", at: c.span, in: c.file,
                             hints: [Suggestions.hint(for: id, in: c.corpus.facts.map(\.id))].compactMap { $0 })
        },
        QueryFunction(name: "context", minArgs: 1, maxArgs: 2, signature: "context(m: mention, width: int?) -> string",
                      help: "the text around a mention, width characters on each side (default 40)", returns: .string) { a, c in
            guard case let .mention(i) = a[0] else {
                if a[0].isNull { return .null }
                throw c.error("context needs a mention, got \(a[0].typeName)")
            }
            let w = a.count == 2 ? Int(clamping: try c.int(a[1], "width") ?? 40) : 40
            let m = c.corpus.mentions[i]
            let k = Kwic.context(c.corpus.documents[Int(m.doc)], start: Int(m.start), end: Int(m.end), width: max(0, min(w, 2000)))
            return .string(k.left + "[" + k.match + "]" + k.right)
        },
    ]

    /// The entity named `name`: by id, then by any name form; suggestions when none or several match.
    static func resolve(_ name: String, _ c: FunctionContext) throws -> Value {
        let found = c.corpus.entities(named: name)
        if found.count == 1 { return .entity(found[0].index) }
        if found.isEmpty {
            throw Diagnostic(.notFound, "no entity is named '\(name)'", at: c.span, in: c.file,
                             hints: EntitySuggestions.hints(for: name, in: c.corpus))
        }
        throw Diagnostic(.ambiguousName, "'\(name)' names \(found.count) entities", at: c.span, in: c.file,
                         hints: ["write one of: " + found.map { "ent(\"\($0.id)\")" }.joined(separator: ", ")])
    }
}
