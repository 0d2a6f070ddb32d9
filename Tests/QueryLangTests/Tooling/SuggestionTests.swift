import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// `mq corpus suggest`: names the catalog lacks and draft facts, on the seeds plus the new-texts
/// documents; the drafts, written into a copy of the corpus, load.
@Suite("Suggestions")
struct SuggestionTests {
    /// A copy of seeds/ with the new-texts documents and one more text, in a directory of its own.
    static func corpusCopy() throws -> String {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "mq-suggest-\(UUID().uuidString)"
        try fm.copyItem(atPath: Paths.seeds, toPath: dir)
        let docs = Paths.fixtures.appendingPathComponent("new-texts/documents").path
        for f in try fm.contentsOfDirectory(atPath: docs) {
            try fm.copyItem(atPath: docs + "/" + f, toPath: dir + "/documents/" + f)
        }
        // Quote marks, a tab, a control character and a backslash in the sentence a fact is drafted from.
        let text = "The \"Zorro Brigades\" (ZB)\tfought in 2015.\nQais al-Khazali, the leader of \"Kataib Jund al-Imam\"\u{7F} \\ said so.\n"
        try text.write(toFile: dir + "/documents/900_hostile.txt", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func draftsLoadWhenPasted() throws {
        let dir = try Self.corpusCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corpus = try Corpus.load(directory: dir)
        let report = SuggestionReport(corpus: corpus)
        let names = report.names.map(\.text)
        for expected in ["Washington Institute", "Tehran Times", "Muhandis General Company", "Zorro Brigades"] {
            #expect(names.contains(expected), "\(expected) in \(names)")
        }
        #expect(report.names.first { $0.text == "Zorro Brigades" }?.acronym == "ZB")
        #expect(report.names.first { $0.text == "Washington Institute" }?.entities == [corpus.entity(id: "washington")!.index])
        // Names the catalog knows are never suggested.
        #expect(!names.contains("Kataib Hezbollah") && !names.contains("Popular Mobilization Forces"))

        func has(_ s: String, _ p: String, _ o: String) -> Bool {
            report.facts.contains { f in
                corpus.entities[f.subject].id == s && f.predicate.rawValue == p && f.object == .entity(corpus.entity(id: o)!.index)
            }
        }
        #expect(has("rayan-al-kildani", "leads", "kataib-babiliyoun"))
        #expect(has("saraya-khorasani", "member_of", "popular-mobilization-forces"))
        #expect(has("qais-al-khazali", "leads", "kataib-jund-al-imam"))
        // A fact the catalog's curators already wrote is not drafted again.
        #expect(!has("abu-alaa-al-walai", "leads", "kataib-sayyid-al-shuhada"))

        // Pasted into the corpus as new files, the drafts load, every quote found in its document.
        try report.catalogYAML().write(toFile: dir + "/catalog/suggested.yaml", atomically: true, encoding: .utf8)
        try report.factsYAML().write(toFile: dir + "/facts/suggested.yaml", atomically: true, encoding: .utf8)
        let again = try Corpus.load(directory: dir)
        #expect(again.entities.count == corpus.entities.count + report.catalogYAML().components(separatedBy: "\n- id: ").count - 1)
        #expect(again.facts.count == corpus.facts.count + report.facts.count)
        #expect(again.entity(id: "washington-institute") != nil)
        let hostile = try #require(again.facts.first { $0.id == "qais-al-khazali-leads-kataib-jund-al-imam" })
        #expect(hostile.quoteStart != nil)
        // The new names are matched now.
        #expect(again.mentions.contains { again.entities[Int($0.entity)].id == "washington-institute" })
    }
}
