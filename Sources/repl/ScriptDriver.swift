import Foundation
@_spi(MQInternals) import QueryLang

/// What runs the pieces of a script: the REPL (what is typed or pasted, `.read`, the rc file) and
/// ``ScriptRunner`` (`mq run`, `-c`, piped input).
protocol ScriptHost: AnyObject {
    /// Whether to go on (`.quit` in a script ends the run).
    var running: Bool { get }
    /// Runs a dot-command other than `.read`/`.run`; `origin` is its `file:line` in a script, nil when it
    /// was typed. False when it failed (after saying why).
    func runCommand(_ line: String, origin: String?) -> Bool
    /// Runs a block of statements read from `file`; `typed` when they were typed or pasted at the prompt.
    /// False on an error (after reporting it).
    func runStatements(_ text: String, file: String, typed: Bool) -> Bool
}

/// The one reader of scripts, for every way a script comes in: the text is cut into units by
/// ``ScriptReader`` (dot-command lines, and the blocks of statements between them, each parsed as a
/// whole), each handed to the host in order, and the run stops at the first that fails. `.read` and
/// `.run` are handled here, the same everywhere: the file's own units in turn, errors named by
/// `file:line`, a script that reads itself stopped at ``maxDepth``.
enum ScriptDriver {
    /// How deep `.read` scripts may nest (a script may read itself).
    static let maxDepth = 16

    /// Runs `text`, read from `file`; `typed` when it was typed or pasted at the prompt (then a
    /// dot-command's errors name no place). Returns false when something failed.
    @discardableResult
    static func run(_ text: String, file: String, typed: Bool, depth: Int = 0, host: some ScriptHost) -> Bool {
        for unit in ScriptReader.units(text) {
            guard host.running else { return true }
            switch unit {
            case let .command(line, number):
                let origin = typed ? nil : "\(file):\(number)"
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts[0] == ".read" || parts[0] == ".run" else {
                    if !host.runCommand(line, origin: origin) { return false }
                    continue
                }
                if !read(parts[0], parts.count > 1 ? parts[1].trimmed : "", origin: origin, depth: depth, host: host) { return false }
            case let .statements(statements, _):
                if !host.runStatements(statements, file: file, typed: typed) { return false }
            }
        }
        return true
    }

    /// `.read FILE` (or `.run FILE`): the file's units, one level deeper.
    private static func read(_ command: String, _ path: String, origin: String?, depth: Int, host: some ScriptHost) -> Bool {
        func fail(_ message: String) -> Bool {
            printError((origin.map { $0 + ": " } ?? "") + message)
            return false
        }
        guard !path.isEmpty else { return fail("\(command) takes a file name") }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return fail("cannot read \(path)") }
        guard depth < maxDepth else { return fail("\(command) nests more than \(maxDepth) scripts deep; not read: \(path)") }
        // A script that stops at an error has said where.
        return run(text, file: path, typed: false, depth: depth + 1, host: host)
    }
}
