import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// The literal prefilter of `matches` answers exactly as ICU on the whole text: generated patterns
/// (literals, classes, alternation, `\b`, `(?i)`, quantifiers, anchors, lookaround) over generated texts
/// (ASCII, accents, Arabic, characters that case-fold to ASCII, line breaks), each asked both ways.
@Suite("Regex prefilter: the same answers as the regex engine alone")
struct RegexPrefilterTests {
    let interpreter = Interpreter(corpus: Seeds.corpus, limits: Limits(), functions: FunctionRegistry(), importLoader: nil)

    /// A small deterministic generator (the same cases on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[next(xs.count)] }
    }

    static let words = ["drone", "Drones", "DRONE", "border", "Border", "drôNe", "borde", "kind", "ss", "miss", "file"]
    static let fillers = [" ", "  ", ", ", ".\n", "\r\n", "-", "é", "\u{0301}", "مسيّرة", "حدود", "x", "_", "9", "ǅ",
                          "\u{212A}ind", "\u{017F}ide", "mi\u{00DF}", "\u{FB01}le", "İ", "😀", "\t", "'s"]

    static func text(_ g: inout Generator) -> String {
        var s = ""
        for _ in 0..<(g.next(12)) {
            s += g.next(2) == 0 ? g.pick(words) : g.pick(fillers)
        }
        return s
    }

    static let pieces = [#"drone"#, #"drones?"#, #"\bdrone"#, #"drone\b"#, #"border"#, #"bord[eo]r"#, #"[Dd]rone"#,
                         #"kind"#, #"miss"#, #"file"#, #"\w+"#, #"\s"#, #"."#, #"(?:dr|b)one"#, #"(drone|border)"#,
                         #"\d{1,2}"#, #"x*"#, #"(?=drone)"#, #"(?<!x)"#, #"^"#, #"$"#, #"\B"#, #"é"#, #"مسيّرة"#,
                         #"(?:drone){2}"#, #"d.one"#, #"[^a]"#, #"\p{L}"#, #"ss"#, #"\.\n"#, #"s+"#, #"o{1,3}"#]

    static func pattern(_ g: inout Generator) -> String {
        var p = g.next(3) == 0 ? "(?i)" : ""
        for _ in 0..<(1 + g.next(3)) { p += g.pick(pieces) }
        if g.next(6) == 0 { p += "|" + g.pick(pieces) }
        return p
    }

    @Test func prefilteredMatchingIsExact() throws {
        var g = Generator(state: 2026)
        var filtered = 0, disagreements: [String] = []
        for _ in 0..<600 {
            let p = Self.pattern(&g)
            guard let re = try? NSRegularExpression(pattern: p) else { continue }
            if RegexPrefilter.of(p) != nil { filtered += 1 }
            for _ in 0..<25 {
                let t = Self.text(&g)
                let plain = try interpreter.regexMatches(re, t, Span(0, 0), prefilter: false)
                let fast = try interpreter.regexMatches(re, t, Span(0, 0))
                if plain != fast { disagreements.append("\(p) on \(t.debugDescription): \(plain) vs \(fast)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(filtered > 200, "patterns with a prefilter: \(filtered)")
    }

    /// Texts longer than the literal search's blocks of 32 places, with the literal at every offset from a
    /// block's start to the text's last place: the block test and the byte-by-byte tail both see it.
    @Test func literalAtEveryOffsetOfLongTexts() throws {
        var g = Generator(state: 7)
        var disagreements: [String] = []
        for p in [#"drone"#, #"(?i)drone"#, #"(?i)\bdrones?\b"#, #"border\b"#, #"(?i)ss"#, #"é"#, #"(?i)kind"#, #"x"#] {
            let re = try NSRegularExpression(pattern: p)
            for length in [31, 32, 33, 64, 100] {
                for at in 0...length {
                    var t = String(repeating: "a", count: at) + g.pick(Self.words)
                    t += String(repeating: g.pick([" ", "b", "ü"]), count: max(0, length - at))
                    let plain = try interpreter.regexMatches(re, t, Span(0, 0), prefilter: false)
                    if try interpreter.regexMatches(re, t, Span(0, 0)) != plain { disagreements.append("\(p) on \(t.debugDescription)") }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    /// Long texts with many occurrences of the literal: ranges merged, then the rest run as one range.
    @Test func manyOccurrences() throws {
        let re = try NSRegularExpression(pattern: #"(?i)\bdrones?\b"#)
        let near = String(repeating: "xdrone dronex ", count: 50)
        for t in [near, near + "drones.", "Drones " + near, near + "DRONE", near + "drone\u{301}"] {
            let plain = try interpreter.regexMatches(re, t, Span(0, 0), prefilter: false)
            #expect(try interpreter.regexMatches(re, t, Span(0, 0)) == plain, "\(t.suffix(20))")
        }
    }

    @Test func literalsRead() {
        let p = RegexPrefilter.of(#"(?i)\bdrones?\b"#)
        #expect(p.map { String(decoding: $0.literal, as: UTF8.self) } == "drone")
        #expect(p?.caseless == true)
        #expect(p?.before == 0)
        #expect(RegexPrefilter.of(#"a(bcd)+e"#).map { String(decoding: $0.literal, as: UTF8.self) } == "bcd")
        #expect(RegexPrefilter.of(#"\w+ against\s"#).map { String(decoding: $0.literal, as: UTF8.self) } == " against")
        #expect(RegexPrefilter.of(#"\w+ against\s"#)?.before == nil)
        // No single literal: alternation, optional parts, back references, escapes not read.
        #expect(RegexPrefilter.of("drone|border") == nil)
        #expect(RegexPrefilter.of("(drone)?") == nil)
        #expect(RegexPrefilter.of(#"(abc)\1"#) == nil)
        #expect(RegexPrefilter.of(#"\x41bc"#) == nil)
        #expect(RegexPrefilter.of("(?x)abc") == nil)
        #expect(RegexPrefilter.of("ab(?i)cde") == nil)
    }
}
