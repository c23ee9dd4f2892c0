/// A loaded, validated SAM template: the functions and tables the emulator runs.
public struct Template: Hashable, Sendable {
    /// An event of a type this emulator does not run (`Api`, `SQS`, ...), kept so the caller can warn.
    public struct UnsupportedEvent: Hashable, Sendable {
        public var functionLogicalID: String
        public var name: String
        public var type: String

        /// Creates a record of an unsupported event.
        public init(functionLogicalID: String, name: String, type: String) {
            self.functionLogicalID = functionLogicalID
            self.name = name
            self.type = type
        }
    }

    /// A resource of a type this emulator does not create (`AWS::SQS::Queue`, ...), kept so the caller can warn.
    public struct UnsupportedResource: Hashable, Sendable {
        public var logicalID: String
        public var type: String

        /// Creates a record of an unsupported resource.
        public init(logicalID: String, type: String) {
            self.logicalID = logicalID
            self.type = type
        }
    }

    /// The template file as an absolute, standardized path.
    public var path: String
    /// The directory holding the template; `CodeUri` paths are relative to it.
    public var directory: String
    /// `AWS::Region` used while loading.
    public var region: String
    /// `AWS::AccountId` used while loading.
    public var accountID: String
    /// The functions in document order.
    public var functions: [FunctionDefinition]
    /// The tables in document order.
    public var tables: [TableDefinition]
    /// Events that were skipped, in document order.
    public var unsupportedEvents: [UnsupportedEvent]
    /// Resources that were skipped, in document order.
    public var unsupportedResources: [UnsupportedResource]

    /// The function whose `FunctionName` or logical ID is `name` (`sam local invoke` accepts both).
    public func function(named name: String) -> FunctionDefinition? {
        functions.first { $0.functionName == name } ?? functions.first { $0.logicalID == name }
    }

    /// The table whose `TableName` or logical ID is `name`.
    public func table(named name: String) -> TableDefinition? {
        tables.first { $0.tableName == name } ?? tables.first { $0.logicalID == name }
    }

    /// The AWS partition of `region` (`aws`, `aws-cn` or `aws-us-gov`).
    public var partition: String { ARN.partition(region: region) }

    /// `arn:aws:dynamodb:<region>:<account>:table/<name>`.
    public func tableARN(tableName: String) -> String {
        ARN.table(partition: partition, region: region, accountID: accountID, tableName: tableName)
    }

    /// `arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>`.
    public func streamARN(tableName: String, label: String) -> String {
        ARN.stream(partition: partition, region: region, accountID: accountID, tableName: tableName, label: label)
    }

    /// `arn:aws:lambda:<region>:<account>:function:<name>`.
    public func functionARN(functionName: String) -> String {
        ARN.function(partition: partition, region: region, accountID: accountID, functionName: functionName)
    }
}

/// ARN formats for the resources a template declares.
enum ARN {
    static func partition(region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    static func urlSuffix(region: String) -> String {
        region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    }

    static func table(partition: String, region: String, accountID: String, tableName: String) -> String {
        "arn:\(partition):dynamodb:\(region):\(accountID):table/\(tableName)"
    }

    static func stream(
        partition: String, region: String, accountID: String, tableName: String, label: String
    ) -> String {
        table(partition: partition, region: region, accountID: accountID, tableName: tableName) + "/stream/\(label)"
    }

    static func function(partition: String, region: String, accountID: String, functionName: String) -> String {
        "arn:\(partition):lambda:\(region):\(accountID):function:\(functionName)"
    }
}
