-- +goose Up
-- The yearly budget line (pagu). committed is kept by the application in the
-- same transaction as each approval (+amount) and each cancellation of a
-- committed claim (-amount); the CHECK makes overspending impossible even for
-- code that forgets the rule.
CREATE TABLE budgets (
    year       INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    ceiling    BIGINT NOT NULL CHECK (ceiling >= 0),
    committed  BIGINT NOT NULL DEFAULT 0 CHECK (committed >= 0),
    updated_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (committed <= ceiling)
);

-- Every change of a ceiling, append-only.
CREATE TABLE budget_changes (
    id             BIGSERIAL PRIMARY KEY,
    year           INTEGER NOT NULL REFERENCES budgets(year),
    old_ceiling    BIGINT NOT NULL,
    new_ceiling    BIGINT NOT NULL,
    actor_id       BIGINT NOT NULL REFERENCES users(id),
    actor_username TEXT NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX budget_changes_year ON budget_changes (year, id);
CREATE TRIGGER budget_changes_append_only BEFORE UPDATE OR DELETE ON budget_changes
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Which budget year carries each committed claim, so a cancellation credits
-- the right year and the counter can be recomputed.
CREATE TABLE budget_commitments (
    claim_id     BIGINT PRIMARY KEY REFERENCES claims(id),
    year         INTEGER NOT NULL REFERENCES budgets(year),
    amount       BIGINT NOT NULL CHECK (amount > 0),
    committed_at TIMESTAMPTZ NOT NULL,
    released_at  TIMESTAMPTZ
);
CREATE INDEX budget_commitments_year ON budget_commitments (year) WHERE released_at IS NULL;

-- Approval decrees (SK penetapan) and the claims each one approved.
CREATE TABLE decrees (
    id           BIGSERIAL PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    decree_date  DATE NOT NULL,
    claim_count  INTEGER NOT NULL CHECK (claim_count > 0),
    total_amount BIGINT NOT NULL CHECK (total_amount > 0),
    created_by   BIGINT NOT NULL REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE TABLE decree_items (
    decree_id BIGINT NOT NULL REFERENCES decrees(id),
    seq       INTEGER NOT NULL CHECK (seq > 0),
    claim_id  BIGINT NOT NULL UNIQUE REFERENCES claims(id),
    amount    BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (decree_id, seq)
);

-- Payment batches. The control totals (claim_count, total_amount) are fixed
-- when the batch is built; the paid/failed figures grow as results arrive.
CREATE TABLE disbursement_batches (
    id            BIGSERIAL PRIMARY KEY,
    status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    claim_count   INTEGER NOT NULL CHECK (claim_count >= 0),
    total_amount  BIGINT NOT NULL CHECK (total_amount >= 0),
    paid_count    INTEGER NOT NULL DEFAULT 0 CHECK (paid_count >= 0),
    paid_amount   BIGINT NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    failed_count  INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    failed_amount BIGINT NOT NULL DEFAULT 0 CHECK (failed_amount >= 0),
    created_by    BIGINT NOT NULL REFERENCES users(id),
    created_at    TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ,
    closed_at     TIMESTAMPTZ,
    CHECK (paid_count + failed_count <= claim_count),
    CHECK (paid_amount + failed_amount <= total_amount)
);
CREATE INDEX disbursement_batches_status ON disbursement_batches (status, id);

-- One line of a batch: what was (or will be) sent to the bank, copied from
-- the claim when the batch was built, and the bank's answer.
CREATE TABLE disbursement_items (
    id             BIGSERIAL PRIMARY KEY,
    batch_id       BIGINT NOT NULL REFERENCES disbursement_batches(id),
    seq            INTEGER NOT NULL CHECK (seq > 0),
    claim_id       BIGINT NOT NULL REFERENCES claims(id),
    claim_code     TEXT NOT NULL,
    amount         BIGINT NOT NULL CHECK (amount > 0),
    bank_code      TEXT NOT NULL,
    account_number TEXT NOT NULL,
    account_name   TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed')),
    bank_reference TEXT NOT NULL DEFAULT '',
    failure_reason TEXT NOT NULL DEFAULT '',
    bank_time      TIMESTAMPTZ,
    resolved_at    TIMESTAMPTZ,
    result_file_id BIGINT,
    check_result   TEXT NOT NULL DEFAULT '' CHECK (check_result IN ('', 'match', 'mismatch')),
    check_name     TEXT NOT NULL DEFAULT '',
    check_source   TEXT NOT NULL DEFAULT '',
    checked_by     BIGINT REFERENCES users(id),
    checked_at     TIMESTAMPTZ,
    UNIQUE (batch_id, seq),
    UNIQUE (batch_id, claim_code),
    CHECK ((state = 'pending') = (resolved_at IS NULL)),
    CHECK (state <> 'paid' OR bank_reference <> '')
);
-- Never twice, enforced by the database: a claim is in at most one open
-- batch, and paid by at most one line.
CREATE UNIQUE INDEX disbursement_items_one_open ON disbursement_items (claim_id) WHERE state = 'pending';
CREATE UNIQUE INDEX disbursement_items_paid_once ON disbursement_items (claim_id) WHERE state = 'paid';
CREATE INDEX disbursement_items_claim ON disbursement_items (claim_id, batch_id);

-- Each bank result file applied to a batch, by content hash: the same file
-- applied again is recognised and changes nothing.
CREATE TABLE disbursement_result_files (
    id          BIGSERIAL PRIMARY KEY,
    batch_id    BIGINT NOT NULL REFERENCES disbursement_batches(id),
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    line_count  INTEGER NOT NULL,
    paid        INTEGER NOT NULL,
    failed      INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    uploaded_at TIMESTAMPTZ NOT NULL,
    UNIQUE (batch_id, sha256)
);

-- +goose StatementBegin
CREATE FUNCTION refuse_final_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% row % is final', TG_TABLE_NAME, OLD.id USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
-- A paid claim never moves again, nor is it deleted.
CREATE TRIGGER claims_paid_is_final BEFORE UPDATE OR DELETE ON claims
    FOR EACH ROW WHEN (OLD.status = 'paid') EXECUTE FUNCTION refuse_final_change();
-- A batch line's bank result, once recorded, is final; lines are never deleted.
CREATE TRIGGER disbursement_items_result_is_final BEFORE UPDATE ON disbursement_items
    FOR EACH ROW WHEN (OLD.state <> 'pending') EXECUTE FUNCTION refuse_final_change();
CREATE TRIGGER disbursement_items_no_delete BEFORE DELETE ON disbursement_items
    FOR EACH ROW EXECUTE FUNCTION refuse_final_change();

-- +goose Down
DROP TRIGGER disbursement_items_no_delete ON disbursement_items;
DROP TRIGGER disbursement_items_result_is_final ON disbursement_items;
DROP TRIGGER claims_paid_is_final ON claims;
DROP FUNCTION refuse_final_change();
DROP TABLE disbursement_result_files;
DROP TABLE disbursement_items;
DROP TABLE disbursement_batches;
DROP TABLE decree_items;
DROP TABLE decrees;
DROP TABLE budget_commitments;
DROP TABLE budget_changes;
DROP TABLE budgets;
