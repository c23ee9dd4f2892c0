import LambdaRuntime
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers `{"action": ...}` events by misbehaving as asked, and DynamoDB stream batches by reporting
/// poison and partial records. Anything that is not a JSON object is echoed.
struct ProbeHandler: ByteLambdaHandler {
    /// `PROBE_LOG`: a file to which each stream batch appends one JSON line.
    let logPath: String?
    /// Counts "counter" invocations; lives as long as the process (a warm environment).
    let counter = Counter()

    func handle(_ event: Data, context: LambdaContext) async throws -> Data {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: event), case .object = value else {
            return event
        }
        if value["action"] == nil, case .array(let records)? = value["Records"] {
            return try encode(try streamBatch(records))
        }
        let action = value["action"]?.stringValue ?? "echo"
        switch action {
        case "echo":
            return event
        case "error":
            throw ProbeError(value["message"]?.stringValue ?? "probe failure")
        case "exit":
            exit(Int32(value["status"]?.intValue ?? 3))
        case "signal":
            kill(getpid(), Int32(value["signal"]?.intValue ?? 9))
            // Some signals do not end the process; answer so the caller sees it survived.
            return try encode(["signalled": .number(Double(value["signal"]?.intValue ?? 9))])
        case "sleep":
            let seconds = value["seconds"]?.doubleValue ?? 1
            try await Task.sleep(for: .seconds(seconds))
            return try encode(["slept": .number(seconds)])
        case "big":
            return try encode(.string(String(repeating: "x", count: value["bytes"]?.intValue ?? 1024)))
        case "env":
            return try encode(environment())
        case "context":
            return try encode(describe(context))
        case "log":
            return try encode(log(lines: value["lines"]?.intValue ?? 3))
        case "counter":
            let count = counter.increment()
            return try encode(["count": .number(Double(count))])
        default:
            throw ProbeError("unknown action \"\(action)\"")
        }
    }

    private func encode(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    private func environment() -> JSONValue {
        let variables = ProcessInfo.processInfo.environment.mapValues { JSONValue.string($0) }
        return ["environment": .object(variables), "cwd": .string(FileManager.default.currentDirectoryPath)]
    }

    private func describe(_ context: LambdaContext) -> JSONValue {
        let remaining = context.remainingTime.components
        let remainingMillis = remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return [
            "requestID": .string(context.requestID),
            "invokedFunctionARN": .string(context.invokedFunctionARN),
            "traceID": optional(context.traceID),
            "traceEnv": optional(getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) }),
            "clientContext": optional(context.clientContext),
            "functionName": .string(context.functionName),
            "functionVersion": .string(context.functionVersion),
            "memoryLimitInMB": .number(Double(context.memoryLimitInMB)),
            "logGroupName": .string(context.logGroupName),
            "logStreamName": .string(context.logStreamName),
            "remainingMillis": .number(Double(remainingMillis)),
        ]
    }

    private func log(lines: Int) -> JSONValue {
        for line in 1...max(lines, 1) where lines > 0 {
            // `print` shows that the runtime line-buffers stdout: each line reaches the pipe at once.
            print("stdout line \(line)")
            writeLine("stderr line \(line)", to: STDERR_FILENO)
        }
        return ["logged": .number(Double(max(lines, 0)))]
    }
}

/// Writes one line straight to a file descriptor.
func writeLine(_ text: String, to descriptor: Int32) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
}

/// A process-lifetime invocation counter.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        value.withLock { count in
            count += 1
            return count
        }
    }
}
