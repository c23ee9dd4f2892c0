import Foundation
import Testing

@testable import Emulator

/// The asynchronous invocation queue: events kept with their payload, due in order, rescheduled and removed; a file
/// store keeps them across reopening.
struct AsyncEventStoreTests {
    func event(_ id: String, notBefore: TimeInterval) -> QueuedEvent {
        QueuedEvent(
            requestID: id, function: "F", payload: Data(#"{"id":"\#(id)"}"#.utf8), clientContext: nil, attempts: 0,
            acceptedAt: Date(timeIntervalSince1970: 100), notBefore: Date(timeIntervalSince1970: notBefore))
    }

    @Test("due events come oldest first, only once their time has come; reschedule and remove")
    func queueOrder() async throws {
        let store = try AsyncEventStore()
        try await store.enqueue(event("b", notBefore: 200))
        try await store.enqueue(event("a", notBefore: 150))
        try await store.enqueue(event("later", notBefore: 900))
        let due = try await store.due(at: Date(timeIntervalSince1970: 300), limit: 10).map(\.requestID)
        #expect(due == ["a", "b"])
        try await store.reschedule("a", attempts: 1, notBefore: Date(timeIntervalSince1970: 1000))
        #expect(try await store.event("a")?.attempts == 1)
        try await store.remove("b")
        #expect(try await store.due(at: Date(timeIntervalSince1970: 300), limit: 10).isEmpty)
        #expect(try await store.count() == 2)
    }

    @Test("an accepted event survives closing and reopening the file, payload and qualifier and all")
    func durable() async throws {
        let directory = NSTemporaryDirectory() + "async-store-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var original = event("kept", notBefore: 100)
        original.qualifier = "$LATEST"
        do {
            let store = try AsyncEventStore(directory: directory)
            try await store.enqueue(original)
        }
        let reopened = try AsyncEventStore(directory: directory)
        #expect(try await reopened.event("kept") == original)
    }
}
