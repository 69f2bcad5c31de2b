-- V007: solution packages (一市一策): package, sections, measures, milestones, tracking records and frozen versions.
-- Each row keeps the record's JSON form (cn.ecoaid.solution.SolutionCodec) in `data`, with the columns needed to find
-- and order rows beside it. Sync columns as in V001. Frozen versions are written once and never updated.

CREATE TABLE solution_package (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    data        TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE solution_section (
    id          TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES solution_package (id),
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX solution_section_kind ON solution_section (package_id, kind) WHERE deleted = 0;

CREATE TABLE solution_measure (
    id          TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES solution_package (id),
    position    INTEGER NOT NULL,
    data        TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX solution_measure_package ON solution_measure (package_id, position);

CREATE TABLE solution_milestone (
    id          TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES solution_package (id),
    position    INTEGER NOT NULL,
    data        TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX solution_milestone_package ON solution_milestone (package_id);

CREATE TABLE solution_tracking (
    id          TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES solution_package (id),
    position    INTEGER NOT NULL,
    data        TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX solution_tracking_package ON solution_tracking (package_id);

CREATE TABLE solution_version (
    id          TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES solution_package (id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    frozen_at   TEXT NOT NULL,
    manifest    TEXT NOT NULL,
    signature   TEXT NOT NULL,
    records     TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX solution_version_number ON solution_version (package_id, number);
