/// Turns query text into tokens.
///
/// `#` starts a comment to the end of the line (so a `#!` first line works). Newlines separate statements,
/// except inside brackets and before a line that starts with `|`, which continues the pipeline.
/// Literals: integers, floats (`2.5`, `1e6`), strings in double or single quotes with `\n \t \\ \" \'
/// \u{...}` escapes, raw strings `r"..."` (no escapes: handy for regexes), dates `@2014`, `@2014-06`,
/// `@2023-11-17` (and `@~2013` for an approximate date).
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
            if b == 0x0A { sawNewline = true; i += 1 }
            else if b == 0x20 || b == 0x09 || b == 0x0D { i += 1 }
            else if b == 0x23 {  // #
                let start = i
                var k = i - 1
                while k >= 0 && (bytes[k] == 0x20 || bytes[k] == 0x09) { k -= 1 }
                let ownLine = k < 0 || bytes[k] == 0x0A
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                var text = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                comments.append((start, text, ownLine))
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { i += 2 }  // no-break space
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
            if (b == 0x72) && (peek(1) == 0x22 || peek(1) == 0x27) {  // r"raw"
                i += 1
                return rawString(start)
            }
            while i < bytes.count && isIdentPart(bytes[i]) { i += 1 }
            return .identifier(String(decoding: bytes[start..<i], as: UTF8.self))
        }
        if isDigit(b) { return number(start) }
        // `$name`: a parameter the host (or `mq run --arg name=value`) supplies; a name like any other.
        if b == 0x24, i + 1 < bytes.count, isIdentStart(bytes[i + 1]) {
            i += 1
            while i < bytes.count && isIdentPart(bytes[i]) { i += 1 }
            return .identifier(String(decoding: bytes[start..<i], as: UTF8.self))
        }
        i += 1
        switch b {
        case 0x7C: return .pipe
        case 0x2E:
            if isDigit(peek()) { i = start; return number(start) }
            return .dot
        case 0x2C: return .comma
        case 0x3A: return .colon
        case 0x3B: return .semicolon
        case 0x28: return .lparen
        case 0x29: return .rparen
        case 0x5B: return .lbracket
        case 0x5D: return .rbracket
        case 0x7B: return .lbrace
        case 0x7D: return .rbrace
        case 0x2B: return .plus
        case 0x2D: return .minus
        case 0x2A: return .star
        case 0x2F: return .slash
        case 0x25: return .percent
        case 0x3D:
            if peek() == 0x3D { i += 1; return .eq }
            if peek() == 0x3E { i += 1; error(.unexpectedCharacter, "'=>' is not an operator", start, i, hints: ["write '>=' for greater or equal"]); return nil }
            return .assign
        case 0x21:
            if peek() == 0x3D { i += 1; return .ne }
            error(.unexpectedCharacter, "unexpected character '!'", start, i, hints: ["write 'not' for negation, '!=' for inequality"])
            return nil
        case 0x3C:
            if peek() == 0x3D { i += 1; return .le }
            if peek() == 0x3E { i += 1; return .ne }
            return .lt
        case 0x3E:
            if peek() == 0x3D { i += 1; return .ge }
            return .gt
        case 0x22, 0x27: return string(start, quote: b)
        case 0x40: return date(start)
        case 0xE2 where peek() == 0x80 && (peek(1) == 0x9C || peek(1) == 0x9D):
            i += 2
            error(.unexpectedCharacter, "curly quote “ ” cannot start a string", start, i, hints: ["use straight quotes: \"...\""])
            return nil
        default:
            // Skip the whole UTF-8 sequence of an unexpected character.
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            let ch = String(decoding: bytes[start..<i], as: UTF8.self)
            error(.unexpectedCharacter, "unexpected character '\(ch)'", start, i)
            return nil
        }
    }

    private func isIdentStart(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F }
    private func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func number(_ start: Int) -> TokenKind? {
        var isFloat = false
        while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == 0x5F) { i += 1 }
        if peek() == 0x2E && isDigit(peek(1)) {
            isFloat = true
            i += 1
            while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == 0x5F) { i += 1 }
        }
        if (peek() | 0x20) == 0x65, isDigit(peek(1)) || ((peek(1) == 0x2D || peek(1) == 0x2B) && isDigit(peek(2))) {
            isFloat = true
            i += 2
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && isIdentStart(bytes[i]) {
            while i < bytes.count && isIdentPart(bytes[i]) { i += 1 }
            error(.malformedNumber, "malformed number '\(String(decoding: bytes[start..<i], as: UTF8.self))'", start, i)
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
            if b == 0x0A { break }
            if out.count > maxLiteralBytes {
                error(.literalTooLong, "string literal longer than \(maxLiteralBytes) bytes", start, i)
                while i < bytes.count && bytes[i] != quote && bytes[i] != 0x0A { i += 1 }
                if i < bytes.count && bytes[i] == quote { i += 1 }
                return nil
            }
            if b == 0x5C {  // backslash
                let escStart = i
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x30: out.append(0x00)
                case 0x5C, 0x22, 0x27: out.append(e)
                case 0x75 where peek() == 0x7B:  // \u{...}
                    i += 1
                    let hexStart = i
                    while i < bytes.count && bytes[i] != 0x7D && i - hexStart < 8 { i += 1 }
                    let hex = String(decoding: bytes[hexStart..<i], as: UTF8.self)
                    if peek() == 0x7D { i += 1 }
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
        error(.unterminatedString, "unterminated string", start, i, hints: ["close it with \(quote == 0x22 ? "\"" : "'") on the same line"])
        return nil
    }

    private mutating func rawString(_ start: Int) -> TokenKind? {
        let quote = bytes[i]
        i += 1
        let s = i
        while i < bytes.count && bytes[i] != quote && bytes[i] != 0x0A { i += 1 }
        guard i < bytes.count && bytes[i] == quote else {
            error(.unterminatedString, "unterminated raw string", start, i, hints: ["close it with \(quote == 0x22 ? "\"" : "'") on the same line"])
            return nil
        }
        let text = String(decoding: bytes[s..<i], as: UTF8.self)
        i += 1
        return .string(text)
    }

    private mutating func date(_ start: Int) -> TokenKind? {
        while i < bytes.count && (isDigit(bytes[i]) || bytes[i] == 0x2D || bytes[i] == 0x7E) { i += 1 }
        let text = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        guard let d = PartialDate(parsing: text) else {
            error(.invalidDate, "invalid date literal '@\(text)'", start, i,
                  hints: ["write @YYYY, @YYYY-MM or @YYYY-MM-DD with a real month and day, e.g. @2023-11-17"])
            return nil
        }
        return .date(d)
    }
}
