import DynamoDBTypes
import EventFilters

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// libFuzzer target: the filter-pattern compiler and matcher. The input up to its first line break is a pattern
/// (`FilterCriteria`'s `Pattern`), the rest a JSON document it is matched against (parsed with the same reader);
/// the pattern is also matched against a fixed stream record. A thrown ``FilterPatternError`` is an answer; a
/// crash, a hang or a trap is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilterPattern(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? count
    let patternText = String(decoding: bytes[..<split], as: UTF8.self)
    let documentText = String(decoding: bytes[min(split + 1, count)...], as: UTF8.self)
    let document = try? FilterDocument(parsingJSON: documentText)
    guard let pattern = try? FilterPattern(parsing: patternText) else { return 0 }
    if let document { _ = pattern.matches(document) }
    _ = pattern.matches(FuzzRecord.record)
    _ = try? FilterCriteria(patterns: [patternText, patternText])
    return 0
}

/// The stream record every compiled pattern is matched against.
enum FuzzRecord {
    static let record = StreamRecord(
        eventID: "1", eventName: .modify, eventVersion: "1.1", eventSource: "aws:dynamodb", awsRegion: "us-east-1",
        dynamodb: StreamRecordData(
            approximateCreationDateTime: Date(timeIntervalSince1970: 0), keys: ["pk": .s("p"), "sk": .n("3")],
            newImage: ["pk": .s("p"), "sk": .n("3"), "a": .l([.s("x"), .n("-2.5")]), "m": .m(["k": .bool(true)])],
            oldImage: ["pk": .s("p"), "sk": .n("3"), "z": .null],
            sequenceNumber: "100000000000000000001", sizeBytes: 40, streamViewType: .newAndOldImages),
        eventSourceARN: "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1970-01-01T00:00:00.000")
}
