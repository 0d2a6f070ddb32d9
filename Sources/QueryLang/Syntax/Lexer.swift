/// Turns query text into tokens.
///
/// `#` starts a comment to the end of the line (so a `#!` first line works). Newlines separate statements,
/// except inside brackets and before a line that starts with `|`, which continues the pipeline.
/// Literals: integers, floats (`2.5`, `1e6`), strings in double or single quotes with `\n \t \\ \" \'
/// \u{...}` escapes, raw strings `r"..."` (no escapes: handy for regexes), dates `@2014`, `@2014-06`,
/// `@2023-11-17` (and `@~2013` for an approximate date), and periods `1y`, `1q`, `1m`, `1w`, `1d` (a count and
/// a unit: the same as the text "1y", for `bin`).
@_spi(MQInternals) public struct Lexer {
    @_spi(MQInternals) public let file: SourceFile
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    @_spi(MQInternals) public private(set) var diagnostics: [Diagnostic] = []
    /// Comments in order: where they start, their text after `#`, and whether they stand on a line of their own.
    @_spi(MQInternals) public private(set) var comments: [(start: Int, text: String, ownLine: Bool)] = []
    /// Maximum length of one literal, in bytes.
    @_spi(MQInternals) public var maxLiteralBytes = 1 << 20

    @_spi(MQInternals) public init(file: SourceFile) {
        self.file = file
        self.bytes = Array(file.text.utf8)
    }

    @_spi(MQInternals) public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        var sawNewline = false
        while true {
            skipSpaceAndComments(&sawNewline)
            if i >= bytes.count {
                tokens.append(Token(kind: .eof, span: Span(bytes.count, bytes.count), afterNewline: sawNewline))
                break
            }
            let start = i
            guard let kind = next() else { continue }
            // A newline ends a statement unless inside brackets or the next line continues with `|`.
            // ... and unless the line before ended with '|', an operator or a comma.
            if sawNewline && depth == 0 && !tokens.isEmpty && kind != .pipe && !(tokens.last.map(Lexer.continuesLine) ?? false) {
                if tokens.last?.kind != .newline {
                    tokens.append(Token(kind: .newline, span: Span(start, start), afterNewline: true))
                }
            }
            switch kind {
            case .lparen, .lbracket, .lbrace: depth += 1
            case .rparen, .rbracket, .rbrace: depth = max(0, depth - 1)
            default: break
            }
            if kind == .semicolon {
                if tokens.last?.kind != .newline, !tokens.isEmpty {
                    tokens.append(Token(kind: .newline, span: Span(start, i), afterNewline: sawNewline))
                }
            } else {
                tokens.append(Token(kind: kind, span: Span(start, i), afterNewline: sawNewline))
            }
            sawNewline = false
        }
        return tokens
    }

    /// Tokens after which a line break does not end the statement.
    static func continuesLine(_ t: Token) -> Bool {
        switch t.kind {
        case .pipe, .comma, .assign, .eq, .ne, .lt, .le, .gt, .ge, .plus, .minus, .star, .slash, .percent, .colon: return true
        case let .identifier(w): return ["and", "or", "not", "in", "has", "contains", "matches", "startswith", "endswith", "within"].contains(w)
        default: return false
        }
    }

    private mutating func skipSpaceAndComments(_ sawNewline: inout Bool) {
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { sawNewline = true; i += 1 }
            else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") { i += 1 }
            else if b == UInt8(ascii: "#") {
                let start = i
                var k = i - 1
                while k >= 0 && (bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t")) { k -= 1 }
                let ownLine = k < 0 || bytes[k] == UInt8(ascii: "\n")
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                var text = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                comments.append((start, text, ownLine))
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { i += 2 }  // no-break space (U+00A0 in UTF-8)
            else { break }
        }
    }

    private mutating func error(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, hints: [String] = []) {
        diagnostics.append(Diagnostic(code, message, at: Span(start, end), in: file, hints: hints))
    }

    private func peek(_ k: Int = 0) -> UInt8 { i + k < bytes.count ? bytes[i + k] : 0 }

    private mutating func next() -> TokenKind? {
        let start = i
        let b = bytes[i]
        if isIdentStart(b) {
            if (b == UInt8(ascii: "r")) && (peek(1) == UInt8(ascii: "\"") || peek(1) == UInt8(ascii: "'")) {  // r"raw"
                i += 1
                return rawString(start)
            }
            while i < bytes.count && isIdentPart(bytes[i]) { i += 1 }
            return .identifier(String(decoding: bytes[start..<i], as: UTF8.self))
        }
        if isDigit(b) { return number(start) }
        // `$name`: a parameter the host (or `mq run --arg name=value`) supplies; a name like any other.
        if b == UInt8(ascii: "$"), i + 1 < bytes.count, isIdentStart(bytes[i + 1]) {
            i += 1
            while i < bytes.count && isIdentPart(bytes[i]) { i += 1 }
            return .identifier(String(decoding: bytes[start..<i], as: UTF8.self))
        }
        i += 1
        switch b {
        case UInt8(ascii: "|"): return .pipe
        case UInt8(ascii: "."):
            if isDigit(peek()) { i = start; return number(start) }
            return .dot
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "("): return .lparen
        case UInt8(ascii: ")"): return .rparen
        case UInt8(ascii: "["): return .lbracket
        case UInt8(ascii: "]"): return .rbracket
        case UInt8(ascii: "{"): return .lbrace
        case UInt8(ascii: "}"): return .rbrace
        case UInt8(ascii: "+"): return .plus
        case UInt8(ascii: "-"): return .minus
        case UInt8(ascii: "*"): return .star
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "%"): return .percent
        case UInt8(ascii: "="):
            if peek() == UInt8(ascii: "=") { i += 1; return .eq }
            if peek() == UInt8(ascii: ">") { i += 1; error(.unexpectedCharacter, "'=>' is not an operator", start, i, hints: ["write '>=' for greater or equal"]); return nil }
            return .assign
        case UInt8(ascii: "!"):
            if peek() == UInt8(ascii: "=") { i += 1; return .ne }
            error(.unexpectedCharacter, "unexpected character '!'", start, i, hints: ["write 'not' for negation, '!=' for inequality"])
            return nil
        case UInt8(ascii: "<"):
            if peek() == UInt8(ascii: "=") { i += 1; return .le }
            if peek() == UInt8(ascii: ">") { i += 1; return .ne }
            return .lt
        case UInt8(ascii: ">"):
            if peek() == UInt8(ascii: "=") { i += 1; return .ge }
            return .gt
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return string(start, quote: b)
        case UInt8(ascii: "@"): return date(start)
        case 0xE2 where peek() == 0x80 && (peek(1) == 0x9C || peek(1) == 0x9D):  // U+201C, U+201D in UTF-8
            i += 2
            error(.unexpectedCharacter, "curly quote “ ” cannot start a string", start, i, hints: ["use straight quotes: \"...\""])
            return nil
        default:
            // Skip the whole UTF-8 sequence of an unexpected character.
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }  // continuation bytes 10xxxxxx
            let ch = String(decoding: bytes[start..<i], as: UTF8.self)
            error(.unexpectedCharacter, "unexpected character '\(ch)'", start, i)
            return nil
        }
    }

    /// An ASCII letter of either case (`| 0x20` lowers one) or `_`.
    private func isIdentStart(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_") }
    private func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func number(_ start: Int) -> TokenKind? {
        var isFloat = false
        while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_")) { i += 1 }
        if peek() == UInt8(ascii: ".") && isDigit(peek(1)) {
            isFloat = true
            i += 1
            while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_")) { i += 1 }
        }
        if (peek() | 0x20) == UInt8(ascii: "e"), isDigit(peek(1)) || ((peek(1) == UInt8(ascii: "-") || peek(1) == UInt8(ascii: "+")) && isDigit(peek(2))) {
            isFloat = true
            i += 2
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && isIdentStart(bytes[i]) {
            let unit = i
            while i < bytes.count && isIdentPart(bytes[i]) { i += 1 }
            // A period: digits and one unit letter.
            if !isFloat, i == unit + 1, "yqmwd".utf8.contains(bytes[unit]), bytes[start..<unit].allSatisfy(isDigit) {
                return .string(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            error(.malformedNumber, "malformed number '\(String(decoding: bytes[start..<i], as: UTF8.self))'", start, i,
                  hints: i == unit + 1 ? ["a period is a count and a unit y, q, m, w or d: 1y, 1q, 1m, 1w, 1d"] : [])
            return nil
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        if isFloat {
            guard let v = Double(text) else { error(.malformedNumber, "malformed number '\(text)'", start, i); return nil }
            guard v.isFinite else { error(.malformedNumber, "number \(text) is too large for a float", start, i); return nil }
            return .float(v)
        }
        guard let v = Int64(text) else {
            error(.malformedNumber, "integer \(text) is too large (the limit is \(Int64.max))", start, i,
                  hints: ["write it as a float: \(text).0"])
            return nil
        }
        return .int(v)
    }

    private mutating func string(_ start: Int, quote: UInt8) -> TokenKind? {
        var out = [UInt8]()
        while i < bytes.count {
            let b = bytes[i]
            if b == quote { i += 1; return .string(String(decoding: out, as: UTF8.self)) }
            if b == UInt8(ascii: "\n") { break }
            if out.count > maxLiteralBytes {
                error(.literalTooLong, "string literal longer than \(maxLiteralBytes) bytes", start, i)
                while i < bytes.count && bytes[i] != quote && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                if i < bytes.count && bytes[i] == quote { i += 1 }
                return nil
            }
            if b == UInt8(ascii: "\\") {
                let escStart = i
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "0"): out.append(UInt8(ascii: "\0"))
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(e)
                case UInt8(ascii: "u") where peek() == UInt8(ascii: "{"):  // \u{...}
                    i += 1
                    let hexStart = i
                    while i < bytes.count && bytes[i] != UInt8(ascii: "}") && i - hexStart < 8 { i += 1 }
                    let hex = String(decoding: bytes[hexStart..<i], as: UTF8.self)
                    if peek() == UInt8(ascii: "}") { i += 1 }
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                        out.append(contentsOf: Array(String(s).utf8))
                    } else {
                        error(.invalidEscape, "invalid unicode escape '\\u{\(hex)}'", escStart, i)
                    }
                default:
                    error(.invalidEscape, "unknown escape '\\\(String(UnicodeScalar(e)))'", escStart, i,
                          hints: ["escapes: \\n \\t \\r \\\\ \\\" \\' \\u{...}; or use a raw string r\"...\" for regexes"])
                }
                continue
            }
            out.append(b)
            i += 1
        }
        error(.unterminatedString, "unterminated string", start, i, hints: ["close it with \(quote == UInt8(ascii: "\"") ? "\"" : "'") on the same line"])
        return nil
    }

    private mutating func rawString(_ start: Int) -> TokenKind? {
        let quote = bytes[i]
        i += 1
        let s = i
        while i < bytes.count && bytes[i] != quote && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        guard i < bytes.count && bytes[i] == quote else {
            error(.unterminatedString, "unterminated raw string", start, i, hints: ["close it with \(quote == UInt8(ascii: "\"") ? "\"" : "'") on the same line"])
            return nil
        }
        let text = String(decoding: bytes[s..<i], as: UTF8.self)
        i += 1
        return .string(text)
    }

    private mutating func date(_ start: Int) -> TokenKind? {
        while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "~")) { i += 1 }
        let text = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        guard let d = PartialDate(parsing: text) else {
            error(.invalidDate, "invalid date literal '@\(text)'", start, i,
                  hints: ["write @YYYY, @YYYY-MM or @YYYY-MM-DD with a real month and day, e.g. @2023-11-17"])
            return nil
        }
        return .date(d)
    }
}
