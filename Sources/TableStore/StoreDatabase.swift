import GRDB

/// Opens the SQLite database behind a ``TableStore`` and migrates its schema.
///
/// Layout:
/// - `tables`: one row per table; `description` is the wire `TableDescription` as JSON (counts excluded).
/// - `items`: keyed by (table, partition key bytes, sort key bytes) in ``KeyEncoding`` form, so a
///   Query is an index seek and range scan; `item` is the item in ``ItemCodec`` form; `size` its item size.
/// - `index_entries`: one row per item present in a secondary index (sparse), keyed by
///   (table, index, index partition bytes, index sort bytes, table partition bytes, table sort bytes).
/// - `streams` and `stream_records`: one row per stream (label/ARN) and per change record.
/// - `transaction_tokens`: TransactWriteItems ClientRequestTokens seen in the last 10 minutes.
/// - `tables.ttl_attribute` and `ttl_entries`: a table's Time to Live attribute (NULL: disabled) and, while it is
///   enabled, the expiry time of each item holding a Number there.
/// - `index_lag_queue`: global secondary index entry changes not yet visible, when index reads lag.
/// - `stream_shards`: each stream's shards, oldest first (by id): parent, the sequence counter it starts after, its
///   last counter once closed, and how many records were written to it while shards roll over.
enum StoreDatabase {
    /// How commits reach the disk.
    static func configuration(durability: TableStore.Durability) -> Configuration {
        var configuration = Configuration()
        configuration.label = "TableStore"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let synchronous = durability == .full ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            // Checkpoint every 4,000 WAL pages (16 MB) instead of 1,000: the committing write runs the checkpoint
            // (copies pages into the database file and syncs it), and the leaf pages a stream of puts touches are
            // rewritten many times between checkpoints, so fewer checkpoints copy far fewer pages.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
        }
        return configuration
    }

    /// The named, ordered migrations.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-tables-items-indexes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tables (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL UNIQUE,
                        description BLOB NOT NULL
                    );
                    CREATE TABLE items (
                        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
                        pk BLOB NOT NULL,
                        sk BLOB NOT NULL,
                        item BLOB NOT NULL,
                        size INTEGER NOT NULL,
                        PRIMARY KEY (table_id, pk, sk)
                    ) WITHOUT ROWID;
                    CREATE TABLE index_entries (
                        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
                        index_name TEXT NOT NULL,
                        ipk BLOB NOT NULL,
                        isk BLOB NOT NULL,
                        pk BLOB NOT NULL,
                        sk BLOB NOT NULL,
                        PRIMARY KEY (table_id, index_name, ipk, isk, pk, sk)
                    ) WITHOUT ROWID;
                    CREATE INDEX index_entries_by_item ON index_entries (table_id, pk, sk);
                    """)
        }
        migrator.registerMigration("v1-streams") { db in
            try db.execute(
                sql: """
                    CREATE TABLE streams (
                        arn TEXT PRIMARY KEY,
                        table_name TEXT NOT NULL,
                        label TEXT NOT NULL,
                        view_type TEXT NOT NULL,
                        shard_id TEXT NOT NULL,
                        key_schema BLOB NOT NULL,
                        created REAL NOT NULL,
                        closed_sequence INTEGER
                    );
                    CREATE TABLE stream_records (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        stream_arn TEXT NOT NULL,
                        created REAL NOT NULL,
                        record BLOB NOT NULL
                    );
                    CREATE INDEX stream_records_by_stream ON stream_records (stream_arn, seq);
                    """)
        }
        migrator.registerMigration("v1-transaction-tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE transaction_tokens (
                        token TEXT PRIMARY KEY,
                        fingerprint BLOB NOT NULL,
                        created REAL NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-stream-records-by-time") { db in
            // The 24-hour trim deletes by creation time inside the write transaction; without this index it scanned
            // every record ever kept while the single writer waited.
            try db.execute(sql: "CREATE INDEX stream_records_by_time ON stream_records (created)")
        }
        migrator.registerMigration("v3-time-to-live") { db in
            // The TTL attribute of a table with TTL enabled, and each of its items' expiry times, so a sweep is an
            // index range read instead of a scan of every item.
            try db.execute(
                sql: """
                    ALTER TABLE tables ADD COLUMN ttl_attribute TEXT;
                    CREATE TABLE ttl_entries (
                        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
                        pk BLOB NOT NULL,
                        sk BLOB NOT NULL,
                        expires REAL NOT NULL,
                        PRIMARY KEY (table_id, pk, sk)
                    ) WITHOUT ROWID;
                    CREATE INDEX ttl_entries_by_expiry ON ttl_entries (table_id, expires);
                    """)
        }
        migrator.registerMigration("v4-index-lag-queue") { db in
            // Global secondary index changes waiting to become visible (`start --gsi-propagation-delay`), applied in
            // `seq` order once `due` (epoch seconds) has passed; `op` 0 removes the entry, 1 adds it.
            try db.execute(
                sql: """
                    CREATE TABLE index_lag_queue (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        due REAL NOT NULL,
                        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
                        index_name TEXT NOT NULL,
                        op INTEGER NOT NULL,
                        ipk BLOB NOT NULL,
                        isk BLOB NOT NULL,
                        pk BLOB NOT NULL,
                        sk BLOB NOT NULL
                    );
                    CREATE INDEX index_lag_queue_by_due ON index_lag_queue (due);
                    """)
        }
        migrator.registerMigration("v5-stream-shards") { db in
            // A shard holds its stream's records with `start_after < seq <= end_seq` (sequence counters stay one
            // global counter); every stream had exactly one shard before, which this gives it.
            try db.execute(
                sql: """
                    CREATE TABLE stream_shards (
                        stream_arn TEXT NOT NULL,
                        shard_id TEXT NOT NULL,
                        parent_shard_id TEXT,
                        start_after INTEGER NOT NULL,
                        end_seq INTEGER,
                        records INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (stream_arn, shard_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX stream_shards_open ON stream_shards (stream_arn) WHERE end_seq IS NULL;
                    INSERT INTO stream_shards (stream_arn, shard_id, parent_shard_id, start_after, end_seq)
                    SELECT arn, shard_id, NULL, 0, closed_sequence FROM streams;
                    """)
        }
        return migrator
    }
}
