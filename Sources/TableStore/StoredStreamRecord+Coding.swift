import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The stored form of stream records (binary, like items: JSON encoding was most of a stream's write cost).
///
/// Layout: format byte `1` (`2` for a Time to Live deletion, whose record carries ``UserIdentity/timeToLive``),
/// event name byte, view type byte, creation time (Float64 bits, big-endian),
/// the 32-character event id, then keys, new image and old image, each as a big-endian UInt32 length
/// (`0xFFFFFFFF` for an absent image) followed by its ``ItemCodec`` bytes.
extension StoredStreamRecord {
    private static let eventNames: [StreamEventName] = [.insert, .modify, .remove]
    private static let viewTypes: [StreamViewType] = [.keysOnly, .newImage, .oldImage, .newAndOldImages]
    private static let absent: UInt32 = .max

    /// The record's stored bytes.
    func encoded() -> Data {
        var out = Data([userIdentity == .timeToLive ? 2 : 1])
        out.append(UInt8(Self.eventNames.firstIndex(of: eventName) ?? 0))
        out.append(UInt8(Self.viewTypes.firstIndex(of: viewType) ?? 0))
        Self.append(created.timeIntervalSince1970.bitPattern, to: &out)
        out.append(contentsOf: eventID.utf8.prefix(32))
        for image in [keys, newItem, oldItem] {
            guard let image else {
                Self.append(UInt64(Self.absent), width: 4, to: &out)
                continue
            }
            let bytes = ItemCodec.encode(image)
            Self.append(UInt64(bytes.count), width: 4, to: &out)
            out.append(bytes)
        }
        return out
    }

    /// Reads a record written by ``encoded()``.
    init(decoding data: Data) throws {
        let bytes = [UInt8](data)
        var offset = 0
        func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, offset + count <= bytes.count else {
                throw ItemCodec.CodecError(message: "truncated stream record")
            }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }
        func integer(_ width: Int) throws -> UInt64 { try take(width).reduce(0) { $0 << 8 | UInt64($1) } }
        let format = try take(1).first
        guard format == 1 || format == 2 else { throw ItemCodec.CodecError(message: "unknown stream record format") }
        let eventIndex = Int(try take(1).first ?? 0)
        let viewIndex = Int(try take(1).first ?? 0)
        guard Self.eventNames.indices.contains(eventIndex), Self.viewTypes.indices.contains(viewIndex) else {
            throw ItemCodec.CodecError(message: "bad stream record tags")
        }
        let created = Date(timeIntervalSince1970: Double(bitPattern: try integer(8)))
        let eventID = String(decoding: try take(32), as: UTF8.self)
        var images: [Item?] = []
        for _ in 0..<3 {
            let length = try integer(4)
            if length == UInt64(Self.absent) {
                images.append(nil)
            } else {
                images.append(try ItemCodec.decode(Data(try take(Int(length)))))
            }
        }
        self.init(
            eventID: eventID, eventName: Self.eventNames[eventIndex], created: created, keys: images[0] ?? [:],
            newItem: images[1], oldItem: images[2], viewType: Self.viewTypes[viewIndex],
            userIdentity: format == 2 ? .timeToLive : nil)
    }

    private static func append(_ value: UInt64, width: Int = 8, to out: inout Data) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
