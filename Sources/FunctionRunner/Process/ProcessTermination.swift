#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a function's process ended.
public enum ProcessTermination: Sendable, Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal killed it.
    case signaled(Int32)

    /// The signal's name as Go's `os/exec` (and so Lambda) prints it, e.g. `killed`, `segmentation fault`.
    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: "killed"
        case SIGTERM: "terminated"
        case SIGSEGV: "segmentation fault"
        case SIGABRT: "aborted"
        case SIGILL: "illegal instruction"
        case SIGTRAP: "trace/breakpoint trap"
        case SIGBUS: "bus error"
        case SIGFPE: "floating point exception"
        case SIGINT: "interrupt"
        default: "signal \(signal)"
        }
    }
}
