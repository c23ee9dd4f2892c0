import FunctionRunner
import DynamoDBEndpoint
import EventSourceMapping
import Foundation
import SAMTemplate

/// A mapping as Lambda's `GetEventSourceMapping` / `ListEventSourceMappings` describe it, so
/// `aws lambda list-event-source-mappings --endpoint-url …` works against the emulator.
public struct EventSourceMappingConfiguration: Encodable {
    struct FilterShape: Encodable {
        var Pattern: String
    }
    struct FilterCriteriaShape: Encodable {
        var Filters: [FilterShape]
    }
    struct OnFailureShape: Encodable {
        var Destination: String?
    }
    struct DestinationConfigShape: Encodable {
        var OnFailure: OnFailureShape
    }

    public var UUID: String
    var StartingPosition: String
    var BatchSize: Int
    var MaximumBatchingWindowInSeconds: Int
    var ParallelizationFactor: Int
    var EventSourceArn: String
    var FilterCriteria: FilterCriteriaShape?
    public var FunctionArn: String
    var LastModified: Double
    var LastProcessingResult: String
    var State: String
    var StateTransitionReason: String
    var DestinationConfig: DestinationConfigShape
    var MaximumRecordAgeInSeconds: Int
    var BisectBatchOnFunctionError: Bool
    var MaximumRetryAttempts: Int
    var TumblingWindowInSeconds: Int
    var FunctionResponseTypes: [String]

    /// The description of `mapping`, declared by `declaration` in a template of `region` and `accountID`.
    public init(mapping: LineageMapping, declaration: MappingDeclaration, region: String, accountID: String, started: Date) {
        let event = declaration.event
        let statistics = mapping.statistics
        UUID = mapping.identity.uuid
        StartingPosition = mapping.settings.startingPosition.rawValue
        BatchSize = event.batchSize
        MaximumBatchingWindowInSeconds = event.maximumBatchingWindowInSeconds
        ParallelizationFactor = event.parallelizationFactor
        EventSourceArn = mapping.streamARN
        FilterCriteria = event.filters.isEmpty ? nil : FilterCriteriaShape(Filters: event.filters.map { FilterShape(Pattern: $0.rawPattern) })
        FunctionArn = mapping.identity.functionARN
        LastModified = started.timeIntervalSince1970.rounded(.down)
        LastProcessingResult = statistics.lastProcessingResult
        State = event.enabled ? "Enabled" : "Disabled"
        StateTransitionReason = "User action"
        DestinationConfig = DestinationConfigShape(
            OnFailure: OnFailureShape(Destination: Self.destinationARN(event, region: region, accountID: accountID)))
        MaximumRecordAgeInSeconds = event.maximumRecordAgeInSeconds
        BisectBatchOnFunctionError = event.bisectBatchOnFunctionError
        MaximumRetryAttempts = event.maximumRetryAttempts
        TumblingWindowInSeconds = event.tumblingWindowInSeconds
        FunctionResponseTypes = event.reportBatchItemFailures ? ["ReportBatchItemFailures"] : []
    }

    /// The destination's ARN: as written, or made from the logical ID of a queue or topic in the template.
    static func destinationARN(_ event: StreamEventDefinition, region: String, accountID: String) -> String? {
        switch event.onFailure?.destination {
        case .arn(let arn): arn
        case .resource(let logicalID, _):
            "arn:aws:\(event.onFailure?.type == .sns ? "sns" : "sqs"):\(region):\(accountID):\(logicalID)"
        case nil: nil
        }
    }
}
