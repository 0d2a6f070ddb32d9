#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Large arrays that are about to be filled are backed by huge pages where the system allows it: one
/// fault per 2 MiB instead of one per 4 KiB when they are first written (the mention list of a large corpus
/// is tens of megabytes). Only an advice: on systems without transparent huge pages nothing changes.
enum HugePages {
    /// Below this, an array is not worth the call.
    static let threshold = 4 << 20
    private static let size = 2 << 20
    /// What ``withPreparedHeap(bytes:_:)`` grows the heap by at a time: a little less than the largest
    /// block glibc can be told to take from a heap (``Allocator/largestHeapBlock``).
    private static let block = 30 << 20

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

    /// Runs `body`, which makes about `bytes` of small allocations that stay (the texts, strings and lists
    /// of a corpus's documents), on a heap readied for them: grown by that much at once, the new part
    /// advised to use huge pages and handed back to the allocator, which carves `body`'s allocations from
    /// it. Otherwise the heap grows a few pages at a time as strings are allocated, one fault per 4 KiB page.
    ///
    /// glibc's allocator only, on the calling thread's heap. While `body` runs, free space at the top of
    /// the heaps is all kept; afterwards the allocator is left set for queries (``Allocator/settleForQueries()``).
    /// Not for allocations that may be freed soon: a huge page once written stays whole.
    static func withPreparedHeap<R>(bytes: Int, _ body: () throws -> R) rethrows -> R {
        #if os(Linux) && canImport(Glibc)
        guard bytes >= threshold, Allocator.isGlibc else { return try body() }
        var blocks: [UnsafeMutableRawPointer] = []
        blocks.reserveCapacity(bytes / block + 1)
        Allocator.lock.lock()
        defer {
            Allocator.lock.unlock()
            Allocator.settleForQueries()
        }
        Allocator.set(trimThreshold: block * 32, mmapThreshold: Allocator.largestHeapBlock)
        var left = bytes
        while left > 0 {
            let n = min(block, left)
            guard let p = malloc(n) else { break }
            advise(p, count: n)
            blocks.append(p)
            left -= n
        }
        for p in blocks.reversed() { free(p) }
        #endif
        return try body()
    }
}
