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
    /// glibc's allocator only, on the calling thread's heap. Setting any of its thresholds turns off
    /// their adjustment as the program runs, so they are set once and for all to where that adjustment
    /// leads a program that allocates large temporary arrays (as queries do): blocks of up to 32 MiB come
    /// from the heaps, where they are reused, rather than being mapped apart (and zeroed, a fault a page)
    /// each time; free space at the top of a heap is returned to the system beyond 64 MiB. While `body`
    /// runs, it is all kept. Not for allocations that may be freed soon: a huge page once written stays
    /// whole.
    static func withPreparedHeap<R>(bytes: Int, _ body: () throws -> R) rethrows -> R {
        #if os(Linux) && canImport(Glibc)
        guard bytes >= threshold, let mallopt = Allocator.mallopt else { return try body() }
        var blocks: [UnsafeMutableRawPointer] = []
        blocks.reserveCapacity(bytes / Allocator.block + 1)
        Allocator.lock.lock()
        defer {
            _ = mallopt(Allocator.trimThreshold, 2 * Allocator.largestMmapThreshold)
            Allocator.lock.unlock()
        }
        _ = mallopt(Allocator.trimThreshold, Int32(Allocator.block * 32))
        _ = mallopt(Allocator.mmapThreshold, Allocator.largestMmapThreshold)
        var left = bytes
        while left > 0 {
            let n = min(Allocator.block, left)
            guard let p = malloc(n) else { break }
            advise(p, count: n)
            blocks.append(p)
            left -= n
        }
        for p in blocks.reversed() { free(p) }
        #endif
        return try body()
    }

    #if os(Linux) && canImport(Glibc)
    /// glibc's `mallopt`, looked up rather than linked (`malloc.h` is not part of the Glibc module), and
    /// the parameters it is given here.
    private enum Allocator {
        static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        /// The most glibc can be told to take from the heap for one block (`HEAP_MAX_SIZE / 2`), and
        /// the blocks the heap is grown by, a little less.
        static let largestMmapThreshold: Int32 = 32 << 20
        static let block = 30 << 20
        /// One heap readied at a time: the parameters are the process's.
        static let lock = NSLock()
        static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = {
            guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
            return unsafeBitCast(f, to: (@convention(c) (Int32, Int32) -> Int32).self)
        }()
    }
    #endif
}
