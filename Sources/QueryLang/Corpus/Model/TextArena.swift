/// Where the loader keeps the texts of the documents it reads from their files: large blocks of memory,
/// each holding many texts one after another, which files are read into directly
/// (``FileAccess/DirectoryReader``). Each document keeps its block alive (``DocumentText``).
///
/// A text of its own for each document (a `String`) would take an allocation and a copy for each file;
/// blocks are aligned to 2 MiB and announced to the host's memory tuning (``MemoryTuning/willFill(_:bytes:)``),
/// which may back them with huge pages, so that a block of texts costs a few faults. One arena per
/// thread; not to be shared.
///
/// The next text is written into ``space(atLeast:)`` (the rest of the current block, or a new block),
/// which ``grow(keeping:toAtLeast:)`` enlarges while it is written, and is kept by ``keep(_:)``; space
/// not kept is written over by the next text.
final class TextArena {
    /// A block of texts: memory of its own, freed with it.
    final class Block: @unchecked Sendable {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: TextArena.alignment)
            ProcessMemory.tuning.willFill(raw, bytes: capacity)
            start = raw.bindMemory(to: UInt8.self, capacity: capacity)
            self.capacity = capacity
        }

        deinit { start.deallocate() }
    }

    static let blockSize = 8 << 20
    static let alignment = 2 << 20
    private var block: Block?
    private var used = 0

    init() {}

    /// Free space for the next text, at least `minimum` bytes: the rest of the current block, else a new one.
    func space(atLeast minimum: Int) -> UnsafeMutableBufferPointer<UInt8> {
        if let b = block, b.capacity - used >= minimum {
            return UnsafeMutableBufferPointer(start: b.start + used, count: b.capacity - used)
        }
        let b = Block(capacity: max(TextArena.blockSize, minimum))
        block = b
        used = 0
        return UnsafeMutableBufferPointer(start: b.start, count: b.capacity)
    }

    /// Space for the text being written, at least `minimum` bytes, with its first `kept` bytes (written
    /// into the space handed out last) copied to its start: a new block.
    func grow(keeping kept: Int, toAtLeast minimum: Int) -> UnsafeMutableBufferPointer<UInt8> {
        guard let old = block else { return space(atLeast: minimum) }
        let from = old.start + used
        let b = Block(capacity: max(TextArena.blockSize, minimum))
        b.start.update(from: from, count: kept)
        block = b
        used = 0
        return UnsafeMutableBufferPointer(start: b.start, count: b.capacity)
    }

    /// Keeps the first `count` bytes of the space handed out last, and the block that holds them.
    func keep(_ count: Int) -> (bytes: UnsafeBufferPointer<UInt8>, block: Block) {
        guard let b = block else { preconditionFailure("no space was handed out") }
        precondition(count <= b.capacity - used, "more kept than was handed out")
        let bytes = UnsafeBufferPointer(start: b.start + used, count: count)
        used += count
        return (bytes, b)
    }
}
