/// A fast 64-bit checksum of bytes, to notice a corrupt cache file (not a cryptographic hash).
///
/// Four independent lanes each take one 8-byte word per round, `lane = rotl((lane ^ word) * K, 29)`:
/// a round is a bijection of the lane for a given word and of the word for a given lane, so any change
/// to a single word always changes the result, and the lanes keep the multiplier busy (docs/performance.md
/// has its speed). The lanes and the length are mixed at the end.
enum Checksum {
    private static let k: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always) private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let x = (lane ^ word) &* k
        return (x << 29) | (x >> 35)
    }

    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var a = seed ^ 0x243F_6A88_85A3_08D3, b = seed ^ 0x1319_8A2E_0370_7344
        var c = seed ^ 0xA409_3822_299F_31D0, d = seed ^ 0x082E_FA98_EC4E_6C89
        guard let p = bytes.baseAddress, n > 0 else { return finish(a, b, c, d, 0) }
        var i = 0
        if Int32(1).littleEndian == 1 {
            while i + 32 <= n {
                a = round(a, p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = round(b, p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = round(c, p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = round(d, p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
        }
        // The rest (and every byte on a big-endian machine), eight bytes at a time into the first lane.
        var word: UInt64 = 0, shift: UInt64 = 0
        while i < n {
            word |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            if shift == 64 { a = round(a, word); word = 0; shift = 0 }
            i += 1
        }
        a = round(a, word)
        return finish(a, b, c, d, n)
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        of(UnsafeRawBufferPointer(bytes), seed: seed)
    }

    private static func finish(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64, _ n: Int) -> UInt64 {
        var h = UInt64(n) &* k
        h = round(h, a); h = round(h, b); h = round(h, c); h = round(h, d)
        return mix(h)
    }

    /// A final avalanche (MurmurHash3's), also used to spread small values over 64 bits.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
