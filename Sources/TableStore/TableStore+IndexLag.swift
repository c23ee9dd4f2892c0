import DynamoDBTypes
import GRDB

extension TableStore {
    /// How many delayed index changes one transaction applies at most.
    static let indexApplyBatch = 2_000

    /// Makes the global secondary index changes that are due visible (``Configuration/indexPropagationDelay``);
    /// returns how many were applied. Nothing is ever queued when the delay is zero.
    ///
    /// - Throws: ``DynamoDBError`` InternalServerError when the database fails.
    @discardableResult
    public func applyDueIndexUpdates() async throws(DynamoDBError) -> Int {
        guard configuration.indexPropagationDelay > .zero else { return 0 }
        var applied = 0
        while true {
            let now = configuration.now()
            let count = try await write { db in try IndexLag.applyDue(db, now: now, limit: Self.indexApplyBatch) }
            applied += count
            if count < Self.indexApplyBatch { return applied }
        }
    }
}
