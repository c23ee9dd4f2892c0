import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What the emulator's process supervision promises, through the built `lambda-local start` and shell runtimes: a
/// runtime inherits no descriptor, no runtime outlives the emulator however it dies, a restart on the same state and
/// ports works at once, and SIGTERM stops everything promptly with exit status 0.
@Suite(.serialized)
struct SupervisionEndToEndTests {
    static let template = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/supervision/template.json"

    /// `POST …/invocations` with curl; the response body.
    func invoke(_ emulator: RunningEmulator, _ function: String) throws -> String {
        let result = try run(
            "/usr/bin/env",
            ["curl", "-sS", "--max-time", "20", "-X", "POST", "-d", "{}",
             "\(emulator.endpoint)/2015-03-31/functions/\(function)/invocations"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The emulator's function processes and everything in their process groups.
    func runtimeProcesses(of emulator: RunningEmulator) -> [pid_t] {
        let leaders = Set(childProcesses(of: emulator.process.pid))
        return processes { leaders.contains($0.group) }
    }

    @Test("a shell runtime and its children hold no descriptor of the emulator: only 0, 1 and 2 are inherited")
    func noInheritedDescriptors() throws {
        let emulator = try RunningEmulator(template: Self.template)
        let answer = try jsonObject(try invoke(emulator, "Fd"))
        let runtime = try #require(answer["runtime"] as? String)
        let child = try #require(answer["child"] as? String)
        // A child the runtime started has exactly what it was given: stdin and the two output pipes.
        let childDescriptors = child.split(separator: ";").map { $0.split(separator: "=").first.map(String.init) ?? "" }
        #expect(childDescriptors.sorted() == ["0", "1", "2"], "child descriptors: \(child)")
        #expect(child.contains("0=/dev/null"))
        // The runtime itself holds only what the shell opened (its script, a command-substitution pipe, the listed
        // directory): no socket, nothing of the emulator's.
        #expect(!runtime.contains("socket:"), "runtime descriptors: \(runtime)")
        #expect(!runtime.contains("tables.sqlite"), "runtime descriptors: \(runtime)")
        #expect(runtime.contains("0=/dev/null"))
    }

    @Test("kill -9 of start leaves no runtime alive, and the same start works again at once on the same ports")
    func crashLeavesNothing() throws {
        let state = try TemporaryDirectory()
        let ports = (invoke: try freePort(), dynamoDB: try freePort())
        let first = try RunningEmulator(template: Self.template, stateDirectory: state.path, ports: ports)
        _ = try invoke(first, "Stubborn")
        _ = try invoke(first, "Fd")
        let runtimes = runtimeProcesses(of: first)
        #expect(runtimes.count >= 2, "expected the two runtimes to be running")
        first.kill()
        // The kernel's parent-death signal ends each runtime; what they started dies with the lost connection.
        let deadline = ContinuousClock.now + .seconds(3)
        while runtimes.contains(where: isAlive) && ContinuousClock.now < deadline { usleep(20_000) }
        #expect(runtimes.filter(isAlive).isEmpty, "still running after kill -9: \(runtimes.filter(isAlive))")

        let second = try RunningEmulator(template: Self.template, stateDirectory: state.path, ports: ports)
        #expect(second.port == ports.invoke && second.dynamoDBPort == ports.dynamoDB)
        #expect(try invoke(second, "Stubborn").contains("\"pid\""))
    }

    @Test("SIGTERM stops every runtime, even one that ignores SIGTERM, and exits 0")
    func sigtermStopsEverything() throws {
        let emulator = try RunningEmulator(template: Self.template)
        _ = try invoke(emulator, "Stubborn")
        _ = try invoke(emulator, "Fd")
        let runtimes = runtimeProcesses(of: emulator)
        #expect(runtimes.count >= 2)
        let started = ContinuousClock.now
        let status = emulator.process.stop(with: SIGTERM, grace: .seconds(10))
        let elapsed = ContinuousClock.now - started
        #expect(status == 0, "\(emulator.log)")
        // The bound is one second (300 ms of grace, 500 ms from SIGTERM to SIGKILL); a loaded CI machine gets slack.
        #expect(elapsed < .seconds(3), "took \(elapsed)")
        #expect(runtimes.filter(isAlive).isEmpty, "still running after SIGTERM: \(runtimes.filter(isAlive))")
        #expect(emulator.log.contains("lambda-local: stopped"))
    }

    @Test("a runtime that keeps retrying /next after its environment is gone is killed, not left polling")
    func retryingRuntimeIsKilled() throws {
        let emulator = try RunningEmulator(template: Self.template, extraArguments: ["--no-reuse-environments"])
        _ = try invoke(emulator, "Stubborn")
        // Without reuse the environment is shut down after the invocation: SIGTERM (ignored), then SIGKILL.
        let deadline = ContinuousClock.now + .seconds(5)
        while !runtimeProcesses(of: emulator).isEmpty && ContinuousClock.now < deadline { usleep(20_000) }
        #expect(runtimeProcesses(of: emulator).isEmpty)
        #expect(emulator.process.isRunning)
    }
}
