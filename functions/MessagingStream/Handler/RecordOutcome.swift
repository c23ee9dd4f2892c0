/// What the handler did with one stream record; every case counts as success for the batch.
public enum RecordOutcome: Sendable, Hashable {
    /// Not a message insert (a MODIFY or REMOVE, or a key other than `MSG#…`); nothing to do.
    case ignored(reason: String)
    /// A later record of the same batch carries a message of the same group at least as new (the sequence number
    /// given); that record moves the rows, so this one writes nothing.
    case superseded(by: String)
    /// Neither the group index nor the sender's own partition (read consistently) holds a row of the group.
    case unknownGroup
    /// The group's rows were handled: `moved` rows now point at this message; `current` rows already pointed at
    /// it or at a later message (a duplicate, replay or older record) and were left unchanged.
    case updated(moved: Int, current: Int)

    /// The label in the record's log line.
    public var label: String {
        switch self {
        case .ignored: "ignored"
        case .superseded: "superseded"
        case .unknownGroup: "unknown-group"
        case .updated(let moved, _): moved > 0 ? "moved" : "current"
        }
    }
}

/// Why a record could not be processed; the handler reports its SequenceNumber in `batchItemFailures`.
///
/// Descriptions name keys and codes only, never the message text.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// An error described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
