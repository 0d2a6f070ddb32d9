import QueryLang

/// The memory tuning for a process that loads large corpora on Linux with glibc's allocator (the `mq`
/// executable's): the allocator's thresholds set for loading and then for queries (``Allocator``), large
/// arrays backed by huge pages (``HugePages``), the heap readied ahead of a loader worker's documents
/// (``PopulatedHeap``) and a buffer's pages handed back as it is emptied. Elsewhere (another allocator,
/// another system) each part does nothing.
///
/// It changes settings of the whole process: install it only in a process whose allocator is the
/// host's to tune (``PlatformTuning/install()``).
public struct GlibcMemoryTuning: MemoryTuning {
    public init() {}

    public func loadWillReadDocuments() { Allocator.keepHeapTops() }

    public func loadDidFinish() { Allocator.settleForQueries() }

    public func willFill(_ start: UnsafeMutableRawPointer, bytes: Int) { HugePages.advise(start, count: bytes) }

    public func discard(_ start: UnsafeRawPointer, bytes: Int) { Allocator.discard(start, bytes: bytes) }

    public func withPreparedHeap<R>(bytes: Int, _ body: () throws -> R) rethrows -> R {
        try HugePages.withPreparedHeap(bytes: bytes, body)
    }

    public func heapForThread() -> (any ThreadHeapTuning)? { PopulatedHeap() }
}
