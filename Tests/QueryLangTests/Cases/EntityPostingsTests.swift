import Testing
@_spi(MQInternals) @testable import QueryLang

/// `mentions | where entity == x` from the entity's postings gives the rows, in the order, and the errors
/// that testing every mention gives: each condition is run as the access path (which `explain` must show)
/// and as the general `where` (the same condition compared with `true`, a shape no access path takes), on
/// the columnar and on the row executor.
@Suite("Entity postings")
struct EntityPostingsTests {
    static let engines = [Engine(corpus: Seeds.corpus), ExecutorRuns.engine(Seeds.corpus, columnar: false)]
    static let columns = "select d = doc.id, e = entity.id, zone, start"

    @Test(arguments: [
        ("", #"entity == "ali-khamenei""#),
        ("", #""kataib-hezbollah" == entity.id and zone == "body""#),
        ("", #"entity == "no-such-entity""#),
        ("let k = ent(\"kataib-hezbollah\")", "entity == k"),
        ("let k = \"kataib-hezbollah\"", "k == entity.id and own"),
        ("let nobody = null", "entity == nobody"),
        ("let nobody = null", "entity.id == nobody"),
        ("let n = 3", "entity == n"),
        ("", #"entity == ent("iraq") and sentence > 2"#),
        ("", #"entity == ent(lower("No-Such-Entity"))"#),
    ])
    func sameRowsAsEveryMention(_ setup: String, _ condition: String) throws {
        let postings = "\(setup)\nmentions | where \(condition) | \(Self.columns)"
        let general = "\(setup)\nmentions | where (\(condition)) == true | \(Self.columns)"
        for engine in Self.engines {
            let plan = engine.explain(try engine.compile(postings, in: engine.makeSession()))
            #expect(plan.contains("the entity's mentions from"), "\(postings)\n\(plan)")
            let a = ExecutorRuns.output(engine, postings), b = ExecutorRuns.output(engine, general)
            #expect(a == b, "\(postings)\n--- postings\n\(a)\n--- every mention\n\(b)")
        }
    }

    @Test func parameter() throws {
        let postings = "mentions | where entity.id == $who | \(Self.columns)"
        let general = "mentions | where (entity.id == $who) == true | \(Self.columns)"
        for engine in Self.engines {
            let session = engine.makeSession()
            session.setParameter("who", .string("kataib-hezbollah"))
            #expect(engine.explain(try engine.compile(postings, in: session)).contains("the entity's mentions from"))
            let a = ExecutorRuns.output(engine, postings, parameters: ["who": "kataib-hezbollah"])
            let b = ExecutorRuns.output(engine, general, parameters: ["who": "kataib-hezbollah"])
            #expect(a == b && a.contains("kataib-hezbollah"), "--- postings\n\(a)\n--- every mention\n\(b)")
        }
    }

    /// In a function body a parameter is the same on every row, as a variable is: a call takes the
    /// entity's postings (which `explain` of the calling query shows), with the rows that testing every
    /// mention gives.
    @Test func functionParameter() throws {
        let defs = """
            def f(x) = mentions | where entity == x | \(Self.columns)
            def g(x) = mentions | where (entity == x) == true | \(Self.columns)

            """
        for engine in Self.engines {
            let plan = engine.explain(try engine.compile(defs + #"f("kataib-hezbollah")"#))
            #expect(plan.contains("└─ def f: ") && plan.contains("the entity's mentions from"), "\(plan)")
            let general = engine.explain(try engine.compile(defs + #"g("kataib-hezbollah")"#))
            #expect(!general.contains("the entity's mentions from"), "\(general)")
            for who in ["kataib-hezbollah", "iraq", "no-such-entity"] {
                let a = ExecutorRuns.output(engine, defs + #"f("\#(who)")"#), b = ExecutorRuns.output(engine, defs + #"g("\#(who)")"#)
                #expect(a == b && (a.contains(who) || who == "no-such-entity"), "\(who)\n--- postings\n\(a)\n--- every mention\n\(b)")
            }
        }
    }

    /// Called on a document, the body's `mentions` is the document's field (names in a body see the
    /// caller's row), not the corpus source: each document counts its own mentions of the entity, and
    /// the counts add up to the entity's mentions in the corpus.
    @Test func functionSourceMeaningTheCallersField() throws {
        let defs = "def c(x) = mentions | where entity == x | count\n"
        for engine in Self.engines {
            let session = engine.makeSession()
            let total = try session.run(defs + #"c("kataib-hezbollah")"#, file: "case")
            let perDoc = try session.run(#"docs | extend n = c("kataib-hezbollah")[0].count | summarize s = sum(n), k = countif(n > 0), d = count()"#, file: "case")
            guard case let .table(c, _)? = total.last, case let .record(one)? = c.rows.first, case let .int(all)? = one["count"],
                  case let .table(t, _)? = perDoc.last,
                  case let .record(r)? = t.rows.first, case let .int(sum)? = r["s"], case let .int(docs)? = r["k"],
                  case let .int(count)? = r["d"] else {
                Issue.record("\(total) \(perDoc)")
                continue
            }
            #expect(all > 0 && sum == all && docs > 1 && docs < count, "all \(all), sum \(sum), documents \(docs) of \(count)")
        }
    }

    /// A parameter of the enclosing function named `entity` hides the field: no access path.
    @Test func shadowedEntity() {
        let program = Engine(corpus: Seeds.corpus).parse(#"mentions | where entity == "kataib-hezbollah""#).program
        guard case let .query(.pipeline(source, stages, _))? = program.statements.first?.kind else {
            Issue.record("not a pipeline")
            return
        }
        let raw = Planner.plan(source: source, stages: stages, sourceKind: .mention, schemas: [])
        func context(_ locals: Set<String>) -> PlanContext {
            PlanContext(corpus: Seeds.corpus, functions: FunctionRegistry(), userFunctions: [], locals: locals, namesKnown: true)
        }
        func chosen(_ p: PlanNode) -> Bool {
            if case .entityMentions = p.op { return true }
            return p.inputs.contains(where: chosen)
        }
        #expect(chosen(IndexAccessPass.run(raw, context([]))))
        #expect(!chosen(IndexAccessPass.run(raw, context(["entity"]))))
    }

    /// Counts by entity (keys on one mention per entity, weighted) give the general `summarize`'s groups,
    /// in its order; the general one is made by a filter every mention passes.
    @Test(arguments: [
        "summarize n = count() by e = entity.id",
        "summarize n = count(), m = count() by t = entity.type, e = entity",
        "summarize n = count() by t = entity.type | sort by n desc, t",
    ])
    func countsByEntity(_ rest: String) throws {
        for engine in Self.engines {
            let plan = engine.explain(try engine.compile("mentions | \(rest)"))
            #expect(plan.contains("(mention postings by entity)"), "\(plan)")
            let a = ExecutorRuns.output(engine, "mentions | \(rest)"), b = ExecutorRuns.output(engine, "mentions | where start >= 0 | \(rest)")
            #expect(a == b, "\(rest)\n--- postings\n\(a)\n--- every mention\n\(b)")
        }
    }
}
