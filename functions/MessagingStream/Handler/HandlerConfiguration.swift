/// Where the handler finds the messages: the table and its group index, from the function's environment.
public struct HandlerConfiguration: Sendable, Hashable {
    /// The variable naming the messages table (set in template.json).
    public static let tableNameVariable = "MESSAGES_TABLE_NAME"
    /// The variable naming the group index, `message_group_uuid` + `sk` (set in template.json).
    public static let indexNameVariable = "MESSAGE_GROUP_INDEX_NAME"

    /// The messages table, e.g. `cruddur-messages`.
    public var tableName: String
    /// The group index, e.g. `message-group-sk-index`.
    public var indexName: String

    /// A configuration from explicit names.
    public init(tableName: String, indexName: String) {
        self.tableName = tableName
        self.indexName = indexName
    }

    /// Reads ``tableNameVariable`` and ``indexNameVariable``.
    ///
    /// - Throws: ``ConfigurationError`` naming the variable that is unset or empty.
    public init(environment: [String: String]) throws(ConfigurationError) {
        func require(_ name: String) throws(ConfigurationError) -> String {
            guard let value = environment[name], !value.isEmpty else { throw ConfigurationError(variable: name) }
            return value
        }
        self.init(tableName: try require(Self.tableNameVariable), indexName: try require(Self.indexNameVariable))
    }
}

/// A required environment variable is unset or empty.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The variable's name.
    public var variable: String

    /// An error about `variable`.
    public init(variable: String) {
        self.variable = variable
    }

    public var description: String {
        "Environment variable \"\(variable)\" is not set; declare it under Environment.Variables in template.json"
    }
}
