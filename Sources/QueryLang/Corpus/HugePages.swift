#if canImport(Glibc)
import Glibc
#endif

/// Large arrays that are about to be filled are backed by huge pages where the system allows it: one
/// fault per 2 MiB instead of one per 4 KiB when they are first written (the mention list of a large corpus
/// is tens of megabytes). Only an advice: on systems without transparent huge pages nothing changes.
enum HugePages {
    /// Below this, an array is not worth the call.
    static let threshold = 4 << 20
    private static let size = 2 << 20

    /// Advises huge pages for the whole 2 MiB blocks inside `count` bytes at `start`, before they are written.
    static func advise(_ start: UnsafeMutableRawPointer, count: Int) {
        #if os(Linux)
        guard count >= threshold else { return }
        let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: start) + count) & ~(size - 1)
        guard end > first, let p = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(p, end - first, MADV_HUGEPAGE)
        #endif
    }
}
