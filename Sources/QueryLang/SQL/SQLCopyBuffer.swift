/// Rows of one table in PostgreSQL's COPY text format, written field by field into bytes: tab between
/// fields, newline after each row, `\N` for NULL, and backslash, tab, newline and carriage return escaped.
/// No string is made per field or per row (the push writes millions of rows).
@_spi(MQInternals) public struct SQLCopyBuffer: Sendable {
    /// The rows written so far, each ended by a newline.
    @_spi(MQInternals) public private(set) var bytes: [UInt8] = []
    /// The number of rows ended so far.
    @_spi(MQInternals) public private(set) var rows = 0
    private var atLineStart = true

    @_spi(MQInternals) public init() {}

    /// Empties the buffer, keeping its storage.
    @_spi(MQInternals) public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        rows = 0
        atLineStart = true
    }

    /// Appends another buffer's rows (whole rows only).
    @_spi(MQInternals) public mutating func append(_ other: SQLCopyBuffer) {
        bytes += other.bytes
        rows += other.rows
    }

    private mutating func separate() {
        if !atLineStart { bytes.append(0x09) }
        atLineStart = false
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(0x0A)
        atLineStart = true
        rows += 1
    }

    /// One byte of a field's text, escaped for COPY.
    @inline(__always) private mutating func escaped(_ b: UInt8) {
        switch b {
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        default: bytes.append(b)
        }
    }

    private mutating func escaped(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(bytes.count + u.count)
        for b in u { escaped(b) }
    }

    /// A text field (nil is NULL).
    mutating func text(_ s: String?) {
        separate()
        guard var s else { bytes += [0x5C, 0x4E]; return }
        s.withUTF8 { escaped($0) }
    }

    /// A text field from UTF-8 bytes.
    mutating func text(_ u: UnsafeBufferPointer<UInt8>) {
        separate()
        escaped(u)
    }

    /// An integer field (nil is NULL), written without making a string.
    mutating func int<T: BinaryInteger>(_ v: T?) {
        separate()
        guard let v else { bytes += [0x5C, 0x4E]; return }
        digits(Int64(v))
    }

    private mutating func digits(_ v: Int64) {
        if v == 0 { bytes.append(0x30); return }
        if v == Int64.min { bytes += Array(String(v).utf8); return }
        var n = v
        if n < 0 { bytes.append(0x2D); n = -n }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &tmp) { t in
            while n > 0 {
                t[count] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(t[i]) }
        }
    }

    /// A boolean field (`t` or `f`).
    mutating func bool(_ b: Bool) {
        separate()
        bytes.append(b ? 0x74 : 0x66)
    }

    /// A `text[]` field: `{"a","b"}`, with quotes and backslashes escaped inside the array constant, and
    /// the whole escaped again for COPY.
    mutating func textArray(_ items: [String]) {
        separate()
        bytes.append(0x7B)
        for (k, item) in items.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            bytes.append(0x22)
            var s = item
            s.withUTF8 { u in
                for b in u {
                    if b == 0x5C || b == 0x22 { escaped(0x5C) }
                    escaped(b)
                }
            }
            bytes.append(0x22)
        }
        bytes.append(0x7D)
    }

    /// An `integer[]` field: `{1,2}`.
    mutating func intArray(_ items: [Int]) {
        separate()
        bytes.append(0x7B)
        for (k, v) in items.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            digits(Int64(v))
        }
        bytes.append(0x7D)
    }
}

/// The rows of a run of documents for the four tables that hold a document's rows.
@_spi(MQInternals) public struct SQLCopyBatch: Sendable {
    @_spi(MQInternals) public var documents = SQLCopyBuffer()
    @_spi(MQInternals) public var zones = SQLCopyBuffer()
    @_spi(MQInternals) public var sentences = SQLCopyBuffer()
    @_spi(MQInternals) public var mentions = SQLCopyBuffer()

    @_spi(MQInternals) public init() {}

    /// The buffer of a table (`documents`, `zones`, `sentences`, `mentions`).
    @_spi(MQInternals) public subscript(table: String) -> SQLCopyBuffer {
        switch table {
        case "documents": return documents
        case "zones": return zones
        case "sentences": return sentences
        default: return mentions
        }
    }

    /// Appends another batch's rows, table by table.
    @_spi(MQInternals) public mutating func append(_ other: SQLCopyBatch) {
        documents.append(other.documents)
        zones.append(other.zones)
        sentences.append(other.sentences)
        mentions.append(other.mentions)
    }
}
