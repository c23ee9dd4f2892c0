/// What a stream record carries besides the keys (a stream's `StreamViewType`).
public enum StreamViewType: String, Codable, Sendable, Hashable, CaseIterable {
    /// Only the key attributes.
    case keysOnly = "KEYS_ONLY"
    /// The item as it is after the change.
    case newImage = "NEW_IMAGE"
    /// The item as it was before the change.
    case oldImage = "OLD_IMAGE"
    /// Both images.
    case newAndOldImages = "NEW_AND_OLD_IMAGES"

    /// Whether a record of `eventName` carries `NewImage` (INSERT and MODIFY under NEW_IMAGE or NEW_AND_OLD_IMAGES).
    public func carriesNewImage(for eventName: StreamEventName) -> Bool {
        eventName != .remove && (self == .newImage || self == .newAndOldImages)
    }

    /// Whether a record of `eventName` carries `OldImage` (MODIFY and REMOVE under OLD_IMAGE or NEW_AND_OLD_IMAGES).
    public func carriesOldImage(for eventName: StreamEventName) -> Bool {
        eventName != .insert && (self == .oldImage || self == .newAndOldImages)
    }
}

/// The kind of change a stream record describes.
public enum StreamEventName: String, Codable, Sendable, Hashable, CaseIterable {
    /// A new item was added (also an UpdateItem that creates the item).
    case insert = "INSERT"
    /// An existing item changed.
    case modify = "MODIFY"
    /// An item was deleted (by a request or by TTL).
    case remove = "REMOVE"
}
