/// Where a columnar subtree hands its rows to the row executor (or to the output): each row becomes the
/// value the row executor would have made for it (the reference itself, or a record with the reference
/// as its base), only when it is asked for.
extension Interpreter {
    func openColumnar(_ node: ColumnarNode, _ env: Env) -> RowStream {
        let schema = node.schema
        let context = ColumnarContext(interpreter: self, env: env)
        let reads = schema.display.map { DisplayRead($0, schema) }
        var next: (() throws -> Batch?)? = nil
        var batch: Batch? = nil
        var position = 0
        return RowStream(columns: schema.display) { max in
            do {
                if next == nil { next = try node.open(context) }
                while batch == nil || position >= batch!.count {
                    guard let b = try StopCheck.with(self.stopCheck, meter: context.meter, { try next!() }) else { return [] }
                    batch = b
                    position = 0
                }
                let b = batch!
                let end = Swift.min(b.count, position + max)
                defer { position = end }
                return self.rows(b, position..<end, schema, reads)
            } catch let f as ColumnarFailure {
                throw self.fail(f.code, f.message, f.span, hints: f.hints)
            }
        }
    }

    /// Rows `range` of a batch as values: the references themselves, or records of the display columns.
    /// The vectors are turned into values a column at a time, then put together a row at a time.
    private func rows(_ b: Batch, _ range: Range<Int>, _ schema: ColumnarSchema, _ reads: [DisplayRead]) -> [Value] {
        if schema.bare, let base = b.base { return base.values(range) }
        let bases = b.base?.values(range)
        let columns: [[Value]] = reads.map { read in
            switch read {
            case let .vector(c): return b.vectors[c].values(range)
            case let .field(c, name):
                return b.vectors[c].values(range).map { $0.isNull ? .null : fields.field($0, name) ?? .null }
            case let .baseField(name):
                guard let bases else { return [Value](repeating: .null, count: range.count) }
                return bases.map { fields.field($0, name) ?? .null }
            }
        }
        let keys = schema.display
        var out: [Value] = []
        out.reserveCapacity(range.count)
        for k in 0..<range.count {
            let values = [Value](unsafeUninitializedCapacity: columns.count) { buffer, made in
                for c in columns.indices { (buffer.baseAddress! + c).initialize(to: columns[c][k]) }
                made = columns.count
            }
            out.append(.record(Record(keys: keys, values: values, base: bases?[k])))
        }
        return out
    }
}

extension Vector {
    /// The values of rows `range`, as ``value(at:)`` gives them one by one (a date built once for a run
    /// of rows with the same date).
    func values(_ range: Range<Int>) -> [Value] {
        switch self {
        case let .strings(codes, pool):
            return pool.strings.withUnsafeBufferPointer { strings in
                codes[range].map { $0 < 0 ? .null : .string(strings[Int($0)]) }
            }
        case let .refs(kind, r):
            switch kind {
            case .document: return r[range].map { $0 < 0 ? .null : .document(Int($0)) }
            case .entity: return r[range].map { $0 < 0 ? .null : .entity(Int($0)) }
            case .mention: return r[range].map { $0 < 0 ? .null : .mention(Int($0)) }
            case .fact: return r[range].map { $0 < 0 ? .null : .fact(Int($0)) }
            }
        case let .dates(keys):
            var last = PartialDate.noSortKey
            var date = Value.null
            return keys[range].map { key in
                if key != last {
                    last = key
                    date = key == PartialDate.noSortKey ? .null : .date(PartialDate(sortKey: key))
                }
                return date
            }
        default:
            return range.map { value(at: $0) }
        }
    }
}

/// Where a display column of a columnar stage's rows is read from, found once per run rather than by
/// name for every row: a vector of the batch, a field of the references in a vector, or a field of the
/// rows' base.
private enum DisplayRead {
    case vector(Int)
    case field(vector: Int, name: String)
    case baseField(String)

    init(_ name: String, _ schema: ColumnarSchema) {
        if let c = schema.column(name) {
            self = .vector(c)
        } else if let f = schema.fieldColumns[name] {
            self = .field(vector: f.vector, name: f.field)
        } else {
            self = .baseField(name)
        }
    }
}
