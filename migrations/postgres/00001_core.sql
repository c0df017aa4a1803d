-- +goose Up
CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin','dukcapil_clerk','dinsos_officer','treasurer','auditor')),
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Only the SHA-256 of a token is stored: a copy of the database gives no
-- usable credentials.
CREATE TABLE api_tokens (
    id         BIGSERIAL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Lockouts live in the database so that every server behind a load balancer
-- counts the same failures.
CREATE TABLE login_lockouts (
    username     TEXT PRIMARY KEY,
    locked_until TIMESTAMPTZ NOT NULL
);

-- Append-only log of logins and user management.
CREATE TABLE security_events (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    kind       TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    user_id    BIGINT,
    actor_id   BIGINT,
    ip         TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX security_events_login ON security_events (username, kind, at);

CREATE TABLE claims (
    id                    BIGSERIAL PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    status                TEXT NOT NULL CHECK (status IN ('submitted','returned','death_verified','approved','disbursing','paid','payment_failed','rejected','cancelled')),
    version               INTEGER NOT NULL CHECK (version > 0),
    amount                BIGINT NOT NULL CHECK (amount > 0),
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
    created_by            BIGINT NOT NULL REFERENCES users(id),
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
-- One live claim per death, enforced by the database itself.
CREATE UNIQUE INDEX claims_one_live_per_deceased ON claims (deceased_nik)
    WHERE status NOT IN ('rejected', 'cancelled');
-- Keyset paging by id (oldest first) within a queue; the primary key serves the unfiltered list.
CREATE INDEX claims_queue ON claims (status, id);
CREATE INDEX claims_heir_nik ON claims (heir_nik);
CREATE INDEX claims_deceased_name ON claims (lower(deceased_name));

CREATE TABLE claim_events (
    id             BIGSERIAL PRIMARY KEY,
    claim_id       BIGINT NOT NULL REFERENCES claims(id),
    seq            INTEGER NOT NULL CHECK (seq > 0),
    action         TEXT NOT NULL,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL,
    actor_id       BIGINT NOT NULL,
    actor_username TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    changes        TEXT NOT NULL DEFAULT '{}',
    at             TIMESTAMPTZ NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL,
    UNIQUE (claim_id, seq)
);

-- The audit trail and the security log are append-only: the application
-- never updates or deletes them, and the database refuses it too.
-- +goose StatementBegin
CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER claim_events_append_only BEFORE UPDATE OR DELETE ON claim_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON security_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- +goose Down
DROP TABLE claim_events;
DROP TABLE claims;
DROP TABLE security_events;
DROP FUNCTION refuse_change();
DROP TABLE login_lockouts;
DROP TABLE api_tokens;
DROP TABLE users;
