/// A template value after intrinsic functions are applied; strings may still embed live stream ARNs.
enum Evaluated: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(TemplateString)
    case array([Evaluated])
    /// An object that is not an intrinsic function call, left as written.
    case object(JSONObject)

    /// How an error message shows this value (see `JSONValue.foundDescription`).
    var foundDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): JSONValue.string(value.description).foundDescription
        case .array(let elements): elements.isEmpty ? "an empty array" : "an array"
        case .object(let object): JSONValue.object(object).foundDescription
        }
    }

    /// Scalars as CloudFormation turns them into strings (`5`, `1.5`, `true`); nil for null, arrays and objects.
    var scalarString: TemplateString? {
        switch self {
        case .string(let value): value
        case .integer(let value): TemplateString(String(value))
        case .number(let value): TemplateString(value.jsonText)
        case .bool(let value): TemplateString(String(value))
        case .null, .array, .object: nil
        }
    }
}
