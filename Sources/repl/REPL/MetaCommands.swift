import Foundation
@_spi(MQInternals) import QueryLang

/// The dot-commands of the REPL, in the style of sqlite3 and duckdb.
enum MetaCommands {
    static var arguments: [String: Completer.MetaArgument] { ShellCommands.arguments }

    static func run(_ line: String, in repl: REPLSession) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts[0]
        let arg = parts.count > 1 ? parts[1].trimmed : ""
        switch command {
        // Help and the schema can be long: through the pager, as results are.
        case ".help": Pager.write(helpText(arg, repl) + "\n", enabled: repl.commandOrigin == nil)
        case ".quit", ".exit": repl.running = false
        case "\\x":
            switch arg {
            case "": repl.expanded = repl.expanded == .on ? .off : .on
            case "on", "off", "auto": repl.expanded = TableRenderer.Expanded(rawValue: arg)!
            default: repl.fail("\\x takes on, off or auto (now \(repl.expanded.rawValue))"); return
            }
            print("expanded display is \(repl.expanded.rawValue)")
        case ".maxwidth":
            guard let n = Int(arg), n >= 0 else { repl.fail(".maxwidth takes a number of columns (0 for no limit)"); return }
            repl.maxWidth = n == 0 ? nil : max(n, 4)
        case ".output", ".once":
            var words = arg.split(separator: " ").map(String.init)
            let force = words.first == "-f" || words.first == "--force"
            if force { words.removeFirst() }
            let path = words.joined(separator: " ")
            if command == ".output" { repl.closeOutput() }
            guard !path.isEmpty else {
                if command == ".once" { repl.fail(".once takes a file name") }
                return
            }
            guard let file = openOutput(path, force: force, repl) else { return }
            if command == ".output" { repl.outputFile = file } else { repl.pendingOnce = file }
        case ".mode":
            guard let m = OutputFormat(rawValue: arg) else {
                repl.fail(".mode takes one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (now \(repl.mode.rawValue))")
                return
            }
            repl.mode = m
        case ".timing":
            guard arg == "on" || arg == "off" else { repl.fail(".timing takes on or off"); return }
            repl.timing = arg == "on"
        case ".maxrows":
            guard let n = Int(arg), n >= 0 else { repl.fail(".maxrows takes a number (0 for all)"); return }
            repl.maxRows = n == 0 ? Int.max : n
        case ".maxmemory":
            if arg.isEmpty {
                printSafe("memory limit: \(repl.session.limits.maxMemoryBytes.map(MemoryUse.describe) ?? "none")")
                return
            }
            guard arg.lowercased() == "none" || MemoryUse.parseSize(arg) != nil else {
                printError(".maxmemory takes a size such as 4G or 512M, or none"); return
            }
            repl.session.limits.maxMemoryBytes = arg.lowercased() == "none" ? nil : MemoryUse.parseSize(arg)
        case ".save": save(arg, repl)
        case ".schema": Pager.write(schema(arg) + "\n", enabled: repl.commandOrigin == nil)
        case ".explain":
            guard !arg.isEmpty else { repl.fail(".explain takes a query"); return }
            do {
                let compiled = try repl.engine.compile(arg, file: "<explain>", in: repl.session)
                // With the PostgreSQL engine, the statement the query becomes.
                if let sql = repl.sql { print(try sql.explain(compiled)) } else { print(repl.engine.explain(compiled)) }
            } catch {
                repl.fail(DiagnosticRenderer(color: Terminal.colorOnStderr).render(error.items))
            }
        case ".history":
            guard let n = arg.isEmpty ? 20 : Int(arg), n >= 0 else { repl.fail(".history takes a number of entries"); return }
            for (i, h) in repl.history.suffix(n).enumerated() {
                printSafe(String(format: "%4d  ", repl.history.count - min(n, repl.history.count) + i + 1) + h.replacingOccurrences(of: "\n", with: "\n      "))
            }
        case ".chart":
            var words = arg.split(separator: " ").map(String.init)
            let force = words.first == "-f" || words.first == "--force"
            if force { words.removeFirst() }
            let path = words.joined(separator: " ")
            guard !path.isEmpty else { repl.fail(".chart takes a file name (.svg, .png, .pdf or .dot)"); return }
            if let problem = ChartFile.write(repl.session.variable("_"), corpus: repl.corpus, to: path, force: force) { repl.fail(problem) }
        case ".corpus":
            printSafe(CorpusStats(corpus: repl.corpus).render())
        default:
            let hint = habits[command].map { "did you mean \($0)?" }
                ?? Suggestions.hint(for: command, in: arguments.keys) ?? "see .help"
            repl.fail("unknown command \(command) (\(hint))")
        }
    }

    /// Commands of sqlite3, duckdb and psql, with the command that does their work here.
    static let habits: [String: String] = [
        ".timer": ".timing", ".tables": ".schema", ".table": ".schema", ".indexes": ".schema", ".fullschema": ".schema",
        ".headers": ".mode", ".separator": ".mode csv or .mode tsv", ".show": ".mode, .timing, .maxrows",
        ".q": ".quit", "\\q": ".quit", "\\d": ".schema", "\\dt": ".schema", "\\timing": ".timing", "\\o": ".output",
        "\\i": ".read", "\\h": ".help", "\\?": ".help", ".print": "print \"...\"", ".dump": ".save",
    ]

    /// The file of `.output` or `.once`. An existing file is replaced only with -f or a yes at the prompt
    /// (a script cannot answer: it needs -f).
    private static func openOutput(_ path: String, force: Bool, _ repl: REPLSession) -> OutputFile? {
        var overwrite = force
        if !force && FileManager.default.fileExists(atPath: path) {
            guard repl.commandOrigin == nil else {
                repl.fail("\(path) exists; not overwritten (.output -f \(path) replaces it)")
                return nil
            }
            guard let answer = repl.editor.readLine(prompt: "\(path) exists; overwrite it? [y/N] "),
                  ["y", "yes"].contains(answer.trimmed.lowercased()) else {
                print("results stay on the screen")
                return nil
            }
            overwrite = true
        }
        do { return try OutputFile(path: path, overwrite: overwrite) } catch {
            repl.fail("\(error)")
            return nil
        }
    }

    /// Writes the session's successful statements (SafeFileWriter: a regular file only, atomically, `~`
    /// expanded, a link followed to the file it points to); never overwrites a file without asking.
    private static func save(_ argument: String, _ repl: REPLSession) {
        guard !argument.isEmpty else { repl.fail(".save takes a file name"); return }
        let path = SafeFileWriter.expand(argument)
        do {
            if case let .existing(target, link) = try SafeFileWriter.check(path) {
                let what = link.map { "\($0) is a link to \(target), which exists" } ?? "\(path) exists"
                guard let answer = repl.editor.readLine(prompt: TerminalSanitizer.clean("\(what); overwrite it? [y/N] ", singleLine: true)),
                      answer.trimmed.lowercased() == "y" || answer.trimmed.lowercased() == "yes" else {
                    print("not saved")
                    return
                }
            }
            let text = "# Saved from an mq session on \(repl.corpus.name)\n" + repl.transcript.map { $0 + "\n" }.joined()
            let written = try SafeFileWriter.write(text, to: path)
            var whereTo = path
            if case let .existing(target, link?) = written { whereTo = "\(target) (through the link \(link))" }
            printSafe("saved \(repl.transcript.count) statement\(repl.transcript.count == 1 ? "" : "s") to \(whereTo)")
        } catch {
            repl.fail(TerminalSanitizer.clean("\(error)"))
        }
    }

    static func schema(_ source: String) -> String {
        var out = ""
        for s in FieldCatalog.sources where source.isEmpty || s.name == source {
            out += "\(s.name): \(s.help)\n"
            for f in FieldCatalog.fields(of: s.kind) {
                out += "  " + DisplayWidth.pad(f.name, 14) + DisplayWidth.pad(f.type.description, 18) + f.help + "\n"
            }
        }
        if out.isEmpty { return "no source '\(source)'; sources: docs, entities, mentions, facts" }
        return out.trimmingTrailingNewline()
    }

    static func helpText(_ topic: String, _ repl: REPLSession) -> String {
        let index = HelpIndex.reference
        if topic.isEmpty {
            var s = """
            Type a query and press Enter; an unfinished one (open bracket, trailing |) continues on the next line.
              entities | where type == "armed_group" | select name, aliases
              mentions | where own | summarize n = count() by entity | top 10 by n
              docs | kwic "drone" width 30
              facts | where date != null | summarize n = count() by y = bin(date, 1y) | render timechart
            Stages: \(StageKind.names.joined(separator: ", "))
            Sources: docs, entities, mentions, facts (.schema lists their fields)
            .help TOPIC for a stage, operator, function, dot-command or code (.help join, .help matches,
            .help split, .help E205); .help functions, .help operators for the lists.

            """
            for (usage, summary) in ShellCommands.summaries(index) { s += "  " + DisplayWidth.pad(usage, 22) + summary + "\n" }
            return s.trimmingTrailingNewline()
        }
        let key = ShellCommands.aliases[topic] ?? topic
        switch key {
        case "functions":
            return "Functions (.help NAME for one): " + index.names(.function).joined(separator: ", ")
                + "\nAggregates, in summarize: " + index.names(.aggregate).joined(separator: ", ")
        case "operators": return "Operators (.help NAME for one): " + index.names(.operator).joined(separator: " ")
        case "stages": return "Stages (.help NAME for one): " + index.names(.stage).joined(separator: ", ")
        case "sources": return "Sources (.help NAME for one): " + index.names(.source).joined(separator: ", ")
        case "errors", "diagnostics", "codes":
            return "Diagnostic codes (.help CODE for one): " + index.names(.diagnostic).joined(separator: " ")
        case "fields": return schema("")
        default: break
        }
        let pages = index.lookup(key)
        if let first = pages.first {
            var text = HelpIndex.render(first)
            let others = pages.dropFirst().map { "\($0.kind.rawValue) \($0.name) (.help \($0.kind.rawValue) \($0.name))" }
            if !others.isEmpty { text += "\nAlso: " + others.joined(separator: "; ") }
            return text
        }
        if let f = repl.engine.options.functions[key] { return "\(f.signature)\n  \(f.help)" }
        let all = index.pages.keys.map { $0 } + ["functions", "operators", "stages", "sources", "errors", "fields"]
        return "no help on '\(topic)'" + (Suggestions.hint(for: topic, in: all).map { " (\($0))" } ?? "")
    }
}

extension String {
    func trimmingTrailingNewline() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
