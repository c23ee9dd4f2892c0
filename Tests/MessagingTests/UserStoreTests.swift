import LambdaTesting
import Messaging
import Testing

/// The fixture as a ``UserStore``: the look-ups the patterns make, by Cognito sub, handle, uuid.
struct UserStoreTests {
    @Test("the fixture finds users by Cognito sub, by handle or sub, and by any reference")
    func lookups() async throws {
        let store: any UserStore = try fixtureUsers()
        let bayko = try await store.user(handle: "bayko")
        #expect(try await store.user(cognitoSub: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") == bayko)
        #expect(try await store.user(cognitoSub: nil, handle: "bayko") == bayko)
        #expect(try await store.user(cognitoSub: bayko.cognitoSub, handle: "andrewbrown") == bayko)
        #expect(try await store.user(reference: bayko.uuid) == bayko)
        #expect(try await store.user(reference: bayko.cognitoSub ?? "") == bayko)
        let unknown = await #expect(throws: MessagingError.self) { try await store.user(cognitoSub: "nope") }
        #expect(unknown?.description == "No user with Cognito sub \"nope\" in the users fixture")
        let neither = await #expect(throws: MessagingError.self) { try await store.user(cognitoSub: nil, handle: nil) }
        #expect(neither?.code == .invalidArgument)
    }

    @Test("isMember: a user has a group when one of its group rows names it")
    func membership() async throws {
        let harness = try await LambdaTestHarness()
        let users = try fixtureUsers()
        let andrew = try users.user(handle: "andrewbrown")
        let bayko = try users.user(handle: "bayko")
        let londo = try users.user(handle: "londo")
        let store = MessageStore(operations: harness.operations, tableName: table)
        try await putGroupRows(
            harness.operations, group: groupOne, first: andrew, second: bayko, sk: "2026-01-01T00:00:00.000000+00:00",
            text: "hi")
        #expect(try await store.isMember(andrew, of: groupOne))
        #expect(try await store.isMember(bayko, of: groupOne))
        #expect(try await !store.isMember(londo, of: groupOne))
        #expect(try await !store.isMember(andrew, of: groupTwo))
    }
}
