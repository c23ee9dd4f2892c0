/// The lines Lambda writes around each invocation, in AWS's exact format.
public enum InvocationReport {
    /// `START RequestId: <id> Version: $LATEST`
    static func start(requestID: String) -> String { "START RequestId: \(requestID) Version: $LATEST" }

    /// `END RequestId: <id>`
    static func end(requestID: String) -> String { "END RequestId: \(requestID)" }

    /// The `REPORT` line: Duration with two decimals, Billed Duration rounded up (including Init on `provided.*`),
    /// `Init Duration` last and only on a cold start, a trailing tab as AWS prints it.
    static func report(
        requestID: String, duration: Duration, memorySize: Int, maxMemoryUsedMB: Int, initDuration: Duration?
    ) -> String {
        let durationMillis = milliseconds(duration)
        let initMillis = initDuration.map(milliseconds) ?? 0
        let billed = Int((durationMillis + initMillis).rounded(.up))
        var line = "REPORT RequestId: \(requestID)\tDuration: \(twoDecimals(durationMillis)) ms\t"
        line += "Billed Duration: \(max(billed, 1)) ms\tMemory Size: \(memorySize) MB\tMax Memory Used: \(maxMemoryUsedMB) MB\t"
        if initDuration != nil { line += "Init Duration: \(twoDecimals(initMillis)) ms\t" }
        return line
    }

    /// `<ISO-8601 time> <id> Task timed out after N.NN seconds`, with the time that really elapsed (as AWS prints
    /// it: a little over the configured timeout).
    static func timedOut(requestID: String, seconds: Double, at timestamp: String) -> String {
        "\(timestamp) \(requestID) Task timed out after \(twoDecimals(seconds)) seconds"
    }

    /// A duration in milliseconds.
    public static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// `value` with exactly two decimals, rounded (`3.10`).
    public static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
