import DynamoDBTypes
import Foundation

// The outputs that carry items, written by ItemJSONWriter: members in key order, absent ones omitted, exactly the
// bytes JSONEncoder writes with [.sortedKeys, .withoutEscapingSlashes] (WireOutputTests pins that).

extension QueryOutput {
    func writeFast() throws(DynamoDBError) -> Data? {
        try ItemPageJSON.write(
            items: items, count: count, scannedCount: scannedCount, lastEvaluatedKey: lastEvaluatedKey,
            consumedCapacity: consumedCapacity)
    }
}

extension ScanOutput {
    func writeFast() throws(DynamoDBError) -> Data? {
        try ItemPageJSON.write(
            items: items, count: count, scannedCount: scannedCount, lastEvaluatedKey: lastEvaluatedKey,
            consumedCapacity: consumedCapacity)
    }
}

extension GetItemOutput {
    func writeFast() throws(DynamoDBError) -> Data? {
        var object = JSONObjectWriter(capacity: 512)
        try object.member("ConsumedCapacity", consumedCapacity)
        object.member("Item", item)
        return object.finish()
    }
}

extension PutItemOutput {
    func writeFast() throws(DynamoDBError) -> Data? {
        try JSONObjectWriter.attributes(attributes, consumedCapacity: consumedCapacity)
    }
}

extension DeleteItemOutput {
    func writeFast() throws(DynamoDBError) -> Data? {
        try JSONObjectWriter.attributes(attributes, consumedCapacity: consumedCapacity)
    }
}

extension UpdateItemOutput {
    func writeFast() throws(DynamoDBError) -> Data? {
        try JSONObjectWriter.attributes(attributes, consumedCapacity: consumedCapacity)
    }
}

/// A Query or Scan page.
private enum ItemPageJSON {
    static func write(
        items: [Item]?, count: Int?, scannedCount: Int?, lastEvaluatedKey: Item?, consumedCapacity: ConsumedCapacity?
    ) throws(DynamoDBError) -> Data {
        var object = JSONObjectWriter(capacity: 256 + (items?.count ?? 0) * 256)
        try object.member("ConsumedCapacity", consumedCapacity)
        object.member("Count", count)
        if let items {
            object.key("Items")
            object.writer.append(items: items)
        }
        object.member("LastEvaluatedKey", lastEvaluatedKey)
        object.member("ScannedCount", scannedCount)
        return object.finish()
    }
}

/// One JSON object written member by member, in the order the caller gives (callers give keys sorted).
private struct JSONObjectWriter {
    var writer: ItemJSONWriter
    private var first = true

    init(capacity: Int) {
        writer = ItemJSONWriter(capacity: capacity)
        writer.appendRaw("{")
    }

    /// `{"Attributes"?, "ConsumedCapacity"?}`: PutItem's, DeleteItem's and UpdateItem's output.
    static func attributes(_ attributes: Item?, consumedCapacity: ConsumedCapacity?) throws(DynamoDBError) -> Data {
        var object = JSONObjectWriter(capacity: 64)
        object.member("Attributes", attributes)
        try object.member("ConsumedCapacity", consumedCapacity)
        return object.finish()
    }

    mutating func key(_ key: StaticString) {
        if !first { writer.appendRaw(",") }
        first = false
        writer.appendKey(key)
    }

    mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        writer.append(integer: value)
    }

    mutating func member(_ name: StaticString, _ item: Item?) {
        guard let item else { return }
        key(name)
        writer.append(item: item)
    }

    /// ConsumedCapacity (rare, and holds doubles) goes through JSONEncoder with the same settings.
    mutating func member(_ name: StaticString, _ capacity: ConsumedCapacity?) throws(DynamoDBError) {
        guard let capacity else { return }
        key(name)
        writer.appendRaw(bytes: try WireCoding.encode(capacity, sortedKeys: true))
    }

    consuming func finish() -> Data {
        writer.appendRaw("}")
        return Data(writer.bytes)
    }
}

extension TransactWriteItemsOutput {
    /// `{}` when no capacity was asked for (the usual answer, one per group a stream function moves); the capacity
    /// list is left to `JSONEncoder`.
    func writeFast() throws(DynamoDBError) -> Data? {
        consumedCapacity == nil ? Data("{}".utf8) : nil
    }
}
