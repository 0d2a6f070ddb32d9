#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that bytes are well-formed UTF-8 (Unicode 16, table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF) and hold no NUL byte, in one pass.
///
/// Nearly every news article has a few curly quotes or accented names among thousands of ASCII bytes.
/// The standard library's check skips ASCII only while the whole text is ASCII, then goes byte by byte;
/// this one steps over runs of ASCII sixteen bytes at a time wherever they are, and decodes byte by byte
/// only around the other characters. A text found sound becomes a `String` without a second check
/// (``DocumentLoader/decode(_:file:problems:)``).
enum UTF8Validation {
    enum Outcome: Equatable {
        /// Well-formed, without NUL; `isASCII` when every byte is below 0x80.
        case valid(isASCII: Bool)
        /// The first NUL byte is at this offset.
        case nul(Int)
        /// The first ill-formed sequence starts at this offset (and no NUL comes before it).
        case invalid(Int)
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let p = bytes.baseAddress else { return .valid(isASCII: true) }
        let n = bytes.count
        var i = 0
        var ascii = true
        while i < n {
            // Runs of ASCII without NUL, sixteen bytes at a time.
            while i &+ 16 <= n {
                let a = ByteLanes.load(p + i), b = ByteLanes.load(p + (i &+ 8))
                if (a | b | zeroBytes(a) | zeroBytes(b)) & ByteLanes.highBits != 0 { break }
                i &+= 16
            }
            // Then byte by byte, over at least the next sixteen bytes (or to the end).
            let end = min(n, i &+ 16)
            while i < end {
                let c = p[i]
                if c < 0x80 {
                    if c == 0 { return .nul(i) }
                    i &+= 1
                    continue
                }
                ascii = false
                let width = sequenceWidth(p, n, i)
                if width == 0 {
                    // A NUL later on is still reported first, as the graver fault.
                    if let nul = memchr(p + i, 0, n - i) { return .nul(p.distance(to: nul.assumingMemoryBound(to: UInt8.self))) }
                    return .invalid(i)
                }
                i &+= width
            }
        }
        return .valid(isASCII: ascii)
    }

    /// Per byte of `x`, its high bit set where the byte is zero (and perhaps where a byte above a zero
    /// byte is 0x01, which only matters when there is a zero byte anyway).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x
    }

    /// The length of the well-formed multi-byte sequence at `i` (whose first byte is 0x80 or above), or
    /// 0 when it is ill-formed or cut short by the end.
    @inline(__always)
    private static func sequenceWidth(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        let c = p[i]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i &+ k < n && p[i &+ k] >= low && p[i &+ k] <= high
        }
        switch c {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xE1...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0  // a continuation byte without a lead, an overlong lead (C0, C1), or F5...FF
        }
    }
}
