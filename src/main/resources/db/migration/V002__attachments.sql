-- V002: content-addressed attachments. The file lives in <workspace>.files/<sha256[0:2]>/<sha256>, written (temp file,
-- fsync, atomic rename) before the row that refers to it commits; files no row refers to are swept on open.
CREATE TABLE attachment (
    id           TEXT PRIMARY KEY,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    size         INTEGER NOT NULL CHECK (size >= 0),
    file_name    TEXT NOT NULL,
    media_type   TEXT NOT NULL DEFAULT 'application/octet-stream',
    owner_entity TEXT NOT NULL DEFAULT '',
    owner_id     TEXT NOT NULL DEFAULT '',
    rev          INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX attachment_sha ON attachment (sha256);
CREATE INDEX attachment_owner ON attachment (owner_entity, owner_id);
