-- +goose Up
-- Supporting documents. Files are stored by their SHA-256: an identical
-- file is kept once, and a download can prove it is what was uploaded.
-- A BlobStore outside the database (an object store) may replace this table.
CREATE TABLE document_blobs (
    sha256     TEXT PRIMARY KEY,
    data       BLOB NOT NULL,
    size       INTEGER NOT NULL CHECK (size > 0),
    created_at DATETIME NOT NULL
);

-- One row per upload. A new upload of a single kind supersedes the current
-- one, which stays as evidence: rows are never deleted, and the only update
-- allowed is marking a current row superseded.
CREATE TABLE claim_documents (
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
CREATE INDEX claim_documents_claim ON claim_documents (claim_id, id);
-- One current document per kind and claim, except "lainnya" (other papers).
CREATE UNIQUE INDEX claim_documents_one_current ON claim_documents (claim_id, kind)
    WHERE is_current AND kind <> 'lainnya';

-- Who downloaded which document, when, from where. Append-only.
CREATE TABLE document_access_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id    INTEGER NOT NULL REFERENCES claim_documents(id),
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    kind           TEXT NOT NULL,
    actor_id       INTEGER NOT NULL,
    actor_username TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    ip             TEXT NOT NULL DEFAULT '',
    at             DATETIME NOT NULL
);
CREATE INDEX document_access_log_claim ON document_access_log (claim_id, id);

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
-- +goose StatementBegin
CREATE TRIGGER document_blobs_no_update BEFORE UPDATE ON document_blobs
BEGIN SELECT RAISE(ABORT, 'document_blobs is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER document_blobs_no_delete BEFORE DELETE ON document_blobs
BEGIN SELECT RAISE(ABORT, 'document_blobs is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER document_access_log_no_update BEFORE UPDATE ON document_access_log
BEGIN SELECT RAISE(ABORT, 'document_access_log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER document_access_log_no_delete BEFORE DELETE ON document_access_log
BEGIN SELECT RAISE(ABORT, 'document_access_log is append-only'); END;
-- +goose StatementEnd

-- The Dukcapil death register, imported from SIAK exports. Each import is
-- recorded with who ran it and the SHA-256 of the file.
CREATE TABLE death_register_imports (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id       INTEGER NOT NULL,
    actor_username TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    via            TEXT NOT NULL,
    sha256         TEXT NOT NULL DEFAULT '',
    lines          INTEGER NOT NULL DEFAULT 0,
    inserted       INTEGER NOT NULL DEFAULT 0,
    unchanged      INTEGER NOT NULL DEFAULT 0,
    refused        INTEGER NOT NULL DEFAULT 0,
    finished       BOOLEAN NOT NULL DEFAULT FALSE,
    started_at     DATETIME NOT NULL,
    finished_at    DATETIME
);

-- One row per akta kematian: importing the same record again changes nothing.
CREATE TABLE death_records (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    nik                  TEXT NOT NULL,
    full_name            TEXT NOT NULL,
    sex                  TEXT NOT NULL CHECK (sex IN ('male','female')),
    date_of_death        DATE NOT NULL,
    death_certificate_no TEXT NOT NULL UNIQUE,
    village_code         TEXT NOT NULL,
    registered_on        DATE NOT NULL,
    source               TEXT NOT NULL CHECK (source IN ('import','online')),
    import_id            INTEGER REFERENCES death_register_imports(id),
    created_at           DATETIME NOT NULL
);
-- Matching a claim looks a NIK up; the unclaimed list walks desa by desa.
CREATE INDEX death_records_nik ON death_records (nik);
CREATE INDEX death_records_village ON death_records (village_code, date_of_death, id);
-- Whether a registered death has any claim, whatever its status (the
-- partial index of 00001 covers live claims only).
CREATE INDEX claims_deceased_nik ON claims (deceased_nik);

-- +goose Down
DROP INDEX claims_deceased_nik;
DROP TABLE death_records;
DROP TABLE death_register_imports;
DROP TABLE document_access_log;
DROP TABLE claim_documents;
DROP TABLE document_blobs;
