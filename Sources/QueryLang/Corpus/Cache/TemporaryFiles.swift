#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Temporary files that must not outlive an interrupted write (a cache file of up to hundreds of MB).
///
/// While one is being written (``guarding(_:_:)``), SIGINT, SIGTERM and SIGHUP remove it before the
/// process ends as it would have: the handlers are installed only for signals whose action is the
/// default (an application that handles them itself keeps its handlers), and the defaults are restored
/// once no write is under way. The handler only unlinks the registered paths (async-signal-safe), then
/// raises the signal again with its default action. A process killed outright (SIGKILL, a crash) cannot
/// clean up: ``sweep(directory:marker:olderThan:)`` removes what such processes left.
enum TemporaryFiles {
    private static let slots = 16
    /// The registered paths, as C strings the signal handler can read without allocating.
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slots)
        p.initialize(repeating: nil, count: slots)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var active = 0
    nonisolated(unsafe) private static var installed: [Int32] = []
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Runs `body`, which writes `path`; if a signal ends the process meanwhile, `path` is removed first.
    static func guarding<R>(_ path: String, _ body: () throws -> R) rethrows -> R {
        let slot = register(path)
        defer { unregister(slot) }
        return try body()
    }

    private static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        _ = paths  // initialised before any handler can run
        if active == 0 {
            for sig in signals {
                var old = sigaction()
                guard sigaction(sig, nil, &old) == 0, isDefault(old) else { continue }
                var action = sigaction()
                #if os(Linux)
                action.__sigaction_handler.sa_handler = TemporaryFiles.handler
                #else
                action.__sigaction_u.__sa_handler = TemporaryFiles.handler
                #endif
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                if sigaction(sig, &action, nil) == 0 { installed.append(sig) }
            }
        }
        active += 1
        for k in 0..<slots where paths[k] == nil {
            paths[k] = strdup(path)
            return k
        }
        return nil
    }

    private static func unregister(_ slot: Int?) {
        lock.lock()
        defer { lock.unlock() }
        if let slot, let p = paths[slot] {
            paths[slot] = nil
            free(p)
        }
        active -= 1
        if active == 0 {
            for sig in installed { signal(sig, SIG_DFL) }
            installed = []
        }
    }

    private static func isDefault(_ a: sigaction) -> Bool {
        #if os(Linux)
        let h = a.__sigaction_handler.sa_handler
        #else
        let h = a.__sigaction_u.__sa_handler
        #endif
        return h == nil || unsafeBitCast(h, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self)
    }

    private static let handler: @convention(c) (Int32) -> Void = { sig in
        for k in 0..<TemporaryFiles.slots {
            if let p = TemporaryFiles.paths[k] { unlink(p) }
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }

    /// Removes the files of `directory` whose name holds `marker` followed by the id of a process that is
    /// gone (`NAME<marker>PID-...`), or that are older than `olderThan` seconds whatever their process
    /// (a process id is reused in time). Returns how many were removed.
    @discardableResult
    static func sweep(directory: String, marker: String, olderThan: Double = 86_400) -> Int {
        guard let d = opendir(directory) else { return 0 }
        defer { closedir(d) }
        var removed = 0
        let now = Date().timeIntervalSince1970
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard let r = name.range(of: marker) else { continue }
            let digits = name[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits), pid != getpid() else { continue }
            let path = directory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let gone = kill(pid, 0) != 0 && errno == ESRCH
            if gone || now - Double(st.st_mtim.tv_sec) > olderThan {
                if unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }
}
