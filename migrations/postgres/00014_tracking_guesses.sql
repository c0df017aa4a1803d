-- +goose Up
-- Wrong heir NIKs tried with one claim code, so that a known code cannot be
-- used to guess its NIK: after a few failures within a window the code is
-- locked for a while (workflow/track_guard.go). Keyed by the normalised code
-- as typed, existing or not, so that an unknown code locks exactly like a
-- real one and the lock tells nobody which codes exist. Logged (not
-- UNLOGGED): a crash must not lift a lock.
CREATE TABLE tracking_guesses (
    code         TEXT        PRIMARY KEY,
    failures     INTEGER     NOT NULL CHECK (failures > 0),
    window_start TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);
-- Rows whose window and lock ended are deleted by the servers.
CREATE INDEX tracking_guesses_window ON tracking_guesses (window_start);

-- +goose Down
DROP TABLE tracking_guesses;
