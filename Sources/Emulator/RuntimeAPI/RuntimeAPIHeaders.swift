import HTTPTypes

/// Header names of the Lambda Runtime API (`/2018-06-01`).
enum RuntimeAPIHeaders {
    static let requestID = HTTPField.Name("Lambda-Runtime-Aws-Request-Id")!
    static let deadline = HTTPField.Name("Lambda-Runtime-Deadline-Ms")!
    static let functionARN = HTTPField.Name("Lambda-Runtime-Invoked-Function-Arn")!
    static let traceID = HTTPField.Name("Lambda-Runtime-Trace-Id")!
    static let clientContext = HTTPField.Name("Lambda-Runtime-Client-Context")!
    static let cognitoIdentity = HTTPField.Name("Lambda-Runtime-Cognito-Identity")!
    static let functionErrorType = HTTPField.Name("Lambda-Runtime-Function-Error-Type")!
}
