import HTTPTypes

/// Header names of Lambda's Invoke API (`/2015-03-31`).
enum InvokeAPIHeaders {
    static let invocationType = HTTPField.Name("X-Amz-Invocation-Type")!
    static let logType = HTTPField.Name("X-Amz-Log-Type")!
    static let clientContext = HTTPField.Name("X-Amz-Client-Context")!
    static let functionError = HTTPField.Name("X-Amz-Function-Error")!
    static let logResult = HTTPField.Name("X-Amz-Log-Result")!
    static let executedVersion = HTTPField.Name("X-Amz-Executed-Version")!
    static let errorType = HTTPField.Name("x-amzn-ErrorType")!
    static let requestID = HTTPField.Name("x-amzn-RequestId")!
}

/// `X-Amz-Invocation-Type` values.
enum InvocationType: String {
    case requestResponse = "RequestResponse"
    case event = "Event"
    case dryRun = "DryRun"
}
