/// Conditions the server tests to narrow the rows that mq's phrase matcher or regular expressions then
/// read (SQLHybrid.swift). Each is *necessary*: every row where mq finds a hit meets it; rows that meet
/// it and hold no hit are read by mq and dropped, never answered by the server.
enum SQLNarrowing {
    /// The condition on a stored document (`alias` a row of `mq.documents`) that every document holding
    /// an occurrence of one of `phrases` (each ``Normalizer/phraseWords(_:)``) meets.
    ///
    /// Why it is necessary, from ``PhraseFinder``: an occurrence is one of the phrase's ways of writing
    /// (``NameIndex/phraseAlternatives(_:_:)``: `hezbollah` also as `hizb allah`) with each position `j`
    /// (word `w`) filled by a word of the text whose folded form `f` is
    /// 1. `w` itself (when the spelling table maps `w` nowhere), or
    /// 2. a spelling the table maps to `w` (`rules[f] == w`), or
    /// 3. `w` with its doubled vowels written once (``NameIndex/looseWord(_:)``, unmapped), or
    /// 4. for a word with letters outside ASCII, any `f` whose canonical form has `w`'s skeleton
    ///    (``NameIndex/skeleton(_:)``).
    ///
    /// The stored `words` are the text's canonical folded words (``Normalizer/words(_:)``) after the
    /// table's phrases were made one word: cases 1 and 2 store `w`, case 3 stores the loose form, unless
    /// the word was part of a phrase of the table, which stores that phrase's word instead (`hizb allah`
    /// stores `hezbollah`, and neither `hizb` nor `allah`). Case 4 stores a word that may differ from `w`
    /// in anything but its skeleton: the stored `skeletons` (of the text's words outside ASCII, before
    /// phrases are made one word) hold it. So position `j` needs `words && {w, loose(w), the word of each
    /// table phrase holding w or loose(w)}` or `skeletons @> {skeleton(w)}`; an occurrence needs every
    /// position of one way of writing.
    /// `array` writes an array of words into the statement (as a literal, or as a bind parameter when the
    /// phrase is a run parameter's value).
    static func phrases(_ phrases: [[String]], spelling: SpellingTable, alias: String,
                        array: ([String]) -> String = SQLDialect.textArray) -> String {
        PhraseCondition(phrases, spelling: spelling).sql(alias, array: array)
    }

    /// The stored words a text word filling a position of word `w` leaves (cases 1-3 above).
    static func storedForms(_ w: String, spelling: SpellingTable) -> [String] {
        var forms = [w]
        let loose = NameIndex.looseWord(w)
        if loose != w { forms.append(loose) }
        for p in spelling.phrases where p.words.contains(where: { forms.contains($0) }) && !forms.contains(p.canonical) {
            forms.append(p.canonical)
        }
        return forms.sorted()
    }

    /// For `has` of one word `w` (canonical, folded): the stored forms and the skeleton whose presence in a
    /// document is exactly mq's answer, or nil when the stored words cannot tell it. Of the cases above,
    /// 1, 2 and 4 store `w` or a skeleton that only a hit stores; case 3 stores `loose(w)`, which only a hit
    /// stores unless the spelling table maps a spelling to it or maps it elsewhere; a word of a phrase of
    /// the table is stored as the phrase's word, and the phrase's word itself may be stored for a phrase
    /// whose words stand apart (the phrases are made one word across any separator), so both are nil.
    static func exactWord(_ w: String, spelling: SpellingTable) -> (forms: [String], skeleton: String)? {
        let loose = NameIndex.looseWord(w)
        let forms = loose == w ? [w] : [w, loose]
        if spelling.phrases.contains(where: { p in p.canonical == w || p.words.contains(where: forms.contains) }) { return nil }
        if loose != w, spelling.rules[loose] != nil || spelling.rules.values.contains(loose) { return nil }
        return (forms, NameIndex.skeleton(w))
    }

    /// What a document stores for the narrowing, from one scan of its text: its words as `has` and the
    /// conditions above read them (``Normalizer/words(_:)``), and the skeletons of the canonical folded
    /// forms of its words with letters outside ASCII (the words ``PhraseFinder`` compares by skeleton),
    /// each once.
    static func stored(_ text: String, normalizer: Normalizer) -> (words: [String], skeletons: [String]) {
        let scanned = normalizer.scanWords(text)
        let spelling = normalizer.spelling
        var seen = Set<String>()
        var skeletons: [String] = []
        for w in scanned where w.nonASCII {
            let s = NameIndex.skeleton(spelling.canonical(w.folded))
            if seen.insert(s).inserted { skeletons.append(s) }
        }
        return (spelling.collapsingPhrases(scanned.map { spelling.canonical($0.folded) }), skeletons)
    }

    /// The condition on a string `x` (SQL) that every text where `pattern` matches meets: it holds the
    /// literal every match contains (``RegexPrefilter``); nil when the pattern has none.
    ///
    /// Without `(?i)` the literal's code points are in every match as they are (`strpos`, bytes). With a
    /// leading `(?i)` the literal is ASCII, lower-cased: a match holds it with ASCII letters of either case
    /// (compared after `lower` under the "C" collation makes A-Z lower case, whatever the server's locale), or it holds a
    /// character that ICU's case folding may equate with one of the literal's letters (the Kelvin sign for
    /// `k`, `ſ` and `ß` for `s`, ligatures: ``foldingClass(_:)``), which the condition then lets through as
    /// the in-memory search searches such a text whole.
    /// `string` writes the literal into the statement (as a literal, or as a bind parameter when the
    /// pattern is a run parameter's value).
    static func regex(_ pattern: String, _ x: String, string: (String) -> String = SQLDialect.string) -> String? {
        guard let p = RegexPrefilter.derive(pattern), !p.literal.contains(0) else { return nil }
        let literal = string(String(decoding: p.literal, as: UTF8.self))
        guard p.caseless else { return "strpos(\(x), \(literal)) > 0" }
        // `lower` under the "C" collation lower-cases A-Z alone, whatever the server's locale (as
        // `translate` would, which took 25 times longer over every text).
        let lowered = "strpos(lower(\(x) COLLATE \"C\"), \(literal)) > 0"
        guard let chars = foldingClass(p.literal) else { return lowered }
        // A search per character (a byte search) rather than a bracket expression: PostgreSQL's regular
        // expression over every text took seconds where `strpos` takes milliseconds.
        let each = chars.unicodeScalars.dropFirst().dropLast().map { "strpos(\(x), \(SQLDialect.string(String($0)))) > 0" }
        return "(" + ([lowered] + each).joined(separator: " OR ") + ")"
    }

    /// A bracket expression of the characters ICU's case-insensitive matching may equate with the ASCII
    /// letters of `literal` (a character whose case mappings reach none of them cannot stand in a match of
    /// it); nil when there are none (the literal's letters have no such character: `drone`).
    static func foldingClass(_ literal: [UInt8]) -> String? {
        let letters = Set(literal.filter { $0 >= 0x61 && $0 <= 0x7A })
        let scalars = foldingLetters.filter { !$0.letters.isDisjoint(with: letters) }.map(\.scalar)
        return scalars.isEmpty ? nil : "[" + String(String.UnicodeScalarView(scalars)) + "]"
    }

    /// Each character of ``RegexPrefilter/foldingToASCII`` with the lower-case ASCII letters its lower-,
    /// upper- and title-casing, applied up to three times, reach (the Kelvin sign: `k`; `ß`: `s`).
    static let foldingLetters: [(scalar: Unicode.Scalar, letters: Set<UInt8>)] = {
        RegexPrefilter.foldingToASCII.scalars.sorted().compactMap(Unicode.Scalar.init).map { c in
            var letters = Set<UInt8>()
            for s in RegexPrefilter.caseMappings(of: c) { for b in s.lowercased().utf8 where b >= 0x61 && b <= 0x7A { letters.insert(b) } }
            return (c, letters)
        }
    }()
}

/// The condition of ``SQLNarrowing/phrases(_:spelling:alias:)``: one of the ways of writing one of the
/// phrases, each position of it met by a stored word or skeleton.
struct PhraseCondition: Equatable {
    /// One position of a way of writing: the stored words a text word filling it leaves, and its skeleton.
    struct Position: Equatable {
        var forms: [String]
        var skeleton: String
    }

    /// The ways of writing, each the positions it needs (each once); none: no document meets it.
    var ways: [[Position]] = []

    init(_ phrases: [[String]], spelling: SpellingTable) {
        for p in phrases {
            let count = p.filter { $0 != Normalizer.possessiveMark }.count
            // The finder of an empty or too long phrase finds nothing.
            guard count > 0, count <= PhraseFinder.maxWords else { continue }
            for alternative in NameIndex.phraseAlternatives(p, spelling) {
                let words = alternative.filter { $0 != Normalizer.possessiveMark }
                guard !words.isEmpty, words.count <= PhraseFinder.maxWords else { continue }
                // A word PostgreSQL cannot hold is in no stored text.
                if words.contains(where: { $0.utf8.contains(0) }) { continue }
                var positions: [Position] = []
                for w in words {
                    let c = Position(forms: SQLNarrowing.storedForms(w, spelling: spelling), skeleton: NameIndex.skeleton(w))
                    if !positions.contains(c) { positions.append(c) }
                }
                if !ways.contains(positions) { ways.append(positions) }
            }
        }
    }

    /// Whether a document storing these words and skeletons meets the condition.
    func holds(words: Set<String>, skeletons: Set<String>) -> Bool {
        ways.contains { way in way.allSatisfy { p in p.forms.contains(where: words.contains) || skeletons.contains(p.skeleton) } }
    }

    /// The condition on a row `alias` of `mq.documents`: GIN index tests (`&&`, `@>`) on its arrays.
    func sql(_ alias: String, array: ([String]) -> String = SQLDialect.textArray) -> String {
        let conds = ways.map { way -> String in
            let ps = way.map { "(\(alias).words && \(array($0.forms)) OR \(alias).skeletons @> \(array([$0.skeleton])))" }
            return ps.count == 1 ? ps[0] : "(" + ps.joined(separator: " AND ") + ")"
        }
        if conds.isEmpty { return "false" }
        return conds.count == 1 ? conds[0] : "(" + conds.joined(separator: " OR ") + ")"
    }
}
