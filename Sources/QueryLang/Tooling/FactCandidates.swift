/// Draft facts read from trigger phrases in the documents (`mq corpus suggest`), each with the verbatim
/// sentence it comes from pinned as its quote.
///
/// Triggers, matched on the words of one sentence (case-insensitive), with the catalog mentions around
/// them:
/// - `X, led by P` / `headed by P` / `P, who leads X`: P `leads` X;
/// - `P, the leader of X` / `secretary-general of X` / `head of X` / `X leader P`: P `leads` X;
/// - `A designated X as ...` / `X was designated by A`: X `designated_by` A;
/// - `A sanctioned X` / `X was sanctioned by A`: X `sanctioned_by` A;
/// - `P was killed in a (A) strike` / `killed by A`: P `killed_by` A;
/// - `X was founded in 2013` (a year): X `founded` `{date: 2013}`; `founded in PLACE`: X `founded_in` PLACE;
/// - `X, a member of Y` / `members of Y`: X `member_of` Y.
/// A person is a catalog entity of type person; a group any armed group, umbrella, party, body or
/// organisation; an authority a country or state body. Uncertain and unresolved mentions take no part.
/// When the sentence names the leader but not the group (`It is led by P.`), the group of the sentence
/// before is taken, with both sentences as the quote, and the draft ranks lower.
/// Drafts that a curated fact already states (same subject, predicate and object) are left out.
@_spi(MQInternals) public struct FactCandidate: Sendable {
    @_spi(MQInternals) public let subject: Int
    @_spi(MQInternals) public let predicate: Predicate
    @_spi(MQInternals) public let object: FactObject
    @_spi(MQInternals) public let date: PartialDate?
    @_spi(MQInternals) public let doc: Int
    /// The verbatim text of the sentence (or two) it comes from.
    @_spi(MQInternals) public let quote: String
    /// The trigger phrase, as matched.
    @_spi(MQInternals) public let trigger: String
    /// Higher is more likely right: the trigger's strength, the quote naming both ends, own text.
    @_spi(MQInternals) public let score: Int
}

@_spi(MQInternals) public enum FactCandidates {
    @_spi(MQInternals) public static func find(in corpus: Corpus) -> [FactCandidate] {
        var out: [FactCandidate] = []
        var seen = Set<String>()
        for f in corpus.facts { seen.insert("\(f.subject) \(f.predicate) \(f.object)") }
        for d in corpus.documents {
            let words = NameCandidates.Words.of(d)
            let mentions = Array(corpus.mentions(inDocument: d.index)).filter { $0.entity >= 0 && !$0.uncertain }
            var bySentence: [Int: [Mention]] = [:]
            for m in mentions { bySentence[Int(m.sentence), default: []].append(m) }
            var sentenceWords: [Int: [NameCandidates.Words.Word]] = [:]
            for w in words { sentenceWords[w.sentence, default: []].append(w) }
            for (s, ws) in sentenceWords.sorted(by: { $0.key < $1.key }) {
                let ms = bySentence[s] ?? []
                let previous = bySentence[s - 1] ?? []
                for c in Triggers(corpus: corpus, words: ws, mentions: ms, previous: previous).drafts() {
                    let key = "\(c.subject) \(c.predicate.rawValue) \(c.object)"
                    guard c.subject != objectEntity(c.object), seen.insert(key).inserted else { continue }
                    let first = c.usesPrevious ? s - 1 : s
                    let range = corpus.sentenceRange(doc: d.index, sentence: first).lowerBound..<corpus.sentenceRange(doc: d.index, sentence: s).upperBound
                    let quote = d.slice(range.lowerBound, range.upperBound).trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !quote.isEmpty else { continue }
                    let own = ms.contains { $0.zone.isOwnText }
                    let score = c.strength * 10 + (c.usesPrevious ? 0 : 5) + (own ? 3 : 0) - max(0, quote.count / 200)
                    out.append(FactCandidate(subject: c.subject, predicate: c.predicate, object: c.object, date: c.date,
                                             doc: d.index, quote: quote, trigger: c.trigger, score: score))
                }
            }
        }
        return out.enumerated().sorted { ($1.element.score, $0.offset) < ($0.element.score, $1.offset) }.map(\.element)
    }

    private static func objectEntity(_ o: FactObject) -> Int {
        if case let .entity(e) = o { return e }
        return -1
    }

    /// The drafts of one sentence.
    struct Triggers {
        struct Draft {
            var subject: Int
            var predicate: Predicate
            var object: FactObject
            var date: PartialDate?
            var trigger: String
            var strength: Int
            var usesPrevious = false
        }

        let corpus: Corpus
        let words: [NameCandidates.Words.Word]
        let mentions: [Mention]
        let previous: [Mention]

        func type(_ m: Mention) -> EntityType { corpus.entities[Int(m.entity)].type }
        func isPerson(_ m: Mention) -> Bool { type(m) == .person }
        func isGroup(_ m: Mention) -> Bool {
            [.armedGroup, .umbrella, .politicalParty, .stateBody, .organization].contains(type(m))
        }
        func isAuthority(_ m: Mention) -> Bool { type(m) == .country || type(m) == .stateBody }
        func isPlace(_ m: Mention) -> Bool { type(m) == .place || type(m) == .country }

        /// The nearest mention before `offset` (or after it) that passes `test`.
        func before(_ offset: Int, _ test: (Mention) -> Bool) -> Mention? { mentions.last { Int($0.end) <= offset && test($0) } }
        func after(_ offset: Int, _ test: (Mention) -> Bool) -> Mention? { mentions.first { Int($0.start) >= offset && test($0) } }

        /// Where words `k...` spell `phrase` (lowercased words), or nil.
        func at(_ k: Int, _ phrase: [String]) -> Bool {
            k + phrase.count <= words.count && phrase.indices.allSatisfy { words[k + $0].lower == phrase[$0] }
        }

        /// Whether only articles (`the`, `a`, `an`) stand between two offsets.
        func onlyArticles(from a: Int, to b: Int) -> Bool {
            words.allSatisfy { w in w.end <= a || w.start >= b || ["the", "a", "an"].contains(w.lower) }
        }

        /// Whether the sentence opens with a pronoun or "the group" (`It is led by ...`): its subject is
        /// named in the sentence before.
        var subjectIsPronoun: Bool {
            guard let w = words.first?.lower else { return false }
            if ["it", "its", "they", "he"].contains(w) { return true }
            return w == "the" && words.count > 1 && ["group", "militia", "faction", "organisation", "organization", "movement"].contains(words[1].lower)
        }

        /// The first year (1900-2099) in the sentence.
        var year: PartialDate? {
            for w in words where w.raw.count == 4 && (w.raw.hasPrefix("19") || w.raw.hasPrefix("20")) && w.raw.allSatisfy(\.isNumber) {
                return PartialDate(parsing: w.raw)
            }
            return nil
        }

        func drafts() -> [Draft] {
            var out: [Draft] = []
            let e = { (m: Mention) in Int(m.entity) }
            for k in words.indices {
                let here = words[k].start
                let afterTrigger = { (n: Int) in k + n - 1 < words.count ? words[k + n - 1].end : here }
                // led by / headed by P
                if at(k, ["led", "by"]) || at(k, ["headed", "by"]) || at(k, ["commanded", "by"]) {
                    let phrase = words[k].raw + " by"
                    if let p = after(afterTrigger(2), isPerson), Int(p.start) - afterTrigger(2) < 40 {
                        if let g = before(here, isGroup), here - Int(g.end) < 30 {
                            out.append(Draft(subject: e(p), predicate: .leads, object: .entity(e(g)), trigger: phrase, strength: 3))
                        } else if subjectIsPronoun, let g = previous.first(where: isGroup) {
                            out.append(Draft(subject: e(p), predicate: .leads, object: .entity(e(g)), trigger: phrase, strength: 2, usesPrevious: true))
                        }
                    }
                }
                // P, (the) leader / secretary-general / head / chief / founder of X
                for role in [["leader", "of"], ["secretary", "general", "of"], ["head", "of"], ["chief", "of"], ["commander", "of"]] where at(k, role) {
                    if let g = after(afterTrigger(role.count), isGroup), Int(g.start) - afterTrigger(role.count) < 20,
                       let p = before(here, isPerson), here - Int(p.end) < 20 {
                        out.append(Draft(subject: e(p), predicate: .leads, object: .entity(e(g)), trigger: role.joined(separator: " "), strength: 3))
                    }
                }
                // X leader P (`Nujaba leader Akram al-Kaabi`)
                if words[k].lower == "leader" || at(k, ["secretary", "general"]) {
                    let n = words[k].lower == "leader" ? 1 : 2
                    if let g = before(here, isGroup), here - Int(g.end) < 4,
                       let p = after(afterTrigger(n), isPerson), Int(p.start) - afterTrigger(n) < 4 {
                        out.append(Draft(subject: e(p), predicate: .leads, object: .entity(e(g)), trigger: words[k].raw, strength: 2))
                    }
                }
                // P, who leads X
                if words[k].lower == "leads" || words[k].lower == "heads" {
                    if let g = after(afterTrigger(1), isGroup), Int(g.start) - afterTrigger(1) < 20, let p = before(here, isPerson) {
                        out.append(Draft(subject: e(p), predicate: .leads, object: .entity(e(g)), trigger: words[k].raw, strength: 2))
                    }
                }
                // A designated X as / X was designated (by A)
                for (verb, predicate) in [("designated", Predicate.designatedBy), ("sanctioned", .sanctionedBy)] where words[k].lower == verb {
                    let passive = k > 0 && ["was", "were", "been", "is", "are"].contains(words[k - 1].lower)
                    if passive {
                        let named = before(here, { !isAuthority($0) || type($0) == .stateBody })
                        guard let x = named ?? (subjectIsPronoun ? previous.first(where: { !isAuthority($0) }) : nil) else { continue }
                        let a = (at(k + 1, ["by"]) ? after(afterTrigger(2), isAuthority) : nil) ?? mentions.first { isAuthority($0) && $0.entity != x.entity }
                        if let a, a.entity != x.entity {
                            out.append(Draft(subject: e(x), predicate: predicate, object: .entity(e(a)), date: year, trigger: verb,
                                             strength: named == nil ? 2 : 3, usesPrevious: named == nil))
                        }
                    } else if let x = after(afterTrigger(1), { !isAuthority($0) || type($0) == .stateBody }),
                              onlyArticles(from: afterTrigger(1), to: Int(x.start)), let a = before(here, isAuthority), a.entity != x.entity {
                        out.append(Draft(subject: e(x), predicate: predicate, object: .entity(e(a)), date: year, trigger: verb, strength: 3))
                    }
                }
                // P was killed in a (A) strike / killed by A
                if words[k].lower == "killed", let p = before(here, isPerson) {
                    if at(k + 1, ["by"]), let a = after(afterTrigger(2), { !isPerson($0) }) {
                        out.append(Draft(subject: e(p), predicate: .killedBy, object: .entity(e(a)), date: year, trigger: "killed by", strength: 3))
                    } else if let s = words[(k + 1)...].prefix(6).first(where: { $0.lower == "strike" || $0.lower == "airstrike" }),
                              let a = mentions.last(where: { Int($0.start) > here && Int($0.end) <= s.start && isAuthority($0) }) {
                        out.append(Draft(subject: e(p), predicate: .killedBy, object: .entity(e(a)), date: year, trigger: "killed in a strike", strength: 3))
                    }
                }
                // X was founded in YEAR / PLACE
                if at(k, ["founded", "in"]) || at(k, ["formed", "in"]) || at(k, ["established", "in"]) {
                    guard let x = before(here, isGroup) ?? (subjectIsPronoun ? previous.last(where: isGroup) : nil) else { continue }
                    let usesPrevious = before(here, isGroup) == nil
                    let nextWord = k + 2 < words.count ? words[k + 2] : nil
                    if let w = nextWord, w.raw.count == 4, w.raw.allSatisfy(\.isNumber), let date = PartialDate(parsing: w.raw) {
                        out.append(Draft(subject: e(x), predicate: .founded, object: .date(date), trigger: words[k].raw + " in",
                                         strength: 3, usesPrevious: usesPrevious))
                    } else if let pl = after(afterTrigger(2), isPlace), Int(pl.start) - afterTrigger(2) < 5 {
                        out.append(Draft(subject: e(x), predicate: .foundedIn, object: .entity(e(pl)), trigger: words[k].raw + " in",
                                         strength: 3, usesPrevious: usesPrevious))
                    }
                }
                // X, a member of Y / members of Y
                if (at(k, ["member", "of"]) || at(k, ["members", "of"])),
                   let y = after(afterTrigger(2), isGroup), Int(y.start) - afterTrigger(2) < 20 {
                    if let x = before(here, { $0.entity != y.entity && (isGroup($0) || isPerson($0)) }), here - Int(x.end) < 60 {
                        out.append(Draft(subject: e(x), predicate: .memberOf, object: .entity(e(y)), trigger: "member of", strength: 2))
                    } else if subjectIsPronoun, let x = previous.last(where: { $0.entity != y.entity && (isGroup($0) || isPerson($0)) }) {
                        out.append(Draft(subject: e(x), predicate: .memberOf, object: .entity(e(y)), trigger: "member of", strength: 1, usesPrevious: true))
                    }
                }
            }
            return out
        }
    }
}
