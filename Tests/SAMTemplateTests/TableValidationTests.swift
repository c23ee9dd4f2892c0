import SAMTemplate
import Testing

struct TableValidationTests {
    static let keys = """
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
        """

    @Test("a minimal table: name from the logical ID, PROVISIONED billing by default, no stream")
    func minimal() throws {
        let template = try loadTemplate(
            tableTemplate(
                #"""
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "B"}],
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": "2"}
                """#))
        let table = try #require(template.table(named: "Tab"))
        #expect(table.tableName == "Tab")
        #expect(table.attributeDefinitions == [.init(name: "id", type: .binary)])
        #expect(table.keySchema == .init(partitionKey: "id", sortKey: nil))
        #expect(table.billingMode == .provisioned)
        #expect(table.provisionedThroughput == .init(readCapacityUnits: 1, writeCapacityUnits: 2))
        #expect(table.streamViewType == nil)
        #expect(table.timeToLive == nil)
        #expect(template.functions.isEmpty)
    }

    @Test("indexes, projections, stream and TTL are kept")
    func indexes() throws {
        let template = try loadTemplate(
            tableTemplate(
                #"""
                "TableName": "orders", "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                  {"AttributeName": "sk", "AttributeType": "S"}, {"AttributeName": "gpk", "AttributeType": "N"},
                  {"AttributeName": "lsk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                "GlobalSecondaryIndexes": [
                  {"IndexName": "by-g", "KeySchema": [{"AttributeName": "gpk", "KeyType": "HASH"}],
                   "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["total", "status"]}},
                  {"IndexName": "keys", "KeySchema": [{"AttributeName": "sk", "KeyType": "HASH"}],
                   "Projection": {"ProjectionType": "KEYS_ONLY"}}],
                "LocalSecondaryIndexes": [
                  {"IndexName": "by-lsk", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "lsk", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}}],
                "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
                "TimeToLiveSpecification": {"Enabled": false}
                """#))
        let table = try #require(template.table(named: "orders"))
        #expect(table.billingMode == .payPerRequest)
        #expect(table.provisionedThroughput == nil)
        #expect(
            table.globalSecondaryIndexes == [
                .init(
                    name: "by-g", keySchema: .init(partitionKey: "gpk", sortKey: nil),
                    projection: .include(["total", "status"]),
                    provisionedThroughput: nil),
                .init(
                    name: "keys", keySchema: .init(partitionKey: "sk", sortKey: nil), projection: .keysOnly,
                    provisionedThroughput: nil),
            ])
        #expect(
            table.localSecondaryIndexes == [
                .init(
                    name: "by-lsk", keySchema: .init(partitionKey: "pk", sortKey: "lsk"), projection: .all,
                    provisionedThroughput: nil)
            ])
        #expect(table.streamViewType == .newAndOldImages)
        #expect(table.streamReference == .init(tableLogicalID: "Tab", tableName: "orders"))
        #expect(table.timeToLive == .init(attributeName: nil, enabled: false))
    }

    static let payPerRequest = #""BillingMode": "PAY_PER_REQUEST", "#

    static let failureCases: [(String, String)] = [
        (
            payPerRequest + #""KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]"#,
            "AttributeDefinitions: found nothing, expected definitions of the key attributes"
        ),
        (
            payPerRequest + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]"#,
            "KeySchema: found nothing, expected a key schema: a HASH element and an optional RANGE element"
        ),
        (
            payPerRequest + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "X"}], "#
                + #""KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]"#,
            #"AttributeDefinitions[0].AttributeType: found "X", expected S, N or B"#
        ),
        (
            payPerRequest + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], "#
                + #""KeySchema": [{"AttributeName": "pk", "KeyType": "RANGE"}]"#,
            #"KeySchema[0].KeyType: found "RANGE", expected HASH (the first element is the partition key)"#
        ),
        (
            payPerRequest + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], "#
                + #""KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]"#,
            #"KeySchema[0].AttributeName: found "id", expected an attribute defined in AttributeDefinitions (pk)"#
        ),
        (
            payPerRequest + Self.keys.replacingSecondKeyType("HASH"),
            #"KeySchema[1].KeyType: found "HASH", expected RANGE"#
        ),
        (
            payPerRequest + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, "#
                + #"{"AttributeName": "extra", "AttributeType": "S"}], "#
                + #""KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]"#,
            #"AttributeDefinitions[1]: found attribute "extra", which no key schema uses, expected definitions only "#
                + "for the table's and indexes' key attributes"
        ),
        (
            payPerRequest + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, "#
                + #"{"AttributeName": "pk", "AttributeType": "N"}], "#
                + #""KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]"#,
            #"AttributeDefinitions[1].AttributeName: found a second definition of "pk", expected each attribute "#
                + "defined once"
        ),
        (
            Self.keys,
            "ProvisionedThroughput: found nothing, expected ReadCapacityUnits and WriteCapacityUnits for the table "
                + "(BillingMode is PROVISIONED)"
        ),
        (
            payPerRequest + Self.keys
                + #", "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}"#,
            "ProvisionedThroughput: found ProvisionedThroughput with BillingMode PAY_PER_REQUEST, expected no "
                + "ProvisionedThroughput unless BillingMode is PROVISIONED"
        ),
        (
            Self.keys + #", "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 1}"#,
            "ProvisionedThroughput.ReadCapacityUnits: found 0, expected an integer of at least 1"
        ),
        (
            #""BillingMode": "ON_DEMAND", "# + Self.keys,
            #"BillingMode: found "ON_DEMAND", expected PROVISIONED or PAY_PER_REQUEST"#
        ),
        (
            payPerRequest + Self.keys + #", "StreamSpecification": {"StreamViewType": "ALL"}"#,
            #"StreamSpecification.StreamViewType: found "ALL", expected one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, "#
                + "NEW_AND_OLD_IMAGES"
        ),
        (
            payPerRequest + Self.keys + #", "StreamSpecification": {"StreamEnabled": true}"#,
            #"StreamSpecification.StreamEnabled: found unknown property "StreamEnabled", expected one of "#
                + "ResourcePolicy, StreamViewType"
        ),
        (
            payPerRequest + Self.keys + #", "TimeToLiveSpecification": {"Enabled": true}"#,
            "TimeToLiveSpecification.AttributeName: found nothing, expected the TTL attribute's name when Enabled is true"
        ),
        (
            payPerRequest + Self.keys + #", "TableName": "ab""#,
            #"TableName: found "ab", expected 3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'"#
        ),
        (
            payPerRequest + Self.keys + #", "KeySchemas": []"#,
            #"KeySchemas: found unknown property "KeySchemas", expected one of AttributeDefinitions, BillingMode, "#
                + "ContributorInsightsSpecification, DeletionProtectionEnabled, GlobalSecondaryIndexes, "
                + "ImportSourceSpecification, KeySchema, KinesisStreamSpecification, LocalSecondaryIndexes, "
                + "OnDemandThroughput, PointInTimeRecoverySpecification, ProvisionedThroughput, ResourcePolicy, "
                + "SSESpecification, StreamSpecification, TableClass, TableName, Tags, TimeToLiveSpecification, "
                + "WarmThroughput"
        ),
    ]

    @Test(
        "table errors name the path",
        arguments: Self.failureCases)
    func failures(properties: String, message: String) {
        #expect(loadError(tableTemplate(properties)) == "template.json: $.Resources.Tab.Properties.\(message)")
    }

    static func index(_ name: String, _ keySchema: String, projection: String = #"{"ProjectionType": "ALL"}"#) -> String
    {
        #"{"IndexName": "\#(name)", "KeySchema": \#(keySchema), "Projection": \#(projection)}"#
    }

    static let compositeKey =
        #"[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]"#
    static let reversedKey =
        #"[{"AttributeName": "sk", "KeyType": "HASH"}, {"AttributeName": "pk", "KeyType": "RANGE"}]"#
    static let allWithAttributes = #"{"ProjectionType": "ALL", "NonKeyAttributes": ["a"]}"#
    static let hashOnSK = #"[{"AttributeName": "sk", "KeyType": "HASH"}]"#

    static let indexFailureCases: [(String, String)] = [
        (
            #""GlobalSecondaryIndexes": [\#(index("gsi", hashOnSK)), \#(index("gsi", hashOnSK))]"#,
            #"GlobalSecondaryIndexes[1].IndexName: found "gsi", expected a name no other index of the table uses"#
        ),
        (
            #""GlobalSecondaryIndexes": [\#(index("gsi", hashOnSK, projection: #"{"ProjectionType": "INCLUDE"}"#))]"#,
            "GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: found nothing, expected the attributes an INCLUDE "
                + "projection copies"
        ),
        (
            #""GlobalSecondaryIndexes": [\#(index("gsi", hashOnSK, projection: allWithAttributes))]"#,
            "GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: found 1 attributes with ProjectionType ALL, "
                + "expected NonKeyAttributes only with ProjectionType INCLUDE"
        ),
        (
            #""GlobalSecondaryIndexes": [\#(index("gsi", hashOnSK, projection: #"{"ProjectionType": "SOME"}"#))]"#,
            #"GlobalSecondaryIndexes[0].Projection.ProjectionType: found "SOME", expected ALL, KEYS_ONLY or INCLUDE"#
        ),
        (
            #""GlobalSecondaryIndexes": [{"IndexName": "gsi", "KeySchema": \#(hashOnSK)}]"#,
            "GlobalSecondaryIndexes[0].Projection: found nothing, expected a Projection with a ProjectionType"
        ),
        (
            #""GlobalSecondaryIndexes": [\#((0...20).map { index("gsi\($0)", hashOnSK) }.joined(separator: ","))]"#,
            "GlobalSecondaryIndexes: found 21 indexes, expected at most 20 global secondary indexes"
        ),
        (
            #""LocalSecondaryIndexes": [\#(index("lsi", hashOnSK))]"#,
            "LocalSecondaryIndexes[0].KeySchema: found no RANGE element, expected a HASH and a RANGE element (a local "
                + "index needs a sort key)"
        ),
        (
            #""LocalSecondaryIndexes": [\#(index("lsi", reversedKey))]"#,
            #"LocalSecondaryIndexes[0].KeySchema: found partition key "sk", expected the table's partition key "pk""#
        ),
        (
            #""LocalSecondaryIndexes": [\#((0...5).map { index("lsi\($0)", compositeKey) }.joined(separator: ","))]"#,
            "LocalSecondaryIndexes: found 6 indexes, expected at most 5 local secondary indexes"
        ),
    ]

    @Test(
        "index errors name the path",
        arguments: Self.indexFailureCases)
    func indexFailures(properties: String, message: String) {
        let json = tableTemplate(Self.payPerRequest + Self.keys + ", " + properties)
        #expect(loadError(json) == "template.json: $.Resources.Tab.Properties.\(message)")
    }

    @Test("a PROVISIONED table's global index needs ProvisionedThroughput")
    func provisionedIndex() {
        let json = tableTemplate(
            Self.keys + #", "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "#
                + #""GlobalSecondaryIndexes": [\#(Self.index("gsi", Self.hashOnSK))]"#)
        #expect(
            loadError(json)
                == "template.json: $.Resources.Tab.Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput: found "
                + "nothing, expected ReadCapacityUnits and WriteCapacityUnits for the index (BillingMode is PROVISIONED)"
        )
    }

    @Test("two tables may not share a name")
    func duplicateNames() {
        let table =
            #"{"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "same", \#(Self.payPerRequest)\#(Self.keys)}}"#
        #expect(
            loadError(#"{"Resources": {"A": \#(table), "B": \#(table)}}"#)
                == #"template.json: $.Resources.B.Properties.TableName: found "same", expected a name no other table "#
                + #"uses (table "A" has it)"#)
    }
}

extension String {
    /// The key schema snippet with the second element's KeyType replaced.
    fileprivate func replacingSecondKeyType(_ keyType: String) -> String {
        var copy = self
        if let range = copy.firstRange(of: #""KeyType": "RANGE""#) {
            copy.replaceSubrange(range, with: #""KeyType": "\#(keyType)""#)
        }
        return copy
    }
}

struct TableNameTests {
    @Test("a logical ID too short to be a table name needs an explicit TableName")
    func shortLogicalID() {
        let json = #"""
            {"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST",
              "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}}}}
            """#
        #expect(
            loadError(json)
                == #"template.json: $.Resources.T.Properties.TableName: found nothing, expected a TableName, because "#
                + #"logical ID "T" is shorter than the 3 characters a table name needs"#)
    }
}
