import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run .mq scripts in order, in one session.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Script files.") var files: [String]
    @Option(help: ArgumentHelp("Draw the run's last table as a link chart in FILE (.svg, .png, .pdf by GraphViz; .dot, .gv as text).", valueName: "FILE"))
    var chart: String?

    func run() throws {
        var sources: [(String, String)] = []
        for f in files {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
                printError("mq: cannot read \(f)")
                throw ExitCode(2)
            }
            sources.append((f, text))
        }
        var runner = try ScriptRunner(options: common)
        runner.chartPath = chart
        throw ExitCode(runner.run(sources: sources))
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Find errors in scripts without running them: names, fields, arity, types, entity names, regexes.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Script files.") var files: [String]

    func run() throws {
        let corpus = try CorpusSource.load(common.corpus)
        let engine = Engine.commandLine(corpus: corpus, maxMemory: common.maxMemory.bytes)
        var all: [Diagnostic] = []
        // The files are checked in order, each knowing the names the ones before it define (as mq run does).
        let session = engine.makeSession()
        for f in files {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
                printError("mq: cannot read \(f)")
                throw ExitCode(2)
            }
            // Read as mq run reads it: dot-command lines (.mode csv) are not statements.
            for case let .statements(statements, _) in ScriptReader.units(text) {
                all += engine.check(engine.parse(statements, file: f), in: session, remember: true)
            }
        }
        if !all.isEmpty {
            switch common.errorFormat {
            case .json: print(DiagnosticRenderer().json(all))
            case .human: printRendered(DiagnosticRenderer(color: Terminal.colorOnStderr).render(all))
            }
        }
        let errors = all.filter { $0.severity == .error }.count
        if errors > 0 {
            if common.errorFormat == .human { printError("\(errors) error\(errors == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")") }
            throw ExitCode(1)
        }
    }
}

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fmt",
        abstract: "Format scripts: print the formatted text, check that files are formatted, or rewrite them.")
    @Flag(help: "Exit 1 and list the files that are not formatted; change nothing.") var check = false
    @Flag(name: [.customShort("w"), .long], help: "Rewrite the files in place (atomically).") var write = false
    @Argument(help: "Script files.") var files: [String]

    func run() throws {
        var unformatted: [String] = []
        var failed = false
        for f in files {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
                printError("mq: cannot read \(f)")
                throw ExitCode(2)
            }
            // Read as mq run reads it: dot-command lines stay as they are, each block between them is formatted.
            var formatted = ""
            var diagnostics: [Diagnostic] = []
            for unit in ScriptReader.units(text) {
                switch unit {
                case let .command(line, _): formatted += line + "\n"
                case let .statements(block, _):
                    let (program, found) = Parser.parse(block, file: f)
                    diagnostics += found
                    formatted += Formatter().format(program)
                }
            }
            if !diagnostics.isEmpty {
                printRendered(DiagnosticRenderer(color: Terminal.colorOnStderr).render(diagnostics))
                failed = true
                continue
            }
            if check {
                if formatted != text { unformatted.append(f) }
            } else if write {
                if formatted != text {
                    do { try SafeFileWriter.write(formatted, to: f) } catch {
                        printError("mq: \(error)")
                        failed = true
                    }
                }
            } else {
                print(formatted, terminator: "")
            }
        }
        for f in unformatted { printSafe("not formatted: \(f)") }
        if failed || !unformatted.isEmpty { throw ExitCode(1) }
    }
}
