import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A shard iterator: `<streamArn>|1|<opaque>`, the opaque part naming the position (read records
/// after this sequence counter), when the iterator was issued (they expire after 15 minutes) and the shard read.
struct ShardIterator: Equatable {
    static let lifetime: TimeInterval = 15 * 60

    var streamARN: String
    var shardID: String
    var after: Int64
    var issued: Date

    /// The iterator text.
    var text: String {
        let milliseconds = Int64((issued.timeIntervalSince1970 * 1000).rounded(.down))
        let opaque = Data("\(after)/\(milliseconds)/\(shardID)".utf8).base64EncodedString()
        return "\(streamARN)|1|\(opaque)"
    }

    init(streamARN: String, shardID: String, after: Int64, issued: Date) {
        self.streamARN = streamARN
        self.shardID = shardID
        self.after = after
        self.issued = issued
    }

    /// Parses an iterator this store issued.
    init(parsing text: String) throws(DynamoDBError) {
        let invalid = DynamoDBError.validation("Invalid ShardIterator: \"\(text)\"")
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "1", let data = Data(base64Encoded: String(parts[2])) else { throw invalid }
        let fields = String(decoding: data, as: UTF8.self).split(separator: "/")
        guard fields.count == 3, let after = Int64(fields[0]), let milliseconds = Int64(fields[1]) else {
            throw invalid
        }
        self.init(
            streamARN: String(parts[0]), shardID: String(fields[2]), after: after,
            issued: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
