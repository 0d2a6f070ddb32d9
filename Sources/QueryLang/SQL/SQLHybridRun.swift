/// Running a pipeline the server narrows and mq finishes (``SQLHybrid``): the narrowing statement as a
/// cursor in a transaction of its own, read ``SQLHybrid/batch`` rows at a time as the stages after it pull;
/// each batch through the stage in memory, its rows through the stages after it. The cursor is closed
/// when the pipeline has its rows, also when a `take` stopped it early or it failed.
extension SQLRunner {
    func runHybrid(_ split: SQLHybrid.Split, _ compiler: SQLCompiler, _ e: Expr, _ span: Span, _ file: SourceFile) throws(Diagnostics) -> Table {
        let interpreter = compiler.interpreter
        func serverError(_ error: Error) -> Diagnostics {
            if "\(error)".contains("statement timeout") {
                return Diagnostics([Diagnostic(.limitReached, "the query ran longer than the time limit", at: span, in: file)])
            }
            return Diagnostics([Diagnostic(.serverError, "PostgreSQL: \(error)", at: e.span, in: file)])
        }
        func diagnostics(_ error: Error) -> Diagnostics {
            switch error {
            case let d as Diagnostics: return d
            case let d as Diagnostic: return Diagnostics([d])
            case is SQLConnectionError: return serverError(error)
            default: return Diagnostics([Diagnostic(.serverError, "PostgreSQL: \(error)", at: e.span, in: file)])
            }
        }
        let cursor = "mq_hybrid"
        do {
            _ = try connection.query("BEGIN")
            _ = try connection.query("DECLARE \(cursor) NO SCROLL CURSOR FOR \(split.query.sql)", parameters: split.query.parameters)
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw serverError(error)
        }
        var open = true
        func close() {
            guard open else { return }
            open = false
            _ = try? connection.query("CLOSE \(cursor)")
            _ = try? connection.query("COMMIT")
        }
        defer { close() }

        let inputNode = split.stage.inputs.first!
        let columns = split.query.columns
        let corpus = engine.corpus
        var stageRan = false
        /// The stage's rows over the next batch of candidates; nil once the cursor is exhausted.
        func nextStageRows() throws -> [Value]? {
            var batch: [Value] = []
            if open {
                let rows = try connection.query("FETCH FORWARD \(SQLHybrid.batch) FROM \(cursor)")
                if rows.count < SQLHybrid.batch { close() }
                batch = try split.query.table(rows).rows
                if split.checksText {
                    let k = split.query.types.count
                    for (row, value) in zip(rows, batch) {
                        try checkText(value, row.count > k ? row[k] : nil, corpus, e, file)
                    }
                }
            }
            // The stage runs at least once, on no rows if none came: its own checks of its term hold.
            if batch.isEmpty && stageRan { return nil }
            stageRan = true
            var position = 0
            let source = HostRows(what: "batch", columns: columns) { max in
                let end = Swift.min(batch.count, position + max)
                defer { position = end }
                return Array(batch[position..<end])
            }
            let node = split.stage.replacingInput(PlanNode(.rows(source), schema: inputNode.schema, span: inputNode.span))
            return try interpreter.open(node, .top).collect { _ in }
        }
        var buffer: [Value] = []
        var offset = 0
        var stageColumns: [String] = StageOutput.kwic.names
        if case .kwic = split.stage.op {} else { stageColumns = columns }
        let stageRows = HostRows(what: "of \(split.stage.name), finished by mq over the server's rows", columns: stageColumns) { max in
            while offset >= buffer.count {
                guard let next = try nextStageRows() else { return [] }
                buffer = next
                offset = 0
            }
            let end = Swift.min(buffer.count, offset + max)
            defer { offset = end }
            return Array(buffer[offset..<end])
        }
        var plan = PlanNode(.rows(stageRows), schema: split.stage.schema, span: split.stage.span, nameSpan: split.stage.nameSpan)
        for node in split.after { plan = node.replacingInput(plan) }
        do {
            let stream = try interpreter.open(plan, .top)
            let what = split.after.last.map { "the result of '\($0.name)'" } ?? "the result of '\(split.stage.name)'"
            let rows = try stream.collect { try interpreter.checkRows($0, plan.span, what) }
            return try interpreter.finish(Table(rows: rows, columns: stream.columns), plan)
        } catch {
            throw diagnostics(error)
        }
    }

    /// The server's text of a candidate document must be the local copy's, which mq's matcher reads: the
    /// SHA-256 digests of the two compared (the server sends its text's, `serverDigest`).
    private func checkText(_ value: Value, _ serverDigest: String?, _ corpus: Corpus, _ e: Expr, _ file: SourceFile) throws {
        func document(_ v: Value) -> Int? {
            switch v {
            case let .document(i): return i
            case let .record(r): return r.base.flatMap(document)
            default: return nil
            }
        }
        guard let d = document(value) else {
            throw Diagnostic(.serverError, "the server holds a document that the local directory does not (\(Preview.of(value, corpus: corpus))): mq's matcher reads the local copy",
                             at: e.span, in: file, hints: ["run mq with the directory that was pushed"])
        }
        guard corpus.documents[d].withUTF8({ ContentHash.hex($0) }) == serverDigest else {
            throw Diagnostic(.serverError, "the text of document \(corpus.documents[d].id) on the server differs from the local directory's: mq's matcher reads the local copy",
                             at: e.span, in: file, hints: ["push the directory again (mq corpus push DIR --to URL)"])
        }
    }
}
