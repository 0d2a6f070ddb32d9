/// Where a document's raw text is held: in a `String` (a document read from its file, or built in
/// memory), or in place in the mapped cache file the corpus was re-opened from (``CorpusCache``).
///
/// A re-opened corpus does not copy its texts: they stay in the cache file's mapping, which each
/// document keeps alive, and the system reads them from its file cache. Copying them cost most of a
/// re-open (hundreds of megabytes of fresh memory, each page cleared by the kernel before the copy).
/// ``string`` makes a `String` of mapped bytes on each use; code that only reads bytes goes through
/// ``withUTF8(_:)``, which copies nothing either way.
///
/// The mapped bytes are well-formed UTF-8: they were written from a `String`, and their checksum is
/// verified before the corpus is handed out. The mapping never changes while it is mapped, since mq only
/// ever replaces a cache file by renaming a new one over it.
struct DocumentText: @unchecked Sendable {
    private enum Storage {
        case string(String)
        case mapped(UnsafeBufferPointer<UInt8>, owner: AnyObject)
    }
    private let storage: Storage

    init(_ string: String) { storage = .string(string) }

    /// Bytes that stay valid, well-formed UTF-8 and unchanged as long as `owner` lives.
    init(mapped bytes: UnsafeRawBufferPointer, owner: AnyObject) {
        storage = .mapped(bytes.bindMemory(to: UInt8.self), owner: owner)
    }

    var string: String {
        switch storage {
        case let .string(s): return s
        case let .mapped(bytes, _): return String(copying: UTF8Span(unchecked: bytes.span))
        }
    }

    var count: Int {
        switch storage {
        case let .string(s): return s.utf8.count
        case let .mapped(bytes, _): return bytes.count
        }
    }

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case var .string(s): return try s.withUTF8(body)
        case let .mapped(bytes, owner): return try withExtendedLifetime(owner) { try body(bytes) }
        }
    }
}
