/// A template that cannot be loaded: names the file, the JSON path (or line and column), what was found and
/// what was expected.
///
/// Rendered as `template.json: $.Resources.Echo.Properties.Timeout: found 0, expected an integer from 1 to 900`,
/// or for malformed JSON as `template.json:3:9: found ']', expected a JSON value`.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The kind of problem; new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unreadableFile, malformedJSON, missingProperty, unknownProperty, invalidValue
            case unresolvedReference, unsupportedFeature
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The file could not be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// The file is not valid JSON.
        public static let malformedJSON = Code(.malformedJSON)
        /// A required property or parameter value is absent.
        public static let missingProperty = Code(.missingProperty)
        /// A property name that the resource type does not have (often a typo).
        public static let unknownProperty = Code(.unknownProperty)
        /// A value of the wrong type or out of range.
        public static let invalidValue = Code(.invalidValue)
        /// A `Ref`, `Fn::GetAtt` or `Fn::Sub` variable that names nothing in the template.
        public static let unresolvedReference = Code(.unresolvedReference)
        /// Valid CloudFormation that this emulator does not run (conditions, other runtimes, ...).
        public static let unsupportedFeature = Code(.unsupportedFeature)

        public var description: String { base.rawValue }
    }

    /// A 1-based line and column (columns count Unicode scalars) in the template text.
    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int

        /// Creates a position.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The kind of problem.
    public var code: Code
    /// The template file as the caller named it.
    public var file: String
    /// The JSON path of the offending value, such as `$.Resources.Echo.Properties.Timeout`; `$` for the document.
    public var path: String
    /// Where in the text the problem is, for malformed JSON only.
    public var position: Position?
    /// What the template holds there, such as `0`, `"python3.12"` or `nothing`.
    public var found: String
    /// What would have been accepted.
    public var expected: String

    /// Creates an error.
    public init(
        code: Code, file: String, path: String, position: Position? = nil, found: String, expected: String
    ) {
        self.code = code
        self.file = file
        self.path = path
        self.position = position
        self.found = found
        self.expected = expected
    }

    public var description: String {
        if let position {
            return "\(file):\(position.line):\(position.column): found \(found), expected \(expected)"
        }
        return "\(file): \(path): found \(found), expected \(expected)"
    }
}
