-- +goose Up
-- The same table as on PostgreSQL, so both schemas stay one. On SQLite there
-- is one server, which counts in its own memory; the table stays empty
-- unless a shared counter is configured on it.
CREATE TABLE rate_limits (
    bucket       TEXT     NOT NULL,
    window_start DATETIME NOT NULL,
    count        INTEGER  NOT NULL CHECK (count > 0),
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);

-- +goose Down
DROP TABLE rate_limits;
