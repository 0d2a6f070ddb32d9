import ArgumentParser
import Foundation
@_spi(MQInternals) import MQPostgres
@_spi(MQInternals) import QueryLang

/// Opens the PostgreSQL engine of `--engine URL`: connects, and checks that the server holds this mq's
/// schema and this corpus's catalog; any failure is a message and exit status 1.
///
/// The session runs without JIT compilation (`SET jit = off`): mq's statements over a whole corpus
/// (cooccur's sort of every mention) cost more than the planner's JIT thresholds, and compiling them took
/// longer than it saved (docs/postgresql.md).
enum PostgresEngine {
    static func connect(_ url: String, corpus: Corpus) throws -> PostgresConnection {
        do {
            let c = try PostgresConnection(url: url)
            try PostgresSchemaCheck.checkCatalog(c, corpus: corpus)
            // A server without the setting (before PostgreSQL 11) has no JIT to turn off.
            try? c.execute("SET jit = off")
            return c
        } catch {
            printError("mq: \(error)")
            throw ExitCode(1)
        }
    }
}

/// `mq corpus push [DIR] --to URL`.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "push",
        abstract: "Write a corpus (documents, entities, facts, mentions, sentences) into a PostgreSQL database, in one transaction.",
        discussion: """
        An unchanged corpus writes nothing; new documents are appended; a changed catalog or document, or a \
        document no longer in the directory, rewrites everything. A failure leaves the database as it was. \
        With --shard (first push only) the database becomes the coordinator of a sharded layout; later pushes \
        and queries go to it alone.
        """)
    @Argument(help: "Corpus directory (default: seeds/).") var dir: String?
    @Option(help: "The database: postgresql://user@host:port/database.") var to: String
    @Option(name: .customLong("shard"), help: ArgumentHelp(
        "A shard server for a first push into a sharded layout (repeat for each): the large tables are partitioned by document over the shards as postgres_fdw foreign tables of the --to database (docs/scale-out.md).",
        valueName: "url")) var shards: [String] = []
    @Flag(help: "Drop the database's mq tables (of any mq version) and write the corpus anew, in the same transaction.")
    var rebuild = false

    func run() throws {
        let corpus = try CorpusSource.load(dir)
        do {
            let c = try PostgresConnection(url: to)
            let s = try CorpusPush(corpus: corpus, connection: c, shards: shards, rebuild: rebuild).run()
            let mb = Double(s.textBytes) / 1_000_000
            switch s.mode {
            case "unchanged": print("unchanged: nothing to push")
            default:
                print("\(s.mode): \(s.documents) documents (\(String(format: "%.1f", mb)) MB of text), \(s.mentions) mentions in "
                      + "\(String(format: "%.2f", s.seconds)) s (\(String(format: "%.1f", s.seconds > 0 ? mb / s.seconds : 0)) MB/s)")
            }
        } catch {
            printError("mq corpus push: \(error)")
            throw ExitCode(1)
        }
    }
}
