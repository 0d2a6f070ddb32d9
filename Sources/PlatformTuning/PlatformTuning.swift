import Foundation
import QueryLang

/// Turns on the operating-system and allocator tuning of corpus loading for the whole process.
///
/// The `QueryLang` library leaves the process's allocator alone; a host that owns its process and loads
/// large corpora (the `mq` executable, a server) calls ``install()`` once at start, before the first load.
/// On Linux with glibc, loads then take fewer page faults and queries reuse heap memory rather than
/// mapping and zeroing large blocks afresh (docs/performance.md has the figures with and without).
public enum PlatformTuning {
    /// The environment variable that, set to `off`, keeps ``install()`` from installing anything (to
    /// compare, or when the process runs under another allocator).
    public static let switchVariable = "MQ_PLATFORM_TUNING"

    /// Installs ``GlibcMemoryTuning`` for every later load, unless ``switchVariable`` is `off`; returns
    /// whether it did.
    @discardableResult
    public static func install(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard environment[switchVariable]?.lowercased() != "off" else { return false }
        ProcessMemory.install(GlibcMemoryTuning())
        return true
    }
}
