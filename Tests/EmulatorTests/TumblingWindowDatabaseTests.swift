import EventSourceMapping
import Foundation
import Testing

@testable import StreamTriggers

/// The open tumbling windows of `start`, kept in `tumbling-windows.sqlite` across restarts.
struct TumblingWindowDatabaseTests {
    @Test("an open window and its state survive reopening the database; a closed one is gone")
    func survivesReopen() async throws {
        let directory = NSTemporaryDirectory() + "windows-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lane = LaneKey(mappingUUID: "m", streamARN: "arn:s", shardID: "shardId-1", lane: 0)
        let other = LaneKey(mappingUUID: "m", streamARN: "arn:s", shardID: "shardId-1", lane: 1)
        let open = TumblingWindowState(
            window: TumblingWindow(start: 1_679_328_480, end: 1_679_328_540), state: Array(#"{"total":"15"}"#.utf8))
        do {
            let database = try TumblingWindowDatabase(directory: directory)
            #expect(try await database.openWindow(for: lane) == nil)
            try await database.save(TumblingWindowState(window: open.window), for: lane)
            try await database.save(open, for: lane)
            try await database.save(open, for: other)
            try await database.save(nil, for: other)
        }
        let reopened = try TumblingWindowDatabase(directory: directory)
        #expect(try await reopened.openWindow(for: lane) == open)
        #expect(try await reopened.openWindow(for: other) == nil)
    }

    @Test("a template's TumblingWindowInSeconds reaches the mapping's settings")
    func settingsCarryTheWindow() throws {
        let declaration = try MappingSetupTests.declaration(#", "TumblingWindowInSeconds": 120"#)
        #expect(try declaration.settings(templatePath: "template.json").tumblingWindowInSeconds == 120)
        #expect(try MappingSetupTests.declaration().settings(templatePath: "template.json").tumblingWindowInSeconds == 0)
    }
}
