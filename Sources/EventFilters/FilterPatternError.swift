/// Why a filter pattern (or a JSON document for matching) was rejected.
///
/// The description starts with AWS's `Invalid filter pattern definition.` and then says where and what,
/// e.g. `Invalid filter pattern definition. Filters[2]: At "dynamodb.Keys.pk.S[0]": "prefix" needs a string,
/// found 5.`
public struct FilterPatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; compare with the static members (`.invalidJSON`, `.invalidOperand`, ...).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidJSON, notAnObject, invalidField, emptyObject, emptyMatcherList, unknownOperator
            case unsupportedOperator, invalidOperand, invalidNumericRange, patternTooLong, tooManyFilters
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not valid JSON.
        public static let invalidJSON = Code(.invalidJSON)
        /// The pattern is not a JSON object.
        public static let notAnObject = Code(.notAnObject)
        /// A field's value is neither an object nor an array of matchers.
        public static let invalidField = Code(.invalidField)
        /// An object with no fields.
        public static let emptyObject = Code(.emptyObject)
        /// A field with an empty array of matchers.
        public static let emptyMatcherList = Code(.emptyMatcherList)
        /// A matcher object names an operator no EventBridge pattern knows.
        public static let unknownOperator = Code(.unknownOperator)
        /// An EventBridge operator Lambda event filtering does not accept here (`wildcard`, `$or`, `cidr`).
        public static let unsupportedOperator = Code(.unsupportedOperator)
        /// An operator's operand has the wrong type or shape.
        public static let invalidOperand = Code(.invalidOperand)
        /// A `numeric` matcher with a bad operator sequence or bounds.
        public static let invalidNumericRange = Code(.invalidNumericRange)
        /// The pattern text is longer than ``FilterPattern/maximumLength``.
        public static let patternTooLong = Code(.patternTooLong)
        /// More filters than ``FilterCriteria/maximumFilters``.
        public static let tooManyFilters = Code(.tooManyFilters)

        /// The code's name, e.g. `invalidOperand`.
        public var description: String { base.rawValue }
    }

    /// AWS's message for every rejected filter pattern; each description starts with it.
    public static let awsMessage = "Invalid filter pattern definition."

    /// What kind of problem this is.
    public let code: Code
    /// The index of the pattern in `FilterCriteria.Filters`, when known.
    public var filterIndex: Int?
    /// The JSON path of the offending field and matcher (`dynamodb.Keys.pk.S[0]`), when there is one.
    public let path: String?
    /// What was wrong and what was found, as a sentence.
    public let detail: String

    /// An error of `code` at `path` explained by `detail`.
    public init(_ code: Code, at path: String? = nil, _ detail: String, filterIndex: Int? = nil) {
        self.code = code
        self.path = path
        self.detail = detail
        self.filterIndex = filterIndex
    }

    /// `Invalid filter pattern definition.` then `Filters[i]:`, `At "path":` when known, and the detail.
    public var description: String {
        var text = Self.awsMessage
        if let filterIndex { text += " Filters[\(filterIndex)]:" }
        if let path { text += " At \"\(path)\":" }
        return text + " " + detail
    }

    /// This error as the `filterIndex`-th pattern of a `FilterCriteria`.
    func inFilter(_ index: Int) -> FilterPatternError {
        var copy = self
        copy.filterIndex = index
        return copy
    }
}
