#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a function returned under a tumbling window: Lambda requires a `state` property (a JSON object); a
/// response without one is a failed invocation ("Using AWS Lambda with DynamoDB", tumbling windows).
enum TumblingWindowResponse: Equatable {
    /// The state to carry into the window's next invocation, as compact JSON text.
    case state([UInt8])
    /// No usable state: the invocation failed. The text says why.
    case invalid(String)

    /// Reads `payload`, a function's successful response.
    init(payload: [UInt8]) {
        let missing =
            "the response has no \"state\" object (with TumblingWindowInSeconds the function must return {\"state\": {…}})"
        guard let response = try? JSONDecoder().decode([String: JSONValue].self, from: Data(payload)) else {
            self = .invalid(missing)
            return
        }
        guard case .object = response["state"], let state = response["state"] else {
            self = .invalid(missing)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let bytes = try? encoder.encode(state) else {
            self = .invalid(missing)
            return
        }
        self = .state(Array(bytes))
    }
}

/// Any JSON value, kept to re-encode a function's `state` as it was.
private enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: NameKey.self) {
            var values: [String: JSONValue] = [:]
            for key in object.allKeys { values[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(values)
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? value.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let bool):
            var container = encoder.singleValueContainer()
            try container.encode(bool)
        case .integer(let integer):
            var container = encoder.singleValueContainer()
            try container.encode(integer)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let values):
            var container = encoder.container(keyedBy: NameKey.self)
            for (key, value) in values { try container.encode(value, forKey: NameKey(stringValue: key)) }
        }
    }
}
