import DynamoDBTypes

/// Decides whether a stream record reaches the function (a mapping's `FilterCriteria`).
public protocol RecordFilter: Sendable {
    /// Whether `record` passes.
    func matches(_ record: StreamRecord) -> Bool
}
