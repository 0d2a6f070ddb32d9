/// What the catalog does not know, found in the documents (`mq corpus suggest`): proper-name sequences
/// no catalog name covers, acronyms defined in parentheses, and new name forms of known entities.
///
/// A proper-name sequence is a run of capitalised words joined by spaces or hyphens within a sentence,
/// with the connectors of names inside it (`al`, `of`, `and`, `bin`, ...: `Islamic State of Iraq`),
/// common words trimmed from its ends (`The`, `In`, months and days, titles). A run made only of catalog
/// mentions is known; a run that holds a mention and more (`Washington Institute`) is a candidate that
/// names the mention inside it. A one-word run at the start of a sentence is left out (any word is
/// capitalised there). Only the article's own text and bylines, datelines and captions are read: not
/// navigation, related articles, ads, comments or prompts.
@_spi(MQInternals) public struct NameCandidate: Sendable {
    @_spi(MQInternals) public enum Kind: String, Sendable {
        /// A name no entity has.
        case name
        /// An acronym defined in parentheses after a name no entity has (`Golden Division (GD)`).
        case acronym
        /// A new acronym of a known entity, defined in parentheses after one of its names.
        case aliasAcronym = "alias-acronym"
        /// A new name of a known entity, defined by one of its acronyms in parentheses after it.
        case aliasName = "alias-name"
    }

    @_spi(MQInternals) public let kind: Kind
    /// The name as first written.
    @_spi(MQInternals) public let text: String
    /// For ``Kind/acronym``, the acronym; for the alias kinds, the new name form.
    @_spi(MQInternals) public let acronym: String?
    /// The known entity (alias kinds), or the entities mentioned inside the name (``Kind/name``).
    @_spi(MQInternals) public let entities: [Int]
    @_spi(MQInternals) public let count: Int
    /// Document ids, in corpus order.
    @_spi(MQInternals) public let documents: [String]
    /// The first sentence it occurs in, on one line.
    @_spi(MQInternals) public let context: String
}

@_spi(MQInternals) public enum NameCandidates {
    /// Lowercase words that may stand inside a name.
    /// (`and` is not one: `Iraq and Syria` is two names.)
    static let connectors: Set<String> = ["al", "el", "of", "bin", "ibn", "wa", "wal", "for", "the", "de", "la", "fi"]

    /// The candidates of a corpus, most documents first.
    @_spi(MQInternals) public static func find(in corpus: Corpus) -> [NameCandidate] {
        let normalizer = corpus.names.normalizer
        var byKey: [String: (first: NameCandidate, count: Int, docs: [Int])] = [:]
        var order: [String] = []
        func add(_ key: String, _ c: NameCandidate, doc: Int) {
            if var e = byKey[key] {
                e.count += 1
                if e.docs.last != doc { e.docs.append(doc) }
                byKey[key] = e
            } else {
                byKey[key] = (c, 1, [doc])
                order.append(key)
            }
        }
        for d in corpus.documents {
            let words = Words.of(d)
            let mentions = Array(corpus.mentions(inDocument: d.index))
            d.withUTF8 { text in
                var i = 0
                while i < words.count {
                    // A run: capitalised words and connectors, joined.
                    guard words[i].capital, readable(d, words[i].start), !UncertainMatch.isTitleCase(text, around: words[i].start),
                          !isHeading(text, around: words[i].start) else {
                        i += 1
                        continue
                    }
                    var j = i
                    while j + 1 < words.count && words[j + 1].joined
                            && (words[j + 1].capital || connectors.contains(words[j + 1].lower)) {
                        j += 1
                    }
                    let next = j + 1
                    // Trim connectors and common words from both ends.
                    var a = i, b = j
                    while a <= b && (!words[a].capital || UncertainMatch.isCommon(words[a].lower)) { a += 1 }
                    while b >= a && (!words[b].capital || UncertainMatch.isCommon(words[b].lower)) { b -= 1 }
                    defer { i = next }
                    guard a <= b else { continue }
                    let start = words[a].start, end = words[b].end
                    let inside = mentions.filter { Int($0.start) < end && Int($0.end) > start }
                    let covered = (a...b).allSatisfy { k in inside.contains { Int($0.start) <= words[k].start && Int($0.end) >= words[k].end } }
                    let context = sentence(corpus, d, words[a].sentence)
                    // An acronym in parentheses right after the run: `Name (ACR)`.
                    if next < words.count, words[next].isAcronym, ["(", "\"(", "”(", "'(", "’("].contains(between(text, end, words[next].start)),
                       words[next].end < text.count, text[words[next].end] == 0x29 {
                        let acr = words[next].raw
                        let known = corpus.names.entities(named: acr).filter { corpus.entities[$0].names.contains { $0.kind == .acronym && $0.text == acr } }
                        if covered, inside.count == 1, inside[0].entity >= 0, known.isEmpty {
                            let e = Int(inside[0].entity)
                            add("=" + acr + "@" + String(e), NameCandidate(kind: .aliasAcronym, text: corpus.surface(inside[0]), acronym: acr,
                                                                      entities: [e], count: 1, documents: [], context: context), doc: d.index)
                        } else if !covered, known.count == 1 {
                            let name = d.slice(start, end)
                            add("+" + normalizer.key(name) + "@" + String(known[0]),
                                NameCandidate(kind: .aliasName, text: name, acronym: name, entities: known, count: 1, documents: [],
                                              context: context), doc: d.index)
                            continue
                        } else if !covered, known.isEmpty {
                            let name = d.slice(start, end)
                            add(normalizer.key(name), NameCandidate(kind: .acronym, text: name, acronym: acr,
                                                                    entities: Set(inside.map(\.entity)).filter { $0 >= 0 }.map(Int.init).sorted(),
                                                                    count: 1, documents: [], context: context), doc: d.index)
                            continue
                        }
                    }
                    if covered { continue }
                    // Adjectives alone (`Iraqi`, `Iraqi Shia`) are no names, nor titles around a known name
                    // (`US President Donald Trump`).
                    func known(_ k: Int) -> Bool {
                        inside.contains { Int($0.start) <= words[k].start && Int($0.end) >= words[k].end }
                    }
                    if (a...b).allSatisfy({ known($0) || !words[$0].capital || UncertainMatch.isAdjective(words[$0].lower)
                                               || UncertainMatch.isCommon(words[$0].lower) }) { continue }
                    // Run-together words (`National07`) and all-capital words (`NUMBERS`) alone are no names.
                    if a == b && (words[a].raw.contains(where: \.isNumber) || (words[a].isAcronym && words[a].raw.count > 5)) { continue }
                    // A single word: not at the start of a sentence, and not a lone all-capitals word.
                    if a == b && (words[a].sentenceStart || words[a].raw.count < 3) { continue }
                    let name = d.slice(start, end)
                    let key = normalizer.key(name)
                    guard !key.isEmpty, corpus.names.entities(named: name).isEmpty else { continue }
                    add(key, NameCandidate(kind: .name, text: name, acronym: nil,
                                           entities: Set(inside.map(\.entity)).filter { $0 >= 0 }.map(Int.init).sorted(),
                                           count: 1, documents: [], context: context), doc: d.index)
                }
            }
        }
        let ids = corpus.documents.map(\.id)
        // A single word seen once is too weak a sign.
        order.removeAll { key in
            let e = byKey[key]!
            return e.first.kind == .name && e.count < 2 && !e.first.text.contains(where: \.isWhitespace)
        }
        return order.map { key -> NameCandidate in
            let e = byKey[key]!
            return NameCandidate(kind: e.first.kind, text: e.first.text, acronym: e.first.acronym, entities: e.first.entities,
                                 count: e.count, documents: e.docs.map { ids[$0] }, context: e.first.context)
        }.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            return (b.documents.count, b.count, x.offset) < (a.documents.count, a.count, y.offset)
        }.map(\.element)
    }

    /// Whether the zone at `offset` is read for candidates.
    private static func readable(_ d: Document, _ offset: Int) -> Bool {
        switch d.zone(at: offset) {
        case .navigation, .related, .ad, .comments, .prompt, .bio: return false
        default: return true
        }
    }

    /// Whether the line at `offset` is a heading: shorter than 80 bytes, ending without punctuation.
    static func isHeading(_ t: UnsafeBufferPointer<UInt8>, around offset: Int) -> Bool {
        var a = offset, b = offset
        while a > 0 && t[a - 1] != 0x0A { a -= 1; if offset - a > 80 { return false } }
        while b < t.count && t[b] != 0x0A { b += 1; if b - a > 80 { return false } }
        while b > a && (t[b - 1] == 0x20 || t[b - 1] == 0x0D || t[b - 1] == 0x09) { b -= 1 }
        guard b > a else { return false }
        return CharacterClass.isASCIIAlnum(t[b - 1]) || t[b - 1] >= 0x80
    }

    /// The bytes between two offsets with white space removed.
    private static func between(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> String {
        guard a <= b else { return "" }
        return String(decoding: text[a..<b].filter { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
    }

    /// A sentence on one line, at most 200 characters, safe to print.
    static func sentence(_ corpus: Corpus, _ d: Document, _ s: Int) -> String {
        guard s >= 0, s < corpus.sentenceStarts[d.index].count else { return "" }
        let t = corpus.sentenceText(doc: d.index, sentence: s)
        let line = CorpusStats.printable(t.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }

    /// The words of a document as the candidates need them.
    struct Words: TokenSink {
        struct Word {
            var start: Int
            var end: Int
            var raw: String
            var lower: String
            var capital: Bool
            var isAcronym: Bool
            var joined: Bool
            var sentence: Int
            var sentenceStart: Bool
        }
        var words: [Word] = []
        let text: UnsafeBufferPointer<UInt8>

        static func of(_ d: Document) -> [Word] {
            d.withUTF8 { p in
                var sink = Words(text: p)
                var scanner = TextScanner()
                scanner.scan(p, into: &sink)
                return sink.words
            }
        }

        mutating func word(start: Int, end: Int, raw: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>,
                           lowerHash: UInt64, nonASCII: Bool, hasUpper: Bool, joined: Bool, sentence: Int) {
            let r = String(decoding: raw, as: UTF8.self)
            let first = r.unicodeScalars.first
            let capital = first.map { $0.properties.isUppercase } ?? false
            let letters = r.unicodeScalars.filter { $0.properties.isAlphabetic }
            // All capitals, perhaps with a plural s (`FTOs`).
            let stem = letters.last == "s" ? Array(letters.dropLast()) : Array(letters)
            let isAcronym = stem.count >= 2 && r.unicodeScalars.count <= 8 && stem.allSatisfy { $0.properties.isUppercase }
            let sentenceStart = words.last.map { $0.sentence != sentence } ?? true
            words.append(Word(start: start, end: end, raw: r, lower: nonASCII ? Folding.fold(r) : String(decoding: lower, as: UTF8.self),
                              capital: capital, isAcronym: isAcronym, joined: joined, sentence: sentence, sentenceStart: sentenceStart))
        }
    }
}
