-- +goose Up
-- PostgreSQL's refusing triggers now raise integrity_constraint_violation;
-- SQLite's RAISE(ABORT) already reports SQLITE_CONSTRAINT_TRIGGER, so
-- nothing changes here. The version exists so both dialects move in step.
SELECT 1;

-- +goose Down
SELECT 1;
