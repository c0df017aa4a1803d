-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin','dukcapil_clerk','dinsos_officer','treasurer','auditor')),
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);

-- Only the SHA-256 of a token is stored: a copy of the database gives no
-- usable credentials.
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL,
    revoked_at DATETIME
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Lockouts live in the database so that every server counts the same failures.
CREATE TABLE login_lockouts (
    username     TEXT PRIMARY KEY,
    locked_until DATETIME NOT NULL
);

-- Append-only log of logins and user management.
CREATE TABLE security_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         DATETIME NOT NULL,
    kind       TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    user_id    INTEGER,
    actor_id   INTEGER,
    ip         TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX security_events_login ON security_events (username, kind, at);

CREATE TABLE claims (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    code                  TEXT NOT NULL UNIQUE,
    status                TEXT NOT NULL CHECK (status IN ('submitted','returned','death_verified','approved','disbursing','paid','payment_failed','rejected','cancelled')),
    version               INTEGER NOT NULL CHECK (version > 0),
    amount                INTEGER NOT NULL CHECK (amount > 0),
    deceased_nik          TEXT NOT NULL,
    deceased_name         TEXT NOT NULL,
    date_of_death         DATE NOT NULL,
    place_of_death        TEXT NOT NULL,
    kk_number             TEXT NOT NULL,
    address               TEXT NOT NULL,
    village_code          TEXT NOT NULL,
    heir_nik              TEXT NOT NULL,
    heir_name             TEXT NOT NULL,
    heir_relationship     TEXT NOT NULL,
    heir_phone            TEXT NOT NULL,
    bank_code             TEXT NOT NULL,
    bank_account_number   TEXT NOT NULL,
    bank_account_name     TEXT NOT NULL,
    death_certificate_no  TEXT NOT NULL DEFAULT '',
    bank_reference        TEXT NOT NULL DEFAULT '',
    warnings              TEXT NOT NULL DEFAULT '',
    created_by            INTEGER NOT NULL REFERENCES users(id),
    created_at            DATETIME NOT NULL,
    updated_at            DATETIME NOT NULL
);
-- One live claim per death, enforced by the database itself.
CREATE UNIQUE INDEX claims_one_live_per_deceased ON claims (deceased_nik)
    WHERE status NOT IN ('rejected', 'cancelled');
-- Keyset paging by id (oldest first) within a queue; the primary key serves the unfiltered list.
CREATE INDEX claims_queue ON claims (status, id);
CREATE INDEX claims_heir_nik ON claims (heir_nik);
CREATE INDEX claims_deceased_name ON claims (lower(deceased_name));

CREATE TABLE claim_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    seq            INTEGER NOT NULL CHECK (seq > 0),
    action         TEXT NOT NULL,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL,
    actor_id       INTEGER NOT NULL,
    actor_username TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    changes        TEXT NOT NULL DEFAULT '{}',
    at             DATETIME NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL,
    UNIQUE (claim_id, seq)
);

-- The audit trail and the security log are append-only: the application
-- never updates or deletes them, and the database refuses it too.
-- +goose StatementBegin
CREATE TRIGGER claim_events_no_update BEFORE UPDATE ON claim_events
BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claim_events_no_delete BEFORE DELETE ON claim_events
BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER security_events_no_update BEFORE UPDATE ON security_events
BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER security_events_no_delete BEFORE DELETE ON security_events
BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE claim_events;
DROP TABLE claims;
DROP TABLE security_events;
DROP TABLE login_lockouts;
DROP TABLE api_tokens;
DROP TABLE users;
