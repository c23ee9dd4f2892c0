import DynamoDBTypes
import Foundation

// The hot requests read by WireJSONReader. Each reads exactly the members of its CodingKeys (other keys are
// skipped, as JSONDecoder ignores them), a null optional member as absent; anything else (a missing or null
// required member, a wrong type, an unknown enumeration value, malformed JSON) returns nil, and the body goes
// to JSONDecoder, which gives DynamoDB's error for it.

extension PutItemInput {
    static func readFast(_ data: Data) -> PutItemInput? {
        WireJSONReader.read(data) { reader throws(WireJSONReader.Miss) in
            var tableName: String?
            var item: Item?
            var input = PutItemInput(tableName: "", item: [:])
            try reader.readObject { reader, key throws(WireJSONReader.Miss) in
                switch key {
                case "TableName": tableName = try reader.readString()
                case "Item": item = try reader.readItem()
                case "ReturnValues": input.returnValues = try reader.readOptionalEnum(ReturnValue.self)
                case "ReturnConsumedCapacity":
                    input.returnConsumedCapacity = try reader.readOptionalEnum(ReturnConsumedCapacity.self)
                case "ReturnItemCollectionMetrics":
                    input.returnItemCollectionMetrics = try reader.readOptionalEnum(ReturnItemCollectionMetrics.self)
                case "ConditionExpression": input.conditionExpression = try reader.readOptionalString()
                case "ExpressionAttributeNames":
                    input.expressionAttributeNames = try reader.readOptionalStringMap()
                case "ExpressionAttributeValues":
                    input.expressionAttributeValues = try reader.readOptionalItem()
                case "ReturnValuesOnConditionCheckFailure":
                    input.returnValuesOnConditionCheckFailure = try reader.readOptionalEnum(
                        ReturnValuesOnConditionCheckFailure.self)
                default: try reader.skipValue()
                }
            }
            guard let tableName, let item else { throw reader.miss("TableName and Item") }
            input.tableName = tableName
            input.item = item
            return input
        }
    }
}

extension GetItemInput {
    static func readFast(_ data: Data) -> GetItemInput? {
        WireJSONReader.read(data) { reader throws(WireJSONReader.Miss) in
            var tableName: String?
            var key: Item?
            var input = GetItemInput(tableName: "", key: [:])
            try reader.readObject { reader, member throws(WireJSONReader.Miss) in
                switch member {
                case "TableName": tableName = try reader.readString()
                case "Key": key = try reader.readItem()
                case "ConsistentRead": input.consistentRead = try reader.readOptionalBool()
                case "ReturnConsumedCapacity":
                    input.returnConsumedCapacity = try reader.readOptionalEnum(ReturnConsumedCapacity.self)
                case "ProjectionExpression": input.projectionExpression = try reader.readOptionalString()
                case "ExpressionAttributeNames":
                    input.expressionAttributeNames = try reader.readOptionalStringMap()
                default: try reader.skipValue()
                }
            }
            guard let tableName, let key else { throw reader.miss("TableName and Key") }
            input.tableName = tableName
            input.key = key
            return input
        }
    }
}

extension QueryInput {
    static func readFast(_ data: Data) -> QueryInput? {
        WireJSONReader.read(data) { reader throws(WireJSONReader.Miss) in
            var tableName: String?
            var input = QueryInput(tableName: "")
            try reader.readObject { reader, key throws(WireJSONReader.Miss) in
                switch key {
                case "TableName": tableName = try reader.readString()
                case "IndexName": input.indexName = try reader.readOptionalString()
                case "Select": input.select = try reader.readOptionalEnum(Select.self)
                case "Limit": input.limit = try reader.readOptionalInt()
                case "ConsistentRead": input.consistentRead = try reader.readOptionalBool()
                case "ScanIndexForward": input.scanIndexForward = try reader.readOptionalBool()
                case "ExclusiveStartKey": input.exclusiveStartKey = try reader.readOptionalItem()
                case "ReturnConsumedCapacity":
                    input.returnConsumedCapacity = try reader.readOptionalEnum(ReturnConsumedCapacity.self)
                case "ProjectionExpression": input.projectionExpression = try reader.readOptionalString()
                case "FilterExpression": input.filterExpression = try reader.readOptionalString()
                case "KeyConditionExpression":
                    input.keyConditionExpression = try reader.readOptionalString()
                case "ExpressionAttributeNames":
                    input.expressionAttributeNames = try reader.readOptionalStringMap()
                case "ExpressionAttributeValues":
                    input.expressionAttributeValues = try reader.readOptionalItem()
                default: try reader.skipValue()
                }
            }
            guard let tableName else { throw reader.miss("TableName") }
            input.tableName = tableName
            return input
        }
    }
}
