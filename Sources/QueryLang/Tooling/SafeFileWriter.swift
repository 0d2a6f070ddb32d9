#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation


/// Writes a text file the way a user's own files deserve (the REPL's `.save`, `mq fmt -w`): only ever a
/// regular file, never a device, a pipe or a folder put in its place; atomically (a temporary file in the
/// same folder, synced, renamed over the old one), so that a kill or a full disk leaves the old file
/// whole; `~` expanded; failures in plain words.
///
/// A symbolic link is followed: the file it points to is replaced, the link stays (a link to nothing, or
/// to something other than a regular file, is refused). A replaced file keeps its permissions.
public enum SafeFileWriter {
    /// Where a path leads, as `check` finds it.
    public enum Target: Equatable, Sendable {
        /// Nothing there yet: a new file will be made.
        case new(path: String)
        /// A regular file, to be replaced (reached through `link` if the path was a symbolic link).
        case existing(path: String, link: String?)
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// `~` and `~/...` as the home folder, `~user/...` as that user's.
    public static func expand(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<slash])
        let home: String?
        if user.isEmpty {
            home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        } else if let pw = getpwnam(user) {
            home = String(cString: pw.pointee.pw_dir)
        } else {
            home = nil
        }
        guard let home else { return path }
        return home + path[slash...]
    }

    /// What writing to `path` (already expanded) would replace, or why it must not.
    public static func check(_ path: String) throws(Failure) -> Target {
        var lst = stat()
        if lstat(path, &lst) != 0 {
            let e = errno
            if e != ENOENT { throw Failure(description: "cannot write \(path): \(String(cString: strerror(e)))") }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !FileAccess.isDirectory(dir) {
                throw Failure(description: "cannot write \(path): there is no folder \(dir)")
            }
            return .new(path: path)
        }
        var link: String?
        var target = path
        if (lst.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw Failure(description: "not saved: \(path) is a link to a missing file")
            }
            target = String(cString: resolved)
            free(resolved)
            link = path
        }
        var st = stat()
        guard stat(target, &st) == 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            let what = FileAccess.kind(st.st_mode)
            throw Failure(description: "not saved: \(link.map { "\($0) leads to \(target), which" } ?? path) is \(what), not a regular file")
        }
        return .existing(path: target, link: link)
    }

    /// Writes `text` to `path` (expanded), replacing a regular file atomically; returns where it went.
    @discardableResult
    public static func write(_ text: String, to path: String) throws(Failure) -> Target {
        let path = expand(path)
        let target = try check(path)
        let final: String
        var mode: mode_t = 0o666 & ~currentUmask()
        switch target {
        case let .new(p): final = p
        case let .existing(p, _):
            final = p
            var st = stat()
            if stat(p, &st) == 0 { mode = st.st_mode & 0o7777 }
        }
        let dir = (final as NSString).deletingLastPathComponent
        let name = (final as NSString).lastPathComponent
        let tmp = (dir.isEmpty ? "" : dir + "/") + ".\(name).tmp-\(getpid())"
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw Failure(description: "cannot write \(final): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var failure = bytes.withUnsafeBytes { writeWhole(fd, $0) }.error ?? 0
        if failure == 0 && fchmod(fd, mode) != 0 { failure = errno }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(tmp, final) != 0 { failure = errno }
        if failure != 0 {
            unlink(tmp)
            throw Failure(description: "cannot write \(final): \(String(cString: strerror(failure)))")
        }
        return target
    }

    private static func currentUmask() -> mode_t {
        let m = umask(0o022)
        umask(m)
        return m
    }
}
