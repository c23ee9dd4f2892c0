import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `start --debug-function`: the emulator starts no process for the function; the user starts it with the written
/// environment (here: the test, as a debugger would), invocations wait for it with no timeout, and a process
/// started later takes over.
struct DebugFunctionEndToEndTests {
    /// The `KEY=value` lines of a `.env` file the emulator wrote, unquoted.
    func readDotenv(_ path: String) throws -> [String: String] {
        var variables: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            var value = String(line[line.index(after: equals)...])
            if value.count >= 2, value.first == "'", value.last == "'" { value = String(value.dropFirst().dropLast()) }
            variables[String(line[..<equals])] = value
        }
        return variables
    }

    @Test("a function under a debugger serves invocations past its Timeout, and a restarted process takes over")
    func debuggedFunction() throws {
        let state = try TemporaryDirectory()
        let emulator = try RunningEmulator(stateDirectory: state.path, extraArguments: ["--debug-function", "Probe"])
        // Nothing was started for it: the emulator prints where its environment is.
        #expect(childProcesses(of: emulator.process.pid).isEmpty)
        #expect(emulator.log.contains("Probe runs under your debugger"))
        let variables = try readDotenv(state.path + "/debug/Probe.env")
        #expect(variables["AWS_LAMBDA_RUNTIME_API"]?.hasPrefix("127.0.0.1:") == true)
        #expect(variables["AWS_LAMBDA_FUNCTION_NAME"] == "probe-function")
        #expect(variables["AWS_LAMBDA_LOG_STREAM_NAME"]?.contains("[$LATEST]") == true)
        #expect(variables["GREETING"] == "hello")

        let logs = try TemporaryDirectory()
        let first = try SpawnedProcess(
            "\(Paths.binDirectory)/Probe", [], stdin: nil, stdout: logs.path + "/1.log", stderr: logs.path + "/1.log",
            environment: variables)
        defer { first.stop(with: SIGKILL) }
        // Probe's Timeout is 2 s; stopped at a breakpoint (here: asleep) for 3 s it is not killed.
        let slow = try emulator.awsInvoke("probe-function", payload: #"{"action":"sleep","seconds":3}"#)
        #expect(slow.output.status == 0, "\(slow.output.stderr)")
        #expect(slow.payload == #"{"slept":3}"#)
        #expect(!slow.output.stdout.contains("FunctionError"))
        #expect(first.isRunning)

        // The user stops that process and starts another: it takes over.
        first.stop(with: SIGKILL)
        let second = try SpawnedProcess(
            "\(Paths.binDirectory)/Probe", [], stdin: nil, stdout: logs.path + "/2.log", stderr: logs.path + "/2.log",
            environment: variables)
        defer { second.stop(with: SIGKILL) }
        let echo = try emulator.awsInvoke("probe-function", payload: #"{"action":"echo","n":2}"#)
        #expect(echo.payload == #"{"action":"echo","n":2}"#)
    }

    @Test("an unknown --debug-function is refused, naming the template's functions")
    func unknownFunction() throws {
        let result = try lambdaLocal(["start", "--port", "0", "--dynamodb-port", "0", "--in-memory", "--debug-function", "Nope"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no function \"Nope\""), "\(result.stderr)")
    }
}
