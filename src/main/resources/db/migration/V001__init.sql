-- V001: workspace project, team, sites, and the sync outbox.
-- Every synced record: UUID id made on the device, rev (last server revision seen; 0 = never synced),
-- deleted (tombstone), author, created_at/updated_at from the injected clock (ISO-8601 UTC).

CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE project (
    id           TEXT PRIMARY KEY,
    city_code    TEXT NOT NULL,
    city_name    TEXT NOT NULL,
    name         TEXT NOT NULL,
    period_start TEXT,
    period_end   TEXT,
    topics       TEXT NOT NULL DEFAULT '[]',
    rev          INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE team_member (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NOT NULL REFERENCES project (id),
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    rev          INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE site (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    longitude   REAL,
    latitude    REAL,
    crs         TEXT NOT NULL DEFAULT 'CGCS2000',
    admin_code  TEXT NOT NULL DEFAULT '',
    attributes  TEXT NOT NULL DEFAULT '{}',
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- A code identifies a live site; a deleted site's code may be reused.
CREATE UNIQUE INDEX site_code_live ON site (code) WHERE deleted = 0;

-- Outbox: one operation per domain write, appended in the same transaction (SYNC.md §2). Rows change state, never vanish.
CREATE TABLE outbox (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id          TEXT NOT NULL UNIQUE,
    entity         TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('UPSERT', 'DELETE')),
    base_rev       INTEGER NOT NULL,
    changes        TEXT NOT NULL,
    blob_hashes    TEXT NOT NULL DEFAULT '[]',
    schema_version INTEGER NOT NULL,
    state          TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'ACKED', 'CONFLICT', 'REJECTED')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    author         TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX outbox_entity ON outbox (entity_id);
CREATE INDEX outbox_state ON outbox (state, seq);

-- Last server-acknowledged version of each record, for three-way merges on pull (SYNC.md §3).
CREATE TABLE base_copy (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    rev       INTEGER NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
