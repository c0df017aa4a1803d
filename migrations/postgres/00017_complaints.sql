-- +goose Up
-- The public's complaints (aduan, issue 11): one row per complaint with its
-- current step's deadline (due_on, a working day), its own hash-chained
-- trail (complaint_events, append-only like claim_events) and its evidence
-- (photos and PDFs; the bytes in document_blobs by their SHA-256).
-- complainant_name and complainant_phone are personal data: the complaint
-- policy (complaints/policy.go) decides who reads them; the trail never
-- holds them.
CREATE TABLE complaints (
    id                BIGSERIAL PRIMARY KEY,
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
    claim_id          BIGINT REFERENCES claims(id),
    village_code      TEXT NOT NULL DEFAULT '',
    answer            TEXT NOT NULL DEFAULT '',
    decline_redirect  TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    verified_at       TIMESTAMPTZ,
    assigned_at       TIMESTAMPTZ,
    first_answered_at TIMESTAMPTZ,
    answered_at       TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    due_on            DATE,
    escalated_at      TIMESTAMPTZ,
    escalated_due     DATE,
    reopen_count      INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0)
);
-- The sweep's and the queues' reads: what is due, per status; a unit's
-- queue; a claim's tied complaints.
CREATE INDEX complaints_status_due ON complaints (status, due_on, id);
CREATE INDEX complaints_unit_status ON complaints (unit, status, due_on, id);
CREATE INDEX complaints_claim ON complaints (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX complaints_due ON complaints (due_on, id);
CREATE INDEX complaints_escalated ON complaints (escalated_at) WHERE escalated_at IS NOT NULL;
CREATE INDEX complaints_created ON complaints (created_at, id);

CREATE TABLE complaint_events (
    id             BIGSERIAL PRIMARY KEY,
    complaint_id   BIGINT NOT NULL REFERENCES complaints(id),
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
    UNIQUE (complaint_id, seq)
);

CREATE TABLE complaint_evidence (
    id           BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL CHECK (size > 0),
    sha256       TEXT NOT NULL REFERENCES document_blobs(sha256),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX complaint_evidence_complaint ON complaint_evidence (complaint_id, id);

CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON complaint_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER complaint_evidence_append_only BEFORE UPDATE OR DELETE ON complaint_evidence
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER complaints_no_truncate BEFORE TRUNCATE ON complaints FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER complaint_events_no_truncate BEFORE TRUNCATE ON complaint_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER complaint_evidence_no_truncate BEFORE TRUNCATE ON complaint_evidence FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A complainant's phone is checked by the heirs' one-time code, for its own
-- purpose.
ALTER TABLE phone_checks DROP CONSTRAINT phone_checks_purpose_check;
ALTER TABLE phone_checks ADD CONSTRAINT phone_checks_purpose_check
    CHECK (purpose = 'apply' OR purpose = 'complaint' OR purpose LIKE 'fix:%');

-- +goose Down
DELETE FROM phone_checks WHERE purpose = 'complaint';
ALTER TABLE phone_checks DROP CONSTRAINT phone_checks_purpose_check;
ALTER TABLE phone_checks ADD CONSTRAINT phone_checks_purpose_check
    CHECK (purpose = 'apply' OR purpose LIKE 'fix:%');
DROP TABLE complaint_evidence;
DROP TABLE complaint_events;
DROP TABLE complaints;
