import ArgumentParser
import Foundation
import PlatformTuning
@_spi(MQInternals) import QueryLang

/// `mq`: run queries on a corpus, check and format scripts, validate corpora.
/// With no arguments it opens the REPL on the default corpus; with `-c` it runs one query.
struct MQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mq",
        abstract: "Query a news corpus of armed groups and political networks.",
        discussion: """
        With no subcommand, mq opens an interactive session on the default corpus (--corpus DIR, else \
        MQ_CORPUS, else ./seeds, else the seeds corpus mq was built with). When standard input is not a \
        terminal, mq reads a script from it and runs it like `mq run`.
        Exit status: 0 success, 1 a query error or a failed assert, 2 a usage error.
        """,
        version: "mq 0.6.0",
        subcommands: [RunCommand.self, CheckCommand.self, ExplainCommand.self, FmtCommand.self, CorpusCommand.self, BenchCommand.self]
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .customShort("c"), help: "Run one query and exit.") var commands: [String] = []

    func validate() throws {
        if commands.count > 1 {
            throw ValidationError("-c given \(commands.count) times; give one query (several statements may be separated by ';' or line breaks)")
        }
    }

    func run() throws {
        if let command = commands.first {
            let runner = try ScriptRunner(options: common)
            throw ExitCode(runner.run(sources: [("<command>", command)]))
        }
        if isatty(STDIN_FILENO) == 0 {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let text = String(decoding: data, as: UTF8.self)
            let runner = try ScriptRunner(options: common)
            throw ExitCode(runner.run(sources: [("<stdin>", text)]))
        }
        try REPLLauncher.start(options: common)
    }
}

/// Options every query-running command takes.
struct CommonOptions: ParsableArguments {
    @Option(help: "Corpus directory (default: MQ_CORPUS, ./seeds, or the bundled seeds).") var corpus: String?
    @Option(help: "Output format: table, line, csv, tsv, json, jsonl, markdown, ftm (FollowTheMoney entities), dot or graphml (link charts).") var format: OutputFormatArgument = .init(.table)
    @Option(help: "Diagnostics as human text or json.") var errorFormat: ErrorFormat = .human
    @Option(help: ArgumentHelp("Memory a query may make the process use (e.g. 4G, 512M), or none; a query that needs more stops with E402. Default: three quarters of the machine's memory.", valueName: "size"))
    var maxMemory: MemorySize = MemorySize(MemoryUse.defaultLimit)
    @Flag(help: "Write CSV and TSV cells exactly as the data holds them, for programs: no formula guard, control characters not escaped.")
    var exactCells = false
    @Option(help: "Run queries on a PostgreSQL server holding the pushed corpus (postgresql://...; default: MQ_ENGINE).")
    var engine: String?

    /// The SQL engine's URL: --engine, else MQ_ENGINE; nil (or "memory") runs in memory.
    var engineURL: String? {
        let u = engine ?? ProcessInfo.processInfo.environment["MQ_ENGINE"]
        guard let u, !u.isEmpty, u != "memory" else { return nil }
        return u
    }

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write the results to FILE (atomically; an existing file only with --force).")
    var output: String?
    @Flag(help: "Let -o replace an existing file.") var force = false
    @Option(name: .customLong("arg"), help: ArgumentHelp("Give the script parameter $NAME a value (a string).", valueName: "NAME=VALUE"))
    var arguments: [String] = []

    func validate() throws { _ = try parameters() }

    /// The --arg parameters, by name; a usage error for a malformed one.
    func parameters() throws -> [String: String] {
        var out: [String: String] = [:]
        for a in arguments {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                throw ValidationError("--arg takes NAME=VALUE, got '\(a)'")
            }
            let name = String(a[..<eq])
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ValidationError("--arg: '\(name)' is not a parameter name (letters, digits and _)")
            }
            out[name] = String(a[a.index(after: eq)...])
        }
        return out
    }

    enum ErrorFormat: String, ExpressibleByArgument { case human, json }
}

/// A memory size argument: `4G`, `512M`, bytes, or `none` for no limit.
struct MemorySize: ExpressibleByArgument {
    let bytes: Int?
    init(_ bytes: Int?) { self.bytes = bytes }
    init?(argument: String) {
        if argument.lowercased() == "none" { bytes = nil; return }
        guard let b = MemoryUse.parseSize(argument) else { return nil }
        bytes = b
    }
    var defaultValueDescription: String { bytes.map(MemoryUse.describe) ?? "none" }
}

struct OutputFormatArgument: ExpressibleByArgument {
    let value: OutputFormat
    init(_ v: OutputFormat) { value = v }
    init?(argument: String) {
        guard let v = OutputFormat(rawValue: argument) else { return nil }
        value = v
    }
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

/// Writes a message to standard error, through the terminal sanitiser: messages name files, echo what
/// was typed and quote the data, none of which may reach the terminal raw.
func printError(_ s: String) {
    printRendered(TerminalSanitizer.clean(s))
}

/// Writes text that a renderer has already made safe (diagnostics with their colours) to standard error.
func printRendered(_ s: String) {
    FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
}

/// Prints a line to standard output through the terminal sanitiser.
func printSafe(_ s: String) {
    print(TerminalSanitizer.clean(s))
}

@main
enum Main {
    static func main() {
        // mq owns its process: loads get the allocator and page tuning (MQ_PLATFORM_TUNING=off leaves it out).
        PlatformTuning.install()
        do {
            var command = try MQ.parseAsRoot()
            try command.run()
        } catch {
            let code = MQ.exitCode(for: error)
            if code == .validationFailure {
                // Usage errors exit with 2, as shells and the sqlite3/psql tools do.
                printError(MQ.fullMessage(for: error))
                exit(2)
            }
            MQ.exit(withError: error)
        }
    }
}
