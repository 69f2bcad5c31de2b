-- V005: map layers imported into the workspace. A layer keeps its coordinate system (a CrsRegistry code such as
-- EPSG:4490, EPSG:4548 or GCJ02), its style (JSON, see docs/formats.md "Maps") and where it came from; its features
-- keep their geometry as WKB in the layer's system and their attributes as a JSON object in field order.
CREATE TABLE map_layer (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    crs           TEXT NOT NULL,
    style         TEXT NOT NULL DEFAULT '{}',
    fields        TEXT NOT NULL DEFAULT '[]',
    source_file   TEXT NOT NULL DEFAULT '',
    source_format TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    feature_count INTEGER NOT NULL DEFAULT 0,
    repairs       TEXT NOT NULL DEFAULT '[]',
    rev           INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- A name identifies a live layer; a deleted layer's name may be reused.
CREATE UNIQUE INDEX map_layer_name_live ON map_layer (name) WHERE deleted = 0;

CREATE TABLE map_feature (
    layer_id   TEXT NOT NULL REFERENCES map_layer (id),
    ordinal    INTEGER NOT NULL,
    geometry   BLOB,
    attributes TEXT NOT NULL DEFAULT '{}',
    min_x      REAL,
    min_y      REAL,
    max_x      REAL,
    max_y      REAL,
    PRIMARY KEY (layer_id, ordinal)
);
