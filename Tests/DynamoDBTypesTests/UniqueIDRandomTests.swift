import DynamoDBTypes
import Testing

/// The process-wide generator behind eventIDs and request IDs.
struct UniqueIDRandomTests {
    @Test("eventIDs drawn from it are 32 lowercase hex characters and never repeat, across generators and tasks")
    func uniqueEventIDs() async {
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var random = UniqueIDRandom()
                    return (0..<5_000).map { _ in StreamRecord.newEventID(using: &random) }
                }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(ids.count == 20_000)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.utf8.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
    }

    @Test("two generators continue one sequence rather than repeating each other")
    func sharedSequence() {
        var first = UniqueIDRandom()
        var second = UniqueIDRandom()
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        #expect(Set(a).isDisjoint(with: b))
    }
}
