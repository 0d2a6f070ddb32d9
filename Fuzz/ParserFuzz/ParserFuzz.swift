// libFuzzer harness (a): the lexer and parser, the formatter, `isComplete` and the diagnostic renderer on
// arbitrary bytes. Built by `make fuzz` with -sanitize=fuzzer,address and -DFUZZING; built normally it is
// a reproducer: `ParserFuzz FILE...` runs each file through the same code and prints "ok".
import Foundation
import FuzzDriver
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

@main
struct ParserFuzzMain {
    static func main() { FuzzDriver.main(prepare: ParserHarness.prepare, run: ParserHarness.run) }
}
