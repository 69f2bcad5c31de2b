-- V006 (water): surveys (campaigns) with water-quality samples and their measurements, biological samples with their
-- taxa counts, and saved B-IBI models (the model's JSON holds every step). Sites are referred to by their code.
CREATE TABLE water_survey (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    period      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE water_sample (
    id              TEXT PRIMARY KEY,
    survey_id       TEXT NOT NULL REFERENCES water_survey (id),
    site_code       TEXT NOT NULL,
    sample_date     TEXT NOT NULL,
    water_body_type TEXT NOT NULL CHECK (water_body_type IN ('RIVER', 'LAKE')),
    target_class    TEXT NOT NULL DEFAULT '',
    water_body      TEXT NOT NULL DEFAULT '',
    period          TEXT NOT NULL DEFAULT '',
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX water_sample_survey ON water_sample (survey_id, site_code, sample_date);
CREATE TABLE water_measurement (
    sample_id       TEXT NOT NULL REFERENCES water_sample (id),
    parameter       TEXT NOT NULL,
    value           REAL NOT NULL,
    below_detection INTEGER NOT NULL DEFAULT 0 CHECK (below_detection IN (0, 1)),
    PRIMARY KEY (sample_id, parameter)
);
CREATE TABLE bio_sample (
    id          TEXT PRIMARY KEY,
    survey_id   TEXT NOT NULL REFERENCES water_survey (id),
    sample_code TEXT NOT NULL,
    site_code   TEXT NOT NULL,
    sample_date TEXT NOT NULL DEFAULT '',
    bio_group   TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT '',
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX bio_sample_survey ON bio_sample (survey_id, sample_code);
CREATE TABLE bio_count (
    bio_sample_id TEXT NOT NULL REFERENCES bio_sample (id),
    seq           INTEGER NOT NULL,
    taxon         TEXT NOT NULL,
    count         REAL NOT NULL CHECK (count >= 0),
    tolerance     REAL,
    taxon_order   TEXT NOT NULL DEFAULT '',
    family        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (bio_sample_id, seq)
);
CREATE TABLE bibi_model (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    model_json  TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
