-- +goose Up
-- The public's complaints (aduan, issue 11): see the PostgreSQL migration.
CREATE TABLE complaints (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    code              TEXT NOT NULL UNIQUE,
    status            TEXT NOT NULL CHECK (status IN ('received','verified','declined','assigned','answered','closed')),
    version           INTEGER NOT NULL CHECK (version > 0),
    category          TEXT NOT NULL CHECK (category IN ('pelayanan_lambat','pungli','data_salah','sikap_petugas','lainnya')),
    text              TEXT NOT NULL,
    text_sha256       TEXT NOT NULL,
    confidential      BOOLEAN NOT NULL DEFAULT FALSE,
    identity          TEXT NOT NULL CHECK (identity IN ('named','anonim')),
    complainant_name  TEXT NOT NULL DEFAULT '',
    complainant_phone TEXT NOT NULL DEFAULT '',
    notify_consent    BOOLEAN NOT NULL DEFAULT FALSE,
    unit              TEXT CHECK (unit IN ('dukcapil','dinsos','keuangan')),
    unit_name         TEXT NOT NULL DEFAULT '',
    named_unit        TEXT CHECK (named_unit IN ('dukcapil','dinsos','keuangan')),
    pungli_confirmed  BOOLEAN NOT NULL DEFAULT FALSE,
    claim_id          INTEGER REFERENCES claims(id),
    village_code      TEXT NOT NULL DEFAULT '',
    answer            TEXT NOT NULL DEFAULT '',
    decline_redirect  TEXT NOT NULL DEFAULT '',
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL,
    verified_at       DATETIME,
    assigned_at       DATETIME,
    first_answered_at DATETIME,
    answered_at       DATETIME,
    closed_at         DATETIME,
    due_on            DATE,
    escalated_at      DATETIME,
    escalated_due     DATE,
    reopen_count      INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0)
);
CREATE INDEX complaints_status_due ON complaints (status, due_on, id);
CREATE INDEX complaints_unit_status ON complaints (unit, status, due_on, id);
CREATE INDEX complaints_claim ON complaints (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX complaints_due ON complaints (due_on, id);
CREATE INDEX complaints_escalated ON complaints (escalated_at) WHERE escalated_at IS NOT NULL;
CREATE INDEX complaints_created ON complaints (created_at, id);

CREATE TABLE complaint_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id   INTEGER NOT NULL REFERENCES complaints(id),
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
    UNIQUE (complaint_id, seq)
);

CREATE TABLE complaint_evidence (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL REFERENCES complaints(id),
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size > 0),
    sha256       TEXT NOT NULL REFERENCES document_blobs(sha256),
    created_at   DATETIME NOT NULL
);
CREATE INDEX complaint_evidence_complaint ON complaint_evidence (complaint_id, id);

-- +goose StatementBegin
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER complaint_evidence_no_update BEFORE UPDATE ON complaint_evidence
BEGIN SELECT RAISE(ABORT, 'complaint_evidence is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER complaint_evidence_no_delete BEFORE DELETE ON complaint_evidence
BEGIN SELECT RAISE(ABORT, 'complaint_evidence is append-only'); END;
-- +goose StatementEnd

-- A complainant's phone is checked by the heirs' one-time code, for its own
-- purpose. SQLite cannot change a CHECK in place: phone_checks (which no
-- table references) is rebuilt.
CREATE TABLE phone_checks_rebuilt (
    id               TEXT        PRIMARY KEY,
    phone            TEXT        NOT NULL,
    purpose          TEXT        NOT NULL CHECK (purpose = 'apply' OR purpose = 'complaint' OR purpose LIKE 'fix:%'),
    code_hash        TEXT        NOT NULL,
    expires_at       DATETIME    NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    verified_at      DATETIME,
    token_hash       TEXT        UNIQUE,
    token_expires_at DATETIME,
    consumed_at      DATETIME,
    created_at       DATETIME    NOT NULL
);
INSERT INTO phone_checks_rebuilt SELECT * FROM phone_checks;
DROP TABLE phone_checks;
ALTER TABLE phone_checks_rebuilt RENAME TO phone_checks;
CREATE INDEX phone_checks_phone ON phone_checks (phone, created_at);
CREATE INDEX phone_checks_created ON phone_checks (created_at);

-- +goose Down
DELETE FROM phone_checks WHERE purpose = 'complaint';
CREATE TABLE phone_checks_rebuilt (
    id               TEXT        PRIMARY KEY,
    phone            TEXT        NOT NULL,
    purpose          TEXT        NOT NULL CHECK (purpose = 'apply' OR purpose LIKE 'fix:%'),
    code_hash        TEXT        NOT NULL,
    expires_at       DATETIME    NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    verified_at      DATETIME,
    token_hash       TEXT        UNIQUE,
    token_expires_at DATETIME,
    consumed_at      DATETIME,
    created_at       DATETIME    NOT NULL
);
INSERT INTO phone_checks_rebuilt SELECT * FROM phone_checks;
DROP TABLE phone_checks;
ALTER TABLE phone_checks_rebuilt RENAME TO phone_checks;
CREATE INDEX phone_checks_phone ON phone_checks (phone, created_at);
CREATE INDEX phone_checks_created ON phone_checks (created_at);
DROP TABLE complaint_evidence;
DROP TABLE complaint_events;
DROP TABLE complaints;
