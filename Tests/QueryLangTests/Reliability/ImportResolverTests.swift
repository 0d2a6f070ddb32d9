import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Imports are resolved by one ``ImportResolver`` for the checker and the interpreter: the same limits
/// (the session's), the same cycle check, the same refusals and the same diagnostics, whether a program
/// is checked (`mq check`, the REPL before running) or run without a check (a host that runs a parsed
/// program, the interpreter on its own).
@Suite("Import resolver")
struct ImportResolverTests {
    /// `f0.mq` imports `f1.mq` ... imports `f<n>.mq`, which defines `deepest()`.
    static func chain(_ n: Int) -> MemoryImportLoader {
        var files: [String: String] = [:]
        for i in 0..<n { files["f\(i).mq"] = "import \"f\(i + 1).mq\"\n" }
        files["f\(n).mq"] = "def deepest() = 42\n"
        return MemoryImportLoader(files: files)
    }

    static let cycle = MemoryImportLoader(files: ["a.mq": "import \"b.mq\"\n", "b.mq": "import \"a.mq\"\n"])

    /// The errors of checking `text` (no run).
    static func checkErrors(_ text: String, _ engine: Engine) -> [Diagnostic] {
        engine.check(engine.parse(text)).filter { $0.severity == .error }
    }

    /// The error of running `text` straight from its syntax tree, without the checker.
    static func runError(_ text: String, _ engine: Engine, limits: Limits? = nil) -> Diagnostic? {
        let interpreter = Interpreter(corpus: engine.corpus, limits: limits ?? engine.options.limits,
                                      functions: engine.options.functions, importLoader: engine.options.importLoader)
        let file = SourceFile(name: "<query>", text: text)
        let (program, syntax) = Parser.parse(text)
        #expect(syntax.isEmpty)
        do { try interpreter.run(program, file: file) { _ in } } catch let d as Diagnostic { return d } catch { return nil }
        return nil
    }

    @Test func depthIsTheLimitsOneInTheCheckAndTheRun() throws {
        let engine = Run.engine({ $0.maxImportDepth = 3 }, imports: Self.chain(5))
        let checked = try #require(Self.checkErrors("import \"f0.mq\"", engine).first)
        #expect(checked.code == .importFailed)
        #expect(checked.message == "imports nest more than 3 deep")
        let ran = try #require(Self.runError("import \"f0.mq\"", engine))
        #expect(ran.code == .importFailed)
        #expect(ran.message == checked.message)
        #expect(ran.file?.name == checked.file?.name && ran.span.start == checked.span.start && ran.span.end == checked.span.end)
        // Within the limit both accept it: the query and two files import, three levels.
        let shallow = Run.engine({ $0.maxImportDepth = 3 }, imports: Self.chain(2))
        #expect(Self.checkErrors("import \"f0.mq\"\ndeepest()", shallow).isEmpty)
        #expect(Self.runError("import \"f0.mq\"\ndeepest()", shallow) == nil)
        #expect(Run.value("import \"f0.mq\"\ndeepest()", shallow) == .int(42))
    }

    @Test func aSessionsOwnLimitsAreTheCheckersToo() throws {
        let engine = Run.engine(imports: Self.chain(5))
        let session = engine.makeSession()
        session.limits.maxImportDepth = 2
        let errors = engine.check(engine.parse("import \"f0.mq\""), in: session).filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["imports nest more than 2 deep"])
    }

    @Test func cycleInTheCheckAndTheRun() throws {
        let engine = Run.engine(imports: Self.cycle)
        let checked = try #require(Self.checkErrors("import \"a.mq\"", engine).first)
        #expect(checked.code == .importFailed)
        #expect(checked.message == "import cycle: <query> -> a.mq -> b.mq -> a.mq")
        #expect(checked.file?.name == "b.mq")
        let ran = try #require(Self.runError("import \"a.mq\"", engine))
        #expect(ran.code == .importFailed && ran.message == checked.message && ran.file?.name == "b.mq")
        // A cycle is named as a cycle even where the depth limit is reached at the same import.
        let tight = Run.engine({ $0.maxImportDepth = 2 }, imports: Self.cycle)
        #expect(Self.checkErrors("import \"a.mq\"", tight).map(\.message) == [checked.message])
        #expect(Self.runError("import \"a.mq\"", tight)?.message == checked.message)
    }

    @Test func missingFileInTheCheckAndTheRun() throws {
        let engine = Run.engine(imports: MemoryImportLoader(files: [:]))
        let checked = try #require(Self.checkErrors("import \"gone.mq\"", engine).first)
        #expect(checked.code == .importFailed)
        #expect(checked.message == "cannot import \"gone.mq\": no file gone.mq")
        #expect((checked.span.start, checked.span.end) == (7, 16))
        let ran = try #require(Self.runError("import \"gone.mq\"", engine))
        #expect(ran.code == .importFailed && ran.message == checked.message && ran.span.start == checked.span.start)
        // Names the unread file might have defined are not reported as unknown on top of it.
        #expect(Self.checkErrors("import \"gone.mq\"\nhelper(1)", engine).map(\.code) == [.importFailed])
    }

    @Test func noLoaderInTheCheckAndTheRun() throws {
        let engine = Run.engine()
        let checked = try #require(Self.checkErrors("import \"x.mq\"", engine).first)
        #expect(checked.code == .importFailed && checked.message == "imports are not allowed here")
        #expect(Self.runError("import \"x.mq\"", engine)?.message == checked.message)
    }

    /// An imported file is parsed with the expression depth of the limits, in the check as in the run.
    @Test func importedFilesAreParsedWithTheLimitsDepth() throws {
        let nested = "let x = " + String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40) + "\n"
        let engine = Run.engine({ $0.maxDepth = 20 }, imports: MemoryImportLoader(files: ["deep.mq": nested]))
        let checked = try #require(Self.checkErrors("import \"deep.mq\"", engine).first)
        #expect(checked.code == .nestingTooDeep)
        #expect(checked.file?.name == "deep.mq")
        #expect(Self.runError("import \"deep.mq\"", engine)?.code == .nestingTooDeep)
        let roomy = Run.engine(imports: MemoryImportLoader(files: ["deep.mq": nested]))
        #expect(Self.checkErrors("import \"deep.mq\"\nx", roomy).isEmpty)
    }

    /// A named pipe among the files imports may read is refused at once, never waited on.
    @Test func aNamedPipeIsRefused() throws {
        let dir = NSTemporaryDirectory() + "mq-imports-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/pipe.mq", 0o600) == 0)
        try "def ok() = 1\n".write(toFile: dir + "/ok.mq", atomically: true, encoding: .utf8)
        let loader = FileImportLoader(allowedRoots: [dir], workingDirectory: dir)
        let engine = Run.engine(imports: loader)
        let checked = try #require(Self.checkErrors("import \"pipe.mq\"", engine).first)
        #expect(checked.code == .importFailed)
        #expect(checked.message.contains("not a regular file"))
        #expect(Self.runError("import \"pipe.mq\"", engine)?.code == .importFailed)
        #expect(Run.value("import \"ok.mq\"\nok()", engine) == .int(1))
    }
}
