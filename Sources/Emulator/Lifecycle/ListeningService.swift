import FunctionRunner
import DynamoDBEndpoint
import CProcessSpawn
import Hummingbird
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// One of the emulator's HTTP servers as a service of its group: a port already in use is reported as ``PortInUse``
/// naming the option that chose it, and once the server listens every descriptor the process holds is marked
/// close-on-exec (SwiftNIO creates sockets without it), so no function process started later inherits a listener.
struct ListeningService<App: ApplicationProtocol>: Service, CustomStringConvertible {
    let application: App
    let option: String
    let host: String
    let port: Int
    let description: String

    func run() async throws {
        do {
            try await application.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(option: option, host: host, port: port)
        }
    }

}

/// Descriptors the emulator holds that a process it starts must not inherit.
enum InheritedDescriptors {
    /// Marks every descriptor from 3 up close-on-exec; called once a server listens (SwiftNIO opens its sockets
    /// without `SOCK_CLOEXEC`). Function processes also close everything but 0–2 themselves before `exec`.
    static func markCloseOnExec() {
        _ = cps_mark_descriptors_cloexec()
    }
}

/// A server could not listen because its port is taken.
public struct PortInUse: Error, CustomStringConvertible {
    /// The option that chose the port.
    public let option: String
    /// The address.
    public let host: String
    /// The port.
    public let port: Int

    public var description: String { "\(host):\(port) is already in use; choose another \(option) (0 picks a free one)" }
}
