import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// NaN is refused where it would be made (E407); infinities are values that order and group.
@Suite("NaN")
struct NotANumberTests {
    @Test(arguments: [#"float("nan")"#, #"float("NaN")"#, #"float(" -nan ")"#])
    func floatOfNaNIsRefused(_ expr: String) {
        #expect(Run.codes("print \(expr)") == [.notANumber])
    }

    @Test(arguments: [#"float("inf") - float("inf")"#, #"0.0 * float("inf")"#, #"float("inf") / float("-inf")"#,
                      #"float("inf") % 2.0"#, #"float("-inf") + float("inf")"#])
    func arithmeticGivingNaNIsRefused(_ expr: String) {
        let d = Run.firstError("print \(expr)")
        #expect(d?.code == .notANumber)
        #expect(d?.message.hasSuffix("is not a number (NaN), which is refused") == true)
    }

    @Test func sumAndAverageOfOppositeInfinitiesAreRefused() {
        let list = #"[1.0, float("inf"), 2.0, float("-inf")]"#
        #expect(Run.codes("\(list) | summarize s = sum(value)") == [.notANumber])
        #expect(Run.codes("\(list) | summarize a = avg(value)") == [.notANumber])
    }

    /// `min` over NaN gave NaN, `top` ranked NaN first, `distinct` kept every NaN: with no NaN to make,
    /// the same queries over infinities give the answers a reader expects.
    @Test func infinitiesOrderAndGroup() {
        let list = #"[2.0, float("inf"), -1.0, float("-inf"), float("inf"), 2]"#
        #expect(Run.value("(\(list) | summarize m = min(value))[0].m") == .float(-.infinity))
        #expect(Run.value("(\(list) | summarize m = max(value))[0].m") == .float(.infinity))
        #expect(Run.value("(\(list) | top 1 by value)[0]") == .float(.infinity))
        #expect(Run.rowCount("\(list) | distinct") == 4)
        #expect(Run.rowCount("\(list) | summarize n = count() by value") == 4)
    }

    /// Should a NaN reach the order of values anyway (a host function's list), it still holds.
    @Test func theOrderOfValuesHoldsForNaN() {
        let nan = Value.float(.nan)
        #expect(nan == Value.float(-.nan))
        #expect(Set([nan, Value.float(.nan), .float(1)]).count == 2)
        #expect(Value.sortsBefore(.float(.infinity), nan))
        #expect(Value.sortsBefore(.int(5), nan))
        #expect(!Value.sortsBefore(nan, .float(1)))
        #expect(Value.sortsBefore(nan, .null))
    }

    @Test(arguments: [".nan", "nan", ".inf", "-inf"])
    func aFactNumberMustBeFinite(_ number: String) throws {
        let c = try TemporaryCorpus()
        try c.write("facts/strength.yaml", """
            - id: kh-strength
              subject: kataib-hezbollah
              predicate: strength
              value: {number: \(number), unit: fighters}
              doc: a
            """)
        #expect(c.problems() == ["facts/strength.yaml:4: not a number (a finite decimal number is expected)"])
    }
}
