import Testing
@_spi(MQInternals) @testable import QueryLang

@Suite("Mention list")
struct MentionListTests {
    static func mention(_ doc: Int32, _ entity: Int32, _ start: Int32) -> Mention {
        Mention(doc: doc, entity: entity, sentence: 0, start: start, end: start + 3, zone: .body, ambiguous: entity < 0)
    }

    @Test func holdsTheValuesOfAnArrayInOrder() {
        let values = (0..<1000).map { MentionListTests.mention(Int32($0 / 10), Int32($0 % 7) - 1, Int32($0)) }
        let list = MentionList(values)
        #expect(list.count == 1000 && Array(list) == values)
        #expect(list[0] == values[0] && list[999] == values[999])
        #expect(Array(list[10..<20]) == Array(values[10..<20]))
        #expect(list.withUnsafeBufferPointer { Array($0) } == values)
        #expect(list.filter { $0.entity < 0 }.count == values.filter { $0.entity < 0 }.count)
    }

    @Test func emptyLists() {
        #expect(MentionList().isEmpty && MentionList([]).isEmpty && MentionList() == MentionList([]))
        #expect(MentionList().withUnsafeBufferPointer { $0.count } == 0)
        #expect(Array(MentionList()) == [])
    }

    @Test func equalityComparesEveryValue() {
        let a = [MentionListTests.mention(0, 1, 0), MentionListTests.mention(0, 2, 5)]
        #expect(MentionList(a) == MentionList(a))
        #expect(MentionList(a) != MentionList([a[0]]))
        #expect(MentionList(a) != MentionList([a[0], MentionListTests.mention(0, 2, 6)]))
    }

    @Test func aListMadeInPlaceHoldsWhatWasWritten() {
        let list = MentionList(count: 3) { out in
            for k in 0..<3 { (out.baseAddress! + k).initialize(to: MentionListTests.mention(Int32(k), 0, 0)) }
        }
        #expect(list.map(\.doc) == [0, 1, 2])
        #expect(MentionList(count: 0) { _ in Issue.record("nothing to write") }.isEmpty)
    }

    @Test func aMappedListKeepsItsOwnerAlive() {
        final class Owner {
            let memory: UnsafeMutableBufferPointer<Mention>
            let freed: (Bool) -> Void
            init(_ values: [Mention], freed: @escaping (Bool) -> Void) {
                memory = .allocate(capacity: values.count)
                _ = memory.initialize(from: values)
                self.freed = freed
            }
            deinit { memory.deallocate(); freed(true) }
        }
        nonisolated(unsafe) var freed = false
        let values = [MentionListTests.mention(0, 1, 0), MentionListTests.mention(1, 2, 5)]
        var list: MentionList? = {
            let owner = Owner(values) { freed = $0 }
            return MentionList(mapped: UnsafeBufferPointer(owner.memory), owner: owner)
        }()
        #expect(!freed && Array(list!) == values)
        list = nil
        #expect(freed)
    }
}
