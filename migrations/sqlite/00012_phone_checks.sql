-- +goose NO TRANSACTION
-- +goose Up
-- One-time codes that prove an heir holds a phone, before an online
-- application (purpose 'apply') or an online correction of a returned
-- claim ('fix:<claim id>'). The phone is kept as is (normalised +62...):
-- the claim and the message outbox hold it in clear anyway, and a hash of a
-- 10-12 digit number is undone by enumeration, so it would only pretend;
-- rows are deleted a day after they were made. The code and the session
-- token are kept only as SHA-256 hashes.
CREATE TABLE phone_checks (
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
-- The per-phone limit counts a phone's recent checks.
CREATE INDEX phone_checks_phone ON phone_checks (phone, created_at);
CREATE INDEX phone_checks_created ON phone_checks (created_at);

-- The heir's own uploads online have no user behind them (the username
-- column names the applicant), so uploaded_by may be empty. SQLite cannot
-- drop a NOT NULL in place: the table is rebuilt as in 00011.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE claim_documents_rebuilt (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id             INTEGER NOT NULL REFERENCES claims(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('akta_kematian','ktp_ahli_waris','kartu_keluarga','surat_ahli_waris','buku_tabungan','lainnya')),
    filename             TEXT NOT NULL,
    content_type         TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
    size                 INTEGER NOT NULL CHECK (size > 0),
    sha256               TEXT NOT NULL, -- the blob key; no foreign key, the BlobStore may be outside the database
    is_current           BOOLEAN NOT NULL,
    replaces_id          INTEGER UNIQUE REFERENCES claim_documents(id),
    uploaded_by          INTEGER REFERENCES users(id),
    uploaded_by_username TEXT NOT NULL,
    uploaded_at          DATETIME NOT NULL,
    superseded_at        DATETIME
);
INSERT INTO claim_documents_rebuilt SELECT * FROM claim_documents;
DROP TABLE claim_documents;
ALTER TABLE claim_documents_rebuilt RENAME TO claim_documents;
CREATE INDEX claim_documents_claim ON claim_documents (claim_id, id);
CREATE UNIQUE INDEX claim_documents_one_current ON claim_documents (claim_id, kind)
    WHERE is_current AND kind <> 'lainnya';
-- +goose StatementBegin
CREATE TRIGGER claim_documents_no_delete BEFORE DELETE ON claim_documents
BEGIN SELECT RAISE(ABORT, 'claim_documents rows are never deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claim_documents_supersede_only BEFORE UPDATE ON claim_documents
WHEN NOT (OLD.is_current AND NOT NEW.is_current AND NEW.superseded_at IS NOT NULL)
    OR NEW.id IS NOT OLD.id OR NEW.claim_id IS NOT OLD.claim_id OR NEW.kind IS NOT OLD.kind
    OR NEW.filename IS NOT OLD.filename OR NEW.content_type IS NOT OLD.content_type
    OR NEW.size IS NOT OLD.size OR NEW.sha256 IS NOT OLD.sha256 OR NEW.replaces_id IS NOT OLD.replaces_id
    OR NEW.uploaded_by IS NOT OLD.uploaded_by OR NEW.uploaded_by_username IS NOT OLD.uploaded_by_username
    OR NEW.uploaded_at IS NOT OLD.uploaded_at
BEGIN SELECT RAISE(ABORT, 'claim_documents rows may only be superseded'); END;
-- +goose StatementEnd
COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
-- Refused (NOT NULL fails) while an online applicant's document exists.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE claim_documents_rebuilt (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id             INTEGER NOT NULL REFERENCES claims(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('akta_kematian','ktp_ahli_waris','kartu_keluarga','surat_ahli_waris','buku_tabungan','lainnya')),
    filename             TEXT NOT NULL,
    content_type         TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
    size                 INTEGER NOT NULL CHECK (size > 0),
    sha256               TEXT NOT NULL, -- the blob key; no foreign key, the BlobStore may be outside the database
    is_current           BOOLEAN NOT NULL,
    replaces_id          INTEGER UNIQUE REFERENCES claim_documents(id),
    uploaded_by          INTEGER NOT NULL REFERENCES users(id),
    uploaded_by_username TEXT NOT NULL,
    uploaded_at          DATETIME NOT NULL,
    superseded_at        DATETIME
);
INSERT INTO claim_documents_rebuilt SELECT * FROM claim_documents;
DROP TABLE claim_documents;
ALTER TABLE claim_documents_rebuilt RENAME TO claim_documents;
CREATE INDEX claim_documents_claim ON claim_documents (claim_id, id);
CREATE UNIQUE INDEX claim_documents_one_current ON claim_documents (claim_id, kind)
    WHERE is_current AND kind <> 'lainnya';
-- +goose StatementBegin
CREATE TRIGGER claim_documents_no_delete BEFORE DELETE ON claim_documents
BEGIN SELECT RAISE(ABORT, 'claim_documents rows are never deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claim_documents_supersede_only BEFORE UPDATE ON claim_documents
WHEN NOT (OLD.is_current AND NOT NEW.is_current AND NEW.superseded_at IS NOT NULL)
    OR NEW.id IS NOT OLD.id OR NEW.claim_id IS NOT OLD.claim_id OR NEW.kind IS NOT OLD.kind
    OR NEW.filename IS NOT OLD.filename OR NEW.content_type IS NOT OLD.content_type
    OR NEW.size IS NOT OLD.size OR NEW.sha256 IS NOT OLD.sha256 OR NEW.replaces_id IS NOT OLD.replaces_id
    OR NEW.uploaded_by IS NOT OLD.uploaded_by OR NEW.uploaded_by_username IS NOT OLD.uploaded_by_username
    OR NEW.uploaded_at IS NOT OLD.uploaded_at
BEGIN SELECT RAISE(ABORT, 'claim_documents rows may only be superseded'); END;
-- +goose StatementEnd
COMMIT;
PRAGMA foreign_keys = ON;
DROP TABLE phone_checks;
