import DynamoDBTypes
import Foundation
import Testing

@testable import TableStore

/// `kill -9` of a process that is writing: every write it acknowledged is in the file afterwards.
///
/// The parent test re-runs this test binary with an environment variable that enables the child
/// test, which writes items and prints `ACK <n>` after each acknowledged PutItem until it is killed.
struct KillDurabilityTests {
    static let childVariable = "TABLESTORE_KILL_TEST_DIRECTORY"

    @Test(
        "child: writes until killed", .enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childWriter() async throws {
        let directory = try #require(ProcessInfo.processInfo.environment[Self.childVariable])
        let store = try TableStore(stateDirectory: directory)
        _ = try await store.createTable(simpleTable(sortType: nil, stream: .newImage))
        for index in 0..<1_000_000 {
            try await store.put(
                "things", ["pk": .s("item-\(index)"), "payload": .s(String(repeating: "x", count: 200))])
            FileHandle.standardOutput.write(Data("ACK \(index)\n".utf8))
        }
    }

    @Test("acknowledged writes survive kill -9 of the writing process", .timeLimit(.minutes(2)))
    func killedWriter() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tablestore-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "childWriter"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: directory.path]) {
            _, new in new
        }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        var acknowledged = -1
        var pending = ""
        while acknowledged < 300 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            pending += String(decoding: data, as: UTF8.self)
            while let newline = pending.firstIndex(of: "\n") {
                let line = pending[..<newline]
                if line.hasPrefix("ACK "), let index = Int(line.dropFirst(4)) { acknowledged = index }
                pending.removeSubrange(...newline)
            }
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        try #require(acknowledged >= 300)

        let store = try TableStore(stateDirectory: directory.path)
        let scan = try await store.scan(ScanInput(tableName: "things", select: .count))
        #expect((scan.count ?? 0) >= acknowledged + 1)
        for index in [0, acknowledged / 2, acknowledged] {
            let item = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("item-\(index)")]))
            #expect(item.item != nil, "acknowledged item-\(index) is missing")
        }
        let arn = try #require(
            try await store.describeTable(DescribeTableInput(tableName: "things")).table?.latestStreamArn)
        let records = try await store.readRecords(streamArn: arn, after: nil, limit: 1000)
        #expect(records.count == min(1000, scan.count ?? 0))
    }
}
