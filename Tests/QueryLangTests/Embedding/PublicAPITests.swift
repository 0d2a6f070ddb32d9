// This file deliberately imports QueryLang WITHOUT @testable: it sees only the public API, as a host
// program embedding mq would.
import Foundation
import Testing
import QueryLang

/// A small corpus built in memory with the public initialisers.
enum MemoryCorpus {
    /// a: two sentences naming Kataib Hezbollah (twice), the US (twice), Iraq and Harakat al-Nujaba;
    /// b: Harakat al-Nujaba and Iraq; c: Kataib Hezbollah 300 times (for long queries).
    static let textA = "Kataib Hezbollah attacked a US base in Iraq.\nThe US blamed Kataib Hezbollah and Harakat al-Nujaba.\n"
    static let textB = "Harakat al-Nujaba denied any role. Iraq said nothing.\n"
    static let textC = String(repeating: "Kataib Hezbollah met. ", count: 300) + "\n"

    static func make() -> Corpus {
        let entities = [
            Entity(id: "kataib-hezbollah", index: 0, type: .armedGroup, name: "Kataib Hezbollah",
                   names: [EntityName("Kataib Hezbollah", kind: .name), EntityName("KH", kind: .acronym)], country: 2,
                   description: "Iraqi armed group"),
            Entity(id: "harakat-al-nujaba", index: 1, type: .armedGroup, name: "Harakat al-Nujaba",
                   names: [EntityName("Harakat al-Nujaba", kind: .name), EntityName("al-Nujaba", kind: .alias)], country: 2),
            Entity(id: "iraq", index: 2, type: .country, name: "Iraq", names: [EntityName("Iraq", kind: .name)]),
            Entity(id: "united-states", index: 3, type: .country, name: "United States",
                   names: [EntityName("United States", kind: .name), EntityName("US", kind: .acronym)]),
        ]
        let documents = [
            Document(id: "a", index: 0, path: "a.txt", text: textA, title: "Attack", outlet: "Test Wire",
                     published: PartialDate(year: 2024, month: 5), annotated: true),
            Document(id: "b", index: 1, path: "b.txt", text: textB, title: "Denial"),
            Document(id: "c", index: 2, path: "c.txt", text: textC, title: "Meetings", outlet: "Test, Wire",
                     published: PartialDate(year: 2024, month: 5, day: 1), annotated: true),
        ]
        let facts = [
            Fact(id: "kh-active-in-iraq", index: 0, subject: 0, predicate: "active_in", object: .entity(2),
                 date: PartialDate(year: 2024), doc: 0, quote: "Kataib Hezbollah attacked a US base in Iraq."),
            Fact(id: "kh-strength", index: 1, subject: 0, predicate: "strength", object: .number(10000, unit: "fighters"), doc: 0),
        ]
        return Corpus(name: "memory", documents: documents, entities: entities, facts: facts)
    }

    static let corpus = make()

    /// An engine over ``corpus`` with the default options, changed by `configure`.
    static func engine(_ configure: (inout EngineOptions) -> Void = { _ in }) -> Engine {
        var options = EngineOptions()
        configure(&options)
        return Engine(corpus: corpus, options: options)
    }
}

/// Serves imported files from memory.
struct MemoryLoader: ImportLoader {
    let files: [String: String]
    struct NotFound: Error, CustomStringConvertible {
        let path: String
        var description: String { "no such file \(path)" }
    }
    func load(_ path: String, from: String) throws -> (name: String, text: String) {
        guard let text = files[path] else { throw NotFound(path: path) }
        return (path, text)
    }
}

/// Lets a host function pause a query until another thread has cancelled it.
final class Handshake: @unchecked Sendable {
    let started = DispatchSemaphore(value: 0)
    let cancelled = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var first = true

    /// True the first time only.
    func claimFirst() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = first
        first = false
        return was
    }
}

@Suite("Embedding through the public API")
struct PublicAPITests {
    let corpus = MemoryCorpus.corpus

    func engine(_ configure: (inout EngineOptions) -> Void = { _ in }) -> Engine { MemoryCorpus.engine(configure) }

    func csv(_ outputs: [StatementOutput]) -> String {
        outputs.map { OutputFormat.csv.render($0, corpus: corpus) }.joined()
    }

    func runError(_ engine: Engine, _ text: String, in session: Session? = nil, cancel: CancellationToken? = nil) -> Diagnostic? {
        let s = session ?? engine.makeSession()
        do {
            _ = try s.run(text, cancel: cancel)
            return nil
        } catch {
            return error.items.first
        }
    }

    // MARK: The corpus in memory

    @Test func theCorpusInMemoryIsQueried() throws {
        let session = engine().makeSession()
        #expect(csv(try session.run("docs | select id, outlet")) == "id,outlet\na,Test Wire\nb,\nc,\"Test, Wire\"\n")
        #expect(csv(try session.run("entities | where type == \"armed_group\" | select id")) == "id\nkataib-hezbollah\nharakat-al-nujaba\n")
        // a: Kataib Hezbollah, US, Iraq / US, Kataib Hezbollah, Harakat al-Nujaba; b: Harakat al-Nujaba, Iraq.
        #expect(csv(try session.run("mentions | where doc != \"c\" | summarize n = count() by e = entity.id")) ==
                "e,n\nkataib-hezbollah,2\nunited-states,2\niraq,2\nharakat-al-nujaba,2\n")
        #expect(csv(try session.run("ent(\"KH\").mention_count")) == "302\n")
        #expect(csv(try session.run("mentions | where doc == \"a\" | cooccur | where a == ent(\"KH\") and b == ent(\"US\") | select count")) == "count\n2\n")
        #expect(csv(try session.run("facts | select id, object, unit")) == "id,object,unit\nkh-active-in-iraq,iraq,\nkh-strength,10000,fighters\n")
        #expect(csv(try session.run("fact(\"kh-active-in-iraq\").source")) == "Test Wire\n")
    }

    @Test func parametersAreTypedValuesTheCheckerSees() throws {
        let session = engine().makeSession()
        session.setParameter("n", .int(1))
        session.setParameter("who", .string("Test Wire"))
        #expect(csv(try session.run("docs | take $n | select id")) == "id\na\n")
        #expect(csv(try session.run("docs | where outlet == $who | select id")) == "id\na\n")
        #expect(session.parameters["n"] == .int(1))
        // A parameter not given is an unknown name, found before running.
        #expect(throws: Diagnostics.self) { try engine().compile("$missing + 1") }
    }

    @Test func outputFormats() throws {
        let session = engine().makeSession()
        let outputs = try session.run("docs | where id == \"a\" | select id, outlet, n = 1.5, l = [1, \"a\"], d = published")
        let out = try #require(outputs.first)
        #expect(OutputFormat.csv.render(out, corpus: corpus) == "id,outlet,n,l,d\na,Test Wire,1.5,\"[1,\"\"a\"\"]\",2024-05\n")
        #expect(OutputFormat.tsv.render(out, corpus: corpus) == "id\toutlet\tn\tl\td\na\tTest Wire\t1.5\t[1,\"a\"]\t2024-05\n")
        #expect(OutputFormat.json.render(out, corpus: corpus) == "[{\"id\":\"a\",\"outlet\":\"Test Wire\",\"n\":1.5,\"l\":[1,\"a\"],\"d\":\"2024-05\"}]\n")
        #expect(OutputFormat.jsonl.render(out, corpus: corpus) == "{\"id\":\"a\",\"outlet\":\"Test Wire\",\"n\":1.5,\"l\":[1,\"a\"],\"d\":\"2024-05\"}\n")
        #expect(OutputFormat.markdown.render(out, corpus: corpus) == "| id | outlet | n | l | d |\n| --- | --- | --- | --- | --- |\n| a | Test Wire | 1.5 | 1, a | 2024-05 |\n")
        #expect(OutputFormat.table.render(out, corpus: corpus) ==
                "id  outlet       n  l     d\n──  ─────────  ───  ────  ───────\na   Test Wire  1.5  1, a  2024-05\n(1 row)\n")
        let value = try #require(try session.run("ent(\"KH\")").first)
        #expect(OutputFormat.table.render(value, corpus: corpus) == "Kataib Hezbollah\n")
        #expect(OutputFormat.json.render(value, corpus: corpus) == "\"kataib-hezbollah\"\n")
        let printed = try #require(try session.run("print [1, \"a\"]").first)
        // In JSON a printed line is a JSON string.
        #expect(OutputFormat.json.render(printed, corpus: corpus) == "\"[1, \\\"a\\\"]\"\n")
    }

    // MARK: parse, check, compile, run

    @Test func parseCheckCompileRun() throws {
        let engine = engine()
        let parsed = engine.parse("docs | where titel == 1\nent(\"Zzzz\")", file: "demo.mq")
        #expect(parsed.diagnostics.isEmpty)
        let problems = engine.check(parsed)
        #expect(problems.map(\.code) == [.unknownName, .notFound])
        #expect(problems.first?.file?.name == "demo.mq")
        #expect(problems.first?.location?.line == 1)
        #expect(problems.first?.location?.column == 14)

        do {
            _ = try engine.compile("docs | where titel == 1", file: "demo.mq")
            Issue.record("compile should throw")
        } catch {
            #expect(error.items.map(\.code) == [.unknownName])
            #expect(DiagnosticRenderer().render(error.items) ==
                    "demo.mq:1:14: error[E205]: unknown name 'titel'\n1 | docs | where titel == 1\n  |              ^^^^^ did you mean 'title'?\n")
        }

        // A compiled program runs any number of times, in any session.
        let compiled = try engine.compile("let n = len(docs)\nn * 2", file: "demo.mq")
        #expect(compiled.warnings.isEmpty)
        for _ in 0..<2 {
            let session = engine.makeSession()
            var outputs: [StatementOutput] = []
            try session.run(compiled) { outputs.append($0) }
            #expect(csv(outputs) == "6\n")
            #expect(session.variable("n").map { "\($0)" } == "\(Value.int(3))")
            #expect(session.variableTypes["n"] == .int)
        }
    }

    @Test func aSessionRemembersVariablesAndFunctions() throws {
        let engine = engine()
        let session = engine.makeSession()
        _ = try session.run("let groups = entities | where type == \"armed_group\"\ndef twice(x) = x * 2")
        #expect(session.functionArity["twice"] == 1)
        // The checker of a later run knows both names.
        #expect(csv(try session.run("twice(len(groups))")) == "4\n")
        #expect(engine.check(engine.parse("twice(1, 2)"), in: session).map(\.code) == [.wrongArgumentCount])
        // A fresh session does not.
        #expect(engine.check(engine.parse("twice(1)"), in: engine.makeSession()).map(\.code) == [.unknownFunction])
    }

    @Test func diagnosticsAsJSON() {
        let engine = engine()
        do {
            _ = try engine.makeSession().run("1 / 0")
            Issue.record("1 / 0 should fail")
        } catch {
            #expect(DiagnosticRenderer().json(error.items) ==
                    #"[{"code":"E401","severity":"error","message":"division by zero","file":"<query>","line":1,"column":1,"end_line":1,"end_column":6,"start":0,"end":5,"hints":[]}]"#)
        }
    }

    // MARK: Host functions

    @Test func aHostFunctionIsCalledAndChecked() throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        let engine = engine { options in
            options.functions.register(QueryFunction(
                name: "shout", minArgs: 1, maxArgs: 1, signature: "shout(s: string) -> string",
                help: "the text in capitals, with an exclamation mark", returns: .string
            ) { args, context in
                switch args[0] {
                case .null: return .null
                case let .string(s): return .string(s.uppercased() + "!")
                default: throw context.error("shout needs text")
                }
            })
            options.functions.register(QueryFunction(name: "explode", minArgs: 0, maxArgs: 0, signature: "explode()",
                                                     help: "throws something that is not a diagnostic") { _, _ in throw Boom() })
        }
        let session = engine.makeSession()
        #expect(csv(try session.run("docs | select s = shout(outlet)")) == "s\nTEST WIRE!\n\n\"TEST, WIRE!\"\n")
        // Arity and the declared return type are checked before running.
        #expect(runError(engine, "shout()")?.code == .wrongArgumentCount)
        #expect(runError(engine, "shout()")?.hints == ["shout(s: string) -> string"])
        #expect(runError(engine, "shout(\"a\") + 1")?.message == "cannot apply '+' to string and int")
        // An error from the function points at the call.
        let e = try #require(runError(engine, "print 1\nshout(1)"))
        #expect(e.code == .wrongType)
        #expect(e.message == "shout needs text")
        #expect(e.location?.line == 2)
        // Anything else it throws is an internal error.
        #expect(runError(engine, "explode()")?.code == .internalError)
        #expect(runError(engine, "explode()")?.message == "boom")
    }

    // MARK: Limits

    static let crossJoin = "mentions | extend k = 1 | join (mentions | extend k = 1) on k | count"

    @Test func theStepLimit() throws {
        let engine = engine { $0.limits.maxSteps = 1000 }
        let e = try #require(runError(engine, Self.crossJoin))
        #expect(e.code == .limitReached)
        #expect(e.message == "the query took more than 1000 steps")
        #expect(e.hints == ["narrow it with where or take, or raise the step limit"])
        // Each statement has its own budget.
        #expect(csv(try engine.makeSession().run("docs | count\ndocs | count")) == "count\n3\ncount\n3\n")
    }

    @Test func theOutputRowLimit() {
        let engine = engine { $0.limits.maxOutputRows = 1 }
        do {
            _ = try engine.makeSession().run("docs")
            Issue.record("docs should exceed the output limit")
        } catch {
            #expect(DiagnosticRenderer().render(error.items) ==
                    "<query>:1:1: error[E402]: the query returns 3 rows, more than the output limit of 1\n1 | docs\n  | ^^^^ add | take N, or summarize\n")
        }
    }

    @Test func theRowLimit() throws {
        let engine = engine { $0.limits.maxRows = 2 }
        // What flows through a stage is not held: a count of the rows of a where is not limited, the
        // rows themselves are.
        #expect(runError(engine, "docs | where true | count") == nil)
        let e = try #require(runError(engine, "docs | where true"))
        #expect(e.code == .limitReached)
        #expect(e.message == "the result of 'where' would hold more than 2 rows")
        #expect(e.hints == ["filter the rows first, or raise the row limit"])
    }

    @Test func theCallDepthLimit() throws {
        let engine = engine { $0.limits.maxDepth = 20 }
        let session = engine.makeSession()
        var defs = ["def f0(x) = x"]
        for i in 1...25 { defs.append("def f\(i)(x) = f\(i - 1)(x)") }
        _ = try session.run(defs.joined(separator: "\n"))
        let e = try #require(runError(engine, "f25(1)", in: session))
        #expect(e.code == .limitReached)
        #expect(e.message == "calls nest more than 20 deep")
        #expect(csv(try session.run("f10(1)")) == "1\n")
    }

    @Test func theTimeLimit() throws {
        let engine = engine { $0.limits.timeout = .seconds(-1) }
        let e = try #require(runError(engine, "docs | count"))
        #expect(e.code == .limitReached)
        #expect(e.message == "the query ran longer than the time limit")
    }

    @Test func theStringLimit() throws {
        let engine = engine { $0.limits.maxStringBytes = 3 }
        let e = try #require(runError(engine, "let a = \"ab\"\na + \"cd\""))
        #expect(e.code == .limitReached)
        #expect(e.message == "string longer than 3 bytes")
    }

    @Test func theRegexLimit() throws {
        let engine = engine { $0.limits.maxRegexLength = 3 }
        let e = try #require(runError(engine, "\"abcd\" matches \"abcd\""))
        #expect(e.code == .invalidRegex)
        #expect(e.message == "regular expression longer than 3 characters")
    }

    @Test func sessionLimitsCanChangeBetweenRuns() throws {
        let session = engine().makeSession()
        session.limits.maxOutputRows = 1
        #expect(runError(session.engine, "docs", in: session)?.code == .limitReached)
        session.limits.maxOutputRows = 10
        #expect(csv(try session.run("docs | count")) == "count\n3\n")
    }

    // MARK: Imports

    @Test func importsAreRefusedByDefault() {
        do {
            _ = try engine().makeSession().run("import \"lib.mq\"")
            Issue.record("the import should be refused")
        } catch {
            #expect(DiagnosticRenderer().render(error.items) ==
                    "<query>:1:8: error[E405]: imports are not allowed here\n1 | import \"lib.mq\"\n  |        ^^^^^^^^ the host did not grant file access\n")
        }
    }

    static let library = MemoryLoader(files: [
        "lib.mq": "def twice(x) = x * 2\nlet answer = 21\nassert answer == 21\ndocs | count\n",
        "a.mq": "import \"b.mq\"\n",
        "b.mq": "import \"a.mq\"\n",
        "bad.mq": "let = 1\n",
        "failing.mq": "assert len(docs) == 99, \"not 99\"\n",
        "d0.mq": "import \"d1.mq\"\n", "d1.mq": "import \"d2.mq\"\n", "d2.mq": "import \"d3.mq\"\n", "d3.mq": "let deep = 1\n",
    ])

    @Test func aLoaderServesImports() throws {
        let engine = engine { $0.importLoader = Self.library }
        let session = engine.makeSession()
        // The imported file's queries run but show nothing.
        #expect(try session.run("import \"lib.mq\"").isEmpty)
        #expect(csv(try session.run("twice(answer)")) == "42\n")
        #expect(session.functionArity["twice"] == 1)
        #expect(session.variable("answer").map { "\($0)" } == "\(Value.int(21))")
    }

    @Test func importedNamesCanBeUsedInTheSameScript() throws {
        // docs/language.md (import): "its let and def names become available to the statements that follow".
        let engine = engine { $0.importLoader = Self.library }
        #expect(csv(try engine.makeSession().run("import \"lib.mq\"\ntwice(answer)")) == "42\n")
    }

    @Test func importErrors() throws {
        let engine = engine {
            $0.importLoader = Self.library
            $0.limits.maxImportDepth = 2
        }
        let missing = try #require(runError(engine, "import \"missing.mq\""))
        #expect(missing.code == .importFailed)
        #expect(missing.message == "cannot import \"missing.mq\": no such file missing.mq")

        let cycle = try #require(runError(engine, "import \"a.mq\""))
        #expect(cycle.code == .importFailed)
        #expect(cycle.message == "import cycle: <query> -> a.mq -> b.mq -> a.mq")
        #expect(cycle.file?.name == "b.mq")

        let bad = try #require(runError(engine, "import \"bad.mq\""))
        #expect(bad.code == .unexpectedToken)
        #expect(bad.file?.name == "bad.mq")

        let failing = try #require(runError(engine, "import \"failing.mq\""))
        #expect(failing.code == .assertionFailed)
        #expect(failing.message == "assertion failed: not 99")

        let deep = try #require(runError(engine, "import \"d0.mq\""))
        #expect(deep.code == .importFailed)
        #expect(deep.message == "imports nest more than 2 deep")
    }

    @Test func theFileLoaderReadsOnlyInsideItsRoots() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("mq-import-\(UUID().uuidString)")
        let outside = fm.temporaryDirectory.appendingPathComponent("mq-outside-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root); try? fm.removeItem(at: outside) }
        try "let shared = 7\n".write(to: root.appendingPathComponent("lib.mq"), atomically: true, encoding: .utf8)
        try "let secret = 1\n".write(to: outside.appendingPathComponent("secret.mq"), atomically: true, encoding: .utf8)

        let loader = FileImportLoader(allowedRoots: [root.path], workingDirectory: root.path)
        let loaded = try loader.load("lib.mq", from: "<query>")
        #expect(loaded.name == "lib.mq")
        #expect(loaded.text == "let shared = 7\n")
        #expect(throws: (any Error).self) { try loader.load(outside.appendingPathComponent("secret.mq").path, from: "<query>") }
        #expect(throws: (any Error).self) { try loader.load("../\(outside.lastPathComponent)/secret.mq", from: "<query>") }

        let engine = engine { $0.importLoader = loader }
        let session = engine.makeSession()
        _ = try session.run("import \"lib.mq\"")
        #expect(csv(try session.run("shared + 1")) == "8\n")
    }

    @Test func aRootOfSlashAllowsEveryFile() throws {
        // `mq run` and `mq -c` use FileImportLoader(allowedRoots: ["/"]) so that scripts may import any file.
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("mq-slash-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lib.mq")
        try "let x = 1\n".write(to: file, atomically: true, encoding: .utf8)
        let loader = FileImportLoader(allowedRoots: ["/"], workingDirectory: dir.path)
        #expect(throws: Never.self) { _ = try loader.load(file.path, from: "<query>") }
    }

    // MARK: Cancellation

    @Test func cancellingFromAnotherThreadStopsAQuery() throws {
        let handshake = Handshake()
        let engine = engine { options in
            options.limits.maxRows = 100_000_000
            // started() tells the other thread that the query runs, and waits until it has cancelled it.
            options.functions.register(QueryFunction(name: "started", minArgs: 0, maxArgs: 0, signature: "started() -> bool",
                                                     help: "test hook", returns: .bool) { _, _ in
                if handshake.claimFirst() {
                    handshake.started.signal()
                    handshake.cancelled.wait()
                }
                return .bool(true)
            })
        }
        let token = CancellationToken()
        let canceller = Thread {
            handshake.started.wait()
            token.cancel()
            handshake.cancelled.signal()
        }
        canceller.start()
        // A cross join of the 308 mentions with themselves: about 95,000 rows, far more steps than the
        // few thousand between two checks of the token.
        let query = "mentions | extend k = 1 | where started() | join (mentions | extend k = 1) on k | count"
        do {
            _ = try engine.makeSession().run(query, cancel: token)
            Issue.record("the query should have been interrupted")
        } catch {
            #expect(error.items.map(\.code) == [.interrupted])
            #expect(error.items.first?.message == "interrupted")
        }
        #expect(token.isCancelled)
        // A reset token lets the next query run to its end.
        token.reset()
        #expect(!token.isCancelled)
        #expect(csv(try engine.makeSession().run("docs | count", cancel: token)) == "count\n3\n")
    }

    @Test func aCancelledTokenStopsTheNextRunAtOnce() throws {
        let token = CancellationToken()
        token.cancel()
        let e = try #require(runError(engine(), "docs | count", cancel: token))
        #expect(e.code == .interrupted)
    }
}
