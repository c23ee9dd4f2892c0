extension TemplateParser {
    static let eventInvokeConfigKeys = ["DestinationConfig", "MaximumEventAgeInSeconds", "MaximumRetryAttempts"]

    /// Reads and validates a function's `EventInvokeConfig` (SAM's property of `AWS::Serverless::Function`).
    func eventInvokeConfig(_ properties: PropertyReader) throws(TemplateIssue) -> EventInvokeConfig? {
        guard let config = try properties.object("EventInvokeConfig") else { return nil }
        try config.checkKeys(allowed: Self.eventInvokeConfigKeys)
        var result = EventInvokeConfig()
        if let retries = try config.integer("MaximumRetryAttempts", in: 0...2) { result.maximumRetryAttempts = retries }
        if let age = try config.integer("MaximumEventAgeInSeconds", in: 60...21_600) {
            result.maximumEventAgeInSeconds = age
        }
        if let destinations = try config.object("DestinationConfig") {
            try destinations.checkKeys(allowed: ["OnFailure", "OnSuccess"])
            result.onSuccess = try destination(destinations, "OnSuccess")
            result.onFailure = try destination(destinations, "OnFailure")
        }
        return result
    }

    private func destination(
        _ destinations: PropertyReader, _ key: String
    ) throws(TemplateIssue) -> EventInvokeConfig.Destination? {
        guard let target = try destinations.object(key) else { return nil }
        try target.checkKeys(allowed: ["Destination", "Type"])
        let kinds = EventInvokeConfig.Destination.Kind.allCases.map(\.rawValue)
        let kind = try target.require(
            try target.choice("Type", EventInvokeConfig.Destination.Kind.self, expected: alternatives(kinds)),
            "Type", expected: alternatives(kinds))
        let arn = try target.require(
            try target.string("Destination", expected: "an ARN (a string, Ref or Fn::GetAtt)"), "Destination",
            expected: "the target's ARN")
        guard arn.hasPrefix("arn:") else {
            throw .invalid(target.path.key("Destination"), found: arn.jsonQuoted, expected: "an ARN")
        }
        return EventInvokeConfig.Destination(kind: kind, arn: arn)
    }
}
