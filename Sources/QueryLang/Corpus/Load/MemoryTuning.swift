import Foundation

/// What a host may do about the process's memory while corpora load: the seam between the library and
/// tuning that belongs to whoever owns the process.
///
/// The library calls these at the points where allocator settings or advice to the system pay off:
/// before documents are read and after a load, for large arrays about to be written for the first time,
/// for a buffer emptied in order, and around the many long-lived small allocations of a corpus's
/// documents. By default (``PlainMemory``) every call does nothing: the library allocates plainly and
/// leaves the process's allocator and its pages as it found them. A host that owns the process installs
/// a tuning once, before its first load, with ``ProcessMemory/install(_:)``; the `mq` executable installs
/// the glibc tuning of the `PlatformTuning` library.
///
/// Every requirement has a default that does nothing, so a tuning implements only what it needs. Calls
/// come from any thread, several at once.
public protocol MemoryTuning: Sendable {
    /// A load is about to read its documents (many long-lived allocations on every core follow).
    func loadWillReadDocuments()
    /// A load, or a re-open from the cache, has ended, whether or not it succeeded; queries follow.
    func loadDidFinish()
    /// `bytes` of fresh memory at `start`, owned by a large array (a block of document texts, the mention
    /// list, an array copied out of the cache), are about to be written for the first time.
    func willFill(_ start: UnsafeMutableRawPointer, bytes: Int)
    /// The `bytes` at `start`, the middle of a live block, will not be read again before the block is
    /// freed (a buffer being copied out in order). A tuning may hand their whole pages back to the system;
    /// nothing may rely on what they then read as.
    func discard(_ start: UnsafeRawPointer, bytes: Int)
    /// Runs `body`, which makes about `bytes` of small allocations that stay (the strings and lists of a
    /// corpus's documents rebuilt from the cache), and returns what it returns.
    func withPreparedHeap<R>(bytes: Int, _ body: () throws -> R) rethrows -> R
    /// Something to tell, on one thread, how much that thread is about to allocate and keep (a loader
    /// worker's documents), or nil. Used by that thread only.
    func heapForThread() -> (any ThreadHeapTuning)?
}

/// One thread's stream of long-lived allocations, announced before they are made (``MemoryTuning/heapForThread()``).
public protocol ThreadHeapTuning {
    /// About `bytes` more are about to be allocated on this thread, and kept.
    mutating func expect(_ bytes: Int)
}

/// Every hook does nothing unless a tuning implements it.
public extension MemoryTuning {
    func loadWillReadDocuments() {}
    func loadDidFinish() {}
    func willFill(_ start: UnsafeMutableRawPointer, bytes: Int) {}
    func discard(_ start: UnsafeRawPointer, bytes: Int) {}
    func withPreparedHeap<R>(bytes: Int, _ body: () throws -> R) rethrows -> R { try body() }
    func heapForThread() -> (any ThreadHeapTuning)? { nil }
}

/// The library's default: no settings, no advice, plain allocation.
public struct PlainMemory: MemoryTuning {
    /// The tuning that does nothing.
    public init() {}
}

/// The memory tuning in force for the whole process (the allocator is the process's, not a corpus's).
public enum ProcessMemory {
    // A pthread mutex (NSLock) rather than `Mutex`, so that the thread sanitizer sees the hand-over.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed: any MemoryTuning = PlainMemory()

    /// The tuning loads use: ``PlainMemory`` until a host installs another.
    public static var tuning: any MemoryTuning {
        lock.lock()
        defer { lock.unlock() }
        return installed
    }

    /// Makes `tuning` the one every later load uses and returns the one it replaces. Meant to be called
    /// once, at start, before the first load: a load under way when it changes may see both.
    @discardableResult
    public static func install(_ tuning: any MemoryTuning) -> any MemoryTuning {
        lock.lock()
        defer { lock.unlock() }
        let previous = installed
        installed = tuning
        return previous
    }
}
