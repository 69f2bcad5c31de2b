-- V003: emission inventories kept in the workspace. An inventory is a named, dated set of input files (activity
-- records, user factors, control measures, reduction measures, grid sources and proxies) stored as content-addressed
-- attachments (V002); results are recomputed from them, so every number stays traceable to its inputs.
CREATE TABLE inventory (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    notes       TEXT NOT NULL DEFAULT '',
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX inventory_live_name ON inventory (name) WHERE deleted = 0;

CREATE TABLE inventory_input (
    id            TEXT PRIMARY KEY,
    inventory_id  TEXT NOT NULL REFERENCES inventory (id),
    role          TEXT NOT NULL CHECK (role IN ('ACTIVITIES', 'FACTORS', 'CONTROLS', 'MEASURES', 'SOURCES', 'PROXIES')),
    attachment_id TEXT NOT NULL REFERENCES attachment (id),
    rev           INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX inventory_input_live_role ON inventory_input (inventory_id, role) WHERE deleted = 0;
