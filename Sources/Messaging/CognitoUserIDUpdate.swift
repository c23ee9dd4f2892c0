/// What `update-cognito-user-ids` does to the users table: each row whose handle is a pool user's
/// `preferred_username` gets that user's `sub` as `cognito_user_id`.
///
/// Planned from every pool user and the current rows before anything is written, so the update can run as one
/// transaction and the report can say what changed, what matched nothing and what was already current.
public struct CognitoUserIDUpdate: Sendable, Hashable {
    /// A row whose `cognito_user_id` changes.
    public struct Change: Sendable, Hashable {
        /// The row's handle.
        public var handle: String
        /// The id it held (`MOCK` after `db seed`).
        public var from: String
        /// The pool user's `sub`.
        public var to: String

        /// Creates a change.
        public init(handle: String, from: String, to: String) {
            self.handle = handle
            self.from = from
            self.to = to
        }
    }

    /// A pool user that cannot name a row.
    public struct Skipped: Sendable, Hashable {
        /// The pool's `Username`.
        public var username: String
        /// Why: no `preferred_username`, or no `sub`.
        public var reason: String

        /// Creates a skipped user.
        public init(username: String, reason: String) {
            self.username = username
            self.reason = reason
        }
    }

    /// Rows to change, by handle.
    public var changes: [Change]
    /// Handles whose row already holds the pool user's `sub`.
    public var alreadyCurrent: [String]
    /// Pool users whose `preferred_username` is no row's handle.
    public var unmatched: [PoolUser]
    /// Pool users without a `preferred_username` or a `sub`.
    public var skipped: [Skipped]
    /// Handles of rows that no pool user names (left as they are).
    public var rowsWithoutPoolUser: [String]

    /// Plans the update of `rows` (handle → current `cognito_user_id`) from `poolUsers`.
    ///
    /// - Throws: ``MessagingError`` `.invalidUsers` when two pool users have the same `preferred_username` (the
    ///   message names the handle and both usernames): which `sub` belongs to the row cannot be told, so nothing
    ///   is planned.
    public init(poolUsers: [PoolUser], rows: [String: String]) throws(MessagingError) {
        var byHandle: [String: PoolUser] = [:]
        var skipped: [Skipped] = []
        for user in poolUsers {
            guard let handle = user.preferredUsername, !handle.isEmpty else {
                skipped.append(Skipped(username: user.username, reason: "no preferred_username"))
                continue
            }
            guard user.sub?.isEmpty == false else {
                skipped.append(Skipped(username: user.username, reason: "no sub"))
                continue
            }
            if let other = byHandle[handle] {
                throw MessagingError(
                    .invalidUsers,
                    "Cognito users \"\(other.username)\" and \"\(user.username)\" both have preferred_username "
                        + "\"\(handle)\"; nothing was updated")
            }
            byHandle[handle] = user
        }
        var changes: [Change] = []
        var alreadyCurrent: [String] = []
        var unmatched: [PoolUser] = []
        for (handle, user) in byHandle.sorted(by: { $0.key < $1.key }) {
            let sub = user.sub ?? ""
            switch rows[handle] {
            case nil: unmatched.append(user)
            case sub: alreadyCurrent.append(handle)
            case let current?: changes.append(Change(handle: handle, from: current, to: sub))
            }
        }
        self.changes = changes
        self.alreadyCurrent = alreadyCurrent
        self.unmatched = unmatched
        self.skipped = skipped.sorted { $0.username < $1.username }
        self.rowsWithoutPoolUser = rows.keys.filter { byHandle[$0] == nil }.sorted()
    }

    /// The report `update-cognito-user-ids` prints: one line per row changed, row already current, pool user
    /// matching no row, pool user skipped and row no pool user names, then a summary line.
    public var report: [String] {
        changes.map { "updated \($0.handle): \($0.from) -> \($0.to)" }
            + alreadyCurrent.map { "already current \($0)" }
            + unmatched.map {
                "no row for Cognito user \"\($0.username)\" (preferred_username \"\($0.preferredUsername ?? "")\")"
            }
            + skipped.map { "skipped Cognito user \"\($0.username)\": \($0.reason)" }
            + rowsWithoutPoolUser.map { "no Cognito user for row \($0)" }
            + [
                "\(changes.count) updated, \(alreadyCurrent.count) already current, \(unmatched.count) Cognito users "
                    + "matched no row, \(skipped.count) skipped, \(rowsWithoutPoolUser.count) rows without a "
                    + "Cognito user"
            ]
    }
}
