import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension FilterDocument {
    /// The record exactly as Lambda delivers it (see `StreamRecord`'s encoding), as a tree.
    ///
    /// `ApproximateCreationDateTime` and `SizeBytes` are JSON numbers, `SequenceNumber` a string, and
    /// attribute values DynamoDB JSON (`{"N":"12"}` keeps the number a string); `userIdentity`,
    /// `NewImage`, `OldImage` and `eventSourceARN` appear only when present.
    public init(record: StreamRecord) {
        var fields: [String: FilterDocument] = [
            "eventID": .string(record.eventID),
            "eventName": .string(record.eventName.rawValue),
            "eventVersion": .string(record.eventVersion),
            "eventSource": .string(record.eventSource),
            "awsRegion": .string(record.awsRegion),
            "dynamodb": FilterDocument(streamData: record.dynamodb),
        ]
        if let identity = record.userIdentity {
            fields["userIdentity"] = .object([
                "type": .string(identity.type), "principalId": .string(identity.principalId),
            ])
        }
        if let arn = record.eventSourceARN {
            fields["eventSourceARN"] = .string(arn)
        }
        self = .object(fields)
    }

    /// The `dynamodb` object of a record.
    init(streamData data: StreamRecordData) {
        var fields: [String: FilterDocument] = [
            "Keys": FilterDocument(item: data.keys),
            "SequenceNumber": .string(data.sequenceNumber),
            "SizeBytes": .integer(data.sizeBytes),
            "StreamViewType": .string(data.streamViewType.rawValue),
        ]
        if let date = data.approximateCreationDateTime {
            // Whole epoch seconds, as StreamRecordData encodes it.
            fields["ApproximateCreationDateTime"] = .integer(Int64(date.timeIntervalSince1970.rounded(.down)))
        }
        if let image = data.newImage { fields["NewImage"] = FilterDocument(item: image) }
        if let image = data.oldImage { fields["OldImage"] = FilterDocument(item: image) }
        self = .object(fields)
    }

    /// An item (or key) as a DynamoDB JSON object: attribute names mapped to typed values.
    public init(item: Item) {
        self = .object(item.mapValues(FilterDocument.init(attributeValue:)))
    }

    /// One attribute value as DynamoDB JSON: `{"S":"…"}`, `{"N":"12"}`, `{"B":"<base64>"}`, ...
    public init(attributeValue value: AttributeValue) {
        let content: FilterDocument =
            switch value {
            case .s(let text): .string(text)
            case .n(let number): .string(number)
            case .b(let data): .string(data.base64EncodedString())
            case .ss(let texts): .array(texts.map(FilterDocument.string))
            case .ns(let numbers): .array(numbers.map(FilterDocument.string))
            case .bs(let blobs): .array(blobs.map { .string($0.base64EncodedString()) })
            case .m(let fields): FilterDocument(item: fields)
            case .l(let elements): .array(elements.map(FilterDocument.init(attributeValue:)))
            case .null: .bool(true)
            case .bool(let flag): .bool(flag)
            }
        self = .object([value.typeDescriptor: content])
    }
}
