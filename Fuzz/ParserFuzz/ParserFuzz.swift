// libFuzzer harness (a): the lexer and parser, the formatter, `isComplete` and the diagnostic renderer on
// arbitrary bytes. Built by `make fuzz` with -sanitize=fuzzer,address and -DFUZZING; built normally it is
// a reproducer: `ParserFuzz FILE...` runs each file through the same code and prints "ok".
import Foundation
@_spi(MQInternals) import QueryLang

enum ParserHarness {
    /// Loads what every input shares before libFuzzer starts counting allocations.
    static func prepare() {
        _ = Parser.parse("docs | count")
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        let (program, diagnostics) = Parser.parse(text, file: "<fuzz>", maxDepth: 200)
        _ = Parser.isComplete(text)
        _ = DiagnosticRenderer().render(diagnostics)
        _ = DiagnosticRenderer(color: true).render(diagnostics)
        _ = DiagnosticRenderer().json(diagnostics)
        let formatted = Formatter().format(program)
        // `parse(format(ast)) == ast` for a program without errors (spans compare equal).
        if diagnostics.isEmpty {
            let (again, d2) = Parser.parse(formatted, file: "<fuzz-formatted>", maxDepth: 400)
            if ProcessInfo.processInfo.environment["MQ_FUZZ_ROUNDTRIP"] == "1" && (!d2.isEmpty || again != program) {
                fatalError("format round trip changed the program:\n--- input\n\(text)\n--- formatted\n\(formatted)\n\(DiagnosticRenderer().render(d2))")
            }
        }
    }
}

// SwiftPM links an executable with its own entry point, so `main` stays ours: with -DFUZZING it hands
// control to libFuzzer's driver (LLVMFuzzerRunDriver), otherwise it runs the files it is given.
#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
struct ParserFuzzMain {
    static func main() {
        #if FUZZING
        ParserHarness.prepare()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            ParserHarness.run(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            data.withUnsafeBytes { ParserHarness.run($0) }
            print("ok \(path)")
        }
        #endif
    }
}
