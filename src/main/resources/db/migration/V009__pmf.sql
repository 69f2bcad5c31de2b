-- V009: PMF runs kept in the workspace (issue 4), so that a run can be repeated exactly. A run row holds the settings
-- (solver options as JSON), how the input was prepared, the species categories, the software version and the chosen
-- model's figures; pmf_model holds every model's seed and Q values; pmf_run_file names the attachments (V002) that
-- hold the solved matrices (concentrations and uncertainties in the PMF 5.0 layout, full double precision), the chosen
-- model's W and H, the initial matrices of a run started from given ones and copies of the original input files.
CREATE TABLE pmf_run (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    software         TEXT NOT NULL,
    method           TEXT NOT NULL,
    factors          INTEGER NOT NULL CHECK (factors >= 1),
    models           INTEGER NOT NULL CHECK (models >= 1),
    seed             INTEGER NOT NULL,
    robust           INTEGER NOT NULL CHECK (robust IN (0, 1)),
    settings         TEXT NOT NULL,
    preparation      TEXT NOT NULL,
    species          TEXT NOT NULL,
    samples          INTEGER NOT NULL,
    best_model       INTEGER NOT NULL,
    q_true           REAL NOT NULL,
    q_robust         REAL NOT NULL,
    factor_names     TEXT NOT NULL DEFAULT '[]',
    rev              INTEGER NOT NULL DEFAULT 0,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX pmf_run_live_name ON pmf_run (name) WHERE deleted = 0;

CREATE TABLE pmf_model (
    id          TEXT PRIMARY KEY,
    run_id      TEXT NOT NULL REFERENCES pmf_run (id),
    model       INTEGER NOT NULL,
    seed        INTEGER NOT NULL,
    q_true      REAL NOT NULL,
    q_robust    REAL NOT NULL,
    iterations  INTEGER NOT NULL,
    converged   INTEGER NOT NULL CHECK (converged IN (0, 1)),
    seconds     REAL NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX pmf_model_live ON pmf_model (run_id, model) WHERE deleted = 0;

CREATE TABLE pmf_run_file (
    id            TEXT PRIMARY KEY,
    run_id        TEXT NOT NULL REFERENCES pmf_run (id),
    role          TEXT NOT NULL CHECK (role IN ('CONC', 'UNC', 'BEST_W', 'BEST_H', 'INIT_W', 'INIT_H', 'SOURCE_CONC',
                                                'SOURCE_UNC', 'SOURCE_SPECIES')),
    attachment_id TEXT NOT NULL REFERENCES attachment (id),
    rev           INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    author        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX pmf_run_file_live_role ON pmf_run_file (run_id, role) WHERE deleted = 0;
