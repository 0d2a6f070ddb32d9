import Foundation

/// The asynchronous API: runs that yield their rows as they are made, with parameters, stopped by
/// cancelling the reading task or a ``CancellationToken``.
extension Session {
    /// Compiles and runs `text` with the parameters `parameters` (read as `$name`, checked like
    /// variables, and only for this run), yielding each query's rows in batches of at most `batchSize`.
    ///
    /// Nothing runs until iteration starts; the run then has a thread of its own (it does not block the
    /// caller's executor) and the session's lock for its duration. A statement that is a query over rows
    /// streams them without collecting, so `Limits.maxRows` and `maxOutputRows` do not bound its result
    /// (steps, time, and cancellation still do); a `print` or a single value comes as one batch.
    /// Compile errors and runtime errors are thrown by the iteration as ``Diagnostics``.
    /// While the loop reads, the run holds the session: run other queries meanwhile in another session
    /// (a blocking `run` of the same session inside the loop would wait for the stream to end).
    ///
    /// ```swift
    /// let since = Value.date(PartialDate(year: 2024))
    /// for try await batch in session.stream("facts | where date >= $since | select subject, predicate",
    ///                                       parameters: ["since": since]) {
    ///     for row in batch.rows { print(row.entity("subject")?.name ?? "", row.string("predicate") ?? "") }
    /// }
    /// ```
    public func stream(_ text: String, file: String = "<query>", parameters: [String: Value] = [:],
                       cancel: CancellationToken? = nil, batchSize: Int = 1024) -> QueryResults {
        let corpus = engine.corpus
        let size = Swift.max(1, batchSize)
        return QueryResults(start: { channel, token in
            let thread = Thread { [self] in
                do {
                    try self.locked { () throws(Diagnostics) in
                        try self.withParameters(parameters) { () throws(Diagnostics) in
                            let compiled = try self.engine.compile(text, file: file, in: self)
                            try self.execute(compiled, cancel: token) {
                                try self.interpreter.stream(compiled.program, file: compiled.file, batchSize: size) { index, part in
                                    try channel.send(Self.batch(part, statement: index, file: compiled.file, corpus: corpus))
                                }
                            }
                        }
                    }
                    channel.finish()
                } catch let d as Diagnostics {
                    channel.finish(throwing: d)
                } catch {
                    channel.finish(throwing: error)
                }
            }
            // The evaluator recurses on deep expressions; give it the stack of a main thread.
            thread.stackSize = 8 << 20
            thread.start()
        }, cancel: cancel, capacity: 2, outputLimit: limits.maxOutputRows)
    }

    /// Compiles and runs `text` with `parameters` (read as `$name`, for this run only) on a thread of its
    /// own, and returns every output, as the blocking ``run(_:file:cancel:)`` does. Cancelling the
    /// calling task or `cancel` stops it within milliseconds.
    ///
    /// ```swift
    /// let outputs = try await session.run("entities | where name == $name | select id",
    ///                                     parameters: ["name": .string("Kataib Hezbollah")])
    /// ```
    public func run(_ text: String, file: String = "<query>", parameters: [String: Value],
                    cancel: CancellationToken? = nil) async throws -> [StatementOutput] {
        try await stream(text, file: file, parameters: parameters, cancel: cancel).collect()
    }

    static func batch(_ part: Interpreter.StreamedPart, statement: Int, file: SourceFile, corpus: Corpus) -> ResultBatch {
        switch part {
        case let .rows(columns, rows, span):
            return ResultBatch(statement: statement, span: span, columns: columns,
                               rows: rows.map { Row(columns: columns, value: $0, corpus: corpus) }, printed: nil,
                               isValue: false, file: file)
        case let .output(.table(t, span)):
            return ResultBatch(statement: statement, span: span, columns: t.columns,
                               rows: t.rows.map { Row(columns: t.columns, value: $0, corpus: corpus) }, printed: nil,
                               isValue: false, file: file)
        case let .output(.value(v, span)):
            return ResultBatch(statement: statement, span: span, columns: ["value"],
                               rows: [Row(columns: ["value"], value: v, corpus: corpus)], printed: nil, isValue: true, file: file)
        case let .output(.printed(text, span)):
            return ResultBatch(statement: statement, span: span, columns: [], rows: [], printed: text, isValue: false, file: file)
        }
    }
}
