extension TemplateParser {
    static let dynamoDBEventKeys = [
        "BatchSize", "BisectBatchOnFunctionError", "DestinationConfig", "Enabled", "FilterCriteria",
        "FunctionResponseTypes", "KmsKeyArn", "MaximumBatchingWindowInSeconds", "MaximumRecordAgeInSeconds",
        "MaximumRetryAttempts", "MetricsConfig", "ParallelizationFactor", "StartingPosition",
        "StartingPositionTimestamp", "Stream", "TumblingWindowInSeconds",
    ]
    static let maximumFilters = 5
    static let maximumPatternLength = 4096

    /// Parses `Events`: `DynamoDB` events fully; other types are returned as skipped.
    func parseEvents(
        _ properties: PropertyReader, functionLogicalID: String
    ) throws(TemplateIssue) -> ([StreamEventDefinition], [Template.UnsupportedEvent]) {
        guard let events = try properties.object("Events") else { return ([], []) }
        var streamEvents: [StreamEventDefinition] = []
        var skipped: [Template.UnsupportedEvent] = []
        for (name, value) in events.object.pairs {
            let path = events.path.key(name)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(\.isASCIIAlphanumeric) else {
                throw .invalid(path, found: name.jsonQuoted, expected: "an event name of letters and digits only")
            }
            let event = try PropertyReader(value, at: path, evaluator: evaluator)
            try event.checkKeys(allowed: ["Properties", "Type"])
            guard case .string(let type)? = event.object["Type"] else {
                throw .invalid(
                    path.key("Type"), found: event.object["Type"]?.foundDescription ?? "nothing",
                    expected: "an event type such as DynamoDB")
            }
            if type == "DynamoDB" {
                let eventProperties = try event.require(
                    try event.object("Properties"), "Properties",
                    expected: "the event's properties with Stream and StartingPosition")
                streamEvents.append(try parseDynamoDBEvent(name: name, eventProperties))
            } else {
                skipped.append(.init(functionLogicalID: functionLogicalID, name: name, type: type))
            }
        }
        return (streamEvents, skipped)
    }

    /// Parses the properties of a `Type: DynamoDB` event with the ranges Lambda enforces.
    func parseDynamoDBEvent(name: String, _ properties: PropertyReader) throws(TemplateIssue) -> StreamEventDefinition {
        try properties.checkKeys(allowed: Self.dynamoDBEventKeys)
        if properties.object["StartingPositionTimestamp"] != nil {
            throw .invalid(
                properties.path.key("StartingPositionTimestamp"), found: "a StartingPositionTimestamp",
                expected: "no timestamp (DynamoDB streams start at TRIM_HORIZON or LATEST)")
        }
        let stream = try properties.require(
            try streamSource(properties), "Stream", expected: "the stream's ARN or {\"Fn::GetAtt\": [Table, StreamArn]}"
        )
        let startingPosition = try properties.require(
            try properties.choice("StartingPosition", StreamEventDefinition.StartingPosition.self), "StartingPosition",
            expected: "TRIM_HORIZON or LATEST")
        return StreamEventDefinition(
            name: name,
            stream: stream,
            startingPosition: startingPosition,
            batchSize: try properties.integer("BatchSize", in: 1...10000) ?? 100,
            maximumBatchingWindowInSeconds: try properties.integer("MaximumBatchingWindowInSeconds", in: 0...300) ?? 0,
            maximumRetryAttempts: try properties.integer("MaximumRetryAttempts", in: 0...10000, orSpecial: -1) ?? -1,
            maximumRecordAgeInSeconds: try properties.integer(
                "MaximumRecordAgeInSeconds", in: 60...604800, orSpecial: -1)
                ?? -1,
            bisectBatchOnFunctionError: try properties.bool("BisectBatchOnFunctionError") ?? false,
            parallelizationFactor: try properties.integer("ParallelizationFactor", in: 1...10) ?? 1,
            reportBatchItemFailures: try reportBatchItemFailures(properties),
            filters: try filters(properties),
            onFailure: try onFailure(properties),
            enabled: try properties.bool("Enabled") ?? true,
            tumblingWindowInSeconds: try properties.integer("TumblingWindowInSeconds", in: 0...900) ?? 0)
    }

    /// `Stream`: a table of this template (kept as a reference for the live ARN) or a literal stream ARN.
    private func streamSource(_ properties: PropertyReader) throws(TemplateIssue) -> StreamEventDefinition.StreamSource?
    {
        guard let value = properties.object["Stream"] else { return nil }
        let path = properties.path.key("Stream")
        if case .object(let object) = value, object.intrinsicFunctionName == "Fn::GetAtt",
            let argument = object["Fn::GetAtt"]
        {
            let (logicalID, attribute) = try evaluator.getAttTarget(argument, at: path.key("Fn::GetAtt"))
            guard case .table = symbols.resources[logicalID], attribute == "StreamArn" else {
                throw TemplateIssue(
                    code: symbols.resources[logicalID] == nil ? .unresolvedReference : .invalidValue,
                    path: path.key("Fn::GetAtt"), found: "\(logicalID).\(attribute)".jsonQuoted,
                    expected: "the StreamArn of an \(Self.tableType) in Resources")
            }
        }
        guard case .string(let string) = try evaluator.evaluate(value, at: path) else {
            throw .invalid(path, found: value.foundDescription, expected: "a stream ARN")
        }
        if string.parts.count == 1, case .streamARN(let reference) = string.parts[0] {
            return .table(reference)
        }
        let arn = string.resolved(streamARN: symbols.loadTimeStreamARN)
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", fields[2] == "dynamodb", fields[5].hasPrefix("table/"),
            fields[5].contains("/stream/")
        else {
            throw .invalid(
                path, found: arn.jsonQuoted,
                expected: "a stream ARN arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>")
        }
        return .arn(arn)
    }

    private func reportBatchItemFailures(_ properties: PropertyReader) throws(TemplateIssue) -> Bool {
        guard let value = try properties.evaluated("FunctionResponseTypes") else { return false }
        switch value {
        case .array(let elements) where elements.isEmpty:
            return false
        case .array(let elements)
        where elements.count == 1 && elements[0] == .string(TemplateString("ReportBatchItemFailures")):
            return true
        default:
            let found: String
            if case .array(let elements) = value {
                found = "[" + elements.map(\.foundDescription).joined(separator: ", ") + "]"
            } else {
                found = value.foundDescription
            }
            throw .invalid(
                properties.path.key("FunctionResponseTypes"), found: found, expected: "[] or [ReportBatchItemFailures]")
        }
    }

    private func filters(_ properties: PropertyReader) throws(TemplateIssue) -> [StreamEventDefinition.Filter] {
        guard let criteria = try properties.object("FilterCriteria") else { return [] }
        try criteria.checkKeys(allowed: ["Filters"])
        guard let filters = try criteria.array("Filters") else { return [] }
        guard filters.count <= Self.maximumFilters else {
            throw .invalid(
                criteria.path.key("Filters"), found: "\(filters.count) filters",
                expected: "at most \(Self.maximumFilters) filters")
        }
        var result: [StreamEventDefinition.Filter] = []
        for (value, path) in filters {
            let filter = try PropertyReader(value, at: path, evaluator: evaluator)
            try filter.checkKeys(allowed: ["Pattern"])
            let raw = try filter.require(
                try filter.string("Pattern"), "Pattern", expected: "an event pattern: a JSON object in a string")
            let patternPath = path.key("Pattern")
            guard raw.count <= Self.maximumPatternLength else {
                throw .invalid(
                    patternPath, found: "a pattern of \(raw.count) characters",
                    expected: "at most \(Self.maximumPatternLength) characters")
            }
            let parsed: JSONValue
            do {
                parsed = try JSONParser.parse(raw)
            } catch {
                throw .invalid(
                    patternPath,
                    found: "a pattern that is not JSON (at column \(error.column): found \(error.found), expected "
                        + "\(error.expected))",
                    expected: "a JSON object in a string")
            }
            guard case .object(let pattern) = parsed else {
                throw .invalid(patternPath, found: raw.jsonQuoted, expected: "a JSON object in a string")
            }
            result.append(.init(rawPattern: raw, pattern: pattern))
        }
        return result
    }

    private func onFailure(_ properties: PropertyReader) throws(TemplateIssue) -> StreamEventDefinition.OnFailure? {
        guard let config = try properties.object("DestinationConfig") else { return nil }
        try config.checkKeys(allowed: ["OnFailure"])
        guard let onFailure = try config.object("OnFailure") else { return nil }
        try onFailure.checkKeys(allowed: ["Destination", "Type"])
        let path = onFailure.path.key("Destination")
        guard let value = onFailure.object["Destination"] else {
            throw .missing(path, expected: "the ARN of an SQS queue, SNS topic or S3 bucket")
        }
        let destination: StreamEventDefinition.Destination
        if case .object(let object) = value, let function = object.intrinsicFunctionName,
            function == "Fn::GetAtt" || function == "Ref", let argument = object[function]
        {
            let (logicalID, attribute) =
                function == "Ref"
                ? (argument.stringValue ?? "", "Ref") : try evaluator.getAttTarget(argument, at: path.key(function))
            if symbols.resources[logicalID] != nil {
                destination = .resource(logicalID: logicalID, attribute: attribute)
            } else {
                destination = .arn(try destinationARN(value, at: path))
            }
        } else {
            destination = .arn(try destinationARN(value, at: path))
        }
        let type = try onFailure.choice("Type", StreamEventDefinition.DestinationType.self)
        return .init(destination: destination, type: type)
    }

    private func destinationARN(_ value: JSONValue, at path: JSONPath) throws(TemplateIssue) -> String {
        let evaluated = try evaluator.evaluate(value, at: path)
        guard case .string(let string) = evaluated else {
            throw .invalid(path, found: evaluated.foundDescription, expected: "an ARN")
        }
        let arn = string.resolved(streamARN: symbols.loadTimeStreamARN)
        guard arn.hasPrefix("arn:") else { throw .invalid(path, found: arn.jsonQuoted, expected: "an ARN") }
        return arn
    }
}
