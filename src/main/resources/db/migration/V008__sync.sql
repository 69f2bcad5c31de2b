-- V008: sync client state (SYNC.md §2, §8, §16): the server's answer on each outbox row, the pull cursor and the device
-- credential (sync_state), and a history of sync runs for the sync page.
ALTER TABLE outbox ADD COLUMN server_rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN conflict_id TEXT;
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sync_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    pushed     INTEGER NOT NULL,
    conflicts  INTEGER NOT NULL,
    rejected   INTEGER NOT NULL,
    pulled     INTEGER NOT NULL,
    blobs_up   INTEGER NOT NULL,
    blobs_down INTEGER NOT NULL,
    error      TEXT
);
