import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Texts are shared by the rows that read them, and a query that needs more memory than the limit stops
/// with E402 instead of the process being ended by a failed allocation.
@Suite("Memory", .serialized)
struct MemoryLimitTests {
    /// The limit for a test: what the process uses now, plus `extra`.
    static func limit(plus extra: Int) -> Int { (MemoryUse.current() ?? 0) + extra }

    @Test func memoryUseIsRead() throws {
        let used = try #require(MemoryUse.current())
        #expect(used > 1 << 20 && used < MemoryUse.physicalMemory)
        #expect(MemoryUse.defaultLimit > 0 && MemoryUse.defaultLimit <= MemoryUse.physicalMemory)
    }

    @Test func documentAndSentenceTextsAreShared() throws {
        let corpus = Seeds.corpus
        func base(_ s: String) -> UInt? { var s = s; return s.withUTF8 { $0.baseAddress.map { UInt(bitPattern: $0) } } }
        #expect(base(corpus.documentText(0)) == base(corpus.documentText(0)))
        let m = corpus.mentions[0]
        let a = corpus.sentenceText(doc: Int(m.doc), sentence: Int(m.sentence))
        let b = corpus.sentenceText(doc: Int(m.doc), sentence: Int(m.sentence))
        if a.utf8.count > 15 { #expect(base(a) == base(b)) }
        // Through the language: every row of a document holds the same buffer.
        guard case let .success(outs) = Run.query("docs | take 1 | join (docs | take 1) on id | extend a = text | select a"),
              case let .table(t, _)? = outs.last else { Issue.record("no table"); return }
        let texts = t.rows.compactMap { row -> String? in if case let .record(r) = row, case let .string(s)? = r.values.first { return s }; return nil }
        #expect(Set(texts.compactMap(base)).count == 1)
    }

    /// Rows that read their document's text share it (``SharedTexts``): the query runs within 2 GiB more.
    @Test func joinedRowsReadingTheirDocumentTextStayWithinALimit() {
        let engine = Run.engine { $0.maxMemoryBytes = MemoryLimitTests.limit(plus: 2 << 30) }
        #expect(Run.codes("mentions | join (mentions) on doc | extend t = doc.text, u = text | count", engine) == [])
    }

    @Test func aQueryOverTheLimitStopsWithE402() throws {
        let engine = Run.engine { $0.maxMemoryBytes = MemoryLimitTests.limit(plus: 256 << 20) }
        // A new 20 KB string for each of 181,362 rows, held by the sort: 3.6 GB if it ran to its end. (With
        // `| count` the rows flow through one at a time and the query stays small.)
        let d = try #require(Run.firstError(#"mentions | join (mentions) on doc | extend t = doc.text + "x" | sort by t"#, engine))
        #expect(d.code == .limitReached)
        #expect(d.message.contains("of memory, more than the limit of"))
        // The memory is given back: the same engine runs the next query.
        #expect(Run.codes("docs | count", engine) == [])
    }

    @Test func largeStringsBuiltBetweenCheckpointsAreCounted() throws {
        // 32 MiB strings, one per row: stopped after a few, not after 4,096 steps (128 GiB).
        var lets = #"let a0 = "xxxxxxxxxxxxxxxx""#
        for k in 1...21 { lets += "; let a\(k) = a\(k - 1) + a\(k - 1)" }
        let engine = Run.engine { $0.maxMemoryBytes = MemoryLimitTests.limit(plus: 512 << 20) }
        let d = try #require(Run.firstError(lets + #"; mentions | extend t = a21 + "!" | count"#, engine))
        #expect(d.code == .limitReached)
    }

    /// A 32 MiB string kept by `let` and put on every mention is one buffer, however many rows hold it.
    @Test func aLargeLetStringOnEveryRowIsShared() {
        var lets = #"let a0 = "xxxxxxxxxxxxxxxx""#
        for k in 1...21 { lets += "; let a\(k) = a\(k - 1) + a\(k - 1)" }
        let engine = Run.engine { $0.maxMemoryBytes = MemoryLimitTests.limit(plus: 512 << 20) }
        #expect(Run.codes(lets + "; mentions | extend t = a21, u = a21 | count", engine) == [])
    }

    @Test func sizesAreParsedAndDescribed() {
        #expect(MemoryUse.parseSize("4G") == 4 << 30)
        #expect(MemoryUse.parseSize("512M") == 512 << 20)
        #expect(MemoryUse.parseSize("1.5GiB") == 3 << 29)
        #expect(MemoryUse.parseSize("2000000") == 2_000_000)
        #expect(MemoryUse.parseSize("12kb") == 12 << 10)
        #expect(MemoryUse.parseSize("-1G") == nil)
        #expect(MemoryUse.parseSize("lots") == nil)
        #expect(MemoryUse.describe(300 << 20) == "300 MiB")
        #expect(MemoryUse.describe(3 << 29) == "1.5 GiB")
    }
}
