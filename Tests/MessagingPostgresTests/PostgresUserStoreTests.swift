import Messaging
import MessagingPostgres
import Testing

/// The users store against a real PostgreSQL: schema, seed, look-ups, and the Cognito id update in one
/// transaction.
@Suite(.enabled(if: TestDatabase.available, "set LAMBDALOCAL_TEST_POSTGRES_URL (scripts/test.sh does)"))
struct PostgresUserStoreTests {
    @Test("schema-load creates public.users once; seed inserts the three Cruddur users with MOCK ids once")
    func schemaAndSeed() async throws {
        try await TestDatabase.withDatabase { url in
            try await PostgresUserStore.withStore(url) { store in
                #expect(try await store.loadSchema() == .created)
                #expect(try await store.loadSchema() == .alreadyExists)
                #expect(try await store.seed() == ["andrewbrown", "bayko", "londo"])
                #expect(try await store.seed() == [])
                let records = try await store.allRecords()
                #expect(records.map(\.handle) == ["andrewbrown", "bayko", "londo"])
                #expect(records.map(\.displayName) == ["Andrew Brown", "Andrew Bayko", "Londo Mollari"])
                #expect(records.allSatisfy { $0.cognitoUserID == "MOCK" && $0.uuid.count == 36 })
            }
        }
    }

    @Test("the update sets matching rows' ids, reports the rest, and a second run finds everything current")
    func updateCognitoIDs() async throws {
        try await TestDatabase.withDatabase { url in
            try await PostgresUserStore.withStore(url) { store in
                _ = try await store.loadSchema()
                _ = try await store.seed()
                let pool = [
                    PoolUser(username: "andrew", sub: "sub-andrew", preferredUsername: "andrewbrown"),
                    PoolUser(username: "bayko", sub: "sub-bayko", preferredUsername: "bayko"),
                    PoolUser(username: "stranger", sub: "sub-stranger", preferredUsername: "stranger"),
                    PoolUser(username: "anonymous", sub: "sub-anon", preferredUsername: nil),
                ]
                let first = try await store.updateCognitoUserIDs(from: pool)
                #expect(first.changes.map(\.handle) == ["andrewbrown", "bayko"])
                #expect(first.unmatched.map(\.username) == ["stranger"])
                #expect(first.skipped.map(\.username) == ["anonymous"])
                #expect(first.rowsWithoutPoolUser == ["londo"])
                let bayko = try await store.user(cognitoSub: "sub-bayko")
                #expect(bayko.handle == "bayko" && bayko.displayName == "Andrew Bayko")
                #expect(try await store.user(uuid: bayko.uuid.uppercased()) == bayko)
                #expect(try await store.user(handle: "bayko") == bayko)
                let second = try await store.updateCognitoUserIDs(from: pool)
                #expect(second.changes.isEmpty)
                #expect(second.alreadyCurrent == ["andrewbrown", "bayko"])
                #expect(try await store.allRecords().first { $0.handle == "londo" }?.cognitoUserID == "MOCK")
            }
        }
    }

    @Test("two pool users with one handle: an error naming both, and no row is written")
    func duplicateHandles() async throws {
        try await TestDatabase.withDatabase { url in
            try await PostgresUserStore.withStore(url) { store in
                _ = try await store.loadSchema()
                _ = try await store.seed()
                let pool = [
                    PoolUser(username: "a1", sub: "sub-1", preferredUsername: "andrewbrown"),
                    PoolUser(username: "b", sub: "sub-b", preferredUsername: "bayko"),
                    PoolUser(username: "a2", sub: "sub-2", preferredUsername: "andrewbrown"),
                ]
                let error = await #expect(throws: MessagingError.self) { try await store.updateCognitoUserIDs(from: pool) }
                #expect(error?.code == .invalidUsers)
                #expect(
                    error?.description
                        == "Cognito users \"a1\" and \"a2\" both have preferred_username \"andrewbrown\"; nothing was updated")
                #expect(try await store.allRecords().allSatisfy { $0.cognitoUserID == "MOCK" })
            }
        }
    }

    @Test("an unknown user and a missing users table are clear errors")
    func unknownUserAndMissingTable() async throws {
        try await TestDatabase.withDatabase { url in
            try await PostgresUserStore.withStore(url) { store in
                let missing = await #expect(throws: MessagingError.self) { try await store.user(handle: "bayko") }
                #expect(missing?.code == .database)
                #expect(
                    missing?.description.hasPrefix("PostgreSQL at \(url) has no users table (relation \"public.users\"")
                        == true)
                #expect(missing?.description.hasSuffix("run `cruddur db schema-load` first") == true)
                let update = await #expect(throws: MessagingError.self) {
                    try await store.updateCognitoUserIDs(from: [PoolUser(username: "a", sub: "s", preferredUsername: "a")])
                }
                #expect(update?.description.contains("has no users table") == true)
                _ = try await store.loadSchema()
                let unknown = await #expect(throws: MessagingError.self) { try await store.user(cognitoSub: "nope") }
                #expect(unknown?.code == .unknownUser)
                #expect(unknown?.description == "No user with Cognito sub \"nope\" in PostgreSQL at \(url)")
                let byReference = await #expect(throws: MessagingError.self) { try await store.user(reference: "x") }
                #expect(byReference?.description == "No user with handle \"x\" in PostgreSQL at \(url)")
            }
        }
    }

    @Test("a server nobody listens on and a database that does not exist are named in the error")
    func unreachable() async throws {
        try await TestDatabase.withDatabase { url in
            var closed = url
            closed.port = 1
            let refused = await #expect(throws: MessagingError.self) {
                try await PostgresUserStore.withStore(closed) { _ in }
            }
            #expect(refused?.code == .database)
            #expect(refused?.description.hasPrefix("PostgreSQL at \(url.host):1/\(url.database) cannot be reached: ") == true)
            var absent = url
            absent.database = "no_such_database"
            let noDatabase = await #expect(throws: MessagingError.self) {
                try await PostgresUserStore.withStore(absent) { _ in }
            }
            #expect(
                noDatabase?.description
                    == "PostgreSQL at \(absent): connecting failed: database \"no_such_database\" does not exist (SQLSTATE 3D000)")
        }
    }
}
