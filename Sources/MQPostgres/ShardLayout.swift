import Foundation
@_spi(MQInternals) import QueryLang

/// The sharded layout (`mq corpus push DIR --to COORDINATOR --shard URL --shard URL ...`): on the
/// coordinator the large tables (documents, zones, sentences, mentions) are hash-partitioned by the
/// document's ordinal, each partition a `postgres_fdw` foreign table whose rows live on one shard server
/// (schema `mq_part` there); the catalog (entities, their names, facts) and the manifest stay local on the
/// coordinator, so that joins with them run where the partitions' results meet. Queries and later pushes go
/// to the coordinator only: the layout is the coordinator's, and the same compiled SQL runs on it.
@_spi(MQInternals) public struct ShardLayout {
    /// The partitioned tables and their partition key (the document's ordinal), so that a document's
    /// zones, sentences and mentions sit on the document's shard and joins by document stay on one shard.
    @_spi(MQInternals) public static let tables: [(name: String, key: String)] = [
        ("documents", "ord"), ("zones", "doc"), ("sentences", "doc"), ("mentions", "doc"),
    ]

    /// The schema that holds a shard's rows on each shard server.
    @_spi(MQInternals) public static let shardSchema = "mq_part"

    /// The manifest key that marks a sharded coordinator (its value: the number of shards).
    @_spi(MQInternals) public static let manifestKey = SQLShardedAggregate.manifestKey

    /// The shard servers, in partition order (the first holds remainder 0).
    @_spi(MQInternals) public let urls: [String]

    /// The layout over the shard servers `urls`.
    @_spi(MQInternals) public init(urls: [String]) { self.urls = urls }

    /// A shard's tables: the schema's statements for the partitioned tables, in `mq_part`, with their keys
    /// and the indexes the plans need (maintained as rows arrive: a shard's rows are a fraction of the corpus).
    static var shardStatements: [String] {
        let creates = SQLSchema.create.filter { s in tables.contains { s.contains("CREATE TABLE mq.\($0.name) (") } }
        let indexes = SQLSchema.bulkIndexes.map(\.create).filter { s in tables.contains { s.contains(" ON mq.\($0.name) ") } }
        return ["CREATE SCHEMA \(shardSchema)"] + (creates + indexes).map {
            $0.replacingOccurrences(of: " mq.", with: " \(shardSchema).")
        }
    }

    /// Makes each shard's tables, each shard in its own transaction committed before the coordinator writes
    /// (postgres_fdw reaches the shard on a connection of its own, which sees only committed tables). A
    /// shard whose tables hold rows is refused; empty ones (left by a first push that failed) are made again.
    /// Returns where each shard is, as its connection resolved the URL.
    func prepareShards() throws -> [(host: String, port: String, database: String, user: String, password: String)] {
        try urls.map { url in
            let c = try PostgresConnection(url: url)
            try c.execute("BEGIN")
            do {
                if try c.query("SELECT to_regnamespace('\(Self.shardSchema)') IS NOT NULL").first?[0] == "t" {
                    let rows = try c.query("SELECT to_regclass('\(Self.shardSchema).documents') IS NOT NULL AND EXISTS (SELECT 1 FROM \(Self.shardSchema).documents)")
                    if rows.first?[0] == "t" {
                        throw SQLConnectionError("the shard \(PostgresConnection.redacted(url)) already holds mq rows (schema \(Self.shardSchema)): give each coordinator shards of its own, or drop schema \(Self.shardSchema) there")
                    }
                    try c.execute("DROP SCHEMA \(Self.shardSchema) CASCADE")
                }
                for s in Self.shardStatements { try c.execute(s) }
                try c.execute("COMMIT")
            } catch {
                try? c.execute("ROLLBACK")
                throw error
            }
            return c.endpoint
        }
    }

    /// On the coordinator, inside the push's transaction, after ``SQLSchema/create``: the foreign servers
    /// and the current user's mappings to them, each large table replaced by a partitioned one of the same
    /// columns with one foreign partition per shard, and partitionwise joins and aggregation on for every
    /// later session of the database.
    func createOnCoordinator(_ c: PostgresConnection,
                             shards: [(host: String, port: String, database: String, user: String, password: String)]) throws {
        let q = SQLDialect.string
        try c.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw")
        for (i, s) in shards.enumerated() {
            // The servers are mq's (named for their place); one left by a schema dropped by hand is replaced.
            try c.execute("DROP SERVER IF EXISTS mq_shard_\(i) CASCADE")
            // Rows in batches for inserts, large fetches for scans, and the shards scanned at the same time.
            try c.execute("""
                CREATE SERVER mq_shard_\(i) FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host \(q(s.host)), port \(q(s.port)), \
                dbname \(q(s.database)), batch_size '1000', fetch_size '10000', async_capable 'true')
                """)
            let password = s.password.isEmpty ? "" : ", password \(q(s.password))"
            try c.execute("CREATE USER MAPPING FOR CURRENT_USER SERVER mq_shard_\(i) OPTIONS (user \(q(s.user))\(password))")
        }
        for t in Self.tables {
            try c.execute("ALTER TABLE mq.\(t.name) RENAME TO \(t.name)_columns")
            try c.execute("CREATE TABLE mq.\(t.name) (LIKE mq.\(t.name)_columns) PARTITION BY HASH (\(t.key))")
            try c.execute("DROP TABLE mq.\(t.name)_columns")
            for i in shards.indices {
                try c.execute("""
                    CREATE FOREIGN TABLE mq.\(t.name)_\(i) PARTITION OF mq.\(t.name) FOR VALUES WITH (MODULUS \(shards.count), \
                    REMAINDER \(i)) SERVER mq_shard_\(i) OPTIONS (schema_name '\(Self.shardSchema)', table_name '\(t.name)')
                    """)
            }
        }
        try c.execute("""
            DO $$ BEGIN
                EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_aggregate = on', current_database());
                EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_join = on', current_database());
            END $$
            """)
        try c.execute("INSERT INTO mq.manifest VALUES ('\(Self.manifestKey)', '\(shards.count)')")
    }

    /// Connections of the push's own to the shards of a sharded coordinator, in partition order, each in a
    /// transaction (`BEGIN`): the push writes the shards' rows over them directly, every shard at the same
    /// time, and commits them with the coordinator. Where each shard is comes from the coordinator's foreign
    /// servers and the current user's mappings to them (so that later pushes name the coordinator alone).
    static func connectShards(_ coordinator: PostgresConnection, count: Int) throws -> [PostgresConnection] {
        let rows = try coordinator.query("""
            SELECT substr(s.srvname, 10)::int, o.option_name, o.option_value FROM pg_foreign_server s,
                pg_options_to_table(s.srvoptions) o WHERE s.srvname ~ '^mq_shard_[0-9]+$'
            UNION ALL
            SELECT substr(u.srvname, 10)::int, o.option_name, o.option_value FROM pg_user_mappings u,
                pg_options_to_table(u.umoptions) o WHERE u.srvname ~ '^mq_shard_[0-9]+$' AND u.usename = current_user
            """)
        var options = [[String: String]](repeating: [:], count: count)
        for r in rows {
            guard let n = r[0].flatMap({ Int($0) }), n < count, let k = r[1], let v = r[2] else { continue }
            options[n][k] = v
        }
        return try options.enumerated().map { n, o in
            guard let host = o["host"], let database = o["dbname"] else {
                throw SQLConnectionError("the coordinator has no foreign server mq_shard_\(n) with a host and database: the sharded layout is incomplete")
            }
            let plain = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
            func part(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: plain) ?? s }
            let user = o["user"].map { part($0) + (o["password"].map { ":" + part($0) } ?? "") + "@" } ?? ""
            let c = try PostgresConnection(url: "postgresql://\(user)\(part(host)):\(o["port"] ?? "5432")/\(part(database))")
            try c.execute("BEGIN")
            return c
        }
    }

    /// The partition (shard) of each document ordinal, as the coordinator's hash partitioning places it.
    static func partitions(of ords: [Int64], _ coordinator: PostgresConnection, count: Int) throws -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        let list = "{" + ords.map(String.init).joined(separator: ",") + "}"
        for r in 0..<count {
            let rows = try coordinator.query("""
                SELECT o FROM unnest($1::bigint[]) o WHERE satisfies_hash_partition('mq.documents'::regclass, \(count), \(r), o)
                """, parameters: [list])
            for row in rows { if let o = row[0].flatMap({ Int64($0) }) { out[o] = r } }
        }
        return out
    }
}
