extension TemplateParser {
    static let tableKeys = [
        "AttributeDefinitions", "BillingMode", "ContributorInsightsSpecification", "DeletionProtectionEnabled",
        "GlobalSecondaryIndexes", "ImportSourceSpecification", "KeySchema", "KinesisStreamSpecification",
        "LocalSecondaryIndexes", "OnDemandThroughput", "PointInTimeRecoverySpecification", "ProvisionedThroughput",
        "ResourcePolicy", "SSESpecification", "StreamSpecification", "TableClass", "TableName", "Tags",
        "TimeToLiveSpecification", "WarmThroughput",
    ]
    static let maximumGlobalIndexes = 20
    static let maximumLocalIndexes = 5

    /// Parses one table the way CloudFormation and DynamoDB validate it.
    func parseTable(_ resource: Resource) throws(TemplateIssue) -> TableDefinition {
        let properties = try PropertyReader(resource.properties, at: resource.path, evaluator: evaluator)
        try properties.checkKeys(allowed: Self.tableKeys)
        var tableName = resource.logicalID
        if case .table(let name, _) = symbols.resources[resource.logicalID] { tableName = name }

        let definitions = try attributeDefinitions(properties)
        var used: Set<String> = []
        let keySchema = try properties.require(
            try keySchema(properties, "KeySchema", definitions: definitions, used: &used), "KeySchema",
            expected: "a key schema: a HASH element and an optional RANGE element")
        let billingMode = try properties.choice("BillingMode", TableDefinition.BillingMode.self) ?? .provisioned
        let throughput = try provisionedThroughput(properties, billingMode: billingMode, what: "the table")

        var indexNames: Set<String> = []
        var globalIndexes: [TableDefinition.SecondaryIndex] = []
        if let elements = try properties.array("GlobalSecondaryIndexes") {
            guard elements.count <= Self.maximumGlobalIndexes else {
                throw .invalid(
                    properties.path.key("GlobalSecondaryIndexes"), found: "\(elements.count) indexes",
                    expected: "at most \(Self.maximumGlobalIndexes) global secondary indexes")
            }
            for (value, path) in elements {
                let reader = try PropertyReader(value, at: path, evaluator: evaluator)
                let index = try secondaryIndex(
                    reader, isGlobal: true, definitions: definitions, used: &used, names: &indexNames,
                    billingMode: billingMode)
                globalIndexes.append(index)
            }
        }
        var localIndexes: [TableDefinition.SecondaryIndex] = []
        if let elements = try properties.array("LocalSecondaryIndexes") {
            guard elements.count <= Self.maximumLocalIndexes else {
                throw .invalid(
                    properties.path.key("LocalSecondaryIndexes"), found: "\(elements.count) indexes",
                    expected: "at most \(Self.maximumLocalIndexes) local secondary indexes")
            }
            for (value, path) in elements {
                let reader = try PropertyReader(value, at: path, evaluator: evaluator)
                let index = try secondaryIndex(
                    reader, isGlobal: false, definitions: definitions, used: &used, names: &indexNames,
                    billingMode: billingMode)
                guard index.keySchema.partitionKey == keySchema.partitionKey, keySchema.sortKey != nil else {
                    throw .invalid(
                        reader.path.key("KeySchema"),
                        found: "partition key \(index.keySchema.partitionKey.jsonQuoted)",
                        expected: keySchema.sortKey == nil
                            ? "no local indexes on a table without a RANGE key"
                            : "the table's partition key \(keySchema.partitionKey.jsonQuoted)")
                }
                localIndexes.append(index)
            }
        }
        // CloudFormation rejects definitions that no key schema uses.
        for (index, definition) in definitions.enumerated() where !used.contains(definition.name) {
            throw .invalid(
                properties.path.key("AttributeDefinitions").index(index),
                found: "attribute \(definition.name.jsonQuoted), which no key schema uses",
                expected: "definitions only for the table's and indexes' key attributes")
        }

        var streamViewType: TableDefinition.StreamViewType?
        if let stream = try properties.object("StreamSpecification") {
            try stream.checkKeys(allowed: ["ResourcePolicy", "StreamViewType"])
            streamViewType = try stream.require(
                try stream.choice("StreamViewType", TableDefinition.StreamViewType.self), "StreamViewType",
                expected: "one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES")
        }
        return TableDefinition(
            logicalID: resource.logicalID, tableName: tableName, attributeDefinitions: definitions,
            keySchema: keySchema, globalSecondaryIndexes: globalIndexes, localSecondaryIndexes: localIndexes,
            streamViewType: streamViewType, billingMode: billingMode, provisionedThroughput: throughput,
            timeToLive: try timeToLive(properties))
    }

    private func attributeDefinitions(
        _ properties: PropertyReader
    ) throws(TemplateIssue) -> [TableDefinition.AttributeDefinition] {
        let elements = try properties.require(
            try properties.array("AttributeDefinitions"), "AttributeDefinitions",
            expected: "definitions of the key attributes")
        var definitions: [TableDefinition.AttributeDefinition] = []
        for (value, path) in elements {
            let reader = try PropertyReader(value, at: path, evaluator: evaluator)
            try reader.checkKeys(allowed: ["AttributeName", "AttributeType"])
            let name = try reader.require(
                try reader.string("AttributeName"), "AttributeName", expected: "an attribute name")
            guard (1...255).contains(name.utf8.count) else {
                throw .invalid(reader.path.key("AttributeName"), found: name.jsonQuoted, expected: "1 to 255 bytes")
            }
            guard !definitions.contains(where: { $0.name == name }) else {
                throw .invalid(
                    reader.path.key("AttributeName"), found: "a second definition of \(name.jsonQuoted)",
                    expected: "each attribute defined once")
            }
            let type = try reader.require(
                try reader.choice("AttributeType", TableDefinition.AttributeType.self, expected: "S, N or B"),
                "AttributeType",
                expected: "S, N or B")
            definitions.append(.init(name: name, type: type))
        }
        return definitions
    }

    /// A `KeySchema`: HASH first, then an optional RANGE, each attribute defined in `AttributeDefinitions`.
    private func keySchema(
        _ owner: PropertyReader, _ key: String, definitions: [TableDefinition.AttributeDefinition],
        used: inout Set<String>
    ) throws(TemplateIssue) -> TableDefinition.KeySchema? {
        guard let elements = try owner.array(key) else { return nil }
        let path = owner.path.key(key)
        guard (1...2).contains(elements.count) else {
            throw .invalid(
                path, found: "\(elements.count) key elements", expected: "a HASH element and an optional RANGE element")
        }
        var names: [String] = []
        for (position, (value, elementPath)) in elements.enumerated() {
            let reader = try PropertyReader(value, at: elementPath, evaluator: evaluator)
            try reader.checkKeys(allowed: ["AttributeName", "KeyType"])
            let name = try reader.require(
                try reader.string("AttributeName"), "AttributeName", expected: "a key attribute name")
            let expectedType = position == 0 ? "HASH" : "RANGE"
            let keyType = try reader.require(try reader.evaluated("KeyType"), "KeyType", expected: expectedType)
            guard keyType == .string(TemplateString(expectedType)) else {
                throw .invalid(
                    reader.path.key("KeyType"), found: keyType.foundDescription,
                    expected: position == 0 ? "HASH (the first element is the partition key)" : "RANGE")
            }
            guard definitions.contains(where: { $0.name == name }) else {
                throw .invalid(
                    reader.path.key("AttributeName"), found: name.jsonQuoted,
                    expected: "an attribute defined in AttributeDefinitions ("
                        + definitions.map(\.name).joined(separator: ", ") + ")")
            }
            if names.contains(name) {
                throw .invalid(
                    reader.path.key("AttributeName"), found: name.jsonQuoted,
                    expected: "a sort key different from the partition key")
            }
            names.append(name)
            used.insert(name)
        }
        return .init(partitionKey: names[0], sortKey: names.count > 1 ? names[1] : nil)
    }

    private func secondaryIndex(
        _ reader: PropertyReader, isGlobal: Bool, definitions: [TableDefinition.AttributeDefinition],
        used: inout Set<String>, names: inout Set<String>, billingMode: TableDefinition.BillingMode
    ) throws(TemplateIssue) -> TableDefinition.SecondaryIndex {
        var allowed = ["IndexName", "KeySchema", "Projection"]
        if isGlobal {
            allowed += [
                "ContributorInsightsSpecification", "OnDemandThroughput", "ProvisionedThroughput", "WarmThroughput",
            ]
        }
        try reader.checkKeys(allowed: allowed)
        let name = try reader.require(try reader.string("IndexName"), "IndexName", expected: "an index name")
        try Self.checkTableName(name, at: reader.path.key("IndexName"))
        guard names.insert(name).inserted else {
            throw .invalid(
                reader.path.key("IndexName"), found: name.jsonQuoted,
                expected: "a name no other index of the table uses")
        }
        let keySchema = try reader.require(
            try keySchema(reader, "KeySchema", definitions: definitions, used: &used), "KeySchema",
            expected: "a key schema: a HASH element and an optional RANGE element")
        if !isGlobal, keySchema.sortKey == nil {
            throw .invalid(
                reader.path.key("KeySchema"), found: "no RANGE element",
                expected: "a HASH and a RANGE element (a local index needs a sort key)")
        }
        let projection = try reader.require(
            try self.projection(reader), "Projection", expected: "a Projection with a ProjectionType")
        let throughput = isGlobal ? try provisionedThroughput(reader, billingMode: billingMode, what: "the index") : nil
        return .init(name: name, keySchema: keySchema, projection: projection, provisionedThroughput: throughput)
    }

    private func projection(_ owner: PropertyReader) throws(TemplateIssue) -> TableDefinition.Projection? {
        guard let reader = try owner.object("Projection") else { return nil }
        try reader.checkKeys(allowed: ["NonKeyAttributes", "ProjectionType"])
        let type = try reader.require(
            try reader.string("ProjectionType", expected: "ALL, KEYS_ONLY or INCLUDE"), "ProjectionType",
            expected: "ALL, KEYS_ONLY or INCLUDE")
        let attributes = try reader.array("NonKeyAttributes")
        switch type {
        case "ALL", "KEYS_ONLY":
            if let attributes, !attributes.isEmpty {
                throw .invalid(
                    reader.path.key("NonKeyAttributes"),
                    found: "\(attributes.count) attributes with ProjectionType \(type)",
                    expected: "NonKeyAttributes only with ProjectionType INCLUDE")
            }
            return type == "ALL" ? .all : .keysOnly
        case "INCLUDE":
            let elements = try reader.require(
                attributes, "NonKeyAttributes", expected: "the attributes an INCLUDE projection copies")
            var names: [String] = []
            for (value, path) in elements {
                guard case .string(let name) = try evaluator.evaluate(value, at: path), let text = name.literal else {
                    throw .invalid(path, found: value.foundDescription, expected: "an attribute name")
                }
                names.append(text)
            }
            guard !names.isEmpty else {
                throw .invalid(
                    reader.path.key("NonKeyAttributes"), found: "an empty array",
                    expected: "at least one attribute for an INCLUDE projection")
            }
            return .include(names)
        default:
            throw .invalid(
                reader.path.key("ProjectionType"), found: type.jsonQuoted, expected: "ALL, KEYS_ONLY or INCLUDE")
        }
    }

    /// Required with `PROVISIONED` billing, refused with `PAY_PER_REQUEST`.
    private func provisionedThroughput(
        _ owner: PropertyReader, billingMode: TableDefinition.BillingMode, what: String
    ) throws(TemplateIssue) -> TableDefinition.ProvisionedThroughput? {
        let path = owner.path.key("ProvisionedThroughput")
        switch (billingMode, try owner.object("ProvisionedThroughput")) {
        case (.payPerRequest, nil):
            return nil
        case (.payPerRequest, _?):
            throw .invalid(
                path, found: "ProvisionedThroughput with BillingMode PAY_PER_REQUEST",
                expected: "no ProvisionedThroughput unless BillingMode is PROVISIONED")
        case (.provisioned, nil):
            throw .missing(
                path, expected: "ReadCapacityUnits and WriteCapacityUnits for \(what) (BillingMode is PROVISIONED)")
        case (.provisioned, let reader?):
            try reader.checkKeys(allowed: ["ReadCapacityUnits", "WriteCapacityUnits"])
            let read = try reader.require(
                try reader.integer("ReadCapacityUnits", atLeast: 1), "ReadCapacityUnits",
                expected: "an integer of at least 1")
            let write = try reader.require(
                try reader.integer("WriteCapacityUnits", atLeast: 1), "WriteCapacityUnits",
                expected: "an integer of at least 1")
            return .init(readCapacityUnits: read, writeCapacityUnits: write)
        }
    }

    private func timeToLive(_ properties: PropertyReader) throws(TemplateIssue) -> TableDefinition.TimeToLive? {
        guard let reader = try properties.object("TimeToLiveSpecification") else { return nil }
        try reader.checkKeys(allowed: ["AttributeName", "Enabled"])
        let enabled = try reader.require(try reader.bool("Enabled"), "Enabled", expected: "true or false")
        let name = try reader.string("AttributeName")
        if enabled, name == nil {
            throw .missing(reader.path.key("AttributeName"), expected: "the TTL attribute's name when Enabled is true")
        }
        return .init(attributeName: name, enabled: enabled)
    }
}
