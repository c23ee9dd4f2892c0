import DynamoDBTypes

/// DynamoDB's checks on a CreateTable request, each with DynamoDB's message.
enum CreateTableValidation {
    static let maximumGlobalIndexes = 20
    static let maximumLocalIndexes = 5

    /// Validates the request; throws the first ValidationException DynamoDB would give.
    static func validate(_ input: CreateTableInput) throws(DynamoDBError) {
        try validateTableName(input.tableName)
        guard let keySchema = input.keySchema else {
            throw .validation(
                "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null"
            )
        }
        let definitions = input.attributeDefinitions ?? []
        let tableKey = try validateKeySchema(keySchema, indexName: nil)
        let defined = Set(definitions.map(\.attributeName))
        if defined.count != definitions.count {
            throw .validation("Cannot have two attributes with the same name")
        }
        var used = Set(tableKey)
        let globals = input.globalSecondaryIndexes ?? []
        let locals = input.localSecondaryIndexes ?? []
        if globals.count > maximumGlobalIndexes {
            throw .validation(
                "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of \(maximumGlobalIndexes)"
            )
        }
        if locals.count > maximumLocalIndexes {
            throw .validation(
                "One or more parameter values were invalid: LocalSecondaryIndex count exceeds the per-table limit of \(maximumLocalIndexes)"
            )
        }
        var names = Set<String>()
        for index in globals {
            try validateIndexName(index.indexName, seen: &names)
            used.formUnion(try validateKeySchema(index.keySchema, indexName: index.indexName))
            try validateProjection(index.projection, indexName: index.indexName)
        }
        if !locals.isEmpty && keySchema.count < 2 {
            throw .validation(
                "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"
            )
        }
        for index in locals {
            try validateIndexName(index.indexName, seen: &names)
            let indexKey = try validateKeySchema(index.keySchema, indexName: index.indexName)
            if indexKey.count < 2 {
                throw .validation(
                    "One or more parameter values were invalid: Index KeySchema does not have a range key for index: \(index.indexName)"
                )
            }
            if indexKey.first != tableKey.first {
                throw .validation(
                    "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: \(index.indexName). index hash key: \(indexKey[0]), table hash key: \(tableKey[0])"
                )
            }
            used.formUnion(indexKey)
            try validateProjection(index.projection, indexName: index.indexName)
        }
        let missing = used.subtracting(defined)
        if !missing.isEmpty {
            throw .validation(
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [\(missing.sorted().joined(separator: ", "))], AttributeDefinitions: [\(definitions.map(\.attributeName).joined(separator: ", "))]"
            )
        }
        if used.count != defined.count {
            throw .validation(
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
            )
        }
        try validateBilling(input.billingMode, input.provisionedThroughput)
        try validateStream(input.streamSpecification)
    }

    static func validateTableName(_ name: String) throws(DynamoDBError) {
        if name.utf8.count < 3 || name.utf8.count > 255 {
            throw .validation(
                "1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: Member must have length \(name.utf8.count < 3 ? "greater than or equal to 3" : "less than or equal to 255")"
            )
        }
        if !name.unicodeScalars.allSatisfy(isNameCharacter) {
            throw .validation(
                "1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
            )
        }
    }

    /// Returns the key attribute names, HASH first.
    static func validateKeySchema(_ elements: [KeySchemaElement], indexName: String?) throws(DynamoDBError) -> [String]
    {
        let what = indexName.map { "Index KeySchema for index \($0)" } ?? "KeySchema"
        guard !elements.isEmpty, elements.count <= 2 else {
            throw .validation(
                "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have length \(elements.isEmpty ? "greater than or equal to 1" : "less than or equal to 2")"
            )
        }
        guard elements[0].keyType == .hash else {
            throw .validation("Invalid \(what): The first KeySchemaElement is not a HASH key type")
        }
        if elements.count == 2 {
            guard elements[1].keyType == .range else {
                throw .validation("Invalid \(what): The second KeySchemaElement is not a RANGE key type")
            }
            if elements[0].attributeName == elements[1].attributeName {
                throw .validation(
                    "Invalid \(what): Both the Hash Key and the Range Key element in the KeySchema have the same name")
            }
        }
        return elements.map(\.attributeName)
    }

    static func validateIndexName(_ name: String, seen: inout Set<String>) throws(DynamoDBError) {
        if name.utf8.count < 3 || name.utf8.count > 255 || !name.unicodeScalars.allSatisfy(isNameCharacter) {
            throw .validation(
                "1 validation error detected: Value '\(name)' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
            )
        }
        if !seen.insert(name).inserted {
            throw .validation("One or more parameter values were invalid: Duplicate index name: \(name)")
        }
    }

    static func validateProjection(_ projection: Projection, indexName: String) throws(DynamoDBError) {
        let type = projection.projectionType ?? .all
        let nonKey = projection.nonKeyAttributes ?? []
        if type == .include && nonKey.isEmpty {
            throw .validation(
                "One or more parameter values were invalid: NonKeyAttributes must be specified when ProjectionType is INCLUDE"
            )
        }
        if type != .include && projection.nonKeyAttributes != nil {
            throw .validation(
                "One or more parameter values were invalid: ProjectionType is \(type.rawValue), but NonKeyAttributes is specified"
            )
        }
    }

    static func validateBilling(_ mode: BillingMode?, _ throughput: ProvisionedThroughput?) throws(DynamoDBError) {
        switch mode ?? .provisioned {
        case .provisioned where throughput == nil:
            throw .validation(
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
            )
        case .payPerRequest where throughput != nil:
            throw .validation(
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
            )
        default: break
        }
    }

    static func validateStream(_ spec: StreamSpecification?) throws(DynamoDBError) {
        guard let spec else { return }
        if spec.streamEnabled && spec.streamViewType == nil {
            throw .validation("StreamSpecification: StreamViewType is required when StreamEnabled is true")
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "-": true
        default: false
        }
    }
}
