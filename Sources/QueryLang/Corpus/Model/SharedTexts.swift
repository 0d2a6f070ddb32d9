import Foundation

/// Document and sentence texts made into Strings once and shared: a query that reads `doc.text` or a
/// mention's `text` on every row gets the same String (copy-on-write: one buffer, referenced by every
/// row) instead of a fresh copy per row, which would take gigabytes on a join of mentions with themselves.
///
/// Texts are kept up to `capacityBytes` in all; past that the cache starts again empty (rows keep the
/// texts they hold). Safe to use from several threads.
final class SharedTexts: @unchecked Sendable {
    static let capacityBytes = 256 << 20
    private let lock = NSLock()
    private var texts: [Int64: String] = [:]
    private var bytes = 0

    /// The key of a whole document's text.
    static func document(_ d: Int) -> Int64 { Int64(d) << 32 | 0xFFFF_FFFF }
    /// The key of one sentence's text.
    static func sentence(_ d: Int, _ s: Int) -> Int64 { Int64(d) << 32 | Int64(UInt32(truncatingIfNeeded: s)) }

    func text(_ key: Int64, make: () -> String) -> String {
        lock.lock()
        if let s = texts[key] { lock.unlock(); return s }
        lock.unlock()
        let s = make()
        let n = s.utf8.count
        // Short texts live inside the String value itself: nothing to share.
        guard n > 15, n <= SharedTexts.capacityBytes else { return s }
        lock.lock()
        defer { lock.unlock() }
        if let kept = texts[key] { return kept }
        if bytes + n > SharedTexts.capacityBytes {
            texts.removeAll()
            bytes = 0
        }
        texts[key] = s
        bytes += n
        return s
    }
}
