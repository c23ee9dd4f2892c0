#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a JSON object could not be read as an ``AttributeValue``.
public struct AttributeValueDecodingError: Error, CustomStringConvertible, Sendable {
    /// What was wrong, naming the offending type key or value.
    public let description: String
}

extension AttributeValue: Codable {
    private struct TypeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { self.stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let keys = container.allKeys
        guard keys.count == 1, let key = keys.first else {
            let found = keys.map(\.stringValue).sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "Supplied AttributeValue has \(keys.isEmpty ? "no" : "more than one") datatype"
                        + (keys.isEmpty ? "" : " (\(found))")
                        + "; expected exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL"
                ))
        }
        switch key.stringValue {
        case "S": self = .s(try container.decode(String.self, forKey: key))
        case "N": self = .n(try container.decode(String.self, forKey: key))
        case "B": self = .b(try Self.decodeBase64(container.decode(String.self, forKey: key), key: key, decoder))
        case "SS": self = .ss(try container.decode([String].self, forKey: key))
        case "NS": self = .ns(try container.decode([String].self, forKey: key))
        case "BS":
            self = .bs(
                try container.decode([String].self, forKey: key).map { try Self.decodeBase64($0, key: key, decoder) })
        case "M": self = .m(try container.decode([String: AttributeValue].self, forKey: key))
        case "L": self = .l(try container.decode([AttributeValue].self, forKey: key))
        case "NULL":
            guard try container.decode(Bool.self, forKey: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "Null attribute value types must have the value of true")
            }
            self = .null
        case "BOOL": self = .bool(try container.decode(Bool.self, forKey: key))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription:
                    "Unknown AttributeValue type \"\(key.stringValue)\"; expected one of S, N, B, SS, NS, BS, M, L, NULL, BOOL"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        let key = TypeKey(typeDescriptor)
        switch self {
        case .s(let v), .n(let v): try container.encode(v, forKey: key)
        case .b(let v): try container.encode(v.base64EncodedString(), forKey: key)
        case .ss(let v), .ns(let v): try container.encode(v, forKey: key)
        case .bs(let v): try container.encode(v.map { $0.base64EncodedString() }, forKey: key)
        case .m(let v):
            // Sorted names make the output deterministic (Dictionary order differs between runs).
            var nested = container.nestedContainer(keyedBy: TypeKey.self, forKey: key)
            for (name, value) in v.sorted(by: { $0.key < $1.key }) {
                try nested.encode(value, forKey: TypeKey(name))
            }
        case .l(let v): try container.encode(v, forKey: key)
        case .null: try container.encode(true, forKey: key)
        case .bool(let v): try container.encode(v, forKey: key)
        }
    }

    private static func decodeBase64(_ text: String, key: TypeKey, _ decoder: any Decoder) throws -> Data {
        guard let bytes = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [key],
                    debugDescription: "Invalid base64 in \(key.stringValue) value"))
        }
        return bytes
    }
}
