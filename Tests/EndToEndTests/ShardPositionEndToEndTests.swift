import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 item 1 through the real binary: the stream fixture's mapping restarted with another
/// `ParallelizationFactor` carries on from its positions (AWS keeps one per shard) instead of `StartingPosition`.
@Suite(.timeLimit(.minutes(3)))
struct ShardPositionEndToEndTests {
    /// The stream fixture with `StreamProbe`'s `ParallelizationFactor` set to `factor`, written to `directory`.
    static func template(factor: Int, in directory: TemporaryDirectory) throws -> String {
        var template = try jsonObject(
            try String(contentsOfFile: StreamTriggerEndToEndTests.template, encoding: .utf8))
        var globals = try #require(template["Globals"] as? [String: Any])
        var function = try #require(globals["Function"] as? [String: Any])
        function["CodeUri"] = "\(Paths.packageRoot)/Tests/Functions/Probe"
        globals["Function"] = function
        template["Globals"] = globals
        var resources = try #require(template["Resources"] as? [String: Any])
        var probe = try #require(resources["StreamProbe"] as? [String: Any])
        var properties = try #require(probe["Properties"] as? [String: Any])
        var events = try #require(properties["Events"] as? [String: Any])
        var stream = try #require(events["Stream"] as? [String: Any])
        var streamProperties = try #require(stream["Properties"] as? [String: Any])
        streamProperties["ParallelizationFactor"] = factor
        stream["Properties"] = streamProperties
        events["Stream"] = stream
        properties["Events"] = events
        probe["Properties"] = properties
        resources["StreamProbe"] = probe
        template["Resources"] = resources
        let data = try JSONSerialization.data(withJSONObject: template)
        return try directory.write("template-\(factor).json", String(decoding: data, as: UTF8.self))
    }

    @Test("a factor change from 1 to 3 and back loses and replays nothing that was done (TRIM_HORIZON mapping)")
    func factorChangeKeepsPositions() throws {
        let directory = try TemporaryDirectory()
        let log = directory.path + "/probe.log"
        func delivered() -> [String] {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").flatMap { line in
                ((try? jsonObject(String(line)))?["sequenceNumbers"] as? [String]) ?? []
            }
        }
        var written = 0
        for factor in [1, 3, 1] {
            let emulator = try RunningEmulator(
                template: try Self.template(factor: factor, in: directory), stateDirectory: directory.path + "/state",
                extraArguments: ["--parameter-overrides", "ProbeLogPath=\(log)"])
            // Twelve partition keys spread over every lane of three.
            for _ in 0..<12 {
                written += 1
                let result = try emulator.awsDynamoDB(
                    ["put-item", "--table-name", "probe-events", "--item", #"{"pk": {"S": "key#\#(written)"}}"#])
                #expect(result.status == 0, "\(result.stderr)")
            }
            #expect(
                StreamTriggerEndToEndTests.eventually { delivered().count >= written },
                "factor \(factor): \(delivered().count) of \(written) delivered\n\(emulator.log)")
            usleep(500_000)  // a replay would arrive now
            #expect(delivered().count == written, "factor \(factor)")
            #expect(Set(delivered()).count == delivered().count, "factor \(factor): a record was delivered twice")
            #expect(emulator.interrupt() == 0)
        }
    }
}
