import DynamoDBTypes

/// The FilterCriteria of a mapping: up to 5 patterns OR-ed; no patterns means every record passes.
public struct FilterCriteria: Sendable, Hashable {
    /// The most filters one mapping may have: AWS's default quota (it can be raised to 10 on request), as the
    /// template parser also enforces.
    public static let maximumFilters = 5

    /// The filters; a record passes when it matches any of them.
    public var patterns: [FilterPattern]

    /// Criteria that let every record through.
    public init() {
        patterns = []
    }

    /// Parses each pattern text (a JSON object).
    /// - Throws: ``FilterPatternError`` for more than ``maximumFilters`` patterns or the first invalid one,
    ///   with its index (`Filters[2]: …`).
    public init(patterns texts: [String]) throws(FilterPatternError) {
        guard texts.count <= Self.maximumFilters else {
            throw FilterPatternError(
                .tooManyFilters,
                "FilterCriteria has \(texts.count) filters; at most \(Self.maximumFilters) are allowed.")
        }
        var parsed: [FilterPattern] = []
        for (index, text) in texts.enumerated() {
            do {
                parsed.append(try FilterPattern(parsing: text))
            } catch {
                throw error.inFilter(index)
            }
        }
        patterns = parsed
    }

    /// Whether a record should be delivered: no patterns, or one that matches.
    public func matches(_ record: StreamRecord) -> Bool {
        patterns.isEmpty || matches(FilterDocument(record: record))
    }

    /// Whether `document` matches any pattern (or there are none).
    public func matches(_ document: FilterDocument) -> Bool {
        patterns.isEmpty || patterns.contains { $0.matches(document) }
    }
}
