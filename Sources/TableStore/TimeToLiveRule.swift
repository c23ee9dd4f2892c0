import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Which items Time to Live deletes, as AWS documents it: the TTL attribute holds a Number of epoch seconds
/// that is not in the future, and not more than five years in the past (older values are ignored, the item kept).
public enum TimeToLiveRule {
    /// How far back an expiry time is still honoured (AWS: five years).
    public static let maximumAge: TimeInterval = 5 * 365 * 24 * 60 * 60

    /// The expiry time (epoch seconds) an attribute value holds, or nil when it is not a Number.
    public static func expiry(of value: AttributeValue?) -> Double? {
        guard case .n(let text)? = value, let seconds = Double(text), seconds.isFinite else { return nil }
        return seconds
    }

    /// Whether an item whose TTL attribute is `value` is due for deletion at `now`.
    public static func isExpired(_ value: AttributeValue?, now: Date) -> Bool {
        guard let seconds = expiry(of: value) else { return false }
        return isDue(expiry: seconds, now: now)
    }

    /// Whether an expiry time (epoch seconds) is due at `now`: not in the future, not older than ``maximumAge``.
    public static func isDue(expiry seconds: Double, now: Date) -> Bool {
        let current = now.timeIntervalSince1970
        return seconds <= current && seconds >= current - maximumAge
    }
}
