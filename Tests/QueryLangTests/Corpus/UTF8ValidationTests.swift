import Testing
@_spi(MQInternals) @testable import QueryLang

/// The documents' UTF-8 check: it must accept and refuse exactly what the standard library does, and
/// point at the same first fault.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    static func check(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        bytes.withUnsafeBufferPointer { UTF8Validation.check($0) }
    }

    /// What the standard library says of the same bytes, in the same form: the offset of the first NUL
    /// (an error however well-formed the rest), else of the first scalar that does not decode.
    static func reference(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        if let nul = bytes.firstIndex(of: 0) { return .nul(nul) }
        if String(validating: bytes, as: UTF8.self) != nil { return .valid(isASCII: bytes.allSatisfy { $0 < 0x80 }) }
        var it = bytes.makeIterator(), decoder = UTF8(), offset = 0
        while case let .scalarValue(s) = decoder.decode(&it) { offset += UTF8.width(s) }
        return .invalid(offset)
    }

    @Test("well-formed text, ASCII or not", arguments: [
        "", "a", "plain ASCII text that runs past sixteen bytes, and then some more",
        "Kata’ib Hezbollah said “no” — twice", "Muqtada al-Ṣadr", "العراق", "emoji 🛰 at the end 🛰",
        String(repeating: "x", count: 15) + "é" + String(repeating: "y", count: 40) + "中",
        "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "\u{D7FF}\u{E000}",
    ])
    func wellFormed(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.check(bytes) == .valid(isASCII: text.utf8.allSatisfy { $0 < 0x80 }))
    }

    @Test("each kind of ill-formed sequence, at the start, in a run of ASCII and at the end")
    func illFormed() {
        let faults: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xE2, 0x82], [0xE2, 0x82, 0x41], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
            [0xF0, 0x9F, 0x9B], [0xE2, 0x80, 0x9C, 0x80],
        ]
        for fault in faults {
            for prefix in [0, 5, 16, 31] {
                for suffix in [0, 1, 20] {
                    let bytes = Array(repeating: UInt8(0x61), count: prefix) + fault + Array(repeating: UInt8(0x62), count: suffix)
                    let got = Self.check(bytes)
                    #expect(got == Self.reference(bytes), "\(fault) after \(prefix) bytes, \(suffix) after")
                    #expect(got == .invalid(prefix + (fault == [0xE2, 0x80, 0x9C, 0x80] ? 3 : 0)))
                }
            }
        }
    }

    @Test("a NUL byte is found in a run of ASCII, and before or after a fault")
    func nul() {
        #expect(Self.check(Array("sixteen bytes!!!\0and more".utf8)) == .nul(16))
        #expect(Self.check([0x61, 0x00, 0x80]) == .nul(1))
        #expect(Self.check([0x61, 0x80, 0x62, 0x00]) == .nul(3))
        #expect(Self.check(Array(repeating: 0x41, count: 40) + [0x00]) == .nul(40))
    }

    /// Random texts of ASCII, multi-byte characters and stray bytes, against the standard library.
    @Test("agrees with the standard library on 20,000 random byte strings")
    func agreesWithTheStandardLibrary() {
        var rng = SplitMix(seed: 0x5EED)
        let pieces: [[UInt8]] = [
            Array("the ".utf8), Array("Hashd ".utf8), Array("é".utf8), Array("’".utf8), Array("中".utf8),
            Array("🛰".utf8), [0x80], [0xC3], [0xE2, 0x80], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0x00],
            Array(repeating: 0x20, count: 17),
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) {
                let r = rng.next() % 100
                // Faults are rare, as in real files, so that most strings are long and mostly sound.
                let piece = r < 70 ? pieces[Int(r % 2)] : r < 94 ? pieces[2 + Int(r % 4)] : pieces[6 + Int(r % 8)]
                bytes += piece
            }
            #expect(Self.check(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test("the loader reports the fault's byte and line")
    func loaderMessage() {
        var problems: [LoadProblem] = []
        let bytes: [UInt8] = Array("line one\nline two \u{201C}quoted\u{201D}\n".utf8) + [0xE2, 0x28, 0xA1] + Array(" end".utf8)
        #expect(DocumentLoader.decode(bytes, file: "documents/x.txt", problems: &problems) == nil)
        #expect(problems.map(\.message) == ["invalid UTF-8 at byte \(bytes.count - 7)"])
        #expect(problems.first?.line == 3)
        problems = []
        let text = "Kata’ib Hezbollah, “Nujaba” and al-Ṣadr"
        #expect(DocumentLoader.decode(Array(text.utf8), file: "documents/y.txt", problems: &problems) == text)
        #expect(problems.isEmpty)
    }
}
