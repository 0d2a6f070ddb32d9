import CEditLine
import Foundation
import QueryLang

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
    var maxRows = 40
    /// How deep `.read` scripts nest (a script may read itself).
    var scriptDepth = 0
    let color: Bool
    var running = true

    /// The PostgreSQL engine queries run on (--engine), or nil to run them in memory.
    var sql: SQLRunner?

    init(corpus: Corpus, mode: OutputFormat, sql: ((Engine) -> SQLRunner)? = nil) {
        self.corpus = corpus
        engine = Engine.commandLine(corpus: corpus)
        self.sql = sql?(engine)
        session = engine.makeSession()
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
        print("mq on \(corpus.name): \(corpus.documents.count) documents, \(corpus.entities.count) entities, \(corpus.facts.count) facts. .help for help, Ctrl-D to quit.")
        runRCFile()
        while running {
            guard let statement = readStatement() else { break }
            if statement.trimmed.isEmpty { continue }
            history.append(statement)
            editor.addHistory(statement)
            // Saved after every statement, so that a kill loses nothing typed before it.
            saveHistory()
            execute(statement, interactive: true)
        }
        saveHistory()
    }

    func saveHistory() {
        do { try historyFile.save(history) } catch {
            printError("mq: cannot save history to \(historyFile.path): \(error)")
        }
    }

    /// Reads lines until they form a finished statement (or a meta-command); nil at end of input.
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
            if lines.isEmpty && line.trimmed.hasPrefix(".") { return line }
            lines.append(line)
            let text = lines.joined(separator: "\n")
            if text.trimmed.isEmpty { return "" }
            if Parser.isComplete(text) { return text }
        }
    }

    /// Runs a meta-command or mq statements; `interactive` controls the pager and the transcript.
    func execute(_ text: String, interactive: Bool, file: String = "<repl>") {
        if text.trimmed.hasPrefix(".") {
            MetaCommands.run(text.trimmed, in: self)
            return
        }
        let token = CancellationToken()
        Interrupt.current = token
        defer { Interrupt.current = nil }
        let start = ContinuousClock.now
        var output = ""
        let options = TableRenderer.Options(width: Int(mq_terminal_columns()) > 0 ? Int(mq_terminal_columns()) : nil,
                                            maxRows: mode == .table ? maxRows : nil, color: color)
        do {
            let compiled = try engine.compile(text, file: file, in: session)
            if !compiled.warnings.isEmpty { printError(DiagnosticRenderer(color: Terminal.colorOnStderr).render(compiled.warnings)) }
            let show = { (out: StatementOutput) in output += self.mode.render(out, corpus: self.corpus, options: options) }
            if let sql {
                try sql.run(compiled, onOutput: show)
                // The session learns the names the statement defined, for the checker of the next one.
                _ = engine.check(engine.parse(text, file: file), in: session, remember: true)
            } else {
                try session.run(compiled, cancel: token, onOutput: show)
            }
            if interactive { transcript.append(text) }
        } catch {
            if !output.isEmpty { Pager.write(output, enabled: interactive) }
            output = ""
            if error.items.contains(where: { $0.code == "E403" }) {
                printError("interrupted")
            } else {
                printError(DiagnosticRenderer(color: Terminal.colorOnStderr).render(error.items))
            }
        }
        if !output.isEmpty { Pager.write(output, enabled: interactive) }
        if timing {
            print(String(format: "time: %.1f ms", (ContinuousClock.now - start).milliseconds))
        }
    }

    /// `$XDG_CONFIG_HOME/mq/mqrc` (or `~/.config/mq/mqrc`), read at interactive start only.
    private func runRCFile() {
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        let path = config + "/mq/mqrc"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        runScript(text, name: path, interactive: false)
    }

    /// Runs a script's lines as if typed (meta-commands included), statement by statement.
    func runScript(_ text: String, name: String, interactive: Bool) {
        var pending: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if pending.isEmpty && line.trimmed.hasPrefix(".") {
                MetaCommands.run(line.trimmed, in: self)
                continue
            }
            pending.append(line)
            let chunk = pending.joined(separator: "\n")
            if Parser.isComplete(chunk) {
                if !chunk.trimmed.isEmpty { execute(chunk, interactive: interactive, file: name) }
                pending = []
            }
        }
        if !pending.joined().trimmed.isEmpty {
            printError("\(name): the last statement is unfinished")
        }
    }
}
