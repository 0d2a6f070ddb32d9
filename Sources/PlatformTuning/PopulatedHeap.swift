#if canImport(Glibc)
import Glibc
#endif
import QueryLang

/// Readies the calling thread's heap, a little at a time, for the long-lived allocations of a stream of
/// documents (their texts, line starts, sentences and entity lists): ``expect(_:)`` is told how much is
/// about to be allocated, and whenever that goes past what has been readied, the heap is grown by another
/// ``step`` whose pages are all put in place by one system call (`MADV_POPULATE_WRITE`, Linux 5.14), then
/// handed back to the allocator, which carves the next allocations from it. Otherwise each 4 KiB page is
/// put in place by a fault of its own when first written (docs/performance.md has what that costs).
///
/// At most one step beyond what is expected is readied; the expectation is kept below the real
/// allocations, so nothing readied goes unused. The step stays under glibc's smallest threshold for
/// mapping a block apart (128 KiB), so it always comes from the heap; the caller first calls
/// ``Allocator/keepHeapTops()``, which keeps the readied top of a heap from being handed back to the
/// system. Elsewhere than on Linux with glibc, and on older kernels, nothing is readied and pages are
/// faulted in as before.
struct PopulatedHeap: ThreadHeapTuning {
    static let step = 96 << 10
    private var readied = 0, expected = 0
    private let enabled: Bool

    init() {
        #if os(Linux) && canImport(Glibc)
        enabled = Allocator.isGlibc
        #else
        enabled = false
        #endif
    }

    /// Notes that about `bytes` more are about to be allocated, and readies the heap for them.
    mutating func expect(_ bytes: Int) {
        guard enabled else { return }
        expected += bytes
        #if os(Linux) && canImport(Glibc)
        while expected > readied {
            readied += PopulatedHeap.step
            guard let p = malloc(PopulatedHeap.step) else { return }
            let page = PopulatedHeap.page
            let first = (Int(bitPattern: p) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: p) + PopulatedHeap.step) & ~(page - 1)
            if end > first, let start = UnsafeMutableRawPointer(bitPattern: first) {
                _ = madvise(start, end - first, PopulatedHeap.populateWrite)
            }
            free(p)
        }
        #endif
    }

    /// The system's page size (4 KiB on x86-64; larger on some ARM systems).
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// `MADV_POPULATE_WRITE`: fault in every page of a range, writable, without writing it.
    private static let populateWrite: Int32 = 23
}
