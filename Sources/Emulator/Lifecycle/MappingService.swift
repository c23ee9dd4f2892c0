import FunctionRunner
import DynamoDBEndpoint
import StreamTriggers
import ServiceLifecycle

/// The event source mappings as a service: they poll until the group shuts down, and a batch in flight is abandoned
/// then (its records were not checkpointed, so they are delivered again on the next start: at least once, as on AWS).
struct MappingService: Service, CustomStringConvertible {
    let supervisor: MappingSupervisor
    var description: String { "event source mappings" }

    func run() async {
        _ = try? await cancelWhenGracefulShutdown {
            await supervisor.run()
            // Disabled mappings return at once; the service stays until the group stops.
            try await gracefulShutdown()
        }
    }
}
