-- +goose Up
-- Request counts of the per-client rate limits (public tracking, login),
-- shared by every server on this database: one row per bucket (a purpose
-- and a client's address, an IPv6 client's /64) and fixed one-minute
-- window, bumped by one INSERT ... ON CONFLICT DO UPDATE per request.
-- UNLOGGED: the counts are worth less than the WAL they would cost; after a
-- crash the table starts empty, which only forgives the current minute.
-- Windows that ended are deleted by the servers, at most once a minute each.
CREATE UNLOGGED TABLE rate_limits (
    bucket       TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    count        INTEGER     NOT NULL CHECK (count > 0),
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);

-- +goose Down
DROP TABLE rate_limits;
