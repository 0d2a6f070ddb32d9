/// The kinds of tokens of the mq language.
@_spi(MQInternals) public enum TokenKind: Sendable, Hashable {
    case identifier(String)
    case int(Int64)
    case float(Double)
    case string(String)
    case date(PartialDate)
    // Punctuation and operators.
    case pipe, dot, comma, colon, semicolon, lparen, rparen, lbracket, rbracket, lbrace, rbrace
    case eq, ne, lt, le, gt, ge, assign, plus, minus, star, slash, percent
    case newline
    case eof

    @_spi(MQInternals) public var description: String {
        switch self {
        case let .identifier(s): return "'\(s)'"
        case let .int(v): return "number \(v)"
        case let .float(v): return "number \(v)"
        case .string: return "a string"
        case let .date(d): return "date @\(d)"
        case .pipe: return "'|'"
        case .dot: return "'.'"
        case .comma: return "','"
        case .colon: return "':'"
        case .semicolon: return "';'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .lbracket: return "'['"
        case .rbracket: return "']'"
        case .lbrace: return "'{'"
        case .rbrace: return "'}'"
        case .eq: return "'=='"
        case .ne: return "'!='"
        case .lt: return "'<'"
        case .le: return "'<='"
        case .gt: return "'>'"
        case .ge: return "'>='"
        case .assign: return "'='"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .percent: return "'%'"
        case .newline: return "end of line"
        case .eof: return "end of input"
        }
    }
}

@_spi(MQInternals) public struct Token: Sendable, Hashable {
    @_spi(MQInternals) public let kind: TokenKind
    @_spi(MQInternals) public let span: Span
    /// Whether a line break came between this token and the previous one.
    @_spi(MQInternals) public let afterNewline: Bool

    @_spi(MQInternals) public func isIdentifier(_ name: String) -> Bool {
        if case let .identifier(s) = kind { return s == name }
        return false
    }

    @_spi(MQInternals) public var identifier: String? {
        if case let .identifier(s) = kind { return s }
        return nil
    }
}
