import DynamoDBTypes
import Foundation

// TransactWriteItems read by WireJSONReader, with the rules of WireShapes+fastInputs.swift: exactly what
// JSONDecoder would read, or nil (and JSONDecoder gives the error). A stream function moving rows sends one per
// group of a batch; JSONDecoder was ~6% of the emulator's CPU in the Cruddur benchmark.

extension TransactWriteItemsInput {
    static func readFast(_ data: Data) -> TransactWriteItemsInput? {
        WireJSONReader.read(data) { reader throws(WireJSONReader.Miss) in
            var items: [TransactWriteItem]?
            var input = TransactWriteItemsInput(transactItems: [])
            try reader.readObject { reader, key throws(WireJSONReader.Miss) in
                switch key {
                case "TransactItems":
                    var read: [TransactWriteItem] = []
                    try reader.readArray { reader throws(WireJSONReader.Miss) in
                        read.append(try TransactWriteItem.readFast(&reader))
                    }
                    items = read
                case "ReturnConsumedCapacity":
                    input.returnConsumedCapacity = try reader.readOptionalEnum(ReturnConsumedCapacity.self)
                case "ReturnItemCollectionMetrics":
                    input.returnItemCollectionMetrics = try reader.readOptionalEnum(ReturnItemCollectionMetrics.self)
                case "ClientRequestToken": input.clientRequestToken = try reader.readOptionalString()
                default: try reader.skipValue()
                }
            }
            guard let items else { throw reader.miss("TransactItems") }
            input.transactItems = items
            return input
        }
    }
}

extension TransactWriteItem {
    fileprivate static func readFast(_ reader: inout WireJSONReader) throws(WireJSONReader.Miss) -> TransactWriteItem {
        var item = TransactWriteItem()
        try reader.readObject { reader, key throws(WireJSONReader.Miss) in
            if reader.consumeNull() { return }
            switch key {
            case "ConditionCheck":
                let members = try ActionMembers.read(&reader)
                guard let key = members.key, let tableName = members.tableName,
                    let condition = members.conditionExpression
                else { throw reader.miss("Key, TableName and ConditionExpression") }
                item.conditionCheck = TransactConditionCheck(
                    key: key, tableName: tableName, conditionExpression: condition,
                    expressionAttributeNames: members.names, expressionAttributeValues: members.values,
                    returnValuesOnConditionCheckFailure: members.returnValues)
            case "Put":
                let members = try ActionMembers.read(&reader)
                guard let put = members.item, let tableName = members.tableName else {
                    throw reader.miss("Item and TableName")
                }
                item.put = TransactPut(
                    item: put, tableName: tableName, conditionExpression: members.conditionExpression,
                    expressionAttributeNames: members.names, expressionAttributeValues: members.values,
                    returnValuesOnConditionCheckFailure: members.returnValues)
            case "Delete":
                let members = try ActionMembers.read(&reader)
                guard let key = members.key, let tableName = members.tableName else {
                    throw reader.miss("Key and TableName")
                }
                item.delete = TransactDelete(
                    key: key, tableName: tableName, conditionExpression: members.conditionExpression,
                    expressionAttributeNames: members.names, expressionAttributeValues: members.values,
                    returnValuesOnConditionCheckFailure: members.returnValues)
            case "Update":
                let members = try ActionMembers.read(&reader)
                guard let key = members.key, let update = members.updateExpression,
                    let tableName = members.tableName
                else { throw reader.miss("Key, UpdateExpression and TableName") }
                item.update = TransactUpdate(
                    key: key, updateExpression: update, tableName: tableName,
                    conditionExpression: members.conditionExpression, expressionAttributeNames: members.names,
                    expressionAttributeValues: members.values, returnValuesOnConditionCheckFailure: members.returnValues)
            default: try reader.skipValue()
            }
        }
        return item
    }
}

/// The members the four transaction actions have between them; each action takes its own and ignores the rest,
/// as JSONDecoder ignores keys outside an action's CodingKeys (a malformed one still sends the body to it).
private struct ActionMembers {
    var tableName: String?
    var key: Item?
    var item: Item?
    var updateExpression: String?
    var conditionExpression: String?
    var names: [String: String]?
    var values: Item?
    var returnValues: ReturnValuesOnConditionCheckFailure?

    static func read(_ reader: inout WireJSONReader) throws(WireJSONReader.Miss) -> ActionMembers {
        var members = ActionMembers()
        try reader.readObject { reader, key throws(WireJSONReader.Miss) in
            switch key {
            case "TableName": members.tableName = try reader.readOptionalString()
            case "Key": members.key = try reader.readOptionalItem()
            case "Item": members.item = try reader.readOptionalItem()
            case "UpdateExpression": members.updateExpression = try reader.readOptionalString()
            case "ConditionExpression": members.conditionExpression = try reader.readOptionalString()
            case "ExpressionAttributeNames": members.names = try reader.readOptionalStringMap()
            case "ExpressionAttributeValues": members.values = try reader.readOptionalItem()
            case "ReturnValuesOnConditionCheckFailure":
                members.returnValues = try reader.readOptionalEnum(ReturnValuesOnConditionCheckFailure.self)
            default: try reader.skipValue()
            }
        }
        return members
    }
}
