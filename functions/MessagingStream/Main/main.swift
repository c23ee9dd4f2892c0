import DynamoDBClient
import LambdaRuntime
import MessagingStreamHandler

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MessagingStream: keeps both inboxes of a conversation on its latest message. The table and index names come
// from the template's Environment; the endpoint, region and credentials from the variables Lambda (or the
// emulator) sets, e.g. AWS_ENDPOINT_URL_DYNAMODB.
await LambdaRuntime.run { _ in
    let environment = ProcessInfo.processInfo.environment
    return InboxUpdateHandler(
        operations: DynamoDBClient(configuration: .fromEnvironment(environment)),
        configuration: try HandlerConfiguration(environment: environment))
}
