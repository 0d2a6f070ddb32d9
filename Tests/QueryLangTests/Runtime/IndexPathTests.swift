import Testing
@_spi(MQInternals) @testable import QueryLang

/// The evaluator answers some query shapes from the corpus postings (IndexedWhere.swift, Timeline.swift,
/// ColumnarRows.swift). Each test runs such a query and a form of it that the index paths do not take
/// (`entities + []` for a document's `entities`, `take` before `where` so the rows are no longer a whole
/// source, `where true` between `timeline` and `select`), over every entity or document of the seeds, and
/// expects the same rows in the same order, or the same error.
@Suite("Index paths give the general path's answers")
struct IndexPathTests {
    static let engine = Engine(corpus: Seeds.corpus)
    var corpus: Corpus { Seeds.corpus }

    /// CSV of the last output, or the error's code, message and hints (not its place: the two forms of a
    /// query differ in length).
    func run(_ query: String) -> String {
        do {
            let outputs = try Self.engine.makeSession().run(query)
            return outputs.map { OutputFormat.csv.render($0, corpus: corpus) }.joined()
        } catch {
            return error.items.map { "error \($0.code): \($0.message) \($0.hints)" }.joined(separator: "\n")
        }
    }

    func expectSame(_ indexed: String, _ general: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let a = run(indexed), b = run(general)
        #expect(a == b, "\(indexed)\n\(a)\n--- general: \(general)\n\(b)", sourceLocation: sourceLocation)
    }

    // MARK: cooccur by document | take N

    /// The top pairs of the whole corpus come from the postings (CooccurrenceCounts.topByDocument); the
    /// same pairs, counts and documents as counting every pair of every document, for every N, in the
    /// article's own text and in all zones (ties ranked in catalog order alike).
    @Test func topPairsByDocument() {
        for all in ["", " all"] {
            for n in [0, 1, 2, 3, 5, 8, 13, 40, 200] {
                expectSame("mentions | cooccur by document\(all) | take \(n) | select a = a.id, b = b.id, count, docs",
                           "mentions | take 100000 | cooccur by document\(all) | take \(n) | select a = a.id, b = b.id, count, docs")
            }
        }
    }

    /// The two ways the postings give the top pairs agree with each other and with counting every pair:
    /// bitsets of the entities with the most documents, and the walk over all entities (which a corpus
    /// whose frequent entities seldom meet still needs). Also the bitsets of the first k entities alone,
    /// for small k, against a count of the pairs among those k.
    @Test func topPairsFromBitsetsAndFromTheWalk() {
        func never() -> Bool { false }
        for own in [true, false] {
            let lists = own ? corpus.documentOwnEntities : corpus.documentEntities
            let docsOf = own ? corpus.entityOwnDocuments : corpus.entityDocuments
            for limit in [1, 2, 5, 20, 1000] {
                let bits = CooccurrenceCounts.topByDocument(corpus, ownText: own, limit: limit, stop: never).pairs
                let walk = CooccurrenceCounts.topByDocument(corpus, ownText: own, limit: limit, bitsets: false, stop: never).pairs
                #expect(bits.map { "\($0.a) \($0.b) \($0.count) \($0.docs)" } == walk.map { "\($0.a) \($0.b) \($0.count) \($0.docs)" },
                        "own \(own), limit \(limit)")
            }
            // The first k entities by documents, most first (ties in catalog order), and their pairs counted
            // document by document.
            let ranked = docsOf.indices.sorted { docsOf[$0].count != docsOf[$1].count ? docsOf[$0].count > docsOf[$1].count : $0 < $1 }
            for k in [2, 3, 8, 30] {
                let first = Set(ranked.prefix(k))
                var counts: [Int64: Int32] = [:]
                for list in lists {
                    let es = Set(list.map(Int.init)).intersection(first).sorted()
                    for (x, a) in es.enumerated() { for b in es[(x + 1)...] { counts[Int64(a) << 32 | Int64(b), default: 0] += 1 } }
                }
                let expected = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
                let words = (corpus.documents.count + 63) / 64
                let got = CooccurrenceCounts.pairsAmongMost(k, limit: 10, ranked: ranked, documents: words, docsOf: docsOf, stop: never)
                #expect(got?.map { "\($0.key) \($0.count)" } == expected.map { "\($0.key) \($0.value)" }, "own \(own), k \(k)")
            }
        }
    }

    // MARK: id == x

    @Test func idEqualsOnAWholeSource() {
        for e in corpus.entities {
            expectSame("entities | where id == \"\(e.id)\"", "entities | take 100000 | where id == \"\(e.id)\"")
            expectSame("entities | where ent(\"\(e.id)\") == id | select name",
                       "entities | take 100000 | where ent(\"\(e.id)\") == id | select name")
        }
        for d in corpus.documents {
            expectSame("docs | where id == \"\(d.id)\" | select id, title", "docs | take 100000 | where id == \"\(d.id)\" | select id, title")
            expectSame("docs | where id == doc(\"\(d.id)\") | select id", "docs | take 100000 | where id == doc(\"\(d.id)\") | select id")
        }
        for x in ["\"no-such-id\"", "null", "1", "[\"kataib-hezbollah\"]", "lower(\"KATAIB-HEZBOLLAH\")", "\"kataib-\" + \"hezbollah\"",
                  "ent(\"kataib-hezbollah\").docs[0]", "fact(\"\(corpus.facts[0].id)\")", "ent(\"no such entity\")", "ent(lower(\"No such\"))", "1 / 0"] {
            expectSame("entities | where id == \(x) | select id", "entities | take 100000 | where id == \(x) | select id")
            expectSame("docs | where \(x) == id | select id", "docs | take 100000 | where \(x) == id | select id")
        }
    }

    @Test func idEqualsKeepsWhatTheGeneralPathDoesNotEvaluate() {
        // take 0: no row is tested, so x is never evaluated and cannot fail.
        #expect(run("entities | where id == ent(lower(\"No such\")) | take 0 | count") == "count\n0\n")
        #expect(run("entities | where id == ent(lower(\"No such\")) | count").hasPrefix("error E206: no entity is named 'no such'"))
        // A function parameter named id is not the row's id.
        let def = "def f(id) = entities | where id == \"kataib-hezbollah\" | count\n"
        #expect(run(def + "f(\"kataib-hezbollah\")") == "count\n\(corpus.entities.count)\n")
        #expect(run(def + "f(\"x\")") == "count\n0\n")
    }

    // MARK: x in entities, x in docs

    @Test func entityInADocumentsEntities() {
        let ids = corpus.entities.map(\.id)
        // Every mentioned entity with every 5th entity of the catalog (each other pair is alike).
        let others = stride(from: 0, to: ids.count, by: 5).map { ids[$0] }
        for a in ids where corpus.mentionCount(of: corpus.entity(id: a)!.index) > 0 {
            for b in others {
                expectSame("ent(\"\(a)\").docs | where ent(\"\(b)\") in entities | select id",
                           "ent(\"\(a)\").docs | where ent(\"\(b)\") in entities + [] | select id")
            }
            expectSame("docs | where ent(\"\(a)\") not in entities | select id",
                       "docs | where ent(\"\(a)\") not in entities + [] | select id")
            expectSame("docs | where \"\(a)\" in entities | select id", "docs | where \"\(a)\" in entities + [] | select id")
        }
    }

    @Test func documentInAnEntitysDocs() {
        for d in corpus.documents {
            expectSame("entities | where doc(\"\(d.id)\") in docs | select id", "entities | where doc(\"\(d.id)\") in docs + [] | select id")
            expectSame("entities | where doc(\"\(d.id)\") not in docs | select id",
                       "entities | where doc(\"\(d.id)\") not in docs + [] | select id")
        }
    }

    @Test func membershipOfOtherValuesAndRows() {
        let kh = "ent(\"kataib-hezbollah\")", us = "ent(\"united-states\")"
        for (indexed, general) in [
            // Needles that are not references of the list's kind, or that differ from row to row.
            ("null in entities", "null in entities + []"), ("null not in entities", "null not in entities + []"),
            ("1 in entities", "1 in entities + []"), ("[\(kh)] in entities", "[\(kh)] in entities + []"),
            ("outlet_entity in entities", "outlet_entity in entities + []"),
            ("entities[0] in entities", "entities[0] in entities + []"),
            ("ent(\"no such entity\") in entities", "ent(\"no such entity\") in entities + []"),
            ("ent(lower(\"No such\")) in entities", "ent(lower(\"No such\")) in entities + []"),
            ("1 / 0 in entities", "1 / 0 in entities + []"),
            // Joined with and, or, and conditions the index does not answer.
            ("\(kh) in entities and \(us) in entities", "\(kh) in entities + [] and \(us) in entities + []"),
            ("\(kh) in entities or \(us) not in entities", "\(kh) in entities + [] or \(us) not in entities + []"),
            ("\(kh) in entities and published != null", "\(kh) in entities + [] and published != null"),
            ("published == null or \(kh) in entities", "published == null or \(kh) in entities + []"),
            ("\(kh) in entities and title", "\(kh) in entities + [] and title"),
            ("\(kh) in entities and null", "\(kh) in entities + [] and null"),
        ] {
            expectSame("docs | where \(indexed) | select id", "docs | where \(general) | select id")
            expectSame("docs | where \(indexed) | take 1 | select id", "docs | where \(general) | take 1 | select id")
        }
        // Rows that are records (the index answers only for references), and a parameter named entities.
        expectSame("docs | extend n = 1 | where \(kh) in entities | select id", "docs | extend n = 1 | where \(kh) in entities + [] | select id")
        // On rows of plain values `entities` is the source: every entity.
        #expect(run("[1, 2] | where \(kh) in entities | count") == "count\n2\n")
        #expect(run("def f(entities) = docs | where 1 in entities | count\nf([1])") == "count\n\(corpus.documents.count)\n")
    }

    @Test func aRowInvariantNeedleIsEvaluatedOnlyWhereTheGeneralPathWould() {
        // No rows: the needle is never evaluated, so its error (found only when it runs) never happens.
        #expect(run("docs | take 0 | where ent(lower(\"No such\")) in entities | count") == "count\n0\n")
        #expect(run("docs | where ent(lower(\"No such\")) in entities | take 0 | count") == "count\n0\n")
        #expect(run("docs | where ent(lower(\"No such\")) in entities | count").hasPrefix("error E206: no entity is named 'no such'"))
        let interpreter = Interpreter(corpus: corpus, limits: Limits(), functions: FunctionRegistry(), importLoader: nil)
        func expr(_ text: String) -> Expr {
            guard case let .query(e)? = Parser.parse(text, file: "t").0.statements.first?.kind else { fatalError(text) }
            return e
        }
        #expect(interpreter.isRowInvariant(expr("ent(\"kh\")")))
        #expect(interpreter.isRowInvariant(expr("lower(\"A\") + \"b\"")))
        #expect(interpreter.isRowInvariant(expr("if(true, 1, 2)")))
        #expect(!interpreter.isRowInvariant(expr("ent(name)")))
        #expect(!interpreter.isRowInvariant(expr("docs")))
        #expect(!interpreter.isRowInvariant(expr("(docs | count)")))
        // A host's function may not be deterministic.
        var functions = FunctionRegistry()
        functions.register(QueryFunction(name: "ent", minArgs: 1, maxArgs: 1, signature: "ent(s)", help: "") { a, _ in a[0] })
        let host = Interpreter(corpus: corpus, limits: Limits(), functions: functions, importLoader: nil)
        #expect(!host.isRowInvariant(expr("ent(\"kh\")")))
    }

    // MARK: timeline

    /// The timeline of entities as the documentation states it, built from the corpus API: facts about
    /// each entity and its dated own-text documents, stably sorted by date, undated rows last.
    func expectedTimeline(_ entities: [Int]) -> String {
        var rows: [(date: PartialDate?, line: String)] = []
        func cell(_ s: String?) -> String {
            guard let s else { return "" }
            return s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        for e in entities {
            for f in corpus.facts(about: e) {
                var objectDate: PartialDate? = nil
                if case let .date(d) = f.object { objectDate = d }
                let when = f.date ?? f.from ?? objectDate ?? f.until
                rows.append((when, [cell(when?.description), corpus.entities[e].id, "fact", corpus.documents[f.doc].id].joined(separator: ",")))
            }
            for d in corpus.documents(mentioning: e, ownTextOnly: true) {
                guard let date = corpus.documents[d].published else { continue }
                rows.append((date, [date.description, corpus.entities[e].id, "document", corpus.documents[d].id].joined(separator: ",")))
            }
        }
        let sorted = rows.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?):
                if PartialDate.sortsBefore(x, y) { return true }
                if PartialDate.sortsBefore(y, x) { return false }
                return a.offset < b.offset
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        return "date,entity,kind,doc\n" + sorted.map { $0.element.line + "\n" }.joined()
    }

    @Test func timelineRowsAndOrder() {
        for e in corpus.entities {
            let q = "entities | where id == \"\(e.id)\" | timeline"
            #expect(run(q + " | select date, entity = entity.id, kind, doc = doc.id") == expectedTimeline([e.index]), "\(e.id)")
            expectSame(q, "entities | take 100000 | where id == \"\(e.id)\" | timeline")
            expectSame(q + " | select what, source, quote, date", q + " | where true | select what, source, quote, date")
        }
        #expect(run("entities | timeline | select date, entity = entity.id, kind, doc = doc.id") == expectedTimeline(Array(corpus.entities.indices)))
        let all = "entities | where type == \"armed_group\" | timeline"
        expectSame(all, all + " | where true")
        expectSame(all + " | count", all + " | where true | count")
    }

    @Test func aSelectRightAfterTimelineReadsItsColumns() {
        let q = "entities | where type == \"armed_group\" or type == \"person\" | timeline"
        for cols in ["date, kind, doc = doc.id", "date, date, d = date", "e = entity.name, entity.type, doc.published, doc.title.x",
                     "n = len(what), y = year(date), what, k = kind == \"fact\"", "quote, source, doc", "entity.id, entity.docs",
                     "kind.x", "date.x", "doc.nothing"] {
            expectSame(q + " | select \(cols)", q + " | where true | select \(cols)")
            expectSame(q + " | select \(cols) | take 3", q + " | where true | select \(cols) | take 3")
        }
        // A function parameter named like a column is the parameter.
        let def = "def f(kind) = entities | where id == \"kataib-hezbollah\" | timeline | select kind | take 2\n"
        #expect(run(def + "f(\"x\")") == "kind\nx\nx\n")
    }

    @Test func timelineKeysSortByDateThenPosition() {
        var rng = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 10, 300, 5000] {
            for spread in [UInt32(1), 200, 1 << 12, 1 << 25] {
                var keys: [UInt64] = (0..<n).map { i in
                    let date = Int.random(in: 0..<8, using: &rng) == 0 ? PartialDate.noSortKey : UInt32.random(in: 0..<spread, using: &rng)
                    return UInt64(date) << 32 | UInt64(i)
                }
                let expected = keys.sorted()
                TimelineRows.sortByDate(&keys)
                #expect(keys == expected, "\(n) keys below \(spread)")
            }
        }
    }

    @Test func dateSortKeysOrderAndRebuildDates() throws {
        var dates: [PartialDate] = []
        for y in [1, 2, 4, 99, 100, 399, 400, 1600, 1900, 1999, 2000, 2023, 2024, 9999] {
            for approx in [false, true] {
                dates.append(try #require(PartialDate(year: y, approximate: approx)))
                for m in 1...12 {
                    dates.append(try #require(PartialDate(year: y, month: m, approximate: approx)))
                    for d in 1...PartialDate.daysIn(month: m, year: y) {
                        dates.append(try #require(PartialDate(year: y, month: m, day: d, approximate: approx)))
                    }
                }
            }
        }
        for d in dates {
            #expect(PartialDate(sortKey: d.sortKey) == d, "\(d)")
            #expect(d.sortKey < PartialDate.noSortKey)
        }
        for (a, b) in zip(dates, dates.shuffled()) {
            #expect((a.sortKey < b.sortKey) == PartialDate.sortsBefore(a, b), "\(a) \(b)")
        }
    }
}
