import Foundation
@_spi(MQInternals) import QueryLang

/// Where a push writes the rows of documents: the server itself (schema `mq`), or one shard server of a
/// sharded layout (schema `mq_part`, ``ShardLayout``) over a connection of the push's own, in a transaction
/// that the push commits with the coordinator's.
struct RowTarget {
    let connection: PostgresConnection
    let schema: String

    /// A statement written for schema `mq`, for this target's schema.
    func local(_ sql: String) -> String {
        schema == "mq" ? sql : sql.replacingOccurrences(of: " mq.", with: " \(schema).")
    }
}

/// Writes documents with their zones, sentences and mentions into one ``RowTarget``: one COPY per table,
/// the rows made on every core in batches of documents on a thread of their own, a few batches ahead of the
/// COPY, so that the server reads one batch while the next is made. The rows are sent in rounds of about
/// ``roundBytes``, one COPY per table each, so that the memory a push holds does not grow with the corpus. With `rebuildIndexes` the large tables' indexes
/// are dropped first and built once after the rows (far faster than maintained row by row, the GIN index of
/// the words above all).
struct DocumentRowsWriter {
    typealias Item = (index: Int, ord: Int64, firstMention: Int64, sha256: String)

    let rows: SQLCopyRows
    let rebuildIndexes: Bool

    /// The size of the rows sent by one round of COPY statements.
    static let roundBytes = 16 << 20

    /// Writes the rows of `items` (in this order) into `target`; returns the number of mentions written.
    func write(_ items: [Item], to target: RowTarget) throws -> Int {
        let c = target.connection
        if rebuildIndexes {
            for i in SQLSchema.bulkIndexes { try c.execute("DROP INDEX IF EXISTS \(target.schema).\(i.name)") }
        }
        func copy(_ table: String, _ bytes: SQLCopyBuffer) throws {
            try c.copyRows(target.local(SQLSchema.copyStatement(table))) { try $0(bytes.bytes[...]) }
        }
        let batchSize = 256
        let rows = self.rows
        let pipeline = CopyPipeline(count: (items.count + batchSize - 1) / batchSize, depth: 4) { b in
            rows.documents(Array(items[(b * batchSize)..<min(items.count, (b + 1) * batchSize)]))
        }
        defer { pipeline.stop() }
        pipeline.start()
        // The rows go out in rounds of a few megabytes, one COPY per table each, so that what waits for its
        // COPY is one round's rows whatever the number of documents (a COPY holds its session: the tables
        // cannot be sent side by side).
        var pending = SQLCopyBatch(), pendingBytes = 0, mentions = 0
        func flush() throws {
            for table in ["documents", "zones", "sentences", "mentions"] where pending[table].rows > 0 {
                try copy(table, pending[table])
            }
            mentions += pending.mentions.rows
            pending = SQLCopyBatch()
            pendingBytes = 0
        }
        while let runs = pipeline.next() {
            for run in runs {
                pending.append(run)
                pendingBytes += run.documents.bytes.count + run.zones.bytes.count + run.sentences.bytes.count + run.mentions.bytes.count
            }
            if pendingBytes >= Self.roundBytes { try flush() }
        }
        try flush()
        if rebuildIndexes {
            try c.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for i in SQLSchema.bulkIndexes { try c.execute(target.local(i.create)) }
        }
        return mentions
    }

    /// Writes each target's documents on a thread of its own (the shards of a sharded layout read their rows
    /// at the same time); returns the number of mentions written. The first failure is rethrown once every
    /// thread has ended.
    func write(_ items: [[Item]], to targets: [RowTarget]) throws -> Int {
        if targets.count == 1 { return try write(items[0], to: targets[0]) }
        final class Results: @unchecked Sendable {
            let condition = NSCondition()
            var running: Int
            var mentions = 0
            var failure: Error?
            init(_ n: Int) { running = n }
        }
        let results = Results(targets.count)
        for (k, target) in targets.enumerated() {
            nonisolated(unsafe) let t = target
            let part = items[k]
            let writer = self
            let thread = Thread {
                var n = 0, failure: Error?
                do { n = try writer.write(part, to: t) } catch { failure = error }
                results.condition.lock()
                results.mentions += n
                if results.failure == nil, let failure { results.failure = failure }
                results.running -= 1
                results.condition.broadcast()
                results.condition.unlock()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        results.condition.lock()
        while results.running > 0 { results.condition.wait() }
        results.condition.unlock()
        if let f = results.failure { throw f }
        return results.mentions
    }
}
