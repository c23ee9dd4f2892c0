#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A DynamoDB attribute value in its wire form: exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL.
///
/// Numbers are kept as their decimal strings (never binary floating point) and binaries as raw bytes
/// (base64 on the wire), as DynamoDB's JSON protocol and stream records carry them.
public indirect enum AttributeValue: Sendable, Hashable {
    case s(String)
    case n(String)
    case b(Data)
    case ss([String])
    case ns([String])
    case bs([Data])
    case m([String: AttributeValue])
    case l([AttributeValue])
    case null
    case bool(Bool)

    /// The type descriptor DynamoDB uses for this value (`S`, `N`, `B`, `SS`, `NS`, `BS`, `M`, `L`, `NULL`, `BOOL`).
    public var typeDescriptor: String {
        switch self {
        case .s: "S"
        case .n: "N"
        case .b: "B"
        case .ss: "SS"
        case .ns: "NS"
        case .bs: "BS"
        case .m: "M"
        case .l: "L"
        case .null: "NULL"
        case .bool: "BOOL"
        }
    }
}

/// An item or key: attribute names mapped to values.
public typealias Item = [String: AttributeValue]
