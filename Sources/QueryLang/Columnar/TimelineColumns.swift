/// The columnar form of ``PlanNode/Op/timeline(_:)``: the timeline's rows found and ordered from the postings
/// as the row executor finds and orders them (``Interpreter/timeline(_:_:)``, ``TimelineRows``), then handed
/// on in batches of vectors: dates as their sort keys, the entity and the document as references, the kind
/// as codes into a pool of its two words. Only the columns the stages above read are made (the stages
/// above name them, ``ColumnarCompiler``): the texts of `what`, `source` and `quote` are coded into pools
/// of their own only when read. The input of the stage (its entities) is a plan of its own, run whole
/// first, by whichever executor it was given to (``ColumnarPass``).
enum TimelineColumns {
    /// What `explain` says of the node: the columns it makes.
    static func note(_ reads: Set<String>?) -> String {
        let names = StageOutput.timeline.names.filter { reads?.contains($0) ?? true }
        return "vectors of " + (names.count == StageOutput.timeline.names.count ? "every column" : names.isEmpty ? "no column" : names.joined(separator: ", "))
    }

    /// The node over `input`; `reads` holds the names the stages above read (nil: every column).
    static func node(_ input: PlanNode, reads: Set<String>?, _ span: Span) -> ColumnarNode {
        let all = StageOutput.timeline.columns
        let kept = all.indices.filter { reads?.contains(all[$0].name) ?? true }
        let types: [VectorType] = kept.map { i in
            switch all[i].type {
            case .date: return .date
            case .entity: return .ref(.entity)
            case .document: return .ref(.document)
            default: return .string
            }
        }
        let names = kept.map { all[$0].name }
        let schema = ColumnarSchema(names: names, types: types, base: nil, bare: false, display: names)
        return ColumnarNode(schema: schema) { ctx in
            let interpreter = ctx.interpreter
            let rows = try interpreter.timeline(try interpreter.open(input, ctx.env), span)
            // Strings of one run share a pool, so that equal texts have one code in every batch.
            let kinds = StringPool(unique: ["fact", "document"])
            let pools = kept.map { _ in StringPool() }
            var position = 0
            return {
                guard position < rows.count else { return nil }
                let end = min(rows.count, position + ColumnarCompiler.batchSize)
                defer { position = end }
                try ctx.spend(end - position, span)
                let range = position..<end
                let vectors = zip(kept, pools).map { column, pool in
                    Self.vector(column, range, rows, kinds: kinds, pool: pool)
                }
                return Batch(count: range.count, vectors: vectors, base: nil)
            }
        }
    }

    /// Column `column` (its place among the timeline's columns) of the rows in `range`.
    private static func vector(_ column: Int, _ range: Range<Int>, _ rows: TimelineRows, kinds: StringPool,
                               pool: StringPool) -> Vector {
        switch column {
        case 0: return .dates(Array(rows.dates[range]))
        case 1: return .refs(.entity, rows.rows[range].map(\.entity))
        case 2: return .strings(rows.rows[range].map { $0.isFact ? 0 : 1 }, kinds)
        case TimelineRows.docColumn:
            // A fact's document is its evidence; a document's is itself (``TimelineRows/Entry/doc``).
            return .refs(.document, rows.rows[range].map(\.doc))
        default:
            return .strings(range.map { r in
                if case let .string(s) = rows.value(r, column) { return pool.code(s) }
                return -1
            }, pool)
        }
    }
}
