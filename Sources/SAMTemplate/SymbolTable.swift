/// What `Ref`, `Fn::GetAtt` and `Fn::Sub` can name: parameters, pseudo parameters and resources.
struct SymbolTable {
    /// A parameter's value: a string, or a list for `CommaDelimitedList` and `List<...>` types.
    enum ParameterValue: Equatable {
        case string(String)
        case list([String])
    }

    /// What a resource's logical ID stands for.
    enum Resource: Equatable {
        /// A table; `hasStream` says whether it has a `StreamSpecification`.
        case table(name: String, hasStream: Bool)
        case function(name: String)
        /// A resource whose name is still being worked out: names may not refer to other resources.
        case pending(type: String)
        /// A resource type this emulator does not create.
        case other(type: String)
    }

    var parameters: [String: ParameterValue] = [:]
    var resources: [String: Resource] = [:]
    var region: String
    var accountID: String
    var stackName: String
    /// The label load-time values put in stream ARNs.
    var streamLabel: String

    var partition: String { ARN.partition(region: region) }

    /// The pseudo parameters this emulator knows, in the order messages list them.
    static let pseudoParameterNames = [
        "AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::StackName", "AWS::URLSuffix",
    ]

    /// The value of a pseudo parameter, or nil for an unknown name.
    func pseudoParameter(_ name: String) -> String? {
        switch name {
        case "AWS::AccountId": accountID
        case "AWS::Partition": partition
        case "AWS::Region": region
        case "AWS::StackName": stackName
        case "AWS::URLSuffix": ARN.urlSuffix(region: region)
        default: nil
        }
    }

    /// The stream ARN with the load-time label.
    func loadTimeStreamARN(_ reference: StreamReference) -> String {
        ARN.stream(
            partition: partition, region: region, accountID: accountID, tableName: reference.tableName,
            label: streamLabel)
    }
}
