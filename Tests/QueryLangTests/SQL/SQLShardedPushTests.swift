import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The push's rows in COPY's text format written as bytes (``SQLCopyBuffer``), and the sharded layout's
/// aggregates compiled per partition (``SQLShardedAggregate``), without a server.
@Suite struct SQLShardedPushTests {
    let engine = Engine(corpus: Seeds.corpus)

    func text(_ b: SQLCopyBuffer) -> String { String(decoding: b.bytes, as: UTF8.self) }

    @Test func fieldsAreEscapedAsCopyReadsThem() {
        var b = SQLCopyBuffer()
        b.text("a\tb")
        b.text(nil as String?)
        b.text("c\\d\ne\rf")
        b.int(-120 as Int64)
        b.int(0)
        b.int(nil as Int?)
        b.bool(true)
        b.endRow()
        b.textArray(["x\"y", "z\\", "plain"])
        b.intArray([3, 45])
        b.textArray([])
        b.endRow()
        #expect(text(b) == "a\\tb\t\\N\tc\\\\d\\ne\\rf\t-120\t0\t\\N\tt\n{\"x\\\\\"y\",\"z\\\\\\\\\",\"plain\"}\t{3,45}\t{}\n")
        #expect(b.rows == 2)
        // The array field as the line-based form writes it.
        #expect(SQLCopyRows.line([SQLCopyRows.array(["x\"y", "z\\", "plain"])]) == "{\"x\\\\\"y\",\"z\\\\\\\\\",\"plain\"}")
    }

    @Test func aDocumentsRowsHaveEveryColumnInOrder() {
        let rows = SQLCopyRows(corpus: Seeds.corpus)
        let batches = rows.documents([(index: 0, ord: 7, firstMention: 100, sha256: "abc")])
        let lines = batches.flatMap { text($0.documents).split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
        #expect(lines.count == 1)
        let fields = lines[0].split(separator: "\t", omittingEmptySubsequences: false)
        let d = Seeds.corpus.documents[0]
        #expect(fields.count == SQLSchema.copyColumns.first { $0.table == "documents" }!.columns.count)
        #expect(fields[0] == "7" && fields[1] == Substring(SQLCopyRows.line([d.id])) && fields[2] == "abc" && fields[11] == Substring(String(d.byteCount)))
        let mentions = batches.flatMap { text($0.mentions).split(separator: "\n").map(String.init) }
        #expect(mentions.count == Seeds.corpus.mentions(inDocument: 0).count)
        // Numbered from the first mention given, each with the document's ordinal and its own text last.
        let m = Seeds.corpus.mentions(inDocument: 0)[1]
        let second = mentions[1].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(second[0] == "101" && second[1] == "7" && second[2] == "1" && second.last == Substring(SQLCopyRows.line([Seeds.corpus.surface(m)])))
        let sentences = batches.flatMap { text($0.sentences).split(separator: "\n").map(String.init) }
        #expect(sentences.count == Seeds.corpus.sentenceStarts[0].count)
        #expect(sentences[0].split(separator: "\t", omittingEmptySubsequences: false).last == Substring(SQLCopyRows.line([Seeds.corpus.sentenceText(doc: 0, sentence: 0)])))
    }

    func sql(_ text: String, partitions: Int) throws -> String {
        try SQLRunner.explain(engine: engine, try engine.compile(text), partitions: partitions)
    }

    @Test func aSummarizeOnTheShardsIsOneAggregatePerPartition() throws {
        let q = "mentions | where zone == \"body\" | summarize n = count(), m = avg(end - start) by e = entity.id | sort by n desc, e | take 5"
        let sharded = try sql(q, partitions: 2)
        #expect(sharded.contains("FROM mq.mentions_0 t") && sharded.contains("FROM mq.mentions_1 t") && sharded.contains("UNION ALL"))
        #expect(!sharded.contains("FROM mq.mentions t"))
        let single = try sql(q, partitions: 0)
        #expect(!single.contains("mq.mentions_0") && !single.contains("UNION ALL"))
    }

    @Test func whatDoesNotCombineReadsTheWholeTable() throws {
        // A distinct count (a value can be on two shards); a summarize after a `take` (not row by row).
        for q in ["mentions | summarize n = dcount(doc) by e = entity.id", "mentions | take 10 | summarize n = count() by e = entity.id",
                  "entities | summarize n = count() by t = type"] {
            let s = try sql(q, partitions: 2)
            #expect(!s.contains("_0 t") && !s.contains("UNION ALL"), "\(q): \(s)")
        }
    }
}
