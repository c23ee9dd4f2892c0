import DynamoDBTypes
import Synchronization

/// The rows of each group as this process last wrote them, so the next message of a group can move them without
/// reading the group index first (one request per group instead of two).
///
/// A hint, never the truth: the move's conditions (every attribute as cached, nothing at the new key) refuse a stale
/// entry, which is then dropped and the rows are read from the index as without a cache. The process lives as long
/// as its execution environment (warm invocations share it, as on Lambda); at most ``capacity`` groups are kept.
public final class GroupRowCache: Sendable {
    /// How many groups are kept; past it the cache starts over.
    public static let capacity = 4096

    private let rows = Mutex<[String: [Item]]>([:])

    /// An empty cache.
    public init() {}

    /// The rows of `group` as last written, if known.
    func rows(of group: String) -> [Item]? {
        rows.withLock { $0[group] }
    }

    /// Remembers `groupRows` as the rows of `group`.
    func remember(_ groupRows: [Item], of group: String) {
        rows.withLock { rows in
            if rows[group] == nil, rows.count >= Self.capacity { rows.removeAll(keepingCapacity: true) }
            rows[group] = groupRows
        }
    }

    /// Forgets `group` (its entry was stale, or the rows were moved one by one).
    func forget(_ group: String) {
        _ = rows.withLock { $0.removeValue(forKey: group) }
    }
}
