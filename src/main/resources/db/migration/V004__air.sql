-- V004: imported air-quality station data (issue 3). Values are NULL when missing, never 0, with a flag per pollutant:
-- 0 valid, 2 empty cell, 3 missing-value marker (—, NA …), 4 negative value (hours with no row are not stored).
-- Each import is one air_import row (the summary the outbox carries); a later import of the same site and hour/day
-- replaces the earlier value.
CREATE TABLE air_import (
    id               TEXT PRIMARY KEY,
    file_name        TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('HOURLY', 'DAILY')),
    stations         INTEGER NOT NULL,
    value_rows       INTEGER NOT NULL,
    unknown_stations TEXT NOT NULL DEFAULT '[]',
    first_time       TEXT,
    last_time        TEXT,
    rev              INTEGER NOT NULL DEFAULT 0,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- hour_end: end of the hour, local time, 'YYYY-MM-DD HH:00' (as in the import files; 00:00 ends the previous day)
CREATE TABLE air_hourly (
    site_id   TEXT NOT NULL REFERENCES site (id),
    hour_end  TEXT NOT NULL,
    import_id TEXT NOT NULL REFERENCES air_import (id),
    so2 REAL, no2 REAL, pm10 REAL, pm25 REAL, co REAL, o3 REAL,
    so2_flag  INTEGER NOT NULL DEFAULT 0,
    no2_flag  INTEGER NOT NULL DEFAULT 0,
    pm10_flag INTEGER NOT NULL DEFAULT 0,
    pm25_flag INTEGER NOT NULL DEFAULT 0,
    co_flag   INTEGER NOT NULL DEFAULT 0,
    o3_flag   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, hour_end)
) WITHOUT ROWID;

CREATE TABLE air_daily (
    site_id   TEXT NOT NULL REFERENCES site (id),
    day       TEXT NOT NULL,
    import_id TEXT NOT NULL REFERENCES air_import (id),
    so2 REAL, no2 REAL, pm10 REAL, pm25 REAL, co REAL, o3_8h REAL, o3_1h REAL,
    so2_flag   INTEGER NOT NULL DEFAULT 0,
    no2_flag   INTEGER NOT NULL DEFAULT 0,
    pm10_flag  INTEGER NOT NULL DEFAULT 0,
    pm25_flag  INTEGER NOT NULL DEFAULT 0,
    co_flag    INTEGER NOT NULL DEFAULT 0,
    o3_8h_flag INTEGER NOT NULL DEFAULT 0,
    o3_1h_flag INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day)
) WITHOUT ROWID;
