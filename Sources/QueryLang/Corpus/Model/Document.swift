/// One raw news document with its metadata. The text is exactly the bytes on disk, never modified.
public struct Document: Sendable {
    /// The file stem, e.g. `000_40a7b08fdfb61403`.
    public let id: String
    /// Position in ``Corpus/documents``.
    public let index: Int
    /// Path of the raw file relative to the corpus directory (or a name for in-memory documents).
    public let path: String
    /// The raw text, decoded from UTF-8 without any change; mention offsets are UTF-8 byte offsets into it.
    /// Code that reads bytes goes through ``withUTF8(_:)``: the text of a document read from its file or
    /// re-opened from the cache is held as bytes (``DocumentText``), and made into a `String` on each use.
    public var text: String { storedText.string }
    let storedText: DocumentText
    /// The headline: from the metadata, else the first line of the text.
    public let title: String
    /// The outlet that published it, as the metadata names it.
    public let outlet: String?
    /// Catalog index of the outlet, where the metadata names it.
    public let outletEntity: Int?
    /// Bylines, in the order given.
    public let authors: [String]
    /// Publication date, as precise as the source gives it (year, month or day).
    public let published: PartialDate?
    /// A remark on the date (for instance how it was worked out), when the metadata has one.
    public let publishedNote: String?
    /// Where the document was found.
    public let url: String?
    /// Language code of the text (`en` unless the metadata says otherwise).
    public let language: String
    /// Boilerplate and headline zones from the metadata; every other line is body.
    public let zones: [Zone]
    /// False when the document has no metadata (a `.txt` dropped into the corpus).
    public let annotated: Bool
    /// `curated` (a sidecar or a `documents.tsv` row) or `inferred`: a document without metadata has its
    /// title, date, outlet and zones read from its text (``MetadataInference``).
    public var metadataSource: String { annotated ? "curated" : "inferred" }
    /// The SHA-256 the metadata pins the raw file to (hex), when it gives one.
    public let sha256: String?
    /// A curator's note on the document.
    public let note: String?
    /// Byte offset of the first byte of each line (line 1 at index 0).
    public let lineStarts: [Int]

    /// A document made in memory; the title defaults to the first line and the line starts are computed.
    /// Prefer ``CorpusBuilder``, which checks ids, dates and zones and sets `index`:
    /// ```swift
    /// var b = CorpusBuilder()
    /// b.addDocument(id: "wire-0612", text: text, title: "Strike on a depot", published: "2024-06-12")
    /// ```
    public init(id: String, index: Int, path: String, text: String, title: String? = nil,
                outlet: String? = nil, outletEntity: Int? = nil, authors: [String] = [],
                published: PartialDate? = nil, publishedNote: String? = nil, url: String? = nil,
                language: String = "en", zones: [Zone] = [], annotated: Bool = false,
                sha256: String? = nil, note: String? = nil, lineStarts: [Int]? = nil) {
        self.init(id: id, index: index, path: path, storedText: DocumentText(text), title: title ?? Document.firstLine(of: text),
                  outlet: outlet, outletEntity: outletEntity, authors: authors, published: published,
                  publishedNote: publishedNote, url: url, language: language, zones: zones, annotated: annotated,
                  sha256: sha256, note: note, lineStarts: lineStarts ?? Document.lineStarts(of: text))
    }

    /// A document whose text is held as given (see ``DocumentText``), with its title and line starts.
    init(id: String, index: Int, path: String, storedText: DocumentText, title: String, outlet: String?,
         outletEntity: Int?, authors: [String], published: PartialDate?, publishedNote: String?, url: String?,
         language: String, zones: [Zone], annotated: Bool, sha256: String?, note: String?, lineStarts: [Int]) {
        self.id = id
        self.index = index
        self.path = path
        self.storedText = storedText
        self.lineStarts = lineStarts
        self.title = title
        self.outlet = outlet
        self.outletEntity = outletEntity
        self.authors = authors
        self.published = published
        self.publishedNote = publishedNote
        self.url = url
        self.language = language
        self.zones = zones.sorted { $0.start < $1.start }
        self.annotated = annotated
        self.sha256 = sha256
        self.note = note
    }

    /// Number of lines of the text.
    public var lineCount: Int { lineStarts.count }
    /// Length of the text in UTF-8 bytes.
    public var byteCount: Int { storedText.count }

    /// Calls `body` with the raw bytes of the text (valid only inside `body`); nothing is copied.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storedText.withUTF8(body)
    }

    /// The 1-based line holding a byte offset.
    public func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The zone of a byte offset (body where no zone covers it).
    public func zone(at offset: Int) -> ZoneKind {
        for z in zones where offset >= z.start && offset < z.end { return z.kind }
        return .body
    }

    /// The text between two UTF-8 byte offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        withUTF8 { u in
            let s = max(0, min(start, u.count)), e = max(s, min(end, u.count))
            return String(decoding: UnsafeBufferPointer(rebasing: u[s..<e]), as: UTF8.self)
        }
    }

    /// Byte range of a 1-based line, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : byteCount
        withUTF8 { u in
            while end > start && (u[end - 1] == 0x0A || u[end - 1] == 0x0D) { end -= 1 }
        }
        return start..<end
    }

    static func lineStarts(of text: String) -> [Int] {
        var t = text
        return t.withUTF8 { p in
            var starts = [0]
            for (i, b) in p.enumerated() where b == 0x0A && i + 1 < p.count { starts.append(i + 1) }
            return starts
        }
    }

    static func firstLine(of text: String) -> String {
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let t = line.trimmed
            if !t.isEmpty { return String(t.prefix(200)) }
        }
        return ""
    }
}
