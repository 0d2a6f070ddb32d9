import Testing
@_spi(MQInternals) @testable import QueryLang

/// The completer: given the text before the cursor, the candidates.
@Suite("Completer")
struct CompleterTests {
    let completer = Completer(corpus: Seeds.corpus, metaCommands: [".mode": .mode, ".read": .file, ".help": .topic, ".quit": .none])

    @Test func stageNamesAfterAPipe() {
        let r = completer.complete("entities | wh")
        #expect(r.candidates == ["where"])
        #expect(r.prefix == "wh")
        #expect(completer.complete("docs | where x > 1 |  s").candidates == ["select", "sort", "summarize"])
        #expect(completer.complete("docs |").candidates == StageKind.names.sorted())
    }

    @Test func fieldsOfTheRow() {
        #expect(completer.complete("docs | where outl").candidates == ["outlet", "outlet_entity"])
        #expect(completer.complete("mentions | where zo").candidates == ["zone"])
        // The row's fields come before functions of the same prefix.
        #expect(completer.complete("facts | select pre").candidates == ["predicate", "precision"])
    }

    @Test func fieldsAfterADot() {
        #expect(completer.complete("mentions | where doc.ti").candidates == ["title"])
        #expect(completer.complete("ent(\"PMF\").ali").candidates == ["aliases"])
        #expect(completer.complete("facts | where subject.ty").candidates == ["type"])
    }

    @Test func entityNamesInsideEnt() {
        let r = completer.complete("mentions | where entity == ent(\"Harakat al-Nu")
        #expect(r.candidates == ["Harakat al-Nujaba"])
        #expect(r.suffix == "\")")
        // Any spelling: the normalised prefix matches.
        #expect(completer.complete("ent(\"kataib hez").candidates.contains("Kataib Hezbollah"))
    }

    @Test func entityNamesAreEveryMatchingNameInOrder() {
        // Every distinct name whose text starts with the prefix in any case, or whose normalised form starts
        // with the prefix's; names starting with the prefix as typed first, then by lower-case text. Asked
        // twice (the names are kept after the first time), the answer is the same.
        let corpus = Seeds.corpus
        for prefix in ["", "K", "kat", "Kataib H", "al-", "Al ", "abu", "ḥ", "Ma", "zz", "US", "u.s", "Iraq's"] {
            let key = corpus.names.normalizer.key(prefix)
            var seen = Set<String>()
            var expected: [String] = []
            for e in corpus.entities {
                for n in e.names where seen.insert(n.text).inserted {
                    if n.text.lowercased().hasPrefix(prefix.lowercased())
                        || (!key.isEmpty && corpus.names.normalizer.key(n.text).hasPrefix(key)) {
                        expected.append(n.text)
                    }
                }
            }
            expected.sort { a, b in
                let ap = a.hasPrefix(prefix), bp = b.hasPrefix(prefix)
                return ap != bp ? ap : a.lowercased() < b.lowercased()
            }
            #expect(completer.complete("ent(\"" + prefix).candidates == expected, "\(prefix)")
            #expect(completer.complete("ent(\"" + prefix).candidates == expected, "\(prefix), again")
        }
    }

    @Test func variablesAndFunctions() {
        let r = completer.complete("len(mil", variables: ["militias"], functions: [])
        #expect(r.candidates == ["militias"])
        #expect(completer.complete("docs | extend y = yea").candidates == ["year"])
        #expect(completer.complete("lo").candidates.contains("lower"))
    }

    @Test func metaCommandsAndTheirArguments() {
        #expect(completer.complete(".mo").candidates == [".mode"])
        #expect(completer.complete(".mode cs").candidates == ["csv"])
        let r = completer.complete(".read exa")
        #expect(r.wantsFiles && r.prefix == "exa")
        #expect(completer.complete(".help kw").candidates == ["kwic"])
    }

    @Test func columnsNamedEarlierInTheStatement() {
        #expect(completer.complete("mentions | summarize hits = count() by entity | top 5 by hi").candidates == ["hits"])
    }
}

@Suite("Statement completeness")
struct CompletenessTests {
    @Test(arguments: ["docs |", "docs | where (x", "[1, 2", "docs | where x ==", "let x =", "print \"unterminated", "def f(a) ="])
    func unfinished(_ text: String) {
        #expect(!Parser.isComplete(text))
    }

    @Test(arguments: ["docs", "docs | count", "let x = 1", "[1, 2]", "docs | where x == 1", "# only a comment", ""])
    func finished(_ text: String) {
        #expect(Parser.isComplete(text))
    }
}
