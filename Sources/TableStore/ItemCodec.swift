import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The stored form of items: a compact binary encoding (JSON decoding dominated Query time).
///
/// Layout: a format byte (`1`), then the attribute count and for each attribute its name and value.
/// Counts and lengths are LEB128 varints; strings are UTF-8; a value is a tag byte then its payload:
/// S/N/B length-prefixed bytes, SS/NS/BS a count of such, M like an item, L a count of values,
/// NULL nothing, BOOL the tag itself (false/true).
enum ItemCodec {
    private enum Tag: UInt8 {
        case s = 0, n, b, ss, ns, bs, m, l, null, boolFalse, boolTrue
    }

    static let formatVersion: UInt8 = 1

    /// Encodes an item.
    static func encode(_ item: Item) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(256)
        out.append(formatVersion)
        writeMap(item, into: &out)
        return Data(out)
    }

    /// Decodes an item written by ``encode(_:)``.
    static func decode(_ data: Data) throws -> Item {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws -> Item in
            var reader = Reader(buffer: buffer)
            guard try reader.byte() == formatVersion else { throw CodecError(message: "unknown item format") }
            return try reader.map()
        }
    }

    /// A stored item that cannot be decoded.
    struct CodecError: Error, CustomStringConvertible {
        var message: String
        var description: String { "Corrupt stored item: \(message)" }
    }

    private static func writeVarint(_ value: Int, into out: inout [UInt8]) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private static func writeBytes<C: Collection<UInt8>>(_ bytes: C, into out: inout [UInt8]) {
        writeVarint(bytes.count, into: &out)
        out.append(contentsOf: bytes)
    }

    private static func writeMap(_ map: [String: AttributeValue], into out: inout [UInt8]) {
        writeVarint(map.count, into: &out)
        for (name, value) in map {
            writeBytes(name.utf8, into: &out)
            write(value, into: &out)
        }
    }

    private static func write(_ value: AttributeValue, into out: inout [UInt8]) {
        switch value {
        case .s(let text):
            out.append(Tag.s.rawValue)
            writeBytes(text.utf8, into: &out)
        case .n(let text):
            out.append(Tag.n.rawValue)
            writeBytes(text.utf8, into: &out)
        case .b(let data):
            out.append(Tag.b.rawValue)
            writeBytes(data, into: &out)
        case .ss(let texts), .ns(let texts):
            out.append((value.typeDescriptor == "SS" ? Tag.ss : Tag.ns).rawValue)
            writeVarint(texts.count, into: &out)
            for text in texts { writeBytes(text.utf8, into: &out) }
        case .bs(let blobs):
            out.append(Tag.bs.rawValue)
            writeVarint(blobs.count, into: &out)
            for blob in blobs { writeBytes(blob, into: &out) }
        case .m(let map):
            out.append(Tag.m.rawValue)
            writeMap(map, into: &out)
        case .l(let list):
            out.append(Tag.l.rawValue)
            writeVarint(list.count, into: &out)
            for element in list { write(element, into: &out) }
        case .null: out.append(Tag.null.rawValue)
        case .bool(let flag): out.append((flag ? Tag.boolTrue : Tag.boolFalse).rawValue)
        }
    }

    private struct Reader {
        let buffer: UnsafeRawBufferPointer
        var offset = 0

        init(buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

        mutating func byte() throws -> UInt8 {
            guard offset < buffer.count else { throw CodecError(message: "truncated") }
            defer { offset += 1 }
            return buffer[offset]
        }

        mutating func varint() throws -> Int {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return Int(result) }
                shift += 7
                if shift > 63 { throw CodecError(message: "bad length") }
            }
        }

        mutating func bytes() throws -> UnsafeRawBufferPointer {
            let count = try varint()
            guard count <= buffer.count - offset else { throw CodecError(message: "truncated") }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
        }

        mutating func string() throws -> String { String(decoding: try bytes(), as: UTF8.self) }

        mutating func data() throws -> Data { Data(try bytes()) }

        mutating func map() throws -> [String: AttributeValue] {
            let count = try varint()
            var result = [String: AttributeValue](minimumCapacity: count)
            for _ in 0..<count {
                let name = try string()
                result[name] = try value()
            }
            return result
        }

        mutating func value() throws -> AttributeValue {
            guard let tag = Tag(rawValue: try byte()) else { throw CodecError(message: "unknown tag") }
            switch tag {
            case .s: return .s(try string())
            case .n: return .n(try string())
            case .b: return .b(try data())
            case .ss, .ns:
                let count = try varint()
                var texts: [String] = []
                texts.reserveCapacity(count)
                for _ in 0..<count { texts.append(try string()) }
                return tag == .ss ? .ss(texts) : .ns(texts)
            case .bs:
                let count = try varint()
                var blobs: [Data] = []
                blobs.reserveCapacity(count)
                for _ in 0..<count { blobs.append(try data()) }
                return .bs(blobs)
            case .m: return .m(try map())
            case .l:
                let count = try varint()
                var list: [AttributeValue] = []
                list.reserveCapacity(count)
                for _ in 0..<count { list.append(try value()) }
                return .l(list)
            case .null: return .null
            case .boolFalse: return .bool(false)
            case .boolTrue: return .bool(true)
            }
        }
    }
}
