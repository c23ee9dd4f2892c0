import Messaging
import Testing

/// Planning `update-cognito-user-ids`: pure, before anything is written.
struct CognitoUserIDUpdateTests {
    let rows = ["andrewbrown": "MOCK", "bayko": "sub-bayko", "londo": "MOCK"]

    @Test("rows named by a pool user change or are current; the rest of the pool and the rows are reported")
    func plan() throws {
        let update = try CognitoUserIDUpdate(
            poolUsers: [
                PoolUser(username: "u1", sub: "sub-andrew", preferredUsername: "andrewbrown"),
                PoolUser(username: "u2", sub: "sub-bayko", preferredUsername: "bayko"),
                PoolUser(username: "u3", sub: "sub-x", preferredUsername: "user003"),
                PoolUser(username: "u4", sub: "sub-y", preferredUsername: nil),
                PoolUser(username: "u5", sub: nil, preferredUsername: "nosub"),
            ],
            rows: rows)
        #expect(update.changes == [.init(handle: "andrewbrown", from: "MOCK", to: "sub-andrew")])
        #expect(update.alreadyCurrent == ["bayko"])
        #expect(update.unmatched.map(\.username) == ["u3"])
        #expect(update.skipped == [.init(username: "u4", reason: "no preferred_username"), .init(username: "u5", reason: "no sub")])
        #expect(update.rowsWithoutPoolUser == ["londo"])
        #expect(
            update.report == [
                "updated andrewbrown: MOCK -> sub-andrew",
                "already current bayko",
                "no row for Cognito user \"u3\" (preferred_username \"user003\")",
                "skipped Cognito user \"u4\": no preferred_username",
                "skipped Cognito user \"u5\": no sub",
                "no Cognito user for row londo",
                "1 updated, 1 already current, 1 Cognito users matched no row, 2 skipped, 1 rows without a Cognito user",
            ])
    }

    @Test("two pool users with the same preferred_username refuse the whole update, naming both")
    func duplicateHandle() {
        let error = #expect(throws: MessagingError.self) {
            try CognitoUserIDUpdate(
                poolUsers: [
                    PoolUser(username: "first", sub: "s1", preferredUsername: "bayko"),
                    PoolUser(username: "second", sub: "s2", preferredUsername: "bayko"),
                ],
                rows: rows)
        }
        #expect(error?.code == .invalidUsers)
        #expect(error?.description == "Cognito users \"first\" and \"second\" both have preferred_username \"bayko\"; nothing was updated")
    }
}
