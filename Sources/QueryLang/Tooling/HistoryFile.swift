#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The REPL's history file: plain UTF-8, one entry per line (a multi-line statement is one entry with
/// its line breaks written as `\n`, backslashes as `\\`).
///
/// Several sessions may share it. Each new entry is appended under an exclusive lock (`flock`) in one
/// write, so that two sessions typing at once keep both their statements and a kill loses nothing typed
/// before it; loading reads what every session wrote (deduplicated, keeping the latest of each, capped to
/// `capacity`). Now and then (when the file passes `compactBytes`) it is compacted: rewritten, under the
/// same lock, to its deduplicated, capped entries in a temporary file that is private (0600) from its
/// creation, then renamed over it, so that a kill never leaves half a file. Temporary files left by a
/// session killed while compacting are removed by the next compaction. Failures are ``Failure``s with a
/// plain message.
public struct HistoryFile: Sendable {
    public let path: String
    /// Entries kept by a compaction (the latest ones).
    public var capacity: Int
    /// The size past which the file is compacted; a compaction keeps at most half of it.
    public var compactBytes: Int
    /// Entries longer than this (a pasted document, say) are not written to the file.
    public static let maxEntryBytes = 64 << 10

    public init(path: String, capacity: Int = 2000, compactBytes: Int = 1 << 20) {
        self.path = path
        self.capacity = capacity
        self.compactBytes = compactBytes
    }

    /// A failed read or write of the history file, in plain words.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// `$MQ_HISTORY`, else `$XDG_STATE_HOME/mq/history`, else `~/.local/state/mq/history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["MQ_HISTORY"], !p.isEmpty { return p }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return state + "/mq/history"
    }

    /// The entries, oldest first, deduplicated and capped; an unreadable or missing file is an empty
    /// history. A file past `compactBytes` (grown by many sessions) is compacted first.
    public func load() -> [String] {
        if let size = HistoryFile.size(path), size > compactBytes { try? compact() }
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return Array(HistoryFile.deduplicate(HistoryFile.entries(data)).suffix(max(0, capacity)))
    }

    /// Appends one entry (skipped if blank or over `maxEntryBytes`), then compacts the file if it has
    /// grown past `compactBytes`.
    public func append(_ entry: String) throws {
        guard !entry.trimmed.isEmpty, entry.utf8.count <= HistoryFile.maxEntryBytes else { return }
        let line = Array((HistoryFile.encode(entry) + "\n").utf8)
        let fd = try openLocked()
        defer { close(fd) }  // closing releases the lock
        let (written, error) = line.withUnsafeBytes { writeWhole(fd, $0) }
        if let error {
            // A short line would glue onto the next entry: cut the file back to where it was.
            if written > 0 { var st = stat(); if fstat(fd, &st) == 0 { _ = ftruncate(fd, st.st_size - off_t(written)) } }
            throw failure("cannot write", error)
        }
        var st = stat()
        if fstat(fd, &st) == 0, Int(st.st_size) > compactBytes { try compact(locked: fd) }
    }

    /// Writes exactly these entries (deduplicated and capped), replacing the file atomically.
    public func save(_ entries: [String]) throws {
        let fd = try openLocked()
        defer { close(fd) }
        try replace(with: HistoryFile.deduplicate(entries))
    }

    /// Rewrites the file to its deduplicated, capped entries.
    public func compact() throws {
        let fd = try openLocked()
        defer { close(fd) }
        try compact(locked: fd)
    }

    private func compact(locked fd: Int32) throws {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        _ = lseek(fd, 0, SEEK_SET)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw failure("cannot read", errno) }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        try replace(with: HistoryFile.deduplicate(HistoryFile.entries(data)))
    }

    /// Writes the latest entries that fit in `capacity` and half of `compactBytes` to a private temporary
    /// file and renames it over the history; removes temporary files that killed sessions left. The
    /// caller holds the lock.
    private func replace(with entries: [String]) throws {
        var kept: [String] = []
        var bytes = 0
        for e in entries.reversed() {
            let line = HistoryFile.encode(e)
            if kept.count >= capacity || bytes + line.utf8.count + 1 > compactBytes / 2 { break }
            kept.append(line)
            bytes += line.utf8.count + 1
        }
        let text = Array(kept.reversed().map { $0 + "\n" }.joined().utf8)
        sweepTemporaryFiles()
        let tmp = path + ".tmp-\(getpid())"
        unlink(tmp)
        // Private from its creation: never a moment when others can read it.
        let out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if out < 0 { throw failure("cannot write", errno, file: tmp) }
        if let error = text.withUnsafeBytes({ writeWhole(out, $0) }).error {
            close(out)
            unlink(tmp)
            throw failure("cannot write", error)
        }
        if fsync(out) != 0 || close(out) != 0 {
            let e = errno
            unlink(tmp)
            throw failure("cannot write", e)
        }
        if rename(tmp, path) != 0 {
            let e = errno
            unlink(tmp)
            throw failure("cannot replace", e)
        }
    }

    /// Removes `history.tmp-PID` files whose session is gone (killed while compacting).
    func sweepTemporaryFiles() {
        let dir = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((dir.isEmpty ? "." : dir) + "/" + name) }
        }
    }

    /// Opens the history for appending, creating it (and its folder, 0700) if needed, and takes the
    /// exclusive lock. If another session replaced the file while this one waited for the lock, the new
    /// file is opened instead (an entry appended to the old one would be lost).
    private func openLocked() throws -> Int32 {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(description: "cannot create the folder \(dir) for the history file")
            }
        }
        for _ in 0..<100 {
            let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            if fd < 0 { throw failure("cannot open", errno) }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { let e = errno; close(fd); throw failure("cannot lock", e) }
            }
            var mine = stat(), current = stat()
            if fstat(fd, &mine) == 0 && stat(path, &current) == 0 && mine.st_ino == current.st_ino && mine.st_dev == current.st_dev {
                return fd
            }
            close(fd)
        }
        throw Failure(description: "cannot lock the history file \(path): it keeps being replaced")
    }

    private func failure(_ what: String, _ e: Int32, file: String? = nil) -> Failure {
        Failure(description: "\(what) the history file \(file ?? path): \(String(cString: strerror(e)))")
    }

    static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    static func entries(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map { decode(String($0)) }
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
