#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory this process uses, read cheaply enough for the evaluator's checkpoints, and the
/// default memory limit of a query (``Limits/maxMemoryBytes``).
@_spi(MQInternals) public enum MemoryUse {
    /// The process's anonymous resident memory in bytes (its heap and stacks: resident minus file-backed
    /// and shared pages, so that the pages of a mapped corpus cache, which the system can drop at any
    /// time, do not count), from `/proc/self/statm`; nil where it cannot be read. One `pread` of a file
    /// kept open: a few microseconds.
    @_spi(MQInternals) public static func current() -> Int? {
        let fd = statm
        guard fd >= 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        // size resident shared text lib data dirty, in pages
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " ")).prefix(3).map { Int(String(decoding: $0, as: UTF8.self)) }
        guard fields.count == 3, let resident = fields[1], let shared = fields[2] else { return nil }
        return max(0, resident - shared) * pageSize
    }

    /// Gives the memory the allocator holds but no longer uses back to the system (`malloc_trim`), then
    /// reads the use again: after a large query ends, its freed memory still counts as resident.
    @_spi(MQInternals) public static func afterReturningFreedMemory() -> Int? {
        _ = mallocTrim?(0)
        return current()
    }

    /// glibc's `malloc_trim`, looked up rather than linked (`malloc.h` is not part of the Glibc module).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(f, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// The default limit: three quarters of the memory this process may have: the machine's physical
    /// memory, or the control group's limit (a container) where that is lower.
    @_spi(MQInternals) public static let defaultLimit: Int = {
        var available = physicalMemory
        if let group = controlGroupLimit, group > 0 { available = min(available, group) }
        return available / 4 * 3
    }()

    private static let statm: Int32 = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    static var physicalMemory: Int {
        let pages = Int(sysconf(Int32(_SC_PHYS_PAGES)))
        return pages > 0 ? pages * pageSize : 8 << 30
    }

    /// `memory.max` of this process's control group (cgroup v2), or `memory.limit_in_bytes` (v1).
    static var controlGroupLimit: Int? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { continue }
            let text = String(decoding: buffer[0..<n], as: UTF8.self).filter { !$0.isWhitespace }
            if let v = Int(text), v < (1 << 60) { return v }
        }
        return nil
    }

    /// A size as people write it: `512M`, `4G`, `1.5GiB`, `2000000` (bytes); nil if it is not one.
    @_spi(MQInternals) public static func parseSize(_ text: String) -> Int? {
        var s = text.trimmingASCIISpaces().uppercased()
        for suffix in ["IB", "B"] where s.hasSuffix(suffix) && s.count > suffix.count { s.removeLast(suffix.count); break }
        var scale = 1.0
        if let last = s.last, let k = "KMGT".firstIndex(of: last) {
            scale = Double(1 << (10 * ("KMGT".distance(from: "KMGT".startIndex, to: k) + 1)))
            s.removeLast()
        }
        guard let v = Double(s), v.isFinite, v > 0, v * scale < 9e18 else { return nil }
        return Int(v * scale)
    }

    /// A size for messages: `3.2 GiB`, `512 MiB`.
    @_spi(MQInternals) public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(bytes), u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        if u == 0 { return "\(bytes) bytes" }
        let rounded = (v * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[u]
    }
}

private extension String {
    func trimmingASCIISpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
