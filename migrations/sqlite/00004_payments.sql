-- +goose Up
-- The yearly budget line (pagu). committed is kept by the application in the
-- same transaction as each approval (+amount) and each cancellation of a
-- committed claim (-amount); the CHECK makes overspending impossible even for
-- code that forgets the rule.
CREATE TABLE budgets (
    year       INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    ceiling    INTEGER NOT NULL CHECK (ceiling >= 0),
    committed  INTEGER NOT NULL DEFAULT 0 CHECK (committed >= 0),
    updated_by INTEGER NOT NULL REFERENCES users(id),
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CHECK (committed <= ceiling)
);

-- Every change of a ceiling, append-only.
CREATE TABLE budget_changes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    year           INTEGER NOT NULL REFERENCES budgets(year),
    old_ceiling    INTEGER NOT NULL,
    new_ceiling    INTEGER NOT NULL,
    actor_id       INTEGER NOT NULL REFERENCES users(id),
    actor_username TEXT NOT NULL,
    at             DATETIME NOT NULL
);
CREATE INDEX budget_changes_year ON budget_changes (year, id);
-- +goose StatementBegin
CREATE TRIGGER budget_changes_no_update BEFORE UPDATE ON budget_changes
BEGIN SELECT RAISE(ABORT, 'budget_changes is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER budget_changes_no_delete BEFORE DELETE ON budget_changes
BEGIN SELECT RAISE(ABORT, 'budget_changes is append-only'); END;
-- +goose StatementEnd

-- Which budget year carries each committed claim, so a cancellation credits
-- the right year and the counter can be recomputed.
CREATE TABLE budget_commitments (
    claim_id     INTEGER PRIMARY KEY REFERENCES claims(id),
    year         INTEGER NOT NULL REFERENCES budgets(year),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    committed_at DATETIME NOT NULL,
    released_at  DATETIME
);
CREATE INDEX budget_commitments_year ON budget_commitments (year) WHERE released_at IS NULL;

-- Approval decrees (SK penetapan) and the claims each one approved.
CREATE TABLE decrees (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    number       TEXT NOT NULL UNIQUE,
    decree_date  DATE NOT NULL,
    claim_count  INTEGER NOT NULL CHECK (claim_count > 0),
    total_amount INTEGER NOT NULL CHECK (total_amount > 0),
    created_by   INTEGER NOT NULL REFERENCES users(id),
    created_at   DATETIME NOT NULL
);
CREATE TABLE decree_items (
    decree_id INTEGER NOT NULL REFERENCES decrees(id),
    seq       INTEGER NOT NULL CHECK (seq > 0),
    claim_id  INTEGER NOT NULL UNIQUE REFERENCES claims(id),
    amount    INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (decree_id, seq)
);

-- Payment batches. The control totals (claim_count, total_amount) are fixed
-- when the batch is built; the paid/failed figures grow as results arrive.
CREATE TABLE disbursement_batches (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    claim_count   INTEGER NOT NULL CHECK (claim_count >= 0),
    total_amount  INTEGER NOT NULL CHECK (total_amount >= 0),
    paid_count    INTEGER NOT NULL DEFAULT 0 CHECK (paid_count >= 0),
    paid_amount   INTEGER NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    failed_count  INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    failed_amount INTEGER NOT NULL DEFAULT 0 CHECK (failed_amount >= 0),
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    DATETIME NOT NULL,
    sent_at       DATETIME,
    closed_at     DATETIME,
    CHECK (paid_count + failed_count <= claim_count),
    CHECK (paid_amount + failed_amount <= total_amount)
);
CREATE INDEX disbursement_batches_status ON disbursement_batches (status, id);

-- One line of a batch: what was (or will be) sent to the bank, copied from
-- the claim when the batch was built, and the bank's answer.
CREATE TABLE disbursement_items (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id       INTEGER NOT NULL REFERENCES disbursement_batches(id),
    seq            INTEGER NOT NULL CHECK (seq > 0),
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    claim_code     TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount > 0),
    bank_code      TEXT NOT NULL,
    account_number TEXT NOT NULL,
    account_name   TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed')),
    bank_reference TEXT NOT NULL DEFAULT '',
    failure_reason TEXT NOT NULL DEFAULT '',
    bank_time      DATETIME,
    resolved_at    DATETIME,
    result_file_id INTEGER,
    check_result   TEXT NOT NULL DEFAULT '' CHECK (check_result IN ('', 'match', 'mismatch')),
    check_name     TEXT NOT NULL DEFAULT '',
    check_source   TEXT NOT NULL DEFAULT '',
    checked_by     INTEGER REFERENCES users(id),
    checked_at     DATETIME,
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
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id    INTEGER NOT NULL REFERENCES disbursement_batches(id),
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    line_count  INTEGER NOT NULL,
    paid        INTEGER NOT NULL,
    failed      INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES users(id),
    uploaded_at DATETIME NOT NULL,
    UNIQUE (batch_id, sha256)
);

-- A paid claim never moves again, nor is it deleted.
-- +goose StatementBegin
CREATE TRIGGER claims_paid_is_final BEFORE UPDATE ON claims WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'claims row is final: the claim is paid'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claims_paid_no_delete BEFORE DELETE ON claims WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'claims row is final: the claim is paid'); END;
-- +goose StatementEnd
-- A batch line's bank result, once recorded, is final; lines are never deleted.
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_result_is_final BEFORE UPDATE ON disbursement_items WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'disbursement_items row is final: its result is recorded'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_no_delete BEFORE DELETE ON disbursement_items
BEGIN SELECT RAISE(ABORT, 'disbursement_items rows are never deleted'); END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER disbursement_items_no_delete;
DROP TRIGGER disbursement_items_result_is_final;
DROP TRIGGER claims_paid_no_delete;
DROP TRIGGER claims_paid_is_final;
DROP TABLE disbursement_result_files;
DROP TABLE disbursement_items;
DROP TABLE disbursement_batches;
DROP TABLE decree_items;
DROP TABLE decrees;
DROP TABLE budget_commitments;
DROP TABLE budget_changes;
DROP TABLE budgets;
