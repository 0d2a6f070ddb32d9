/// Receives the words of a text from ``TextScanner``, in order.
protocol TokenSink {
    /// One whole word. `lower` holds its ASCII-lowercased bytes when `nonASCII` is false; `raw` holds its
    /// bytes as written (apostrophes removed). `lowerHash` is the ``ByteTable/hash(_:)`` of `lower`.
    /// `joined` is true when only spaces, hyphens or a period separate it from the previous word in the
    /// same sentence.
    mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                       lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int)

    /// One plain word (see ``PlainWord``), which stands as it is at `w.start..<w.end` of `text`. The
    /// default builds the lowercased copy and calls ``word(start:end:raw:lower:lowerHash:nonASCII:hasUpper:joined:sentence:)``;
    /// the matcher looks the word up in place instead.
    mutating func plainWord(_ w: PlainWord, in text: UnsafePointer<UInt8>, joined: Bool, sentence: Int)

    /// A possessive `'s` (an apostrophe-like mark and `s` right after a word) at `start..<end`: no word
    /// of its own. The word after it is not joined to the word before it (the possessive ends a name:
    /// `Baghdad's International Airport` is no mention of the airport); a phrase written with a
    /// possessive inside (`Iran's Quds Force`) needs one there (``PhraseFinder``).
    mutating func possessive(start: Int, end: Int)

    /// True once the sink wants no more words (it found what it looked for, or the query was
    /// interrupted): the scanner then stops at once. Read after every word.
    var stopped: Bool { mutating get }
}

extension TokenSink {
    var stopped: Bool { false }

    mutating func possessive(start: Int, end: Int) {}

    mutating func plainWord(_ w: PlainWord, in text: UnsafePointer<UInt8>, joined: Bool, sentence: Int) {
        let raw = UnsafeBufferPointer(start: text + w.start, count: w.end - w.start)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { lower in
            for k in raw.indices { lower[k] = raw[k] | 0x20 }  // lowercases ASCII letters, keeps digits
            word(start: w.start, end: w.end, raw: raw, lower: UnsafeBufferPointer(lower), lowerHash: w.hash,
                 nonASCII: false, hasUpper: w.hasUpper, joined: joined, sentence: sentence)
        }
    }
}

/// A word of ASCII letters and digits with nothing deleted from it: most words of news text. Its bytes as
/// written are the text's own, so the scanner copies nothing.
struct PlainWord {
    var start: Int
    var end: Int
    /// ``ByteTable/hash(_:)`` of the word (which ignores ASCII case).
    var hash: UInt64
    /// ``ByteTable/head(_:)`` of the word as written, and lowercased.
    var head: UInt64
    var lowerHead: UInt64
    var hasUpper: Bool
}
