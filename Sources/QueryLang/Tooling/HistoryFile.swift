import Foundation

/// The REPL's history file: plain UTF-8, one entry per line (a multi-line statement is one entry with
/// its line breaks written as `\n`, backslashes as `\\`), deduplicated, capped, written atomically
/// (a temporary file renamed over the old one, mode 0600) so that a kill never leaves half a file.
public struct HistoryFile: Sendable {
    public let path: String
    public var capacity: Int

    public init(path: String, capacity: Int = 2000) {
        self.path = path
        self.capacity = capacity
    }

    /// `$MQ_HISTORY`, else `$XDG_STATE_HOME/mq/history`, else `~/.local/state/mq/history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["MQ_HISTORY"], !p.isEmpty { return p }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return state + "/mq/history"
    }

    /// The entries, oldest first; an unreadable or missing file is an empty history.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map { HistoryFile.decode(String($0)) }
    }

    /// Writes the entries (deduplicated, keeping the latest of each, capped to `capacity`).
    public func save(_ entries: [String]) throws {
        let kept = HistoryFile.deduplicate(entries).suffix(max(0, capacity))
        let text = kept.map(HistoryFile.encode).joined(separator: "\n") + (kept.isEmpty ? "" : "\n")
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let tmp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        if rename(tmp, path) != 0 {
            unlink(tmp)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Keeps the last occurrence of each entry, in order.
    public static func deduplicate(_ entries: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for e in entries.reversed() where !e.trimmed.isEmpty && seen.insert(e).inserted { out.append(e) }
        return out.reversed()
    }

    static func encode(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ s: String) -> String {
        var out = ""
        var escape = false
        for ch in s {
            if escape {
                out.append(ch == "n" ? "\n" : ch)
                escape = false
            } else if ch == "\\" {
                escape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
