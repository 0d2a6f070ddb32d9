/// The mentions of a corpus, in document and text order: a read-only array held either in memory of its
/// own or in place in the mapped cache file the corpus was re-opened from (``CorpusCache``).
///
/// A re-opened corpus does not copy its mentions (24 bytes each, tens of millions of them in a large
/// corpus): they stay in the cache file's mapping, which the list keeps alive. Copying them into fresh
/// memory cost a quarter of a re-open, most of it the kernel clearing the new pages. The mapped values
/// were checked before the list is made (every field in range, see
/// ``CorpusCacheCoding/Decoding/mentionsAreSound(_:documentCount:entityCount:textOffsets:sentenceStarts:)``),
/// and the mapping never changes while it is mapped.
public struct MentionList: RandomAccessCollection, Equatable, @unchecked Sendable {
    /// What keeps the values alive: memory of its own (freed with it), or the mapped file.
    private final class Storage {
        let owned: UnsafeMutableBufferPointer<Mention>?
        let owner: AnyObject?

        init(owned: UnsafeMutableBufferPointer<Mention>) {
            self.owned = owned
            owner = nil
        }

        init(owner: AnyObject) {
            owned = nil
            self.owner = owner
        }

        deinit {
            if let owned {
                owned.deinitialize()
                owned.deallocate()
            }
        }
    }

    private let storage: Storage?
    private let base: UnsafePointer<Mention>?
    /// Number of mentions.
    public let count: Int

    private init(storage: Storage?, base: UnsafePointer<Mention>?, count: Int) {
        self.storage = storage
        self.base = base
        self.count = count
    }

    /// No mentions.
    public init() { self.init(storage: nil, base: nil, count: 0) }

    /// The mentions of an array (copied).
    public init(_ mentions: [Mention]) {
        self.init(count: mentions.count) { out in _ = out.initialize(from: mentions) }
    }

    /// `count` mentions that `initialize` writes, every one of them, into memory of the list's own.
    init(count: Int, initialize: (UnsafeMutableBufferPointer<Mention>) -> Void) {
        guard count > 0 else {
            self.init()
            return
        }
        let memory = UnsafeMutableBufferPointer<Mention>.allocate(capacity: count)
        ProcessMemory.tuning.willFill(UnsafeMutableRawPointer(memory.baseAddress!), bytes: count * MemoryLayout<Mention>.stride)
        initialize(memory)
        self.init(storage: Storage(owned: memory), base: UnsafePointer(memory.baseAddress!), count: count)
    }

    /// Mentions in place in memory that stays mapped, unchanged, as long as `owner` lives; every value
    /// already checked to be a sound mention.
    init(mapped mentions: UnsafeBufferPointer<Mention>, owner: AnyObject) {
        guard let start = mentions.baseAddress, !mentions.isEmpty else {
            self.init()
            return
        }
        self.init(storage: Storage(owner: owner), base: start, count: mentions.count)
    }

    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of mentions.
    public var endIndex: Int { count }

    /// The mention at `position` (0-based, in document and text order).
    public subscript(position: Int) -> Mention {
        precondition(position >= 0 && position < count, "mention index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// Calls `body` with the mentions in place (valid only inside `body`).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Mention>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// Whether the two lists hold the same mentions in the same order.
    public static func == (a: MentionList, b: MentionList) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }
}
