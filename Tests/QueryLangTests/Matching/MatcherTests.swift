import Testing
@_spi(MQInternals) @testable import QueryLang

/// The name matcher on small texts written for these tests (the seeds are covered by SeedsMentionTests).
@Suite("Matcher")
struct MatcherTests {
    static let catalog: [(String, EntityType, [EntityName])] = [
        ("kataib-hezbollah", .armedGroup, [.init("Kataib Hezbollah", kind: .name), .init("Hezbollah Brigades", kind: .alias), .init("KH", kind: .acronym)]),
        ("hezbollah", .armedGroup, [.init("Hezbollah", kind: .name), .init("Lebanese Hezbollah", kind: .alias)]),
        ("nujaba", .armedGroup, [.init("Harakat al-Nujaba", kind: .name), .init("Hezbollah al-Nujaba", kind: .alias), .init("al-Nujaba", kind: .alias)]),
        ("islamic-state", .armedGroup, [.init("Islamic State", kind: .name), .init("IS", kind: .acronym), .init("ISIS", kind: .acronym), .init("Daesh", kind: .alias)]),
        ("united-states", .country, [.init("United States", kind: .name), .init("US", kind: .acronym), .init("U.S.", kind: .acronym)]),
        ("irgc", .stateBody, [.init("IRGC", kind: .acronym)]),
        ("irgc-qf", .stateBody, [.init("Quds Force", kind: .name), .init("IRGC-QF", kind: .acronym)]),
        ("trump", .person, [.init("Donald Trump", kind: .name), .init("Trump", kind: .alias)]),
        ("maliki", .person, [.init("Nuri al-Maliki", kind: .name), .init("Maliki", kind: .alias), .init("al-Maliki", kind: .alias)]),
        ("fuad-hussein", .person, [.init("Fuad Hussein", kind: .name), .init("Hussein", kind: .ambiguous)]),
        ("ghazi-hussein", .person, [.init("Ghazi Faisal Hussein", kind: .name), .init("Hussein", kind: .ambiguous)]),
        ("iran", .country, [.init("Iran", kind: .name)]),
        ("sadr", .person, [.init("Muqtada al-Sadr", kind: .name)]),
        ("sistani", .person, [.init("Ali al-Sistani", kind: .name)]),
    ]

    static let entities: [Entity] = catalog.enumerated().map { i, e in
        Entity(id: e.0, index: i, type: e.1, name: e.2[0].text, names: e.2)
    }

    /// (entity id or "?", surface) for each mention of `text`.
    func mentions(_ text: String) -> [String] {
        let c = Corpus(documents: [Document(id: "t", index: 0, path: "t", text: text)], entities: Self.entities)
        return c.mentions.map { ($0.entity >= 0 ? c.entities[Int($0.entity)].id : "?") + "=" + c.surface($0) }
    }

    @Test func leftmostLongestWins() {
        #expect(mentions("Kataib Hezbollah fighters") == ["kataib-hezbollah=Kataib Hezbollah"])
        #expect(mentions("the Hezbollah Al Nujaba movement and Hezbollah") == ["nujaba=Hezbollah Al Nujaba", "hezbollah=Hezbollah"])
        #expect(mentions("IRGC-QF and the IRGC") == ["irgc-qf=IRGC-QF", "irgc=IRGC"])
    }

    @Test func acronymsAreCaseSensitive() {
        #expect(mentions("It is what IS claimed; us and US") == ["islamic-state=IS", "united-states=US"])
        #expect(mentions("the U.S. Treasury") == ["united-states=U.S"])
    }

    @Test func spellingVariantsFold() {
        #expect(mentions("Kata’ib Hizballah and KATAIB HEZBOLLAH") == ["kataib-hezbollah=Kata’ib Hizballah", "kataib-hezbollah=KATAIB HEZBOLLAH"])
        #expect(mentions("Muqtada as-Sadr met ʿAlī al-Sīstānī") == ["sadr=Muqtada as-Sadr", "sistani=Alī al-Sīstānī"])
        #expect(mentions("Nuri el-Maliki, Al Maliki, Maliki’s bloc") == ["maliki=Nuri el-Maliki", "maliki=Al Maliki", "maliki=Maliki"])
    }

    @Test func wholeWordsOnly() {
        #expect(mentions("Iranian officials in Iran-backed groups") == ["iran=Iran"])
        #expect(mentions("Daeshs and Daesh") == ["islamic-state=Daesh"])
    }

    @Test func oneWordNamesNeedACapital() {
        #expect(mentions("laws trump decrees, said Trump") == ["trump=Trump"])
    }

    @Test func punctuationBreaksMultiWordNames() {
        #expect(mentions("Kataib, Hezbollah") == ["hezbollah=Hezbollah"])
        #expect(mentions("Kataib\n\nHezbollah") == ["hezbollah=Hezbollah"])
        #expect(mentions("Kataib-Hezbollah") == ["kataib-hezbollah=Kataib-Hezbollah"])
    }

    @Test func sharedNamesFollowContext() {
        #expect(mentions("Ghazi Faisal Hussein spoke. Fuad Hussein agreed. Hussein said no.") ==
                ["ghazi-hussein=Ghazi Faisal Hussein", "fuad-hussein=Fuad Hussein", "fuad-hussein=Hussein"])
        #expect(mentions("Hussein said no. Then Ghazi Faisal Hussein spoke.") ==
                ["ghazi-hussein=Hussein", "ghazi-hussein=Ghazi Faisal Hussein"])
        #expect(mentions("Hussein said no.") == ["?=Hussein"])
    }

    @Test func offsetsPointIntoTheRawText() {
        let text = "« Kata’ib Hizballah »"
        let c = Corpus(documents: [Document(id: "t", index: 0, path: "t", text: text)], entities: Self.entities)
        let m = c.mentions[0]
        #expect(Array(text.utf8)[Int(m.start)..<Int(m.end)].elementsEqual("Kata’ib Hizballah".utf8))
    }

    /// The surface of each mention of `text`, with `?` after those marked uncertain.
    func certainty(_ text: String) -> [String] {
        let c = Corpus(documents: [Document(id: "t", index: 0, path: "t", text: text)], entities: Self.entities)
        return c.mentions.map { c.surface($0) + ($0.uncertain ? "?" : "") }
    }

    /// A mention glued to an unknown capitalised word is uncertain, whether it is the document's first,
    /// a middle or its last mention; a neighbouring mention is no unknown word.
    @Test func uncertainWhereverTheMentionStands() {
        #expect(certainty("Hezbollah Battalions fought.") == ["Hezbollah?"])
        #expect(certainty("Hezbollah Battalions and Iran met yesterday.") == ["Hezbollah?", "Iran"])
        #expect(certainty("Iran and Hezbollah Battalions fought.") == ["Iran", "Hezbollah?"])
        #expect(certainty("Iran and Hezbollah Battalions fought Daesh yesterday.") == ["Iran", "Hezbollah?", "Daesh"])
        #expect(certainty("Iran Hezbollah talks continued.") == ["Iran", "Hezbollah"])
        #expect(certainty("Talks with Iran.\nHezbollah Battalions fought.") == ["Iran", "Hezbollah?"])
    }

    /// The word before a name is read back from the name: a long lowercase word is no glued name, a long
    /// capitalised one is, however far back its capital stands.
    @Test func uncertainAfterLongWords() {
        #expect(certainty("They said extraordinarily Hezbollah fighters won.") == ["Hezbollah"])
        #expect(certainty("Yesterday Constantinopolitan Hezbollah fought.") == ["Hezbollah?"])
        #expect(certainty("Yesterday Constantinopolitan Iran fought.") == ["Iran?"])
        #expect(certainty("ab Hezbollah fought.") == ["Hezbollah"])
    }

    /// Words joined by one space, by several, or by a line break, and words after punctuation.
    @Test func separatorsBetweenNameWords() {
        #expect(mentions("Kataib Hezbollah fought") == ["kataib-hezbollah=Kataib Hezbollah"])
        #expect(mentions("Kataib  Hezbollah fought") == ["kataib-hezbollah=Kataib  Hezbollah"])
        #expect(mentions("Kataib, Hezbollah fought") == ["hezbollah=Hezbollah"])
        #expect(mentions("it was Kataib\nHezbollah that fought") == ["hezbollah=Hezbollah"])
        #expect(mentions("the Kataib-Hezbollah and Iran, Trump") == ["kataib-hezbollah=Kataib-Hezbollah", "iran=Iran", "trump=Trump"])
    }

    @Test func zonesComeFromTheLines() {
        let text = "Iran news\nBody about Iran.\nRelated: Iran again\n"
        let zones = [Zone(kind: .headline, firstLine: 1, lastLine: 1, start: 0, end: 10),
                     Zone(kind: .related, firstLine: 3, lastLine: 3, start: 27, end: 47)]
        let c = Corpus(documents: [Document(id: "t", index: 0, path: "t", text: text, zones: zones)], entities: Self.entities)
        #expect(c.mentions.map(\.zone) == [.headline, .body, .related])
    }
}
