import Foundation
@_spi(MQInternals) import QueryLang

/// `mq corpus push`: writes a corpus into the tables of ``SQLSchema`` in one transaction, with COPY.
///
/// The manifest table holds the schema version and a hash of the catalog (entities and facts); each
/// document row holds a hash of the document. Pushing again: an unchanged corpus writes nothing; new
/// documents are appended (with their mentions); a changed catalog, a changed document or a document no
/// longer in the directory rewrites everything (mentions depend on the catalog). A failure at any point
/// rolls the transaction back: the server keeps its previous state. On a sharded layout the documents'
/// rows go to the shards directly, all shards at once, each in a transaction committed just before the
/// coordinator's (``ShardLayout``).
@_spi(MQInternals) public struct CorpusPush {
    @_spi(MQInternals) public struct Summary: Sendable {
        @_spi(MQInternals) public var mode: String
        @_spi(MQInternals) public var documents = 0
        @_spi(MQInternals) public var mentions = 0
        @_spi(MQInternals) public var textBytes = 0
        @_spi(MQInternals) public var seconds = 0.0
    }

    let corpus: Corpus
    let connection: PostgresConnection
    /// Shard servers for a first push into a sharded layout (``ShardLayout``); empty otherwise. Later
    /// pushes find the layout on the coordinator.
    let shards: [String]
    /// Whether to drop the server's mq schema (of any version) and write everything again, in the same
    /// transaction (`--rebuild`: a server holding another version's schema).
    let rebuild: Bool

    public init(corpus: Corpus, connection: PostgresConnection, shards: [String] = [], rebuild: Bool = false) {
        self.corpus = corpus
        self.connection = connection
        self.shards = shards
        self.rebuild = rebuild
    }

    @_spi(MQInternals) public func run() throws -> Summary {
        let started = Date()
        var endpoints: [(host: String, port: String, database: String, user: String, password: String)] = []
        if !shards.isEmpty {
            let held = try connection.query("SELECT to_regclass('mq.manifest') IS NOT NULL")
            if held.first?[0] == "t" {
                let n = try connection.query("SELECT value FROM mq.manifest WHERE key = '\(ShardLayout.manifestKey)'").first?[0] ?? nil
                guard n == String(shards.count) else {
                    throw SQLConnectionError("the database already holds an mq corpus \(n.map { "on \($0) shards" } ?? "on this server alone"): push to it without --shard (the layout is kept), or push to a new database")
                }
            } else {
                endpoints = try ShardLayout(urls: shards).prepareShards()
            }
        }
        try connection.execute("BEGIN")
        // The shards' sessions of a sharded layout, each in a transaction committed just before the
        // coordinator's (or rolled back with it).
        var links: [PostgresConnection] = []
        do {
            var summary = try push(shardEndpoints: endpoints, links: &links)
            for l in links { try l.execute("COMMIT") }
            try connection.execute("COMMIT")
            if summary.documents > 0 || summary.mode == "full" {
                try? connection.execute("ANALYZE")
                // Marks the new rows' pages all-visible, so that index-only scans of the mentions' indexes
                // need not visit the rows (on a sharded layout, on each shard: the coordinator's table is
                // partitioned).
                for t in links.isEmpty ? [RowTarget(connection: connection, schema: "mq")] : links.map({ RowTarget(connection: $0, schema: ShardLayout.shardSchema) }) {
                    if t.schema != "mq" { try? t.connection.execute(t.local("ANALYZE mq.documents, mq.zones, mq.sentences, mq.mentions")) }
                    try? t.connection.execute(t.local("VACUUM mq.mentions"))
                }
            }
            summary.seconds = Date().timeIntervalSince(started)
            return summary
        } catch {
            for l in links { try? l.execute("ROLLBACK") }
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private func push(shardEndpoints: [(host: String, port: String, database: String, user: String, password: String)],
                      links: inout [PostgresConnection]) throws -> Summary {
        var exists = try connection.query("SELECT to_regclass('mq.manifest') IS NOT NULL, to_regnamespace('mq') IS NOT NULL")
        if rebuild && exists.first?[0] == "t" {
            try dropSchema()
            exists = [["f", "f"]]
        }
        if exists.first?[0] != "t" {
            if exists.first?[1] == "t" {
                throw SQLConnectionError("the server has a schema 'mq' that mq did not make (no mq.manifest): push to another database, or drop it")
            }
            for s in SQLSchema.create { try connection.execute(s) }
            if !shardEndpoints.isEmpty { try ShardLayout(urls: shards).createOnCoordinator(connection, shards: shardEndpoints) }
            try connection.execute("INSERT INTO mq.manifest VALUES ('schema_version', '\(SQLSchema.version)')")
        }
        // One push at a time.
        try connection.execute("LOCK TABLE mq.manifest IN EXCLUSIVE MODE")
        try PostgresSchemaCheck.check(connection)
        let manifest = Dictionary(try connection.query("SELECT key, value FROM mq.manifest").map { ($0[0] ?? "", $0[1] ?? "") },
                                  uniquingKeysWith: { a, _ in a })
        // A sharded layout's rows are written to the shards directly, over connections of the push's own
        // (``ShardLayout/connectShards(_:count:)``); the coordinator's session writes only the catalog and
        // never reads its foreign tables in the push's transaction (postgres_fdw's own remote transactions
        // would hold locks the push's shard sessions wait for, and would not see their rows).
        let shardCount = manifest[ShardLayout.manifestKey].flatMap { Int($0) } ?? 0
        if shardCount > 0 { links = try ShardLayout.connectShards(connection, count: shardCount) }
        let targets = shardCount > 0 ? links.map { RowTarget(connection: $0, schema: ShardLayout.shardSchema) }
                                     : [RowTarget(connection: connection, schema: "mq")]
        func readAll(_ sql: String) throws -> [[String?]] {
            try targets.flatMap { try $0.connection.query($0.local(sql)) }
        }
        let rows = SQLCopyRows(corpus: corpus)
        let catalogHash = try Self.catalogHash(corpus)
        var server: [String: (sha: String, ord: Int64)] = [:]
        for r in try readAll("SELECT id, sha256, ord FROM mq.documents") {
            server[r[0] ?? ""] = (r[1] ?? "", Int64(r[2] ?? "") ?? 0)
        }
        let hashes = corpus.documents.map(documentHash)
        let localIDs = Set(corpus.documents.map(\.id))
        let changed = corpus.documents.indices.contains { i in server[corpus.documents[i].id].map { $0.sha != hashes[i] } ?? false }
        let removed = server.keys.contains { !localIDs.contains($0) }
        let full = manifest["catalog_sha256"] != catalogHash || changed || removed
        var summary = Summary(mode: full ? "full" : "append")
        var firstOrd: Int64 = 0
        var nextMention: Int64 = 0
        let todo: [Int]
        if full {
            if shardCount > 0 {
                try connection.execute("TRUNCATE mq.entities, mq.entity_names, mq.facts")
                for t in targets { try t.connection.execute(t.local("TRUNCATE mq.documents, mq.zones, mq.sentences, mq.mentions")) }
            } else {
                try connection.execute(SQLSchema.truncate)
            }
            todo = Array(corpus.documents.indices)
        } else {
            todo = corpus.documents.indices.filter { server[corpus.documents[$0].id] == nil }
            if todo.isEmpty { summary.mode = "unchanged"; return summary }
            let m = try readAll("SELECT COALESCE(max(ord) + 1, 0), (SELECT COALESCE(max(ord) + 1, 0) FROM mq.mentions) FROM mq.documents")
            firstOrd = m.map { Int64($0[0] ?? "0") ?? 0 }.max() ?? 0
            nextMention = m.map { Int64($0[1] ?? "0") ?? 0 }.max() ?? 0
        }
        var docOrd: [Int: Int64] = [:]
        for (k, i) in todo.enumerated() { docOrd[i] = firstOrd + Int64(k) }
        // Mention ordinals: each document's first, from the counts.
        var items: [DocumentRowsWriter.Item] = []
        items.reserveCapacity(todo.count)
        for i in todo {
            items.append((index: i, ord: docOrd[i]!, firstMention: nextMention, sha256: hashes[i]))
            nextMention += Int64(corpus.mentions(inDocument: i).count)
        }
        // Each target's documents, in order: on a sharded layout, where the coordinator's hash of the
        // document's ordinal puts it.
        var parts = [[DocumentRowsWriter.Item]](repeating: [], count: targets.count)
        if shardCount > 0 {
            let place = try ShardLayout.partitions(of: items.map(\.ord), connection, count: shardCount)
            for it in items {
                guard let p = place[it.ord] else { throw SQLConnectionError("the coordinator places no partition for document ordinal \(it.ord)") }
                parts[p].append(it)
            }
        } else {
            parts[0] = items
        }
        // Indexes are built once after the rows when the push writes most of the rows.
        let writer = DocumentRowsWriter(rows: rows, rebuildIndexes: full || todo.count > server.count)
        summary.mentions = try writer.write(parts, to: targets)
        summary.documents = todo.count
        summary.textBytes = todo.reduce(0) { $0 + corpus.documents[$1].byteCount }
        if full {
            var catalog: [String: [String]] = [:]
            try rows.catalog(documentOrd: { docOrd[$0] }) { table, line in catalog[table, default: []].append(line) }
            for t in ["entities", "entity_names", "facts"] {
                var bytes: [UInt8] = []
                for l in catalog[t] ?? [] { bytes += l.utf8; bytes.append(0x0A) }
                try connection.copyRows(SQLSchema.copyStatement(t)) { try $0(bytes[...]) }
            }
        }
        if shardCount > 0 {
            // Each entity's count, summed from the shards' counts (which see the push's own rows).
            var counts: [Int64: Int64] = [:]
            for r in try readAll("SELECT entity, count(*) FROM mq.mentions WHERE entity IS NOT NULL GROUP BY entity") {
                if let e = r[0].flatMap({ Int64($0) }), let n = r[1].flatMap({ Int64($0) }) { counts[e, default: 0] += n }
            }
            let keys = Array(counts.keys)
            try connection.execute("""
                UPDATE mq.entities e SET mention_count = c.n FROM unnest('{\(keys.map(String.init).joined(separator: ","))}'::bigint[], \
                '{\(keys.map { String(counts[$0]!) }.joined(separator: ","))}'::bigint[]) c (entity, n) \
                WHERE c.entity = e.ord AND e.mention_count <> c.n
                """)
        } else {
            try connection.execute(SQLSchema.updateMentionCounts)
        }
        try connection.execute("""
            INSERT INTO mq.manifest VALUES ('catalog_sha256', \(SQLDialect.string(catalogHash))) \
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """)
        return summary
    }

    /// `--rebuild`: drops the schema mq made (within the push's transaction, so a failed push keeps it). A
    /// sharded layout's rows are on the shards, each written in a transaction of its own: it is not
    /// rebuilt in place.
    private func dropSchema() throws {
        try connection.execute("LOCK TABLE mq.manifest IN EXCLUSIVE MODE")
        if try connection.query("SELECT value FROM mq.manifest WHERE key = '\(ShardLayout.manifestKey)'").first != nil {
            throw SQLConnectionError("--rebuild does not rebuild a sharded layout in place: drop schema mq on the coordinator and schema \(ShardLayout.shardSchema) on each shard, then push again with --shard")
        }
        try connection.execute("DROP SCHEMA mq CASCADE")
    }

    /// A hash of what the catalog puts on the server (entities, names, facts with their documents' ids).
    @_spi(MQInternals) public static func catalogHash(_ corpus: Corpus) throws -> String {
        let rows = SQLCopyRows(corpus: corpus)
        var bytes: [UInt8] = Array("schema \(SQLSchema.version)\n".utf8)
        try rows.catalog(documentOrd: { _ in 0 }) { table, line in
            bytes += Array(table.utf8); bytes.append(0x09); bytes += Array(line.utf8); bytes.append(0x0A)
        }
        for f in corpus.facts { bytes += Array(corpus.documents[f.doc].id.utf8); bytes.append(0x0A) }
        return ContentHash.hex(bytes)
    }

    /// A hash of a document's text and metadata.
    private func documentHash(_ d: Document) -> String {
        var parts = [d.id, d.path, d.title, d.outlet ?? "\u{1}", d.url ?? "\u{1}", d.language, d.published?.description ?? "\u{1}",
                     d.annotated ? "1" : "0", d.authors.joined(separator: "\u{2}"), d.zones.map { "\($0.kind.rawValue):\($0.firstLine):\($0.lastLine)" }.joined(separator: ",")]
        parts.append(d.text)
        return ContentHash.hex(Array(parts.joined(separator: "\u{0}").utf8))
    }
}

/// The schema version a server holds, checked before anything is read or written.
@_spi(MQInternals) public enum PostgresSchemaCheck {
    @_spi(MQInternals) public static func check(_ connection: PostgresConnection) throws {
        let exists = try connection.query("SELECT to_regclass('mq.manifest') IS NOT NULL")
        guard exists.first?[0] == "t" else {
            throw SQLConnectionError("the server holds no mq corpus (no mq.manifest): push one first with mq corpus push --to URL")
        }
        let v = try connection.query("SELECT value FROM mq.manifest WHERE key = 'schema_version'")
        let version = v.first?[0].flatMap { Int($0) }
        guard version == SQLSchema.version else {
            throw SQLConnectionError("the server's mq schema is version \(version.map(String.init) ?? "unknown"); this mq reads and writes version \(SQLSchema.version): push the corpus again with mq corpus push DIR --to URL --rebuild (which drops the old tables and writes them anew)")
        }
    }

    /// Checks that the server's catalog is the one mq holds (entities and facts are sent as catalog
    /// ordinals, so another catalog would give wrong answers).
    @_spi(MQInternals) public static func checkCatalog(_ connection: PostgresConnection, corpus: Corpus) throws {
        try check(connection)
        let rows = try connection.query("SELECT value FROM mq.manifest WHERE key = 'catalog_sha256'")
        guard rows.first?[0] == (try CorpusPush.catalogHash(corpus)) else {
            throw SQLConnectionError("the server's catalog (entities and facts) is not this corpus's: push this corpus first (mq corpus push DIR --to URL)")
        }
    }
}
