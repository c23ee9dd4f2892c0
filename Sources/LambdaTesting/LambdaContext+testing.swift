import LambdaRuntime
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension LambdaContext {
    /// A context for calling a handler in a test: a fresh request ID, a deadline `timeout` from now, the ARN and
    /// log names Lambda would give `functionName`, and `logger` (by default one that discards everything).
    public static func test(
        functionName: String = "TestFunction", requestID: String = UUID().uuidString.lowercased(),
        timeout: Duration = .seconds(3), region: String = "us-east-1", accountID: String = "123456789012",
        logger: Logger = Logger(label: "LambdaTesting") { _ in SwiftLogNoOpLogHandler() }
    ) -> LambdaContext {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        return LambdaContext(
            requestID: requestID, deadline: Date().addingTimeInterval(seconds),
            invokedFunctionARN: "arn:aws:lambda:\(region):\(accountID):function:\(functionName)",
            functionName: functionName, functionVersion: "$LATEST", memoryLimitInMB: 128,
            logGroupName: "/aws/lambda/\(functionName)", logStreamName: "local/[$LATEST]test", logger: logger)
    }
}
