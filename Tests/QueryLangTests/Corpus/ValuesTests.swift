import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("Values of the model")
struct ValuesTests {
    @Test func sha256KnownVectors() {
        #expect(ContentHash.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentHash.hex([UInt8](repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func partialDatesParseWithTheirPrecision() {
        #expect(PartialDate(parsing: "2014")?.precision == .year)
        #expect(PartialDate(parsing: "2014-06")?.precision == .month)
        #expect(PartialDate(parsing: "2023-11-17")?.precision == .day)
        #expect(PartialDate(parsing: "~2013")?.approximate == true)
        #expect(PartialDate(parsing: "@2014-06")?.description == "2014-06")
        // Written back as parsed, zero-padded: each precision, approximate, an early year.
        #expect(PartialDate(year: 2023, month: 11, day: 7)?.description == "2023-11-07")
        #expect(PartialDate(year: 987, month: 1, approximate: true)?.description == "~0987-01")
        #expect(PartialDate(year: 9999)?.description == "9999")
        #expect(PartialDate(parsing: "~2013-05-31")?.description == "~2013-05-31")
        for bad in ["14", "2014-13", "2023-02-29", "2014-6", "June 2014", "2014-06-31", ""] {
            #expect(PartialDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(PartialDate(parsing: "2024-02-29") != nil)
    }

    @Test func partialDatesCompareAsIntervals() throws {
        let y2014 = try #require(PartialDate(parsing: "2014"))
        let jun2014 = try #require(PartialDate(parsing: "2014-06"))
        let y2015 = try #require(PartialDate(parsing: "2015-03-01"))
        #expect(y2014.compare(y2015) == .ascending)
        #expect(y2015.compare(jun2014) == .descending)
        #expect(y2014.compare(jun2014) == nil)
        #expect(jun2014.isWithin(y2014))
        #expect(!y2014.isWithin(jun2014))
        #expect(PartialDate.sortsBefore(y2014, jun2014))
    }

    @Test func suggestionsFindCloseWords() {
        #expect(Suggestions.closest(to: "aliasses", in: ["aliases", "acronyms", "name"]) == ["aliases"])
        #expect(Suggestions.closest(to: "wehre", in: ["where", "select", "extend"]) == ["where"])
        #expect(Suggestions.closest(to: "zzz", in: ["where"]).isEmpty)
    }
}
