import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct WireShapeTests {
    @Test("requests decode from DynamoDB JSON as boto3 sends it and run unchanged")
    func decodeAndRun() async throws {
        let create = try JSONDecoder().decode(
            CreateTableInput.self,
            from: Data(
                """
                {"TableName": "cruddur-messages", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                          {"AttributeName": "sk", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                 "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}}
                """.utf8))
        let store = try makeStore()
        _ = try await store.createTable(create)
        let put = try JSONDecoder().decode(
            PutItemInput.self,
            from: Data(
                #"{"TableName": "cruddur-messages", "Item": {"pk": {"S": "MSG#1"}, "sk": {"S": "2023"}, "n": {"N": "1.50"}}}"#
                    .utf8))
        _ = try await store.putItem(put)
        let query = try JSONDecoder().decode(
            QueryInput.self,
            from: Data(
                """
                {"TableName": "cruddur-messages", "KeyConditionExpression": "pk = :pk AND begins_with(sk, :year)",
                 "ExpressionAttributeValues": {":pk": {"S": "MSG#1"}, ":year": {"S": "2023"}},
                 "ScanIndexForward": false, "Limit": 20, "ReturnConsumedCapacity": "TOTAL"}
                """.utf8))
        let output = try await store.query(query)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(output), as: UTF8.self)
        #expect(
            json
                == #"{"ConsumedCapacity":{"CapacityUnits":0.5,"TableName":"cruddur-messages"},"Count":1,"Items":[{"n":{"N":"1.5"},"pk":{"S":"MSG#1"},"sk":{"S":"2023"}}],"ScannedCount":1}"#
        )
    }

    @Test("an unknown enum value fails to decode")
    func unknownEnum() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(
                PutItemInput.self, from: Data(#"{"TableName": "t", "Item": {}, "ReturnValues": "SOME"}"#.utf8))
        }
    }
}
