/// A part of a streamed run's results: a batch of rows of one statement's table, or the whole output of
/// a statement that is not a query over rows (a `print`, a single value).
public struct ResultBatch: Sendable {
    /// Which statement of the program produced it (0 for the first; `let` and `def` produce none).
    public let statement: Int
    /// Where that statement is in the query text.
    public let span: Span
    /// Column names in display order (empty for printed text).
    public let columns: [String]
    /// The rows of this batch, in result order (a single value is one row with the column `value`).
    public let rows: [Row]
    /// The text of a `print` that printed text; nil for rows.
    public let printed: String?
    /// Whether the batch is a statement's single value (not a table of one row).
    let isValue: Bool
    /// The program's text, for diagnostics about the batch.
    let file: SourceFile?

    /// The batch's rows as JSON lines, exactly as `--format jsonl` writes them.
    public var jsonLines: String { rows.map { $0.json + "\n" }.joined() }
}

/// The results of a streamed run (``Session/stream(_:file:parameters:cancel:batchSize:)``), as an
/// `AsyncSequence` of ``ResultBatch``es.
///
/// The run starts when iteration starts, on a thread of its own, and stays at most two batches ahead of
/// the reader, so a result of any size streams in flat memory. Leaving the loop, cancelling the reading
/// task, or cancelling the ``CancellationToken`` stops the query within milliseconds. Each iteration
/// runs the query anew. Errors are ``Diagnostics`` (E403 "interrupted" for a token), or `CancellationError` when the
/// reading task was cancelled.
///
/// ```swift
/// let results = session.stream("mentions | where entity.type == $type | select doc, text",
///                              parameters: ["type": .string("armed_group")])
/// for try await batch in results {
///     for row in batch.rows { send(row.json) }
/// }
/// ```
public struct QueryResults: AsyncSequence, Sendable {
    /// Each element is a batch of rows or another statement output.
    public typealias Element = ResultBatch

    let start: @Sendable (BatchChannel<ResultBatch>, CancellationToken) -> Void
    let cancel: CancellationToken?
    let capacity: Int
    /// The session's `maxOutputRows` when the run was made, for ``collect()``.
    let outputLimit: Int

    /// Starts the run and returns the iterator that reads it.
    public func makeAsyncIterator() -> Iterator {
        // A token of the run's own, so that leaving the loop stops this run without cancelling the host's.
        let token = CancellationToken(following: cancel)
        let channel = BatchChannel<ResultBatch>(capacity: capacity)
        start(channel, token)
        return Iterator(reading: Reading(channel: channel, token: token))
    }

    /// Reads the batches of one run.
    public struct Iterator: AsyncIteratorProtocol {
        let reading: Reading

        /// The next batch, or nil at the end of the run.
        public mutating func next() async throws -> ResultBatch? {
            let r = reading
            return try await withTaskCancellationHandler {
                if Task.isCancelled { r.stop() }
                return try await r.channel.next()
            } onCancel: {
                r.stop()
            }
        }
    }

    /// One run being read: stopping it cancels the query and wakes both sides; dropping it stops it.
    final class Reading: Sendable {
        let channel: BatchChannel<ResultBatch>
        let token: CancellationToken
        init(channel: BatchChannel<ResultBatch>, token: CancellationToken) {
            self.channel = channel
            self.token = token
        }
        func stop() {
            token.cancel()
            channel.abandon()
        }
        deinit { stop() }
    }

    /// Reads the whole run and gathers each statement's batches into one output, as the blocking
    /// ``Session/run(_:file:cancel:)`` returns them (tables still bound by `Limits.maxOutputRows`).
    public func collect() async throws -> [StatementOutput] {
        var outputs: [StatementOutput] = []
        var current: (statement: Int, span: Span, columns: [String], rows: [Value])?
        func flush() {
            if let c = current { outputs.append(.table(Table(rows: c.rows, columns: c.columns), c.span)) }
            current = nil
        }
        for try await batch in self {
            if let text = batch.printed {
                flush()
                outputs.append(.printed(text, batch.span))
            } else if batch.columns == ["value"], batch.rows.count == 1, batch.isValue {
                flush()
                outputs.append(.value(batch.rows[0].value, batch.span))
            } else {
                if current?.statement != batch.statement { flush(); current = (batch.statement, batch.span, batch.columns, []) }
                current!.rows += batch.rows.map(\.value)
                if current!.rows.count > outputLimit {
                    throw Diagnostics([Diagnostic(.limitReached, "the query returns more than the output limit of \(outputLimit) rows",
                                                  at: batch.span, in: batch.file, hints: ["add | take N, or summarize, or read the rows as a stream"])])
                }
            }
        }
        flush()
        return outputs
    }
}
