import Testing

@testable import FunctionRunner

/// Request IDs as Lambda's look: lowercase version-4 UUIDs.
struct RequestIDTests {
    @Test("request IDs are lowercase version-4 UUIDs, and differ")
    func uuids() {
        let ids = (0..<200).map { _ in RandomText.uuid() }
        for id in ids {
            #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(id)")
        }
        #expect(Set(ids).count == ids.count)
    }
}
