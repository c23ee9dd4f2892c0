/// What the caller decides about a load: parameter values, region and account, and the load-time stream label.
public struct TemplateLoadOptions: Sendable {
    /// Values for `Parameters`, like `sam --parameter-overrides Key=Value`; they win over `Default`.
    public var parameterOverrides: [String: String]
    /// `AWS::Region` (default `us-east-1`).
    public var region: String
    /// `AWS::AccountId` (default `123456789012`, as `sam local` uses).
    public var accountID: String
    /// `AWS::StackName` (default `local`, as `sam local` uses).
    public var stackName: String
    /// The label that load-time values (`FunctionDefinition.environment`, `StreamSource.arn` built by `Fn::Sub`)
    /// use in a stream ARN, since the live label exists only once the emulator has created the table.
    /// Default `1970-01-01T00:00:00.000`, the label format DynamoDB uses; call
    /// `FunctionDefinition.environment(streamARN:)` for live values.
    public var streamLabel: String

    /// Creates options; every argument has the default described on its property.
    public init(
        parameterOverrides: [String: String] = [:], region: String = "us-east-1", accountID: String = "123456789012",
        stackName: String = "local", streamLabel: String = "1970-01-01T00:00:00.000"
    ) {
        self.parameterOverrides = parameterOverrides
        self.region = region
        self.accountID = accountID
        self.stackName = stackName
        self.streamLabel = streamLabel
    }
}
