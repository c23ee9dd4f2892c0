import DynamoDBExpressions
import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The encoded sort-key range a Query's key condition selects, as SQL bounds on a BLOB column.
enum KeyRange {
    /// SQL bounds on an encoded sort-key column: `(lower, lowerInclusive)` and `(upper, upperInclusive)`.
    struct Bounds: Equatable {
        var lower: (Data, Bool)?
        var upper: (Data, Bool)?

        static func == (a: Bounds, b: Bounds) -> Bool {
            a.lower?.0 == b.lower?.0 && a.lower?.1 == b.lower?.1 && a.upper?.0 == b.upper?.0 && a.upper?.1 == b.upper?.1
        }
    }

    /// The encoded bounds of a sort key condition (no condition: unbounded).
    static func bounds(_ condition: SortKeyCondition?) throws(DynamoDBError) -> Bounds {
        guard let condition else { return Bounds() }
        let name = condition.attributeName
        func encode(_ value: AttributeValue) throws(DynamoDBError) -> Data {
            try KeyShape.encode(value, name: name)
        }
        switch condition.comparison {
        case .equal(let value):
            let data = try encode(value)
            return Bounds(lower: (data, true), upper: (data, true))
        case .less(let value): return Bounds(upper: (try encode(value), false))
        case .lessOrEqual(let value): return Bounds(upper: (try encode(value), true))
        case .greater(let value): return Bounds(lower: (try encode(value), false))
        case .greaterOrEqual(let value): return Bounds(lower: (try encode(value), true))
        case .between(let low, let high):
            let (lower, upper) = (try encode(low), try encode(high))
            if lower.lexicographicallyPrecedes(upper) == false && lower != upper {
                throw .validation(
                    "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {\(low.typeDescriptor):\(Self.text(low))}, upper bound operand: AttributeValue: {\(high.typeDescriptor):\(Self.text(high))}"
                )
            }
            return Bounds(lower: (lower, true), upper: (upper, true))
        case .beginsWith(let prefix):
            // S and B encode as their raw bytes, so a prefix is a byte range [prefix, successor).
            let data: Data
            switch prefix {
            case .s(let string): data = Data(string.utf8)
            case .b(let bytes): data = bytes
            default:
                throw .validation(
                    "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: \(prefix.typeDescriptor)"
                )
            }
            return Bounds(lower: (data, true), upper: Self.successor(of: data).map { ($0, false) })
        }
    }

    /// The smallest byte string greater than every string with this prefix; nil if none (all 0xFF).
    static func successor(of prefix: Data) -> Data? {
        var bytes = Array(prefix)
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return Data(bytes)
            }
            bytes.removeLast()
        }
        return nil
    }

    private static func text(_ value: AttributeValue) -> String {
        switch value {
        case .s(let text), .n(let text): text
        case .b(let data): data.base64EncodedString()
        default: ""
        }
    }
}
