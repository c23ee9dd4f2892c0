/// A DynamoDB table ARN: `arn:<partition>:dynamodb:<region>:<account>:table/<TableName>`.
public struct TableARN: Sendable, Hashable, CustomStringConvertible {
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    public var partition: String
    /// The region, e.g. `us-east-1`.
    public var region: String
    /// The 12-digit account id.
    public var account: String
    /// The table name.
    public var tableName: String

    /// An ARN from its parts; `partition` defaults to `aws`.
    public init(partition: String = "aws", region: String, account: String, tableName: String) {
        self.partition = partition
        self.region = region
        self.account = account
        self.tableName = tableName
    }

    /// Parses `arn:<partition>:dynamodb:<region>:<account>:table/<TableName>`.
    ///
    /// - Throws: ``ARNError`` naming the text and what part is wrong.
    public init(parsing text: String) throws(ARNError) {
        let (prefix, resource) = try Self.splitResource(text)
        let parts = resource.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "table" else {
            throw ARNError(text: text, problem: "expected resource \"table/<TableName>\", found \"\(resource)\"")
        }
        self = try TableARN(prefix: prefix, tableName: String(parts[1]), text: text)
    }

    /// The ARN text.
    public var description: String { "arn:\(partition):dynamodb:\(region):\(account):table/\(tableName)" }

    /// The ARN of this table's stream with `label`.
    public func stream(label: String) -> StreamARN { StreamARN(table: self, label: label) }

    init(prefix: [Substring], tableName: String, text: String) throws(ARNError) {
        guard !tableName.isEmpty else { throw ARNError(text: text, problem: "the table name is empty") }
        self.init(
            partition: String(prefix[1]), region: String(prefix[3]), account: String(prefix[4]), tableName: tableName)
    }

    /// Splits `arn:p:dynamodb:r:a:resource` into its five leading fields and the resource.
    static func splitResource(_ text: String) throws(ARNError) -> ([Substring], Substring) {
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn" else {
            throw ARNError(text: text, problem: "expected \"arn:<partition>:dynamodb:<region>:<account>:<resource>\"")
        }
        guard fields[2] == "dynamodb" else {
            throw ARNError(text: text, problem: "expected service \"dynamodb\", found \"\(fields[2])\"")
        }
        for (index, name) in [(1, "partition"), (3, "region"), (4, "account")] where fields[index].isEmpty {
            throw ARNError(text: text, problem: "the \(name) is empty")
        }
        return (Array(fields.prefix(5)), fields[5])
    }
}

/// Why a string is not a DynamoDB table or stream ARN.
public struct ARNError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The text that was parsed.
    public let text: String
    /// What is wrong with it.
    public let problem: String

    /// Creates an error for `text`.
    public init(text: String, problem: String) {
        self.text = text
        self.problem = problem
    }

    /// `Invalid DynamoDB ARN "<text>": <problem>`.
    public var description: String { "Invalid DynamoDB ARN \"\(text)\": \(problem)" }
}
