import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Cruddur's users in PostgreSQL with the real binaries: `cruddur db schema-load` and `db seed` into a database of
/// the throwaway cluster scripts/test.sh starts, a moto_server Cognito pool of 70 users (two ListUsers pages)
/// including the seed handles, `update-cognito-user-ids`, then `send --as <sub>` through `lambda-local start`:
/// MessagingStream moves both inbox rows, which carry PostgreSQL's uuids and display names.
@Suite(.timeLimit(.minutes(4)), .enabled(if: TestPostgres.available, "set LAMBDALOCAL_TEST_POSTGRES_URL (scripts/test.sh does)"))
struct CruddurPostgresEndToEndTests {
    static let group = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"

    @Test("update-cognito-user-ids fills the seed users' subs from all pages; send --as moves both inboxes")
    func cognitoIDsThenSend() async throws {
        let database = try TestDatabase()
        let url = database.url
        let schema = try await cruddurCommand(["db", "schema-load", "--connection-url", url])
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout.hasPrefix("Created table public.users in 127.0.0.1:"))
        // CONNECTION_URL, as Cruddur sets it, works as well as the option.
        let seed = try await cruddurCommand(["db", "seed"], environment: ["CONNECTION_URL": url])
        #expect(seed.status == 0, "\(seed.stderr)")
        #expect(seed.stdout.hasSuffix(": inserted andrewbrown, bayko, londo\n"), "\(seed.stdout)")
        // A display name only PostgreSQL knows, to tell its users from the fixture's in the inbox rows.
        _ = try database.psql("UPDATE public.users SET display_name = 'Bayko of Postgres' WHERE handle = 'bayko'")

        let moto = try await offPool { try MotoServer() }
        // londo is the 70th user: on ListUsers' second page.
        let handles = ["andrewbrown", "bayko"] + (3...69).map { String(format: "user%03d", $0) } + ["londo"]
        let pool = try await offPool { try moto.createPool(handles.map { ($0, $0) }) }
        #expect(pool.subs.count == 70)
        let subs = ["andrewbrown", "bayko", "londo"].compactMap { pool.subs[$0] }
        try #require(subs.count == 3, "moto returned no sub for a seed handle: \(pool.subs)")

        let update = try await cruddurCommand(
            ["update-cognito-user-ids", "--user-pool-id", pool.id, "--cognito-endpoint-url", moto.endpoint,
             "--connection-url", url])
        #expect(update.status == 0, "\(update.stderr)")
        let lines = update.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Read 70 users from the Cognito user pool \(pool.id)")
        #expect(lines.contains("updated andrewbrown: MOCK -> \(subs[0])"))
        #expect(lines.contains("updated bayko: MOCK -> \(subs[1])"))
        #expect(lines.contains("updated londo: MOCK -> \(subs[2])"))
        #expect(lines.contains("no row for Cognito user \"user042\" (preferred_username \"user042\")"))
        #expect(
            lines.last
                == "3 updated, 0 already current, 67 Cognito users matched no row, 0 skipped, 0 rows without a Cognito user")
        let rows = try await listUsers(url)
        #expect(rows.map { $0["cognito_user_id"] as? String } == subs)
        let again = try await cruddurCommand(
            ["update-cognito-user-ids", "--user-pool-id", pool.id, "--cognito-endpoint-url", moto.endpoint,
             "--connection-url", url])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\n0 updated, 3 already current, 67 Cognito users matched no row"))

        // The messages, through the emulator: the seeded conversation, then a message sent as andrewbrown's sub.
        let state = try TemporaryDirectory()
        let emulator = try await offPool { try RunningEmulator(template: Paths.rootTemplate, stateDirectory: state.path) }
        let endpoint = emulator.dynamoDBEndpoint
        let seeded = try await cruddurCommand(["seed", "--ending-now", "--connection-url", url, "--endpoint-url", endpoint])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let text = "The users live in PostgreSQL now."
        let send = try await cruddurCommand(
            ["send", "--as", subs[0], "--to", "bayko", text, "--connection-url", url, "--endpoint-url", endpoint])
        #expect(send.status == 0, "\(send.stderr)")
        let sent = try #require(
            send.stdout.firstMatch(of: /Pattern C \(existing group\): message [0-9a-f-]{36} in group ([0-9a-f-]{36}) at (\S+)\n/),
            "send printed: \(send.stdout)")
        #expect(String(sent.1) == Self.group)
        let sk = String(sent.2)

        let uuids = Dictionary(uniqueKeysWithValues: rows.map { ($0["handle"] as? String ?? "", $0["uuid"] as? String ?? "") })
        var inbox: [String: [String: String]] = [:]
        let deadline = Date().addingTimeInterval(10)
        repeat {
            inbox = try await inboxRows(url: url, endpoint: endpoint, subs: ["andrewbrown": subs[0], "bayko": subs[1]])
            if inbox.count == 2, inbox.values.allSatisfy({ $0["sk"] == sk }) { break }
            try await Task.sleep(for: .milliseconds(50))
        } while Date() < deadline
        #expect(
            inbox["andrewbrown"]
                == ["sk": sk, "message": text, "user_handle": "bayko", "user_display_name": "Bayko of Postgres",
                    "user_uuid": uuids["bayko"] ?? ""])
        #expect(
            inbox["bayko"]
                == ["sk": sk, "message": text, "user_handle": "andrewbrown", "user_display_name": "Andrew Brown",
                    "user_uuid": uuids["andrewbrown"] ?? ""])

        // get-conversation --as: a member of the group reads it; londo, who is not, is refused.
        let read = try await cruddurCommand(
            ["get-conversation", Self.group, "--as", subs[1], "--connection-url", url, "--endpoint-url", endpoint])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains(text.prefix(40) + "..."))
        let refused = try await cruddurCommand(
            ["get-conversation", Self.group, "--as", subs[2], "--connection-url", url, "--endpoint-url", endpoint])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\"londo\" has no conversation \"\(Self.group)\" in its inbox"))
        #expect(await offPool { emulator.interrupt() } == 0)
    }

    @Test("bad input: wrong URL, unreachable database or pool, missing table, duplicate handles, no preferred_username")
    func badInput() async throws {
        let database = try TestDatabase()
        let url = database.url
        let moto = try await offPool { try MotoServer() }
        let pool = try await offPool { try moto.createPool([("andrewbrown", "andrewbrown"), ("bayko", "bayko")]) }
        func update(_ poolID: String, cognito: String, connection: String) async throws -> CommandResult {
            try await cruddurCommand(
                ["update-cognito-user-ids", "--user-pool-id", poolID, "--cognito-endpoint-url", cognito,
                 "--connection-url", connection])
        }

        let wrongURL = try await update(pool.id, cognito: moto.endpoint, connection: "mysql://root@127.0.0.1/cruddur")
        #expect(wrongURL.status != 0)
        #expect(wrongURL.stderr.contains("--connection-url: Connection URL \"mysql://root@127.0.0.1/cruddur\" is not a postgresql://"))

        let missingTable = try await update(pool.id, cognito: moto.endpoint, connection: url)
        #expect(missingTable.status == 1)
        #expect(missingTable.stderr.contains("has no users table"), "\(missingTable.stderr)")
        #expect(missingTable.stderr.contains("run `cruddur db schema-load` first"))

        #expect(try await cruddurCommand(["db", "schema-load", "--connection-url", url]).status == 0)
        #expect(try await cruddurCommand(["db", "seed", "--connection-url", url]).status == 0)

        let closedPort = try MotoServer.freePort()
        let noDatabase = try await update(
            pool.id, cognito: moto.endpoint, connection: "postgresql://postgres@127.0.0.1:\(closedPort)/cruddur")
        #expect(noDatabase.status == 1)
        #expect(noDatabase.stderr.contains("PostgreSQL at 127.0.0.1:\(closedPort)/cruddur cannot be reached"), "\(noDatabase.stderr)")

        let noPool = try await update(pool.id, cognito: "http://127.0.0.1:\(closedPort)", connection: url)
        #expect(noPool.status == 1)
        #expect(
            noPool.stderr.contains("Cannot read the users of the Cognito user pool \"\(pool.id)\": Cognito at http://127.0.0.1:\(closedPort) cannot be reached"),
            "\(noPool.stderr)")
        let unknownPool = try await update("us-east-1_nosuchpool", cognito: moto.endpoint, connection: url)
        #expect(unknownPool.status == 1)
        #expect(unknownPool.stderr.contains("Cognito user pool \"us-east-1_nosuchpool\": ResourceNotFoundException"), "\(unknownPool.stderr)")

        let duplicates = try await offPool {
            try moto.createPool([("andrew-1", "andrewbrown"), ("andrew-2", "andrewbrown"), ("bayko", "bayko")])
        }
        let refused = try await update(duplicates.id, cognito: moto.endpoint, connection: url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Cognito users \"andrew-1\" and \"andrew-2\" both have preferred_username \"andrewbrown\"; nothing was updated"))
        #expect(try await listUsers(url).allSatisfy { $0["cognito_user_id"] as? String == "MOCK" }, "a refused update wrote")

        let anonymous = try await offPool { try moto.createPool([("bayko", "bayko"), ("ghost", nil)]) }
        let partial = try await update(anonymous.id, cognito: moto.endpoint, connection: url)
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("skipped Cognito user \"ghost\": no preferred_username"))
        #expect(partial.stdout.contains("updated bayko: MOCK -> \(anonymous.subs["bayko"] ?? "?")"))
    }

    /// Each user's row of the seeded group (pattern B through `cruddur list-conversations --as SUB`).
    func inboxRows(url: String, endpoint: String, subs: [String: String]) async throws -> [String: [String: String]] {
        var rows: [String: [String: String]] = [:]
        for (handle, sub) in subs {
            let result = try await cruddurCommand(["list-conversations", "--as", sub, "--connection-url", url, "--endpoint-url", endpoint])
            #expect(result.status == 0, "\(result.stderr)")
            let items = try #require(jsonObject(result.stdout)["Items"] as? [[String: Any]])
            for item in items where CruddurEndToEndTests.string(item["message_group_uuid"]) == Self.group {
                rows[handle] = Dictionary(
                    uniqueKeysWithValues: ["sk", "message", "user_handle", "user_display_name", "user_uuid"].map {
                        ($0, CruddurEndToEndTests.string(item[$0]) ?? "")
                    })
            }
        }
        return rows
    }

    /// `cruddur db list-users`, one dictionary per row.
    func listUsers(_ url: String) async throws -> [[String: Any]] {
        let result = try await cruddurCommand(["db", "list-users", "--connection-url", url])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try jsonObject(String($0)) }
    }
}

/// `cruddur` with test AWS credentials (moto accepts any signature) and `environment`, waited for off the pool.
func cruddurCommand(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
    let variables = ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"]
        .merging(environment) { _, new in new }
    return try await offPool { try run("\(Paths.binDirectory)/cruddur", arguments, environment: variables) }
}

/// Runs blocking work (waiting for a process, polling a log) on a thread of its own and awaits it, so this
/// suite's long waits never hold one of the cooperative pool's threads, which the other end-to-end tests need
/// (two on this machine). Expectations stay in the test's task, where they are recorded.
func offPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// `offPool` for work that cannot fail.
func offPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// The cluster scripts/test.sh starts, by `LAMBDALOCAL_TEST_POSTGRES_URL`; under CI=true its absence fails.
enum TestPostgres {
    static let adminURL = ProcessInfo.processInfo.environment["LAMBDALOCAL_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var available: Bool { adminURL != nil || ProcessInfo.processInfo.environment["CI"] == "true" }
}

/// A database of its own in the test cluster, created with psql and dropped when released.
final class TestDatabase: Sendable {
    let admin: String
    let name: String
    let url: String

    init() throws {
        admin = try #require(
            TestPostgres.adminURL, "LAMBDALOCAL_TEST_POSTGRES_URL is not set: run the tests through scripts/test.sh")
        name = "e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let slash = try #require(admin.lastIndex(of: "/"), "no database in \(admin)")
        url = String(admin[...slash]) + name
        let created = try run("/usr/bin/env", ["psql", admin, "-v", "ON_ERROR_STOP=1", "-qAtc", "CREATE DATABASE \(name)"])
        try #require(created.status == 0, "psql could not create \(name): \(created.stderr)")
    }

    /// Runs `sql` in this database; its output.
    func psql(_ sql: String) throws -> String {
        let result = try run("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    deinit {
        _ = try? run("/usr/bin/env", ["psql", admin, "-qAtc", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"])
    }
}

/// moto_server on a free loopback port, killed when released.
final class MotoServer: Sendable {
    let process: SpawnedProcess
    let endpoint: String
    private let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        let port = try Self.freePort()
        process = try SpawnedProcess(
            "/usr/bin/env", ["moto_server", "-H", "127.0.0.1", "-p", String(port)], stdin: nil,
            stdout: directory.path + "/moto.log", stderr: directory.path + "/moto.log")
        endpoint = "http://127.0.0.1:\(port)"
        let endpoint = endpoint
        let up = StreamTriggerEndToEndTests.eventually(20) {
            (try? run("/usr/bin/env", ["curl", "-s", "-o", "/dev/null", endpoint]))?.status == 0
        }
        if !up {
            process.signal(SIGKILL)
            _ = process.wait()
            throw MotoStartError()
        }
    }

    deinit {
        process.signal(SIGKILL)
        _ = process.wait()
    }

    static func freePort() throws -> Int { try RemoteStreamEndToEndTests.freePort() }

    /// A user pool whose users are (username, preferred_username or none), created in order through boto3; its
    /// id and each handle's `sub` as ListUsers reports it.
    func createPool(_ users: [(username: String, handle: String?)]) throws -> (id: String, subs: [String: String]) {
        let list = users.map { "(\"\($0.username)\", \($0.handle.map { "\"\($0)\"" } ?? "None"))" }.joined(separator: ", ")
        let script = """
            import boto3, json, sys
            client = boto3.client("cognito-idp", endpoint_url=sys.argv[1], region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
            pool = client.create_user_pool(PoolName="cruddur")["UserPool"]["Id"]
            for username, handle in [\(list)]:
                attributes = [{"Name": "email", "Value": username + "@example.com"}]
                if handle is not None:
                    attributes.append({"Name": "preferred_username", "Value": handle})
                client.admin_create_user(UserPoolId=pool, Username=username, UserAttributes=attributes,
                                         MessageAction="SUPPRESS")
            subs = {}
            for page in client.get_paginator("list_users").paginate(UserPoolId=pool):
                for user in page["Users"]:
                    values = {a["Name"]: a["Value"] for a in user["Attributes"]}
                    subs[values.get("preferred_username", user["Username"])] = values["sub"]
            print(json.dumps({"id": pool, "subs": subs}))
            """
        let result = try run("/usr/bin/env", ["python3", "-c", script, endpoint])
        guard result.status == 0,
            let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let id = object["id"] as? String, let subs = object["subs"] as? [String: String]
        else { throw PoolCreationError(output: result.stdout + result.stderr) }
        return (id, subs)
    }
}

struct PoolCreationError: Error, CustomStringConvertible {
    let output: String
    var description: String { "boto3 could not create the user pool: \(output)" }
}

struct MotoStartError: Error, CustomStringConvertible {
    var description: String { "moto_server did not start" }
}
