extension DynamoDBAPIServer {
    /// The variables that point AWS SDKs and the CLI at this endpoint: `AWS_ENDPOINT_URL_DYNAMODB` and
    /// `AWS_ENDPOINT_URL_DYNAMODB_STREAMS` (botocore's name for the Streams service; a wildcard `host` is reached
    /// through the loopback address).
    public static func clientEnvironment(host: String, port: Int) -> [String: String] {
        let reachable = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let url = "http://\(reachable.contains(":") ? "[\(reachable)]" : reachable):\(port)"
        return ["AWS_ENDPOINT_URL_DYNAMODB": url, "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": url]
    }
}
