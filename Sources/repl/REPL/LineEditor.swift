import CEditLine
import Foundation
@_spi(MQInternals) import QueryLang

/// Line editing on libedit's native API: prompts, history, TAB completion and Ctrl-C that cancels the
/// line being edited. `~/.editrc` is honoured (its `mq:` lines too); emacs keys by default, `bind -v` for vi.
final class LineEditor {
    private let el: OpaquePointer
    private let history: OpaquePointer
    private var promptBytes: [CChar] = [0]
    /// Earlier lines of the statement being typed (for completion across lines).
    var pendingText = ""
    /// Set when Ctrl-C cancelled the line; the caller discards the pending statement.
    var cancelled = false
    /// True between the start and end markers of a bracketed paste: the lines read then are one unit.
    private(set) var pasting = false
    /// Whether the terminal is asked to mark pastes (xterm's bracketed paste mode, 2004).
    private let bracketedPaste: Bool
    /// Candidates for the text before the cursor.
    var complete: (String) -> Completer.Result = { _ in Completer.Result(candidates: [], replacing: 0, prefix: "") }

    init() {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        bracketedPaste = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 && !term.isEmpty && term != "dumb"
        mq_setup_locale()
        el = el_init("mq", mq_stdin(), mq_stdout(), mq_stderr())
        history = history_init()
        mq_history_setsize(history, 2000)
        mq_history_setunique(history, 1)
        mq_el_set_hist(el, history)
        mq_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        mq_el_set_prompt(el, { el in
            guard let el, let data = mq_el_get_clientdata(el) else { return nil }
            let editor = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
            return editor.promptBytes.withUnsafeMutableBufferPointer { $0.baseAddress }
        })
        mq_el_set_editor(el, "emacs")
        mq_el_set_signal(el, 1)
        // The user's ~/.editrc first, so that our TAB and ^C bindings survive a `bind -v`.
        el_source(el, nil)
        mq_el_addfn(el, "mq-complete", "complete the word before the cursor", { el, _ in
            guard let el, let data = mq_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeWord()
        })
        mq_el_bind(el, "^I", "mq-complete")
        mq_el_addfn(el, "mq-cancel", "cancel the line", { el, _ in
            guard let el, let data = mq_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().cancelLine()
        })
        mq_el_bind(el, "^C", "mq-cancel")
        mq_el_addfn(el, "mq-paste-begin", "start of a bracketed paste", { el, _ in
            guard let el, let data = mq_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().pasteBegins()
        })
        mq_el_addfn(el, "mq-paste-end", "end of a bracketed paste", { el, _ in
            guard let el, let data = mq_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().pasteEnds()
        })
        mq_el_bind(el, "\\e[200~", "mq-paste-begin")
        mq_el_bind(el, "\\e[201~", "mq-paste-end")
        mq_el_settty_noisig(el)
        for key in ["\\e[1~", "\\e[H", "\\eOH"] { mq_el_bind(el, key, "ed-move-to-beg") }
        for key in ["\\e[4~", "\\e[F", "\\eOF"] { mq_el_bind(el, key, "ed-move-to-end") }
    }

    deinit {
        history_end(history)
        el_end(el)
    }

    /// Reads one line with `prompt` (ANSI colour codes allowed); nil at end of input (Ctrl-D, also one
    /// typed while the terminal was cooked, between two lines, which waits in the terminal's queue).
    func readLine(prompt: String) -> String? {
        promptBytes = Array(prompt.utf8CString)
        cancelled = false
        if mq_take_eof() != 0 { pasting = false; return nil }
        var count: Int32 = 0
        let got = el_gets(el, &count)
        guard let p = got, count > 0 else { pasting = false; return nil }
        var line = String(cString: p)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    /// Asks the terminal to mark pastes for the rest of the session (and stops when `on` is false).
    func markPastes(_ on: Bool) {
        if bracketedPaste { FileHandle.standardOutput.write(Data((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)) }
    }

    /// Whether more input is already waiting (the next line of a paste, when the terminal does not
    /// mark pastes); waits a few milliseconds for a paste that arrives in pieces.
    func inputPending() -> Bool { pasting || mq_input_pending(10) != 0 }

    /// Adds an entry to the in-memory history (multi-line statements as one entry).
    func addHistory(_ entry: String) {
        entry.withCString { _ = mq_history_enter(history, $0) }
    }

    // MARK: Callbacks

    private func textBeforeCursor() -> (before: String, after: Int) {
        guard let info = el_line(el)?.pointee else { return ("", 0) }
        let start = UnsafeRawPointer(info.buffer)!
        let cursor = UnsafeRawPointer(info.cursor)!
        let last = UnsafeRawPointer(info.lastchar)!
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
        let after = String(decoding: UnsafeRawBufferPointer(start: cursor, count: last - cursor), as: UTF8.self)
        return (before, after.count)
    }

    private func completeWord() -> UInt8 {
        let (line, _) = textBeforeCursor()
        let result = complete(pendingText + line)
        var candidates = result.candidates
        if result.wantsFiles { candidates = FileCompletion.candidates(result.prefix) }
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            replace(result.prefix, with: candidates[0] + (result.wantsFiles && candidates[0].hasSuffix("/") ? "" : result.suffix))
            return UInt8(CC_REFRESH)
        }
        let common = FileCompletion.commonPrefix(candidates)
        if common.count > result.prefix.count {
            replace(result.prefix, with: common)
            return UInt8(CC_REFRESH)
        }
        // Show the candidates in columns under the line, then redraw it.
        let width = max(20, Int(mq_terminal_columns()))
        // Entity and file names come from the data: shown through the sanitiser.
        let shown = candidates.prefix(200).map { TerminalSanitizer.clean($0, singleLine: true) }
        let colWidth = (shown.map { DisplayWidth.of($0) }.max() ?? 10) + 2
        let perLine = max(1, width / colWidth)
        var out = "\n"
        for (i, c) in shown.enumerated() {
            out += DisplayWidth.pad(c, colWidth)
            if (i + 1) % perLine == 0 { out += "\n" }
        }
        if shown.count % perLine != 0 { out += "\n" }
        if candidates.count > shown.count { out += "… \(candidates.count - shown.count) more\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
        return UInt8(CC_REDISPLAY)
    }

    private func replace(_ prefix: String, with text: String) {
        if !text.hasPrefix(prefix) {
            el_deletestr(el, Int32(prefix.count))
            text.withCString { _ = el_insertstr(el, $0) }
        } else {
            String(text.dropFirst(prefix.count)).withCString { _ = el_insertstr(el, $0) }
        }
    }

    private func pasteBegins() -> UInt8 {
        pasting = true
        return UInt8(CC_NORM)
    }

    /// At the end of a paste that ended with a line break, the empty line that follows is entered, so
    /// that the pasted statements run as typed ones would; otherwise the last line stays to be edited.
    private func pasteEnds() -> UInt8 {
        pasting = false
        let (before, after) = textBeforeCursor()
        if before.isEmpty && after == 0 { el_push(el, "\n") }
        return UInt8(CC_NORM)
    }

    private func cancelLine() -> UInt8 {
        let (_, after) = textBeforeCursor()
        if after > 0 { _ = el_cursor(el, Int32(after)) }
        _ = el_insertstr(el, "^C")
        cancelled = true
        pasting = false
        el_push(el, "\n")
        return UInt8(CC_REFRESH)
    }
}

/// File-name completion for the meta-commands that take a file.
enum FileCompletion {
    static func candidates(_ prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + String(prefix.dropFirst(1)) : prefix
        let dir = expanded.contains("/") ? String(expanded[..<expanded.lastIndex(of: "/")!]) + "/" : ""
        let stem = expanded.contains("/") ? String(expanded[expanded.index(after: expanded.lastIndex(of: "/")!)...]) : expanded
        let listDir = dir.isEmpty ? "." : dir
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listDir) else { return [] }
        let shownDir = prefix.contains("/") ? String(prefix[...prefix.lastIndex(of: "/")!]) : ""
        return names.filter { $0.hasPrefix(stem) && (!$0.hasPrefix(".") || stem.hasPrefix(".")) }.sorted().map { name in
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: listDir + "/" + name, isDirectory: &isDir)
            return shownDir + name + (exists && isDir.boolValue ? "/" : "")
        }
    }

    static func commonPrefix(_ items: [String]) -> String {
        guard var p = items.first else { return "" }
        for s in items.dropFirst() {
            while !s.hasPrefix(p) { p.removeLast() }
        }
        return p
    }
}
