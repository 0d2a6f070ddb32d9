import CEditLine
import Foundation
@_spi(MQInternals) import QueryLang

/// The interactive loop: reads statements (over several lines when the parser says they are not
/// finished), runs meta-commands and queries, prints results, keeps history.
final class REPLSession {
    let corpus: Corpus
    let engine: Engine
    let session: Session
    let editor = LineEditor()
    let historyFile: HistoryFile
    var history: [String]
    /// Statements that ran without error, for `.save`.
    var transcript: [String] = []
    var mode: OutputFormat
    var timing = false
    /// CSV and TSV cells written exactly (`--exact-cells`): no formula guard, controls not escaped.
    var exactCells = false
    var maxRows = 40
    /// One field per line: always, never, or when a row does not fit the terminal (`\x`).
    var expanded: TableRenderer.Expanded = .auto
    /// Widest a table column may be (`.maxwidth`); nil for no limit.
    var maxWidth: Int?
    /// `.output FILE`: every result goes there until `.output` alone (written when it is closed).
    var outputFile: OutputFile?
    /// `.once FILE`: the results of the next statements go there; `onceFile` while they run.
    var pendingOnce: OutputFile?
    private var onceFile: OutputFile?
    let color: Bool
    var running = true
    /// Where the dot-command being run comes from (`file:line` in a script), for its error messages.
    var commandOrigin: String?
    /// Set by ``fail(_:)`` while a dot-command runs.
    var commandFailed = false

    /// The PostgreSQL engine queries run on (--engine), or nil to run them in memory.
    var sql: SQLRunner?

    init(corpus: Corpus, mode: OutputFormat, output: OutputFile? = nil, parameters: [String: String] = [:],
         maxMemory: Int? = MemoryUse.defaultLimit, sql: ((Engine) -> SQLRunner)? = nil) {
        outputFile = output
        self.corpus = corpus
        engine = Engine.commandLine(corpus: corpus, maxMemory: maxMemory)
        self.sql = sql?(engine)
        session = engine.makeSession()
        for (name, value) in parameters { session.setParameter(name, .string(value)) }
        self.mode = mode
        color = Terminal.colorOnStdout
        historyFile = HistoryFile(path: HistoryFile.defaultPath())
        history = historyFile.load()
        for h in history { editor.addHistory(h) }
        let completer = Completer(corpus: corpus, metaCommands: MetaCommands.arguments, functions: engine.options.functions)
        editor.complete = { [unowned self] text in
            completer.complete(text, variables: Array(self.session.variableTypes.keys),
                               functions: Array(self.session.functionArity.keys))
        }
    }

    var prompt: String { color ? "\u{1}\u{1B}[1;36m\u{1}mq>\u{1}\u{1B}[0m\u{1} " : "mq> " }
    var continuation: String { color ? "\u{1}\u{1B}[2m\u{1}...>\u{1}\u{1B}[0m\u{1} " : "...> " }

    func run() {
        Interrupt.install()
        printSafe("mq on \(corpus.name): \(corpus.documents.count) documents, \(corpus.entities.count) entities, \(corpus.facts.count) facts. .help for help, Ctrl-D to quit.")
        runRCFile()
        editor.markPastes(true)
        defer { editor.markPastes(false) }
        while running {
            guard let statement = readStatement() else { break }
            if statement.trimmed.isEmpty { continue }
            history.append(statement)
            editor.addHistory(statement)
            // Appended after every statement, so that a kill loses nothing typed before it, and other
            // sessions' statements are kept beside this one's.
            appendHistory(statement)
            execute(statement, interactive: true)
        }
        closeOutput()
    }

    /// Ends `.output`: the file takes its name now.
    func closeOutput() {
        guard let file = outputFile else { return }
        outputFile = nil
        do { try file.commit() } catch { printError("mq: \(error)") }
    }

    /// Writes a result where it goes: the `.once` or `.output` file, else the terminal (through the pager).
    private func emit(_ text: String, interactive: Bool) {
        if let file = onceFile ?? outputFile { file.write(text) } else { Pager.write(text, enabled: interactive) }
    }

    /// The last history failure shown: the same one (a full disk) is not repeated after every statement.
    private var historyFailure: String?

    func appendHistory(_ statement: String) {
        do {
            try historyFile.append(statement)
            historyFailure = nil
        } catch {
            let message = "\(error)"
            if message != historyFailure { printError("mq: \(message) (history is kept in memory for this session)") }
            historyFailure = message
        }
    }

    /// Reads lines until they form a finished unit (or a meta-command); nil at end of input.
    /// A unit ends at a line after which the statements are finished, unless more input is already
    /// waiting (a paste): pasted lines are gathered and parsed together, as `mq run` reads a file, so
    /// that a pipeline pasted one stage per line is one statement.
    private func readStatement() -> String? {
        var lines: [String] = []
        while true {
            editor.pendingText = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
            guard let line = editor.readLine(prompt: lines.isEmpty ? prompt : continuation) else {
                if lines.isEmpty { print(""); return nil }
                print("\n(statement discarded)")
                lines = []
                continue
            }
            if editor.cancelled {
                lines = []
                continue
            }
            if lines.isEmpty && ScriptReader.isCommandLine(line) { return line }
            lines.append(line)
            let text = lines.joined(separator: "\n")
            if text.trimmed.isEmpty { return "" }
            if editor.inputPending() { continue }
            if Self.isFinished(text) { return text }
        }
    }

    /// Whether the last statements of a unit are finished (its dot-command lines always are).
    static func isFinished(_ text: String) -> Bool {
        guard case let .statements(last, _)? = ScriptReader.units(text).last else { return true }
        return Parser.isComplete(last)
    }

    /// Runs a unit of input (a typed statement, a paste, a script) through the script reader
    /// (``ScriptDriver``): its dot-commands and blocks of statements in turn, stopping at the first error.
    /// `interactive` (typed or pasted) controls the pager and the transcript. Returns false when something failed.
    @discardableResult
    func execute(_ text: String, interactive: Bool, file: String = "<repl>") -> Bool {
        ScriptDriver.run(text, file: file, typed: interactive, host: self)
    }

    /// Reports a meta-command's error (with the script's file:line when it came from one) and marks the
    /// command as failed, so that a script stops there.
    func fail(_ message: String) {
        commandFailed = true
        printError((commandOrigin.map { $0 + ": " } ?? "") + message)
    }

    /// Compiles and runs a block of statements; prints their outputs. False on an error.
    private func runStatementsNow(_ text: String, interactive: Bool, file: String) -> Bool {
        let token = CancellationToken()
        Interrupt.current = token
        defer { Interrupt.current = nil }
        let start = ContinuousClock.now
        var output = ""
        var ok = true
        var last: Value? = nil
        // A file gets every row, at no width and without colour; the terminal gets what fits.
        let toFile = (onceFile ?? outputFile) != nil
        let columns = Int(mq_terminal_columns())
        var options = toFile
            ? TableRenderer.Options(maxColumnWidth: maxWidth)
            : TableRenderer.Options(width: columns > 0 ? columns : nil, maxRows: mode == .table || mode == .line ? maxRows : nil,
                                    color: color, maxColumnWidth: maxWidth, expanded: expanded)
        // Charts fit the terminal; in a file, `.maxwidth` or 80 columns.
        options.chart = toFile || columns <= 0 ? ChartStyle(width: maxWidth ?? 80)
            : ChartStyle(width: columns, color: color, maxRows: maxRows)
        defer {
            // `_` is the last result, for the statements typed after.
            if let last { session.setVariable("_", last) }
        }
        do {
            let compiled = try engine.compile(text, file: file, in: session)
            if !compiled.warnings.isEmpty { printRendered(DiagnosticRenderer(color: Terminal.colorOnStderr).render(compiled.warnings)) }
            let writer = ResultWriter(format: mode, corpus: corpus, options: options, exact: exactCells) { output += $0 }
            defer { writer.finish() }
            let show = { (out: StatementOutput) in
                switch out {
                case let .table(t, _): last = .table(t)
                case let .value(v, _): last = v
                case .printed: break
                }
                writer.write(out)
            }
            if let sql {
                try sql.run(compiled, parameters: session.parameters, onOutput: show)
                // The session learns the names the statement defined, for the checker of the next one.
                _ = engine.check(engine.parse(text, file: file), in: session, remember: true)
            } else {
                try session.run(compiled, cancel: token, onOutput: show)
            }
            if interactive { transcript.append(text.trimmingLeadingBlankLines()) }
        } catch {
            ok = false
            if !output.isEmpty { emit(output, interactive: interactive) }
            output = ""
            if error.items.contains(where: { $0.code == .interrupted }) {
                printError("interrupted")
            } else {
                printRendered(DiagnosticRenderer(color: Terminal.colorOnStderr).render(error.items))
            }
        }
        if !output.isEmpty { emit(output, interactive: interactive) }
        if timing {
            print(String(format: "time: %.1f ms", (ContinuousClock.now - start).milliseconds))
        }
        return ok
    }

    /// `$XDG_CONFIG_HOME/mq/mqrc` (or `~/.config/mq/mqrc`), read at interactive start only.
    private func runRCFile() {
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        let path = config + "/mq/mqrc"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        runScript(text, name: path)
    }

    /// Runs a script (the rc file) as `mq run` reads one; stops at its first error, which names the
    /// file, line and column. Returns false when it stopped.
    @discardableResult
    func runScript(_ text: String, name: String) -> Bool {
        execute(text, interactive: false, file: name)
    }
}

extension String {
    /// The text without the blank lines before its first statement.
    func trimmingLeadingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let f = lines.first, f.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}

extension REPLSession: ScriptHost {
    func runCommand(_ line: String, origin: String?) -> Bool {
        let outer = commandOrigin
        commandOrigin = origin
        defer { commandOrigin = outer }
        commandFailed = false
        MetaCommands.run(line, in: self)
        return !commandFailed
    }

    func runStatements(_ text: String, file: String, typed: Bool) -> Bool {
        // `.once`: these statements' results go to its file, which takes its name after them.
        if let once = pendingOnce {
            pendingOnce = nil
            onceFile = once
        }
        let ok = runStatementsNow(text, interactive: typed, file: file)
        if let once = onceFile {
            onceFile = nil
            if ok {
                do { try once.commit() } catch { printError("mq: \(error)") }
            } else {
                once.abandon()
                printError("\(once.path) not written (the statement stopped at an error)")
            }
        }
        return ok
    }
}
