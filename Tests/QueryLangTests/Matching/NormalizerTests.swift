import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("Normaliser")
struct NormalizerTests {
    let n = Normalizer()

    @Test("one key for every spelling of a name", arguments: [
        ("Kata'ib Hizballah", "kataib hezbollah"),
        ("Kata’ib Hezbollah", "kataib hezbollah"),
        ("KATAEB HEZBOLLAH", "kataib hezbollah"),
        ("Abu Mahdi al-Muhandis", "abu mahdi al muhandis"),
        ("Abu Mahdi Al Muhandis", "abu mahdi al muhandis"),
        ("Abu Mahdi el-Muhandis", "abu mahdi al muhandis"),
        ("Popular Mobilisation Forces", "popular mobilization forces"),
        ("Mohamed Shia al-Sudani", "muhammad shia al sudani"),
        ("Mohammed Shia Al-Sudani", "muhammad shia al sudani"),
        ("Qods Force", "quds force"),
        ("al-Hashd al-Sha‘bi", "al hashd al shabi"),
        ("Muqtada as-Sadr", "muqtada al sadr"),
        ("Tariq ash-Shammari", "tariq al shammari"),
        ("Salah ad-Din", "salah al din"),
        ("ʿAlī al-Sīstānī", "ali al sistani"),
        ("Ḥarakat al-Nujabāʾ", "harakat al nujaba"),
        ("Maliki’s", "maliki"),  // a possessive is not a word of its own
        ("  Hezbollah  Brigades ", "hezbollah brigades"),
    ])
    func key(_ input: String, _ expected: String) {
        #expect(n.key(input) == expected)
    }

    @Test func assimilatedArticleNeedsTheSameConsonant() {
        // "as-is" is not an article: the next word does not start with s.
        #expect(n.key("as-is") == "as is")
        #expect(n.key("an-Najaf") == "al najaf")
    }

    @Test func acronymsKeepTheirCase() {
        #expect(n.rawWords("IRGC-QF") == ["IRGC", "QF"])
        #expect(n.rawWords("U.S.") == ["U", "S"])
    }
}
