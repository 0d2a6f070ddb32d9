import Foundation

/// A list per row, as one vector of every row's items end to end and the offset where each row's items
/// start (`offsets[i]..<offsets[i + 1]`): the form `expand` reads a list field in, without a value per
/// item. The lists of the corpus's references are read in it (``CorpusColumns/gatherList(_:of:_:)``).
struct ListVector {
    /// `count + 1` offsets into `values`.
    let offsets: [Int32]
    let values: Vector

    var count: Int { offsets.count - 1 }
}

/// An expression whose value is a list per row, compiled once (``ExprCompiler/compileList(_:)``).
struct CompiledList {
    let itemType: VectorType
    let eval: (Batch) throws -> ListVector
}

extension ExprCompiler {
    /// A list field of the rows' references (`names` on entities) or of a reference (`doc.entities`), whose
    /// items the executor holds as a vector; nil for anything else (the stage then runs on rows).
    func compileList(_ e: Expr) -> CompiledList? {
        let columns = self.columns
        switch e {
        case let .name(n, _):
            guard !locals.contains(n), schema.column(n) == nil, schema.fieldColumns[n] == nil, let kind = schema.base,
                  let t = CorpusColumns.listType(of: n, in: kind) else { return nil }
            return CompiledList(itemType: t) { b in
                guard case let .refs(_, ids)? = b.base else { preconditionFailure("a base of references") }
                return columns.gatherList(n, of: kind, ids)
            }
        case let .field(base, f, _):
            guard let x = compile(base), case let .ref(kind) = x.type, let t = CorpusColumns.listType(of: f.name, in: kind) else { return nil }
            return CompiledList(itemType: t) { b in
                guard case let .refs(_, ids) = try x.eval(b) else { preconditionFailure("references") }
                return columns.gatherList(f.name, of: kind, ids)
            }
        default:
            return nil
        }
    }
}

extension CorpusColumns {
    /// The type of the items of a list field the executor reads as a list vector; nil for the others.
    static func listType(of field: String, in kind: ReferenceKind) -> VectorType? {
        switch (kind, field) {
        case (.document, "authors"), (.entity, "aliases"), (.entity, "acronyms"), (.entity, "names"): return .string
        case (.document, "mentions"), (.entity, "mentions"): return .ref(.mention)
        case (.document, "entities"): return .ref(.entity)
        case (.entity, "docs"): return .ref(.document)
        case (.document, "facts"), (.entity, "facts"): return .ref(.fact)
        default: return nil
        }
    }

    /// List field `field` of the references `ids` (-1: null, whose list is empty, as `expand` takes it).
    func gatherList(_ field: String, of kind: ReferenceKind, _ ids: [Int32]) -> ListVector {
        var offsets = [Int32](repeating: 0, count: ids.count + 1)
        switch CorpusColumns.listType(of: field, in: kind) {
        case .string?:
            // Strings coded once per session, every reference's list end to end.
            let all = stringLists(field, kind)
            var codes: [Int32] = []
            for (k, i) in ids.enumerated() {
                if i >= 0 { codes += all.codes[Int(all.offsets[Int(i)])..<Int(all.offsets[Int(i) + 1])] }
                offsets[k + 1] = Int32(codes.count)
            }
            return ListVector(offsets: offsets, values: .strings(codes, all.pool))
        case let .ref(target)?:
            var refs: [Int32] = []
            for (k, i) in ids.enumerated() {
                if i >= 0 {
                    switch (kind, field) {
                    case (.document, "mentions"):
                        refs += (corpus.documentMentionStart[Int(i)]..<corpus.documentMentionStart[Int(i) + 1]).map { Int32($0) }
                    case (.document, "entities"): refs += corpus.documentEntities[Int(i)]
                    case (.entity, "mentions"): refs += corpus.entityMentions[Int(i)]
                    default:
                        if case let .list(items)? = listValue(field, kind, Int(i)) {
                            refs += items.map { CorpusColumns.index($0).map { Int32($0) } ?? -1 }
                        }
                    }
                }
                offsets[k + 1] = Int32(refs.count)
            }
            return ListVector(offsets: offsets, values: .refs(target, refs))
        default:
            preconditionFailure("no list vector for \(kind.rawValue).\(field)")
        }
    }
}
