import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Pathological query text: each must end in a diagnostic, never a crash (stack overflow, trap) or a hang.
@Suite("Pathological input")
struct PathologicalInputTests {
    // MARK: Nesting

    @Test func hundredThousandOpenBracketsIsE103() {
        for open in ["(", "[", "{a: ", "-", "not ", "f("] {
            let text = String(repeating: open, count: 100_000) + "1"
            let (_, diagnostics) = Parser.parse(text)
            #expect(diagnostics.contains { $0.code == .nestingTooDeep }, "\(open) x 100000")
            #expect(Run.codes(text).contains(.nestingTooDeep))
        }
    }

    @Test func deeplyNestedButBalancedIsE103() {
        let text = String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
        #expect(Run.codes(text) == [.nestingTooDeep])
    }

    @Test func nestingWithinTheLimitRuns() {
        let text = String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40)
        #expect(Run.value(text) == .int(1))
    }

    /// Left-associative chains and postfix chains are built by loops in the parser, not by recursion, so
    /// they must be bounded separately: otherwise the checker, evaluator and formatter recurse 100,000
    /// deep over the tree.
    @Test func longOperatorChainsAreE103() {
        let chains = [
            String(repeating: "1 + ", count: 100_000) + "1",
            String(repeating: "true and ", count: 100_000) + "true",
            "docs | where " + String(repeating: "id == \"x\" or ", count: 100_000) + "true",
            "entities[0]" + String(repeating: ".name", count: 100_000),
            "[1]" + String(repeating: "[0]", count: 100_000),
        ]
        for text in chains {
            let (program, diagnostics) = Parser.parse(text)
            #expect(diagnostics.contains { $0.code == .nestingTooDeep }, "\(text.prefix(30))…")
            _ = Formatter().format(program)
            #expect(Run.codes(text).contains(.nestingTooDeep))
        }
    }

    @Test func aChainOfAHundredOperatorsRuns() {
        #expect(Run.value(String(repeating: "1 + ", count: 100) + "1") == .int(101))
        #expect(Run.value("[[[1]]]" + String(repeating: "[0]", count: 2) + "[0]") == .int(1))
    }

    @Test func aPipelineOfManyStagesRuns() {
        // Stages are a list, not a nesting: 5,000 of them are fine.
        let text = "docs" + String(repeating: " | where true", count: 5_000) + " | count"
        #expect(Run.rowCount(text) == 1)
    }

    // MARK: Size

    @Test func hugeStringLiteralIsE006() {
        let text = "len(\"" + String(repeating: "x", count: 2 << 20) + "\")"
        #expect(Run.codes(text) == [.literalTooLong])
    }

    @Test func largeStringLiteralUnderTheLimitRuns() {
        let text = "len(\"" + String(repeating: "é", count: 400_000) + "\")"
        #expect(Run.value(text) == .int(400_000))
    }

    @Test func hugeLineWithAnErrorAtItsEndRendersTheDiagnostic() throws {
        // 8 MB on one line, then an unknown name: the diagnostic points at column 8,000,001.
        let text = String(repeating: " ", count: 8_000_000) + "nosuchname"
        let d = try #require(Run.firstError(text))
        #expect(d.code == .unknownName)
        #expect(d.location?.column == 8_000_001)
        let rendered = DiagnosticRenderer().render(d)
        #expect(rendered.hasPrefix("<query>:1:8000001: error[E205]"))
    }

    @Test func hugeListLiteralRuns() {
        let text = "len([" + Array(repeating: "1", count: 200_000).joined(separator: ",") + "])"
        #expect(Run.value(text) == .int(200_000))
    }

    @Test func manyStatementsRun() {
        let text = (0..<20_000).map { "let v\($0) = \($0)" }.joined(separator: "\n") + "\nv19999"
        #expect(Run.value(text) == .int(19_999))
    }

    @Test func stringGrowthStopsAtTheStringLimit() {
        var text = "let s0 = \"" + String(repeating: "x", count: 1024) + "\"\n"
        for i in 1...20 { text += "let s\(i) = s\(i - 1) + s\(i - 1)\n" }
        let d = Run.firstError(text, Run.engine { $0.maxStringBytes = 1 << 20 })
        #expect(d?.code == .limitReached)
    }

    @Test func replaceThatWouldExceedTheStringLimitIsRefusedBeforeBuilding() {
        // 100,000 "a" each replaced by 1 MB would be 100 GB: refused from the sizes, not after building it.
        var text = "let big = \"" + String(repeating: "y", count: 1 << 10) + "\"\n"
        for i in 1...10 { text += "let big = big + big\n"; _ = i }
        text += "len(replace(\"" + String(repeating: "a", count: 100_000) + "\", \"a\", big))"
        #expect(Run.codes(text, Run.engine { $0.maxStringBytes = 8 << 20 }) == [.wrongType])
    }

    @Test func joinThatWouldExceedTheStringLimitIsRefusedBeforeBuilding() {
        var text = "let big = \"" + String(repeating: "y", count: 1 << 10) + "\"\n"
        for _ in 1...10 { text += "let big = big + big\n" }
        text += "let l = [big, big, big, big, big, big, big, big]\nlet l = l + l + l + l\n"
        text += "len(join(l + l + l + l, \",\"))"
        #expect(Run.codes(text, Run.engine { $0.maxStringBytes = 8 << 20 }) == [.wrongType])
    }

    // MARK: Imports

    @Test func deepImportsAreE405() throws {
        var files: [String: String] = [:]
        for i in 0..<100 { files["f\(i).mq"] = "import \"f\(i + 1).mq\"\n" }
        files["f100.mq"] = "let deepest = 1\n"
        let engine = Run.engine(imports: MemoryImportLoader(files: files))
        let d = try #require(Run.firstError("import \"f0.mq\"", engine))
        #expect(d.code == .importFailed)
        #expect(d.message.contains("nest more than 16 deep"))
    }

    @Test func importsWithinTheDepthLimitRun() {
        var files: [String: String] = [:]
        for i in 0..<10 { files["f\(i).mq"] = "import \"f\(i + 1).mq\"\n" }
        files["f10.mq"] = "def deepest() = 42\n"
        let engine = Run.engine(imports: MemoryImportLoader(files: files))
        #expect(Run.value("import \"f0.mq\"\ndeepest()", engine) == .int(42))
    }

    @Test func importCycleIsE405() throws {
        let files = ["a.mq": "import \"b.mq\"\n", "b.mq": "import \"c.mq\"\n", "c.mq": "import \"a.mq\"\n",
                     "self.mq": "import \"self.mq\"\n"]
        let engine = Run.engine(imports: MemoryImportLoader(files: files))
        let d = try #require(Run.firstError("import \"a.mq\"", engine))
        #expect(d.code == .importFailed)
        #expect(d.message.contains("import cycle"))
        #expect(Run.codes("import \"self.mq\"", engine) == [.importFailed])
    }

    @Test func importsAreRefusedWithoutALoader() {
        #expect(Run.codes("import \"x.mq\"") == [.importFailed])
    }

    @Test func anImportedFileWithASyntaxErrorIsReportedNotRun() {
        let engine = Run.engine(imports: MemoryImportLoader(files: ["bad.mq": "let x = (\n"]))
        let d = Run.firstError("import \"bad.mq\"", engine)
        #expect(d?.code == .unfinishedStatement)
        #expect(d?.file?.name == "bad.mq")
    }

    // MARK: Regular expressions

    @Test func catastrophicRegexIsRefused() {
        for pattern in ["(a+)+$", "(a*)*b", "(x+x+)+y", "(.*a){20}", "((ab)*)+", "(a?){30}a{30}", "(\\w+\\s?)*$"] {
            // As a literal: found by the checker.
            #expect(Run.codes("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" matches r\"\(pattern)\"") == [.invalidRegex], "\(pattern)")
            // Built at run time: refused by the evaluator.
            #expect(Run.codes("let p = r\"\(pattern)\"\n\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" matches p") == [.invalidRegex], "\(pattern)")
        }
    }

    @Test func harmlessRegexesAreAccepted() {
        #expect(Run.value("\"Kataib Hezbollah\" matches r\"(?i)^kataib\\s+(hez|hiz)b(o|a)llah$\"") == .bool(true))
        #expect(Run.value("\"abc\" matches r\"(?:ab)+c\"") == .bool(true))
        #expect(Run.value("\"aaa\" matches r\"(a){1}\"") == .bool(true))
    }

    @Test func slowRegexThatSlipsThroughIsStoppedByTheStepLimit() {
        // Exponential but not caught by the pattern check (overlapping alternatives): the regex engine
        // reports progress, and the step limit, the time limit and cancellation stop it.
        let text = "\"" + String(repeating: "a", count: 60) + "!\" matches r\"(a|aa)+$\""
        #expect(Run.codes(text, Run.engine { $0.maxSteps = 2_000_000 }) == [.limitReached])
        #expect(Run.codes(text, Run.engine { $0.timeout = .milliseconds(200) }) == [.limitReached])
    }

    @Test func longRegexIsRefused() {
        let pattern = String(repeating: "a", count: 1_001)
        #expect(Run.codes("let p = \"\(pattern)\"\n\"a\" matches p") == [.invalidRegex])
    }

    // MARK: Rows

    @Test func crossJoinOfEveryMentionWithEveryMentionIsE402() throws {
        let n = Seeds.corpus.mentions.count
        // The default row limit is 5,000,000; the seeds have n mentions, so n * n rows.
        let engine = n * n > Limits().maxRows ? Run.engine() : Run.engine { $0.maxRows = n * n / 2 }
        // Rows that flow through a join are not held; a sort after it holds them all.
        let d = try #require(Run.firstError("mentions | join (mentions) on 1 == 1 | sort by start", engine))
        #expect(d.code == .limitReached)
        #expect(d.message.contains("the input of 'sort' would hold more than"))
    }

    @Test func outputOfMillionsOfRowsIsE402() throws {
        // 2,000,000 rows: under the row limit (5,000,000), over the output limit (1,000,000).
        let l = "[" + (0..<1000).map(String.init).joined(separator: ",") + "]"
        let d = try #require(Run.firstError("let l = \(l)\nl | expand b = l | expand c = [1, 2]"))
        #expect(d.code == .limitReached)
        #expect(d.message.contains("more than the output limit of 1000000"))
        // Counted, the same rows are fine.
        #expect(Run.rowCount("let l = \(l)\nl | expand b = l | expand c = [1, 2] | count") == 1)
    }

    @Test func expandThatExplodesIsE402() {
        let l = "[" + (0..<1000).map(String.init).joined(separator: ",") + "]"
        // A billion rows: what holds them (the sort) stops at the row limit.
        let text = "let l = \(l)\nl | expand b = l | expand c = l | sort by c"
        #expect(Run.codes(text, Run.engine { $0.maxRows = 100_000 }) == [.limitReached])
    }

    @Test func stepLimitStopsLongQueries() {
        #expect(Run.codes("mentions | join (mentions) on 1 == 1 | count", Run.engine { $0.maxSteps = 100_000 }) == [.limitReached])
    }

    // MARK: Integer overflow

    @Test func integerOverflowInArithmeticIsE406() {
        for text in ["9223372036854775807 + 1", "-9223372036854775807 - 2", "9223372036854775807 * 2",
                     "(-9223372036854775807 - 1) / -1", "(-9223372036854775807 - 1) % -1", "-(-9223372036854775807 - 1)",
                     "let m = -9223372036854775807 - 1\n-m", "abs(-9223372036854775807 - 1)",
                     "docs | extend x = length * 9223372036854775807 | count"] {
            #expect(Run.codes(text) == [.integerOverflow], "\(text)")
        }
    }

    @Test func integerOverflowInSumIsE406() {
        #expect(Run.codes("[{v: 9223372036854775807}, {v: 1}] | summarize s = sum(v)") == [.integerOverflow])
        #expect(Run.codes("[{v: -9223372036854775807}, {v: -9223372036854775807}] | summarize s = sum(v) by k = 1") == [.integerOverflow])
        #expect(Run.codes("docs | summarize s = sum(length * 1000000000000000000)") == [.integerOverflow])
        // avg of the same values does not overflow (it is a float).
        #expect(Run.codes("[{v: 9223372036854775807}, {v: 9223372036854775807}] | summarize s = avg(v)") == [])
    }

    @Test func integerLiteralTooLargeIsE004() {
        #expect(Run.codes("9223372036854775808") == [.malformedNumber])
        #expect(Run.codes("99999999999999999999999999999999") == [.malformedNumber])
    }

    @Test func extremeIntegerArgumentsDoNotTrap() {
        let max = "9223372036854775807", min = "(-9223372036854775807 - 1)"
        let texts = [
            "substr(\"Kataib\", 1, \(max))", "substr(\"Kataib\", \(max), \(max))", "substr(\"Kataib\", \(min), \(min))",
            "slice([1, 2, 3], \(min), \(max))", "slice([1, 2, 3], \(max), \(min))", "[1, 2][\(min)]", "[1, 2][\(max)]",
            "\"abc\"[\(min)]", "docs[\(min)]", "round(2.5, \(max))", "round(2.5, \(min))", "date(\(max), \(max), \(max))",
            "docs | take \(max) | count", "docs | top \(max) by id | count", "context(mentions[0], \(max))",
            "context(mentions[0], \(min))", "int(1e300)", "floor(-1e300)", "int(\"\(max)0\")",
            "docs | kwic \"Iraq\" width \(max)", "float(\(max)) * 10.0",
        ]
        for text in texts {
            // Any result or diagnostic is fine; the point is that none of them traps.
            _ = Run.query(text)
        }
        #expect(Run.value("substr(\"Kataib\", 1, \(max))") == .string("ataib"))
    }

    // MARK: Calls

    @Test func deeplyNestedDefCallsAreE402() throws {
        var text = "def f0(x) = x + 1\n"
        for i in 1...300 { text += "def f\(i)(x) = f\(i - 1)(x) + 1\n" }
        text += "f300(0)"
        let d = try #require(Run.firstError(text))
        #expect(d.code == .limitReached)
        #expect(d.message.contains("calls nest more than 200 deep"))
        // Within the limit they run.
        #expect(Run.value(text.replacingOccurrences(of: "f300(0)", with: "f150(0)")) == .int(151))
    }

    @Test func deepCallsWithDeepBodiesDoNotOverflowTheStack() {
        // 200 nested calls, each body nested 40 deep: 8,000 nested evaluations.
        let nest = 40
        var text = "def f0(x) = x\n"
        for i in 1...199 {
            text += "def f\(i)(x) = " + String(repeating: "(", count: nest) + "f\(i - 1)(x)" + String(repeating: " + 1)", count: nest) + "\n"
        }
        text += "f199(0)"
        let codes = Run.codes(text)
        #expect(codes == [] || codes == [.limitReached])
    }

    @Test func mutualRecursionThroughRedefinitionIsE402() {
        let text = "def g(x) = 1\ndef f(x) = g(x)\ndef g(x) = f(x)\nf(1)"
        #expect(Run.codes(text) == [.limitReached])
    }

    @Test func directRecursionIsRefusedByTheChecker() {
        #expect(Run.codes("def f(x) = f(x)\nf(1)") == [.recursiveFunction])
    }
}

/// The embedding API with out-of-range options: no trap.
@Suite("Embedding options")
struct EmbeddingOptionTests {
    @Test func rendererOptionsOutOfRangeDoNotTrap() throws {
        let session = Engine(corpus: Seeds.corpus).makeSession()
        let outs = try session.run("docs | select id, title")
        for options in [TableRenderer.Options(width: -5, maxRows: -1), .init(width: 0, maxRows: 0), .init(width: 1, maxRows: .max)] {
            for out in outs { _ = OutputFormat.table.render(out, corpus: Seeds.corpus, options: options) }
        }
    }

    @Test func limitsAtTheirExtremesDoNotTrap() {
        for change in [{ (l: inout Limits) in l.maxSteps = 0 }, { $0.maxRows = 0 }, { $0.maxOutputRows = 0 }, { $0.maxDepth = 0 },
                       { $0.maxRegexLength = 0 }, { $0.timeout = .zero }, { $0.maxImportDepth = 0 }, { $0.maxStringBytes = 0 },
                       { $0.maxStringBytes = .max }, { $0.maxDepth = .max }, { $0.timeout = .seconds(-1) }] as [(inout Limits) -> Void] {
            for q in ["docs | count", "str([1, 2])", "\"a\" matches \"a\"", "let x = [1]\nx", "docs | where title has \"Iraq\" | select id"] {
                _ = Run.query(q, Run.engine(change))
            }
        }
    }

    @Test func historyFileWithANegativeCapacityOrBinaryContentDoesNotTrap() throws {
        let path = NSTemporaryDirectory() + "mq-history-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try HistoryFile(path: path, capacity: -1).save(["docs | count"])
        #expect(HistoryFile(path: path).load() == [])
        try Data([0xFF, 0x00, 0x5C, 0x0A, 0x0D, 0x0A, 0x5C, 0x6E, 0xC3]).write(to: URL(fileURLWithPath: path))
        _ = HistoryFile(path: path).load()
    }
}
