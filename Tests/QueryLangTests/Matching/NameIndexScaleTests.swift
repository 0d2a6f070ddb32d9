import Foundation
import Testing
@_spi(MQInternals) @testable import QueryLang

/// Compiling the names is linear in their number: one entity with 100,000 aliases costs about what the
/// same aliases spread over 20,000 entities cost (a quadratic compile would take tens of seconds here).
@Suite("Name index scale")
struct NameIndexScaleTests {
    static func alias(_ i: Int) -> String {
        let letters = Array("bcdfghjklmnprstvz"), vowels = Array("aeiou")
        var s = "", k = i
        repeat {
            s.append(letters[k % letters.count]); s.append(vowels[(k / letters.count) % 5])
            k /= letters.count * 5
        } while k > 0
        return "Alias \(s) Group"
    }

    static func entities(aliases: Int, spreadOver count: Int) -> [Entity] {
        (0..<count).map { e in
            let mine = stride(from: e, to: aliases, by: count).map { EntityName(alias($0), kind: .alias) }
            return Entity(id: "e\(e)", index: e, type: .armedGroup, name: "Entity \(e)",
                          names: [EntityName("Entity \(e)", kind: .name)] + mine, location: SourceLocation(file: "t", line: 1))
        }
    }

    static func time(_ entities: [Entity]) -> (Duration, NameIndex) {
        let t0 = ContinuousClock.now
        let index = NameIndex(entities: entities)
        return (ContinuousClock.now - t0, index)
    }

    @Test func oneEntityWithManyAliasesIsLinear() {
        let (one, index) = Self.time(Self.entities(aliases: 100_000, spreadOver: 1))
        let (many, _) = Self.time(Self.entities(aliases: 100_000, spreadOver: 20_000))
        #expect(index.entities(named: Self.alias(99_999)) == [0])
        #expect(index.groups.count == 100_001)
        // Generous: the same work either way, within a factor of 3 (quadratic was a factor of hundreds).
        #expect(one < many * 3 + .milliseconds(500), "one entity: \(one), spread: \(many)")
    }
}
