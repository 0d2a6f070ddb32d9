#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The settings of glibc's allocator that loading and querying a corpus depend on, in one place.
///
/// Setting any of glibc's thresholds turns off their adjustment as the program runs, so they are set
/// to where that adjustment leads a program that allocates large temporary arrays, as queries do
/// (``settleForQueries()``): blocks of up to 32 MiB come from the heaps, where they are reused, rather
/// than being mapped apart (and zeroed, a fault a page) each time; free space at the top of a heap is
/// returned to the system beyond 64 MiB. A first load sets only the second (``keepHeapTops()``) while it
/// reads documents, so that the stretches of heap it readies (``PopulatedHeap``) are not handed back:
/// with the first as well, each chunk's mention list would come from the heap too, and peak memory
/// rise (docs/performance.md).
///
/// `mallopt` is looked up rather than linked (`malloc.h` is not part of the Glibc module); elsewhere
/// than on glibc nothing is set.
enum Allocator {
    /// The most glibc can be told to take from the heap for one block (`HEAP_MAX_SIZE / 2`).
    static let largestHeapBlock = 32 << 20
    /// Free space kept at the top of a heap before it is returned to the system.
    static let keptTop = 64 << 20
    /// One change of settings at a time: they are the process's.
    static let lock = NSLock()

    /// Whether the allocator is glibc's (whose settings these are).
    static var isGlibc: Bool { mallopt != nil }

    /// Free space at the top of the heaps is kept up to ``keptTop``; the other threshold stays where it is.
    static func keepHeapTops() {
        lock.lock()
        defer { lock.unlock() }
        set(trimThreshold: keptTop)
    }

    /// The settings for queries: blocks up to ``largestHeapBlock`` from the heaps, ``keptTop`` kept.
    static func settleForQueries() {
        lock.lock()
        defer { lock.unlock() }
        set(trimThreshold: keptTop, mmapThreshold: largestHeapBlock)
    }

    /// Hands back to the system the whole pages within `bytes` bytes at `start`, the middle of a live
    /// block whose contents there are no longer needed (`MADV_DONTNEED`): a large buffer that is being
    /// emptied in order gives its memory back as it goes, before the block itself is freed. The pages
    /// read as zeros afterwards. Bytes outside whole pages (the allocator's own records, next to the
    /// block) are not touched.
    static func discard(_ start: UnsafeRawPointer, bytes: Int) {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: start) + bytes) & ~(page - 1)
        guard end > first, let p = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(p, end - first, MADV_DONTNEED)
        #endif
    }

    /// Sets the thresholds given (the caller holds ``lock``).
    static func set(trimThreshold: Int? = nil, mmapThreshold: Int? = nil) {
        guard let mallopt else { return }
        if let t = trimThreshold { _ = mallopt(-1, Int32(clamping: t)) }  // M_TRIM_THRESHOLD
        if let m = mmapThreshold { _ = mallopt(-3, Int32(clamping: m)) }  // M_MMAP_THRESHOLD
    }

    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = {
        #if os(Linux) && canImport(Glibc)
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(f, to: (@convention(c) (Int32, Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
