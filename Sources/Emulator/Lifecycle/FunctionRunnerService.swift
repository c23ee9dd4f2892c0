import FunctionRunner
import DynamoDBEndpoint
import ServiceLifecycle

/// The function runner as a service: it holds the functions' execution environments until the group shuts down,
/// then lets invocations in flight finish for ``grace``, stops every runtime (SIGTERM, SIGKILL after 500 ms) and
/// returns once all of them are gone. Cancellation (the group's graceful period ran out) skips the grace.
struct FunctionRunnerService: Service, CustomStringConvertible {
    let registry: FunctionRegistry
    /// How long invocations in flight may go on after a shutdown was asked for.
    var grace: Duration = .milliseconds(250)
    var description: String { "function runner" }

    func run() async {
        let graceful = (try? await gracefulShutdown()) != nil
        await registry.shutdown(grace: graceful ? grace : .zero)
    }
}
