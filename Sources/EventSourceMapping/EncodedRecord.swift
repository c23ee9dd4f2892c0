import DynamoDBTypes

/// A record with its JSON bytes, encoded once however often the record is retried or re-split.
struct EncodedRecord: Sendable {
    var record: StreamRecord
    var sequenceNumber: SequenceNumber
    var json: [UInt8]

    /// Encodes `record` in AWS's field order, naming `streamARN` as its source if the record does not.
    init(_ record: StreamRecord, streamARN: String) throws {
        var record = record
        if record.eventSourceARN == nil { record.eventSourceARN = streamARN }
        self.record = record
        self.sequenceNumber = try SequenceNumber(record.dynamodb.sequenceNumber)
        self.json = record.jsonBytes()
    }

    /// `{"Records":[…]}` of `records`, byte for byte what the function receives.
    static func payload(_ records: some Collection<EncodedRecord>) -> [UInt8] {
        var bytes = Array(#"{"Records":["#.utf8)
        bytes.reserveCapacity(records.reduce(16) { $0 + $1.json.count + 1 })
        for (index, record) in records.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: record.json)
        }
        bytes.append(contentsOf: "]}".utf8)
        return bytes
    }

    /// The size of ``payload(_:)`` without building it.
    static func payloadSize(_ records: some Collection<EncodedRecord>) -> Int {
        records.reduce(14 + max(records.count - 1, 0)) { $0 + $1.json.count }
    }
}
