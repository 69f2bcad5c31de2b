-- Platform store schema: the same SQL on embedded SQLite and on PostgreSQL (docs/sync-api.md, "Server store").
CREATE TABLE IF NOT EXISTS rev_counter (id INTEGER PRIMARY KEY, rev BIGINT NOT NULL);
INSERT INTO rev_counter (id, rev) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS province (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS team (id TEXT PRIMARY KEY, province_id TEXT NOT NULL REFERENCES province (id), name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS app_user (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, team_id TEXT, province_id TEXT);
CREATE TABLE IF NOT EXISTS enrol_code (code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES app_user (id),
    expires_at TEXT NOT NULL, used_at TEXT, device_id TEXT);
CREATE TABLE IF NOT EXISTS device (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES app_user (id), name TEXT NOT NULL,
    public_key TEXT, refresh_hash TEXT NOT NULL, last_seq BIGINT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, last_seen TEXT);
CREATE TABLE IF NOT EXISTS record_state (entity TEXT NOT NULL, entity_id TEXT NOT NULL, team_id TEXT NOT NULL,
    rev BIGINT NOT NULL, deleted INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (entity, entity_id));
CREATE TABLE IF NOT EXISTS op_log (rev BIGINT PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL,
    device_seq BIGINT NOT NULL, team_id TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL,
    base_rev BIGINT NOT NULL, changed TEXT NOT NULL, deleted INTEGER NOT NULL, data TEXT NOT NULL, client_time TEXT,
    server_time TEXT NOT NULL, user_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS op_log_team ON op_log (team_id, rev);
CREATE INDEX IF NOT EXISTS op_log_record ON op_log (entity, entity_id, rev);
CREATE TABLE IF NOT EXISTS applied_op (op_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq BIGINT NOT NULL,
    status TEXT NOT NULL, rev BIGINT NOT NULL, conflict_id TEXT, code TEXT);
CREATE TABLE IF NOT EXISTS sync_conflict (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, entity TEXT NOT NULL,
    entity_id TEXT NOT NULL, kind TEXT NOT NULL, op_id TEXT NOT NULL, device_id TEXT NOT NULL, base_rev BIGINT NOT NULL,
    rev BIGINT NOT NULL, fields TEXT NOT NULL, status TEXT NOT NULL, resolved_rev BIGINT NOT NULL DEFAULT 0,
    resolved_by TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sync_conflict_team ON sync_conflict (team_id, status);
CREATE TABLE IF NOT EXISTS blob_file (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blob_ref (team_id TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (team_id, sha256));
CREATE TABLE IF NOT EXISTS blob_upload (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, device_id TEXT NOT NULL,
    sha256 TEXT NOT NULL, size BIGINT NOT NULL, chunk_size INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (seq BIGINT PRIMARY KEY, at_time TEXT NOT NULL, actor TEXT, device_id TEXT, role TEXT,
    action TEXT NOT NULL, entity TEXT, entity_id TEXT, rev BIGINT NOT NULL, op_id TEXT, address TEXT,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_failure (id TEXT PRIMARY KEY, at_time TEXT NOT NULL, device_id TEXT, code TEXT NOT NULL,
    detail TEXT);
-- ---- syncpkg: published solution-package versions (SYNC.md §11, docs/sync-api.md "Solution packages") ----
-- package_head holds each package's owning team and latest version; a publish checks and moves it in one transaction.
CREATE TABLE IF NOT EXISTS package_head (package_id TEXT PRIMARY KEY, team_id TEXT NOT NULL, title TEXT NOT NULL,
    number INTEGER NOT NULL, hash TEXT NOT NULL, published_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS package_version (package_id TEXT NOT NULL, number INTEGER NOT NULL, team_id TEXT NOT NULL,
    hash TEXT NOT NULL, parent_number INTEGER NOT NULL, parent_hash TEXT NOT NULL, manifest TEXT NOT NULL,
    signature TEXT NOT NULL, countersignature TEXT NOT NULL, records TEXT NOT NULL, device_id TEXT NOT NULL,
    device_key TEXT NOT NULL, user_id TEXT NOT NULL, published_at TEXT NOT NULL, PRIMARY KEY (package_id, number));
CREATE UNIQUE INDEX IF NOT EXISTS package_version_hash ON package_version (package_id, hash);
CREATE INDEX IF NOT EXISTS package_head_team ON package_head (team_id);
-- ---- synclib: reference libraries (SYNC.md §10), server-owned immutable versions per kind with their content hash;
-- province_id is NULL for a national version, else the province a provincial admin loaded it for.
CREATE TABLE IF NOT EXISTS library_version (kind TEXT NOT NULL, version BIGINT NOT NULL, label TEXT NOT NULL,
    sha256 TEXT NOT NULL, province_id TEXT, file_name TEXT NOT NULL, row_count INTEGER NOT NULL, headers TEXT NOT NULL,
    loaded_at TEXT NOT NULL, loaded_by TEXT NOT NULL, PRIMARY KEY (kind, version));
CREATE TABLE IF NOT EXISTS library_row (kind TEXT NOT NULL, version BIGINT NOT NULL, row_no INTEGER NOT NULL,
    cells TEXT NOT NULL, PRIMARY KEY (kind, version, row_no));
