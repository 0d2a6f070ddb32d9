import Foundation
import QueryLang

/// The dot-commands of the REPL, in the style of sqlite3 and duckdb.
enum MetaCommands {
    static let help: [(String, String)] = [
        (".help [topic]", "this help, or help on a stage, function or topic (syntax, fields, dates, null, errors)"),
        (".read FILE", "run the statements of a script (also .run)"),
        (".save FILE", "save the statements of this session that ran without error as a .mq script"),
        (".mode MODE", "output as table, csv, tsv, json, jsonl or markdown"),
        (".timing on|off", "show how long each statement takes"),
        (".maxrows N", "rows a table shows (0 for all)"),
        (".schema [source]", "the sources and their fields"),
        (".explain QUERY", "the plan of a query after the rewrite passes, without running it"),
        (".history [N]", "the last N statements from history"),
        (".corpus", "what the corpus holds"),
        (".quit", "leave (also .exit, or Ctrl-D)"),
    ]

    static let arguments: [String: Completer.MetaArgument] = [
        ".help": .topic, ".read": .file, ".run": .file, ".save": .file, ".mode": .mode, ".timing": .onOff,
        ".maxrows": .none, ".schema": .source, ".explain": .none, ".history": .none, ".corpus": .none, ".quit": .none, ".exit": .none,
    ]

    static func run(_ line: String, in repl: REPLSession) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts[0]
        let arg = parts.count > 1 ? parts[1].trimmed : ""
        switch command {
        case ".help": print(helpText(arg, repl))
        case ".quit", ".exit": repl.running = false
        case ".mode":
            guard let m = OutputFormat(rawValue: arg) else {
                printError(".mode takes one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (now \(repl.mode.rawValue))")
                return
            }
            repl.mode = m
        case ".timing":
            guard arg == "on" || arg == "off" else { printError(".timing takes on or off"); return }
            repl.timing = arg == "on"
        case ".maxrows":
            guard let n = Int(arg), n >= 0 else { printError(".maxrows takes a number (0 for all)"); return }
            repl.maxRows = n == 0 ? Int.max : n
        case ".read", ".run":
            guard !arg.isEmpty else { printError("\(command) takes a file name"); return }
            guard let text = try? String(contentsOfFile: arg, encoding: .utf8) else { printError("cannot read \(arg)"); return }
            // A script that reads itself, directly or through others, stops at a fixed depth.
            guard repl.scriptDepth < 16 else { printError("\(command) nests more than 16 scripts deep; not read: \(arg)"); return }
            repl.scriptDepth += 1
            defer { repl.scriptDepth -= 1 }
            repl.runScript(text, name: arg, interactive: false)
        case ".save": save(arg, repl)
        case ".schema": print(schema(arg))
        case ".explain":
            guard !arg.isEmpty else { printError(".explain takes a query"); return }
            do {
                let compiled = try repl.engine.compile(arg, file: "<explain>", in: repl.session)
                // With the PostgreSQL engine, the statement the query becomes.
                if let sql = repl.sql { print(try sql.explain(compiled)) } else { print(repl.engine.explain(compiled)) }
            } catch {
                printError(DiagnosticRenderer(color: Terminal.colorOnStderr).render(error.items))
            }
        case ".history":
            guard let n = arg.isEmpty ? 20 : Int(arg), n >= 0 else { printError(".history takes a number of entries"); return }
            for (i, h) in repl.history.suffix(n).enumerated() {
                print(String(format: "%4d  ", repl.history.count - min(n, repl.history.count) + i + 1) + h.replacingOccurrences(of: "\n", with: "\n      "))
            }
        case ".corpus":
            print(CorpusStats(corpus: repl.corpus).render())
        default:
            let hint = Suggestions.hint(for: command, in: arguments.keys) ?? "see .help"
            printError("unknown command \(command) (\(hint))")
        }
    }

    /// Writes the session's successful statements; never overwrites a file without asking.
    private static func save(_ path: String, _ repl: REPLSession) {
        guard !path.isEmpty else { printError(".save takes a file name"); return }
        if FileManager.default.fileExists(atPath: path) {
            guard let answer = repl.editor.readLine(prompt: "\(path) exists; overwrite it? [y/N] "),
                  answer.trimmed.lowercased() == "y" || answer.trimmed.lowercased() == "yes" else {
                print("not saved")
                return
            }
        }
        let text = "# Saved from an mq session on \(repl.corpus.name)\n" + repl.transcript.map { $0 + "\n" }.joined()
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("saved \(repl.transcript.count) statement\(repl.transcript.count == 1 ? "" : "s") to \(path)")
        } catch {
            printError("cannot write \(path): \(error)")
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
        if topic.isEmpty {
            var s = """
            Type a query and press Enter; an unfinished one (open bracket, trailing |) continues on the next line.
              entities | where type == "armed_group" | select name, aliases
              mentions | where own | summarize n = count() by entity | top 10 by n
              docs | kwic "drone" width 30
            Stages: \(StageKind.names.joined(separator: ", "))
            Sources: docs, entities, mentions, facts (.schema lists their fields)
            TAB completes stages, fields, functions, variables and entity names inside ent(".

            """
            for (c, h) in help { s += "  " + DisplayWidth.pad(c, 20) + h + "\n" }
            return s.trimmingTrailingNewline()
        }
        if let f = repl.engine.options.functions[topic] { return "\(f.signature)\n  \(f.help)" }
        if let f = FunctionRegistry.special[topic] { return "\(f.signature)\n  \(f.help)" }
        if let a = Aggregates.all.first(where: { $0.name == topic }) { return "\(a.signature)  (aggregate, in summarize)\n  \(a.help)" }
        if let s = stageHelp[topic] { return s }
        switch topic {
        case "syntax": return "source | stage | stage ...; let x = ...; def f(a) = ...; assert cond, \"message\"; print x; import \"file.mq\"; # comment"
        case "fields": return schema("")
        case "dates": return "@2014, @2014-06, @2023-11-17 (and @~2013): a date keeps its precision; d within @2014 tests the interval; year(d), month(d), precision(d)"
        case "null": return "null is a value: null == null is true, comparisons with null are false, aggregates skip nulls, where drops rows whose condition is null"
        case "errors": return "errors have a code (E0xx lexing, E1xx parsing, E2xx names, E3xx types, E4xx running), a place and hints; see docs/language.md"
        default:
            let all = StageKind.names + Array(repl.engine.options.functions.functions.keys) + ["syntax", "fields", "dates", "null", "errors"]
            return "no help on '\(topic)'" + (Suggestions.hint(for: topic, in: all).map { " (\($0))" } ?? "")
        }
    }

    static let stageHelp: [String: String] = [
        "where": "| where CONDITION — keep the rows where it is true", "select": "| select a, n = expr — choose and compute columns",
        "extend": "| extend n = expr — add columns, keep the row", "sort": "| sort by expr [asc|desc], ... — order rows (nulls last)",
        "take": "| take N — the first N rows", "top": "| top N by expr [asc|desc] — the N largest (desc by default)",
        "distinct": "| distinct [a, b] — rows without repeats", "summarize": "| summarize n = count(), ... by key, ... — aggregate per group",
        "join": "| join [kind=inner|left|semi|anti] (pipeline) on key | on left == right", "union": "| union (pipeline) — append rows",
        "expand": "| expand x = list — one row per item", "count": "| count — the number of rows",
        "cooccur": "mentions | cooccur [by sentence|document] [all] — entity pairs with counts and documents (own text unless all)",
        "kwic": "docs | kwic \"term\" [width N] — keyword in context; also mentions | kwic, or kwic ent(\"...\")",
        "timeline": "entities | where ... | timeline — facts and dated documents in date order",
    ]
}

extension String {
    func trimmingTrailingNewline() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
