/// Where a document's raw text is held: in a `String` (a document built in memory), or as bytes in a
/// block that something else owns and the document keeps alive: a block of texts the loader read the
/// files into (``TextArena``), or the mapped cache file the corpus was re-opened from (``CorpusCache``).
///
/// Neither the loader nor a re-open makes a `String` of each text. A re-open does not copy the texts at
/// all: they stay in the cache file's mapping, and the system reads them from its file cache. Copying
/// them cost most of a re-open (hundreds of megabytes of fresh memory, each page cleared by the kernel
/// before the copy). ``string`` makes a `String` of the bytes on each use; code that only reads bytes
/// goes through ``withUTF8(_:)``, which copies nothing either way.
///
/// The bytes are well-formed UTF-8, checked by the loader, or written from a checked text into a cache
/// file whose checksum is verified before the corpus is handed out. They never change: the arena's blocks
/// are written once, and mq only ever replaces a cache file by renaming a new one over it.
struct DocumentText: @unchecked Sendable {
    // Plain fields rather than an enum: an enum would keep its case in the spare bits of the owner's
    // reference, which then no longer reads as a pointer to tools that look for one (the leak sanitizer).
    private let stored: String?
    private let bytes: UnsafeBufferPointer<UInt8>
    private let owner: AnyObject?

    init(_ string: String) {
        stored = string
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        owner = nil
    }

    /// Bytes that stay valid, well-formed UTF-8 and unchanged as long as `owner` lives.
    init(bytes: UnsafeBufferPointer<UInt8>, owner: AnyObject) {
        stored = nil
        self.bytes = bytes
        self.owner = owner
    }

    var string: String {
        if let stored { return stored }
        return withExtendedLifetime(owner) { String(copying: UTF8Span(unchecked: bytes.span)) }
    }

    var count: Int { stored?.utf8.count ?? bytes.count }

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if var s = stored { return try s.withUTF8(body) }
        return try withExtendedLifetime(owner) { try body(bytes) }
    }
}
