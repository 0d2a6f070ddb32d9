import Crypto

/// The SHA-256 digest that pins each raw document (a changed file no longer matches its metadata) and
/// names a corpus's cache file, from swift-crypto.
@_spi(MQInternals) public enum ContentHash {
    /// The digest of `bytes` as 64 lowercase hex digits.
    @_spi(MQInternals) public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digest = SHA256.hash(data: Array(bytes))
        let hexDigits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest { out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
