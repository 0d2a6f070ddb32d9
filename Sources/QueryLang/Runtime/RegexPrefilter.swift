import Foundation

/// The literal every match of a regular expression must contain, read from the pattern's syntax, so a
/// text is searched for that literal (a byte search) before the regex engine runs, and the engine runs
/// only near where the literal occurs (``RegexWindows``). `(?i)\bdrones?\b` must contain "drone" (any
/// case), starting at most 0 UTF-16 units after the match's start, in a match at most 14 units long.
///
/// Only a part of ICU's syntax is read: literals, escaped punctuation, classes, `.`, the escapes of
/// classes (`\d`, `\w`, `\p{..}`), `\b`, anchors, groups, lookaround, alternation and quantifiers, and
/// leading `(?i)`, `(?m)`, `(?s)`. Any other construct (back references, `\x`, `\Q`, inline flags in the
/// middle, extended mode, ...) gives no prefilter: the pattern then runs on every text as written. Widths
/// are upper bounds; too large a bound costs time, never an answer.
struct RegexPrefilter: Sendable {
    /// UTF-8 bytes of the literal; ASCII letters lower-cased when `caseless`.
    let literal: [UInt8]
    /// `(?i)`: the literal is ASCII and compared without case.
    let caseless: Bool
    /// The most UTF-16 units of a match before the literal's start; nil when unbounded.
    let before: Int?
    /// The most UTF-16 units of a whole match; nil when unbounded.
    let width: Int?
    /// Whether the pattern reads no text outside a match but through `\b` and `\B` (no anchors, no
    /// lookaround): it can then run on a piece of the text around a window (``piece(_:_:)``).
    let local: Bool

    /// Literals shorter than this are not worth a search (they occur everywhere).
    static let minimumLength = 3

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: RegexPrefilter?] = [:]

    /// The prefilter of a pattern, derived once per pattern.
    static func of(_ pattern: String) -> RegexPrefilter? {
        lock.lock()
        if let p = cache[pattern] { lock.unlock(); return p }
        lock.unlock()
        let p = derive(pattern)
        lock.lock()
        if cache.count >= 1024 { cache.removeAll() }
        cache[pattern] = .some(p)
        lock.unlock()
        return p
    }

    static func derive(_ pattern: String) -> RegexPrefilter? {
        var reader = PatternReader(Array(pattern.unicodeScalars))
        guard let info = reader.read(), let best = info.best, best.literal.count >= minimumLength else { return nil }
        return RegexPrefilter(literal: best.literal, caseless: reader.caseless, before: best.before, width: info.width,
                              local: !reader.readsAround)
    }
}

/// What the reader knows of a part of a pattern.
private struct PatternInfo {
    /// The most UTF-16 units it matches; nil when unbounded.
    var width: Int?
    /// When it always matches exactly these bytes (a run of literal characters; zero-width parts are
    /// empty runs).
    var exact: [UInt8]?
    /// The longest literal every match of it contains, with the most units of the match before it.
    var best: (literal: [UInt8], before: Int?)?

    static func fixed(_ bytes: [UInt8], width: Int) -> PatternInfo {
        PatternInfo(width: width, exact: bytes, best: (bytes, 0))
    }

    static func opaque(width: Int?) -> PatternInfo { PatternInfo(width: width, exact: nil, best: nil) }
}

private func add(_ a: Int?, _ b: Int?) -> Int? {
    guard let a, let b else { return nil }
    let (s, o) = a.addingReportingOverflow(b)
    return o || s > 1 << 40 ? nil : s
}

private func multiply(_ a: Int?, _ n: Int?) -> Int? {
    guard let a, let n else { return nil }
    let (p, o) = a.multipliedReportingOverflow(by: n)
    return o || p > 1 << 40 ? nil : p
}

/// A recursive reader of the supported syntax; `read()` is nil for anything else.
private struct PatternReader {
    let s: [Unicode.Scalar]
    var i = 0
    var caseless = false
    /// Whether the pattern has anchors or lookaround (which read the text beyond a match's context).
    var readsAround = false
    /// The most UTF-16 units one character of a class or `.` matches (a case-folded class may match a
    /// folded string of up to three characters).
    var classWidth: Int { caseless ? 6 : 2 }

    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func read() -> PatternInfo? {
        // Leading flag groups: (?i), (?m), (?s) and their combinations.
        while i + 2 < s.count, s[i] == "(", s[i + 1] == "?", "ims".unicodeScalars.contains(s[i + 2]) {
            var j = i + 2
            while j < s.count, "ims".unicodeScalars.contains(s[j]) {
                if s[j] == "i" { caseless = true }
                j += 1
            }
            guard j < s.count, s[j] == ")" else { return nil }
            i = j + 1
        }
        guard let info = alternation() else { return nil }
        return i == s.count ? info : nil
    }

    private var atEnd: Bool { i >= s.count }

    mutating func alternation() -> PatternInfo? {
        guard var info = sequence() else { return nil }
        var branches = 1
        while !atEnd, s[i] == "|" {
            i += 1
            guard let next = sequence() else { return nil }
            branches += 1
            info.width = info.width.flatMap { w in next.width.map { max(w, $0) } }
        }
        if branches > 1 { info.exact = nil; info.best = nil }
        return info
    }

    mutating func sequence() -> PatternInfo? {
        var width: Int? = 0
        var run: [UInt8] = []
        var runBefore: Int? = 0
        var best: (literal: [UInt8], before: Int?)? = nil
        var allExact = true
        func consider(_ c: (literal: [UInt8], before: Int?)) {
            if c.literal.count > (best?.literal.count ?? -1) { best = c }
        }
        while !atEnd, s[i] != "|", s[i] != ")" {
            guard let item = quantified() else { return nil }
            if let e = item.exact {
                if run.isEmpty { runBefore = width }
                run += e
            } else {
                allExact = false
                if !run.isEmpty { consider((run, runBefore)) }
                if let b = item.best { consider((b.literal, b.before.flatMap { add(width, $0) })) }
                run = []
            }
            width = add(width, item.width)
        }
        if !run.isEmpty || best == nil { consider((run, runBefore)) }
        return PatternInfo(width: width, exact: allExact ? run : nil, best: best)
    }

    /// An atom and its quantifier.
    mutating func quantified() -> PatternInfo? {
        guard let atom = atom() else { return nil }
        guard !atEnd else { return atom }
        var lo = 1, hi: Int? = 1
        switch s[i] {
        case "*": lo = 0; hi = nil; i += 1
        case "+": lo = 1; hi = nil; i += 1
        case "?": lo = 0; hi = 1; i += 1
        case "{":
            guard let (a, b) = braces() else { return nil }
            lo = a; hi = b
        default: return atom
        }
        // Lazy and possessive forms.
        if !atEnd, s[i] == "?" || s[i] == "+" { i += 1 }
        var out = PatternInfo.opaque(width: hi == 0 ? 0 : multiply(atom.width, hi))
        if lo >= 1 {
            out.best = atom.best
            if lo == 1, hi == 1 { out.exact = atom.exact }
        }
        return out
    }

    /// `{n}`, `{n,}`, `{n,m}`.
    private mutating func braces() -> (Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            var n = 0, digits = 0
            while j < s.count, let d = Int(String(s[j])), s[j].isASCII {
                n = n * 10 + d
                digits += 1
                j += 1
                if n > 1 << 20 { return nil }
            }
            return digits > 0 ? n : nil
        }
        guard let lo = number() else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == "," {
            j += 1
            hi = number()
            if let h = hi, h < lo { return nil }
        }
        guard j < s.count, s[j] == "}" else { return nil }
        i = j + 1
        return (lo, hi)
    }

    mutating func atom() -> PatternInfo? {
        let c = s[i]
        switch c {
        case "(": return group()
        case "[":
            guard skipClass() else { return nil }
            return .opaque(width: classWidth)
        case ".":
            i += 1
            return .opaque(width: 2)
        case "^", "$":
            i += 1
            readsAround = true
            return .fixed([], width: 0)
        case "\\": return escape()
        case "*", "+", "?", "{", "}", "]", ")", "|":
            return nil
        default:
            i += 1
            return literal(c)
        }
    }

    private func literal(_ c: Unicode.Scalar) -> PatternInfo {
        let units = c.value > 0xFFFF ? 2 : 1
        if caseless {
            guard c.isASCII else { return .opaque(width: 6) }
            var b = UInt8(c.value)
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            return .fixed([b], width: 1)
        }
        return .fixed(Array(String(c).utf8), width: units)
    }

    private mutating func escape() -> PatternInfo? {
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        i += 2
        switch e {
        case "b", "B":
            return .fixed([], width: 0)
        case "A", "z", "Z", "G":
            readsAround = true
            return .fixed([], width: 0)
        case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R":
            return .opaque(width: classWidth)
        case "p", "P", "N":
            guard i < s.count, s[i] == "{" else { return nil }
            while i < s.count, s[i] != "}" { i += 1 }
            guard i < s.count else { return nil }
            i += 1
            return .opaque(width: classWidth)
        case "t": return literal("\t")
        case "n": return literal("\n")
        case "r": return literal("\r")
        case "f": return literal("\u{0C}")
        case "a": return literal("\u{07}")
        case "e": return literal("\u{1B}")
        default:
            // Escaped punctuation stands for itself; other escaped letters and digits are not read.
            guard #"\.^$|?*+()[]{}/-"'#,:;=!&~@%`"#.unicodeScalars.contains(e) else { return nil }
            return literal(e)
        }
    }

    /// `(...)`, `(?:...)`, `(?>...)`, `(?<name>...)`, lookaround (zero-width), `(?#...)`.
    private mutating func group() -> PatternInfo? {
        i += 1
        var lookaround = false
        if i < s.count, s[i] == "?" {
            guard i + 1 < s.count else { return nil }
            switch s[i + 1] {
            case ":", ">": i += 2
            case "=", "!": i += 2; lookaround = true
            case "#":
                while i < s.count, s[i] != ")" { i += 1 }
                guard i < s.count else { return nil }
                i += 1
                return .fixed([], width: 0)
            case "<":
                guard i + 2 < s.count else { return nil }
                if s[i + 2] == "=" || s[i + 2] == "!" {
                    i += 3
                    lookaround = true
                } else {
                    var j = i + 2
                    while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
                    guard j > i + 2, j < s.count, s[j] == ">" else { return nil }
                    i = j + 1
                }
            default:
                return nil
            }
        }
        guard let inner = alternation(), i < s.count, s[i] == ")" else { return nil }
        i += 1
        if lookaround { readsAround = true }
        return lookaround ? .fixed([], width: 0) : inner
    }

    /// Skips a class `[...]` with nested classes, escapes and `[:name:]`; false when it cannot tell
    /// where the class ends.
    private mutating func skipClass() -> Bool {
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == "[" {
                depth += 1
                i += 1
                if i < s.count, s[i] == "^" { i += 1 }
                // A `]` first in a class: whether it is literal differs between engines; not read.
                if i < s.count, s[i] == "]" { return false }
                continue
            }
            if c == "\\" {
                guard i + 1 < s.count else { return false }
                let e = s[i + 1]
                i += 2
                if (e == "p" || e == "P" || e == "N"), i < s.count, s[i] == "{" {
                    while i < s.count, s[i] != "}" { i += 1 }
                    guard i < s.count else { return false }
                    i += 1
                }
                if e == "Q" { return false }
                continue
            }
            i += 1
            if c == "]" {
                depth -= 1
                if depth == 0 { return true }
            }
        }
        return false
    }
}
