-- +goose Up
-- Supporting documents. Files are stored by their SHA-256: an identical
-- file is kept once, and a download can prove it is what was uploaded.
-- A BlobStore outside the database (an object store) may replace this table.
CREATE TABLE document_blobs (
    sha256     TEXT PRIMARY KEY,
    data       BYTEA NOT NULL,
    size       BIGINT NOT NULL CHECK (size > 0),
    created_at TIMESTAMPTZ NOT NULL
);

-- One row per upload. A new upload of a single kind supersedes the current
-- one, which stays as evidence: rows are never deleted, and the only update
-- allowed is marking a current row superseded.
CREATE TABLE claim_documents (
    id                   BIGSERIAL PRIMARY KEY,
    claim_id             BIGINT NOT NULL REFERENCES claims(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('akta_kematian','ktp_ahli_waris','kartu_keluarga','surat_ahli_waris','buku_tabungan','lainnya')),
    filename             TEXT NOT NULL,
    content_type         TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
    size                 BIGINT NOT NULL CHECK (size > 0),
    sha256               TEXT NOT NULL, -- the blob key; no foreign key, the BlobStore may be outside the database
    is_current           BOOLEAN NOT NULL,
    replaces_id          BIGINT UNIQUE REFERENCES claim_documents(id),
    uploaded_by          BIGINT NOT NULL REFERENCES users(id),
    uploaded_by_username TEXT NOT NULL,
    uploaded_at          TIMESTAMPTZ NOT NULL,
    superseded_at        TIMESTAMPTZ
);
CREATE INDEX claim_documents_claim ON claim_documents (claim_id, id);
-- One current document per kind and claim, except "lainnya" (other papers).
CREATE UNIQUE INDEX claim_documents_one_current ON claim_documents (claim_id, kind)
    WHERE is_current AND kind <> 'lainnya';

-- Who downloaded which document, when, from where. Append-only.
CREATE TABLE document_access_log (
    id             BIGSERIAL PRIMARY KEY,
    document_id    BIGINT NOT NULL REFERENCES claim_documents(id),
    claim_id       BIGINT NOT NULL REFERENCES claims(id),
    kind           TEXT NOT NULL,
    actor_id       BIGINT NOT NULL,
    actor_username TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    ip             TEXT NOT NULL DEFAULT '',
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX document_access_log_claim ON document_access_log (claim_id, id);

-- +goose StatementBegin
CREATE FUNCTION claim_documents_supersede_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'claim_documents rows are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT (OLD.is_current AND NOT NEW.is_current AND NEW.superseded_at IS NOT NULL)
       OR (NEW.id, NEW.claim_id, NEW.kind, NEW.filename, NEW.content_type, NEW.size, NEW.sha256,
           NEW.replaces_id, NEW.uploaded_by, NEW.uploaded_by_username, NEW.uploaded_at)
          IS DISTINCT FROM
          (OLD.id, OLD.claim_id, OLD.kind, OLD.filename, OLD.content_type, OLD.size, OLD.sha256,
           OLD.replaces_id, OLD.uploaded_by, OLD.uploaded_by_username, OLD.uploaded_at) THEN
        RAISE EXCEPTION 'claim_documents rows may only be superseded' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER claim_documents_supersede_only BEFORE UPDATE OR DELETE ON claim_documents
    FOR EACH ROW EXECUTE FUNCTION claim_documents_supersede_only();
CREATE TRIGGER document_blobs_append_only BEFORE UPDATE OR DELETE ON document_blobs
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER document_access_log_append_only BEFORE UPDATE OR DELETE ON document_access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The Dukcapil death register, imported from SIAK exports. Each import is
-- recorded with who ran it and the SHA-256 of the file.
CREATE TABLE death_register_imports (
    id             BIGSERIAL PRIMARY KEY,
    actor_id       BIGINT NOT NULL,
    actor_username TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    via            TEXT NOT NULL,
    sha256         TEXT NOT NULL DEFAULT '',
    lines          INTEGER NOT NULL DEFAULT 0,
    inserted       INTEGER NOT NULL DEFAULT 0,
    unchanged      INTEGER NOT NULL DEFAULT 0,
    refused        INTEGER NOT NULL DEFAULT 0,
    finished       BOOLEAN NOT NULL DEFAULT FALSE,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);

-- One row per akta kematian: importing the same record again changes nothing.
CREATE TABLE death_records (
    id                   BIGSERIAL PRIMARY KEY,
    nik                  TEXT NOT NULL,
    full_name            TEXT NOT NULL,
    sex                  TEXT NOT NULL CHECK (sex IN ('male','female')),
    date_of_death        DATE NOT NULL,
    death_certificate_no TEXT NOT NULL UNIQUE,
    village_code         TEXT NOT NULL,
    registered_on        DATE NOT NULL,
    source               TEXT NOT NULL CHECK (source IN ('import','online')),
    import_id            BIGINT REFERENCES death_register_imports(id),
    created_at           TIMESTAMPTZ NOT NULL
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
DROP FUNCTION claim_documents_supersede_only();
DROP TABLE document_blobs;
