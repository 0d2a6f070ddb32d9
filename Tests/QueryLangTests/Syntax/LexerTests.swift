import Testing
@_spi(MQInternals) @testable import QueryLang

/// The lexer: every token kind, literals and escapes, and its diagnostics.
@Suite("Lexer")
struct LexerTests {
    func lex(_ text: String, maxLiteralBytes: Int? = nil) -> (kinds: [TokenKind], diagnostics: [Diagnostic], tokens: [Token]) {
        var lexer = Lexer(file: SourceFile(name: "<t>", text: text))
        if let maxLiteralBytes { lexer.maxLiteralBytes = maxLiteralBytes }
        let tokens = lexer.tokenize()
        return (tokens.map(\.kind), lexer.diagnostics, tokens)
    }

    func codes(_ text: String) -> [DiagnosticCode] { lex(text).diagnostics.map(\.code) }

    @Test func everyPunctuationAndOperator() {
        let (kinds, diags, _) = lex("| . , : ( ) [ ] { } == != <> < <= > >= = + - * / %")
        #expect(diags.isEmpty)
        #expect(kinds == [.pipe, .dot, .comma, .colon, .lparen, .rparen, .lbracket, .rbracket, .lbrace, .rbrace,
                          .eq, .ne, .ne, .lt, .le, .gt, .ge, .assign, .plus, .minus, .star, .slash, .percent, .eof])
    }

    @Test func identifiersAndKeywordsAreIdentifiers() {
        let (kinds, _, _) = lex("docs _x a1 let not in has")
        #expect(kinds == [.identifier("docs"), .identifier("_x"), .identifier("a1"), .identifier("let"),
                          .identifier("not"), .identifier("in"), .identifier("has"), .eof])
    }

    @Test func integersAndFloats() {
        let (kinds, diags, _) = lex("0 42 1_000 2.5 .5 1e6 1.5e-3 2.5E+2 9223372036854775807")
        #expect(diags.isEmpty)
        #expect(kinds == [.int(0), .int(42), .int(1000), .float(2.5), .float(0.5), .float(1e6), .float(1.5e-3),
                          .float(250), .int(Int64.max), .eof])
    }

    @Test func aNumberThenADotAndAName() {
        // `1.x` is the number 1, then a field access; `1.5` is a float.
        #expect(lex("1.x").kinds == [.int(1), .dot, .identifier("x"), .eof])
    }

    @Test func strings() {
        let (kinds, diags, _) = lex(#""double" 'single' "" ''"#)
        #expect(diags.isEmpty)
        #expect(kinds == [.string("double"), .string("single"), .string(""), .string(""), .eof])
    }

    @Test func escapes() {
        let (kinds, diags, _) = lex(#""a\nb\tc\rd\\e\"f\'g\0h\u{41}\u{2019}""#)
        #expect(diags.isEmpty)
        #expect(kinds == [.string("a\nb\tc\rd\\e\"f'g\0hA\u{2019}"), .eof])
    }

    @Test func rawStringsKeepBackslashes() {
        let (kinds, diags, _) = lex(#"r"\d+\s" r'\b'"#)
        #expect(diags.isEmpty)
        #expect(kinds == [.string(#"\d+\s"#), .string(#"\b"#), .eof])
    }

    @Test func dates() throws {
        let (kinds, diags, _) = lex("@2014 @2014-06 @2023-11-17 @~2013")
        #expect(diags.isEmpty)
        let expected: [PartialDate] = [
            try #require(PartialDate(year: 2014)), try #require(PartialDate(year: 2014, month: 6)),
            try #require(PartialDate(year: 2023, month: 11, day: 17)), try #require(PartialDate(year: 2013, approximate: true)),
        ]
        #expect(kinds == expected.map(TokenKind.date) + [.eof])
    }

    @Test func newlinesEndStatementsOutsideBrackets() {
        #expect(lex("a\nb").kinds == [.identifier("a"), .newline, .identifier("b"), .eof])
        #expect(lex("(a\nb)").kinds == [.lparen, .identifier("a"), .identifier("b"), .rparen, .eof])
        #expect(lex("a\n| b").kinds == [.identifier("a"), .pipe, .identifier("b"), .eof])
        #expect(lex("a\n\n\nb").kinds == [.identifier("a"), .newline, .identifier("b"), .eof])
    }

    @Test func aSemicolonIsANewline() {
        #expect(lex("a; b").kinds == [.identifier("a"), .newline, .identifier("b"), .eof])
        #expect(lex("a;; b").kinds == [.identifier("a"), .newline, .identifier("b"), .eof])
        #expect(lex("; a").kinds == [.identifier("a"), .eof])
    }

    @Test func commentsAreSkippedAndKept() {
        var lexer = Lexer(file: SourceFile(name: "<t>", text: "#!/usr/bin/env mq\na # trailing\n# own line\nb"))
        let kinds = lexer.tokenize().map(\.kind)
        #expect(kinds == [.identifier("a"), .newline, .identifier("b"), .eof])
        #expect(lexer.comments.map(\.text) == ["!/usr/bin/env mq", " trailing", " own line"])
        #expect(lexer.comments.map(\.ownLine) == [true, false, true])
    }

    @Test func whiteSpaceIncludesTabsCarriageReturnsAndNoBreakSpaces() {
        #expect(lex("a\t\r\u{00A0}b").kinds == [.identifier("a"), .identifier("b"), .eof])
    }

    @Test func spansAreUTF8Offsets() {
        let tokens = lex("“x” == 1").tokens
        // The curly quotes are dropped (E002); `x` starts after the three bytes of “.
        #expect(tokens.first?.kind == .identifier("x"))
        #expect(tokens.first?.span.start == 3)
        #expect(tokens.first?.span.end == 4)
    }

    @Test func unterminatedStrings() {
        #expect(codes(#""abc"#) == [.unterminatedString])
        #expect(codes("'abc") == [.unterminatedString])
        #expect(codes(#"r"abc"#) == [.unterminatedString])
        #expect(codes("\"abc\ndef\"") == [.unterminatedString, .unterminatedString])
        let d = lex(#""abc"#).diagnostics[0]
        #expect(d.message == "unterminated string")
        #expect(d.hints == [#"close it with " on the same line"#])
        #expect(lex(#"r'abc"#).diagnostics[0].message == "unterminated raw string")
    }

    @Test func badDates() {
        for text in ["@2023-02-30", "@2014-13", "@2014-6", "@14", "@", "@2014-06-31", "@2023-02-29"] {
            let d = lex(text).diagnostics
            #expect(d.map(\.code) == [.invalidDate], "\(text)")
            #expect(d.first?.message == "invalid date literal '\(text)'", "\(text)")
        }
        #expect(codes("@2024-02-29").isEmpty)
    }

    @Test func badCharacters() {
        #expect(codes("!") == [.unexpectedCharacter])
        #expect(codes("a => b") == [.unexpectedCharacter])
        #expect(codes("$") == [.unexpectedCharacter])
        #expect(codes("“x”") == [.unexpectedCharacter, .unexpectedCharacter])
        #expect(lex("§").diagnostics.first?.message == "unexpected character '§'")
        #expect(lex("!=").diagnostics.isEmpty)
    }

    @Test func badNumbers() {
        #expect(codes("12abc") == [.malformedNumber])
        #expect(codes("9223372036854775808") == [.malformedNumber])
        #expect(lex("9223372036854775808").diagnostics.first?.hints == ["write it as a float: 9223372036854775808.0"])
    }

    @Test func badEscapes() {
        #expect(codes(#""\q""#) == [.invalidEscape])
        #expect(codes(#""\u{110000}""#) == [.invalidEscape])
        #expect(codes(#""\u{D800}""#) == [.invalidEscape])
        // The string is still a token after a bad escape.
        #expect(lex(#""a\qb""#).kinds == [.string("ab"), .eof])
    }

    @Test func tooLongLiterals() {
        let d = lex(#""abcdefgh" "ok""#, maxLiteralBytes: 4)
        #expect(d.diagnostics.map(\.code) == [.literalTooLong])
        #expect(d.diagnostics.first?.message == "string literal longer than 4 bytes")
        #expect(d.kinds == [.string("ok"), .eof])
    }

    @Test func theDefaultLiteralLimitIsOneMebibyte() {
        let big = "\"" + String(repeating: "a", count: (1 << 20) + 2) + "\""
        #expect(codes(big) == [.literalTooLong])
        let fits = "\"" + String(repeating: "a", count: 1000) + "\""
        #expect(codes(fits).isEmpty)
    }

    @Test func tokenDescriptionsForMessages() {
        #expect(TokenKind.identifier("x").description == "'x'")
        #expect(TokenKind.int(5).description == "number 5")
        #expect(TokenKind.string("s").description == "a string")
        #expect(TokenKind.newline.description == "end of line")
        #expect(TokenKind.eof.description == "end of input")
        #expect(TokenKind.ne.description == "'!='")
    }

    @Test func afterNewlineIsRecorded() {
        let tokens = lex("a\n| b").tokens
        #expect(tokens.map(\.afterNewline) == [false, true, false, false])
    }
}

/// `Parser.isComplete`: whether the REPL has a whole statement or should read another line.
@Suite("Statement completeness for the REPL")
struct StatementCompletenessTests {
    @Test("unfinished inputs", arguments: [
        "docs | where (", "docs |", "docs | where id ==", "1 +", "\"abc", "'abc", "r\"abc", "[1, 2", "{a: 1",
        "lower(1,", "let x =", "def f(x) =", "assert", "print", "import", "docs | sort by", "docs |  # a comment",
        "entities\n  | where type == \"armed_group\"\n  |", "(1 +\n", "docs | top 3",
    ])
    func unfinished(_ text: String) {
        #expect(!Parser.isComplete(text), "\(text.debugDescription) should ask for another line")
    }

    @Test("finished inputs", arguments: [
        "docs | count", "let x = 1", "", "docs\n", "docs # comment", "docs | where title == \"x\"", "def f(x) = x",
        "print 1; print 2", "entities\n  | where type == \"armed_group\"\n  | count", "docs | sor",
        // Finished but wrong: the REPL should report the error, not wait for more.
        "\"abc\n", "mentions | cooccur by paragraph", "docs | expand a, b", "1 < 2 < 3",
        // A bad last token (a lexical error) is a finished input too: nothing the next line adds can fix it.
        "print 1e400", "docs | take 12abc", "print @2023-02-30", "docs | where title == \"a\\q\"",
    ])
    func finished(_ text: String) {
        #expect(Parser.isComplete(text), "\(text.debugDescription) is a finished input")
    }
}
