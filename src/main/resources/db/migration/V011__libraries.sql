-- V011: local copies of the platform's reference libraries (SYNC.md §10): immutable versions with their rows and
-- content hash, one pull cursor per kind (the highest version held), and which library version each analysis used.
CREATE TABLE library_version (
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    label      TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    scope      TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    row_count  INTEGER NOT NULL,
    headers    TEXT NOT NULL,
    loaded_at  TEXT NOT NULL,
    loaded_by  TEXT NOT NULL,
    pulled_at  TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
CREATE TABLE library_row (
    kind    TEXT NOT NULL,
    version INTEGER NOT NULL,
    row_no  INTEGER NOT NULL,
    cells   TEXT NOT NULL,
    PRIMARY KEY (kind, version, row_no),
    FOREIGN KEY (kind, version) REFERENCES library_version (kind, version)
);
CREATE TABLE library_cursor (
    kind       TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    checked_at TEXT NOT NULL
);
CREATE TABLE library_use (
    id          TEXT PRIMARY KEY,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    label       TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- One live record per analysis and kind is kept by the repository; not a unique index, so that copies pulled from the
-- team's other devices never make a pull fail (as in V010).
CREATE INDEX library_use_live ON library_use (entity, entity_id, kind) WHERE deleted = 0;
