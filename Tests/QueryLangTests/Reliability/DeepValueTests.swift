import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Values nested deeper than any expression, built by composing functions: each call adds ten levels,
/// and calls of calls multiply them. Printing, comparing, hashing and freeing such a value recurse.
@Suite("Deep values")
struct DeepValueTests {
    static let builders = """
        def w1(x) = [[[[[[[[[[x]]]]]]]]]]
        def w2(x) = w1(w1(w1(w1(w1(w1(w1(w1(w1(w1(x))))))))))
        def w3(x) = w2(w2(w2(w2(w2(w2(w2(w2(w2(w2(x))))))))))
        def w4(x) = w3(w3(w3(w3(w3(w3(w3(w3(w3(w3(x))))))))))
        def w5(x) = w4(w4(w4(w4(w4(w4(w4(w4(w4(w4(x))))))))))

        """

    @Test func aHundredThousandLevelsDeepValueIsE402() {
        for use in ["len(w5(1))", "str(w5(1))", "w5(1)", "w5(1) == w5(1)", "let v = w5(1)", "[w5(1)] | distinct",
                    "[{a: w5(1)}, {a: 1}] | sort by a"] {
            #expect(Run.codes(Self.builders + use) == [.limitReached], "\(use)")
        }
    }

    @Test func valuesUpToTheDepthLimitAreFine() {
        #expect(Run.codes(Self.builders + "len(str(w2(1)))") == [])
        #expect(Run.codes(Self.builders + "let v = w2(w2(1))\nlen(str(v))") == [])
        #expect(Run.codes(Self.builders + "len(str(w3(1)))") == [.limitReached])
    }

    @Test func letChainsThatWrapAValueStopAtTheDepthLimit() {
        let text = "let a = 1\n" + String(repeating: "let a = [a]\n", count: 20_000) + "len(a)"
        let d = Run.firstError(text)
        #expect(d?.code == .limitReached)
        #expect(d?.location?.line == 202)
    }

    @Test func functionsWrappingTablesStopAtTheDepthLimit() {
        let text = """
            def t1(x) = docs | take 1 | select y = [x]
            def t2(x) = t1(t1(t1(t1(t1(t1(t1(t1(t1(t1(x))))))))))
            def t3(x) = t2(t2(t2(t2(t2(t2(t2(t2(t2(t2(x))))))))))
            len(str(t3(1)))
            """
        #expect(Run.codes(text) == [.limitReached])
    }
}

/// Values that share one large string many times: small in memory, terabytes as text.
@Suite("Shared values")
struct SharedValueTests {
    /// `l` is 2^20 copies of one 64 MiB string: 64 TiB of text.
    static let setup: String = {
        var text = "let s = \"xxxxxxxxxxxxxxxx\"\n"
        for _ in 0..<22 { text += "let s = s + s\n" }  // 64 MiB
        text += "let l = [s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s]\n"
        for _ in 0..<16 { text += "let l = l + l\n" }  // 2^20 items
        return text
    }()

    @Test func turningItIntoTextIsRefused() {
        for use in ["len(str(l))", "len(join(l, \",\"))", "len(concat(l, l))", "l", "print l", "[{a: l}] | select a",
                    "print len(l)"] {
            let codes = Run.codes(Self.setup + use)
            if use == "print len(l)" { #expect(codes == []) } else { #expect(codes == [.wrongType] || codes == [.limitReached], "\(use)") }
        }
    }

    @Test func anErrorAboutItShowsAShortPreview() throws {
        let d = try #require(Run.firstError(Self.setup + "1 + l"))
        #expect(d.code == .wrongType)
        #expect(d.message.count < 200)
    }
}
