import LambdaRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Probe: a test function that misbehaves on demand (see ProbeHandler). PROBE_INIT=fail makes the
// factory throw (reported to /runtime/init/error, then exit 1); PROBE_INIT=exit exits with status 2 during init.
await LambdaRuntime.run { context in
    switch getenv("PROBE_INIT").map({ String(cString: $0) }) {
    case "fail":
        throw ProbeError("PROBE_INIT=fail")
    case "exit":
        exit(2)
    default:
        context.logger.debug("probe ready")
        return ProbeHandler(logPath: getenv("PROBE_LOG").map { String(cString: $0) })
    }
}
