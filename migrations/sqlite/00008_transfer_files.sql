-- +goose Up
-- Every transfer file the treasurer took for the bank: the bank can only
-- pay a line it was sent, so a SUCCESS result is accepted only for a line
-- that a transfer file carried (disbursement_items.sent_in). A batch may have
-- several files: a line that becomes payable later (a corrected account-name
-- mismatch) goes in a new file; no line is ever in two. The file is not
-- stored: its lines are, and sha256 proves that a re-download rebuilt from
-- them is the very file that was sent.
CREATE TABLE disbursement_transfer_files (
    batch_id     INTEGER NOT NULL REFERENCES disbursement_batches(id),
    seq          INTEGER NOT NULL CHECK (seq > 0),
    sha256       TEXT NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count > 0),
    total_amount INTEGER NOT NULL CHECK (total_amount > 0),
    held_count   INTEGER NOT NULL CHECK (held_count >= 0),
    remark       TEXT NOT NULL,
    sent_by      INTEGER NOT NULL REFERENCES users(id),
    sent_at      DATETIME NOT NULL,
    PRIMARY KEY (batch_id, seq)
);
-- +goose StatementBegin
CREATE TRIGGER disbursement_transfer_files_no_update BEFORE UPDATE ON disbursement_transfer_files
BEGIN SELECT RAISE(ABORT, 'disbursement_transfer_files is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_transfer_files_no_delete BEFORE DELETE ON disbursement_transfer_files
BEGIN SELECT RAISE(ABORT, 'disbursement_transfer_files is append-only'); END;
-- +goose StatementEnd

-- Batches sent before this migration: the lines the old download listed
-- and the bank has not answered yet (pending, not held back) are recorded
-- as sent in a file #1 whose hash is unknown (''), so that no later
-- transfer file sends them again and their SUCCESS is still accepted. Its
-- re-download is rebuilt from those lines. Answered lines are final and
-- keep no file.
INSERT INTO disbursement_transfer_files (batch_id, seq, sha256, line_count, total_amount, held_count, remark, sent_by, sent_at)
SELECT b.id, 1, '', COUNT(*), SUM(i.amount), 0, '', b.created_by, b.sent_at
FROM disbursement_batches b JOIN disbursement_items i ON i.batch_id = b.id
WHERE b.sent_at IS NOT NULL AND i.state = 'pending' AND i.check_result <> 'mismatch'
GROUP BY b.id, b.created_by, b.sent_at;

-- A line is sent in one file of its own batch, once. A line the bank was
-- never sent may be withdrawn from its batch (the claim goes back to
-- approved) or failed by the treasurer; resolved_by names who did it (a
-- bank result names its result file instead). SQLite cannot change a CHECK
-- in place: the table is rebuilt, with its indexes and triggers.
CREATE TABLE disbursement_items_new (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id       INTEGER NOT NULL REFERENCES disbursement_batches(id),
    seq            INTEGER NOT NULL CHECK (seq > 0),
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    claim_code     TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount > 0),
    bank_code      TEXT NOT NULL,
    account_number TEXT NOT NULL,
    account_name   TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'withdrawn')),
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
    sent_in        INTEGER,
    resolved_by    INTEGER REFERENCES users(id),
    UNIQUE (batch_id, seq),
    UNIQUE (batch_id, claim_code),
    FOREIGN KEY (batch_id, sent_in) REFERENCES disbursement_transfer_files (batch_id, seq),
    CHECK ((state = 'pending') = (resolved_at IS NULL)),
    CHECK (state <> 'paid' OR bank_reference <> ''),
    CHECK (state <> 'withdrawn' OR (sent_in IS NULL AND resolved_by IS NOT NULL))
);
INSERT INTO disbursement_items_new (id, batch_id, seq, claim_id, claim_code, amount, bank_code, account_number,
    account_name, state, bank_reference, failure_reason, bank_time, resolved_at, result_file_id, check_result,
    check_name, check_source, checked_by, checked_at, sent_in)
SELECT i.id, i.batch_id, i.seq, i.claim_id, i.claim_code, i.amount, i.bank_code, i.account_number,
    i.account_name, i.state, i.bank_reference, i.failure_reason, i.bank_time, i.resolved_at, i.result_file_id,
    i.check_result, i.check_name, i.check_source, i.checked_by, i.checked_at,
    CASE WHEN b.sent_at IS NOT NULL AND i.state = 'pending' AND i.check_result <> 'mismatch' THEN 1 END
FROM disbursement_items i JOIN disbursement_batches b ON b.id = i.batch_id;
DROP TABLE disbursement_items;
ALTER TABLE disbursement_items_new RENAME TO disbursement_items;
CREATE UNIQUE INDEX disbursement_items_one_open ON disbursement_items (claim_id) WHERE state = 'pending';
CREATE UNIQUE INDEX disbursement_items_paid_once ON disbursement_items (claim_id) WHERE state = 'paid';
CREATE INDEX disbursement_items_claim ON disbursement_items (claim_id, batch_id);
CREATE INDEX disbursement_items_sent_in ON disbursement_items (batch_id, sent_in, seq) WHERE sent_in IS NOT NULL;
-- The triggers of 00004 and 00005, as they were.
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_result_is_final BEFORE UPDATE ON disbursement_items WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'disbursement_items row is final: its result is recorded'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_no_delete BEFORE DELETE ON disbursement_items
BEGIN SELECT RAISE(ABORT, 'disbursement_items rows are never deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_payee_is_fixed BEFORE UPDATE ON disbursement_items
    WHEN NEW.claim_id <> OLD.claim_id OR NEW.claim_code <> OLD.claim_code OR NEW.amount <> OLD.amount
    OR NEW.bank_code <> OLD.bank_code OR NEW.account_number <> OLD.account_number OR NEW.account_name <> OLD.account_name
BEGIN SELECT RAISE(ABORT, 'the payee of a batch line is fixed'); END;
-- +goose StatementEnd
-- From now on, by the database: a line is paid only if it was sent, and it
-- is sent once.
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_paid_was_sent BEFORE UPDATE ON disbursement_items
    WHEN NEW.state = 'paid' AND OLD.state <> 'paid' AND NEW.sent_in IS NULL
BEGIN SELECT RAISE(ABORT, 'only a line sent to the bank can be paid'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_sent_once BEFORE UPDATE ON disbursement_items
    WHEN OLD.sent_in IS NOT NULL AND NEW.sent_in IS NOT OLD.sent_in
BEGIN SELECT RAISE(ABORT, 'a batch line is sent once'); END;
-- +goose StatementEnd

ALTER TABLE disbursement_batches ADD COLUMN withdrawn_count INTEGER NOT NULL DEFAULT 0
    CHECK (withdrawn_count >= 0 AND paid_count + failed_count + withdrawn_count <= claim_count);
ALTER TABLE disbursement_batches ADD COLUMN withdrawn_amount INTEGER NOT NULL DEFAULT 0
    CHECK (withdrawn_amount >= 0 AND paid_amount + failed_amount + withdrawn_amount <= total_amount);

-- +goose Down
-- Fails while a line is withdrawn: the older schema has no such state.
ALTER TABLE disbursement_batches DROP COLUMN withdrawn_amount;
ALTER TABLE disbursement_batches DROP COLUMN withdrawn_count;
CREATE TABLE disbursement_items_old (
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
INSERT INTO disbursement_items_old SELECT id, batch_id, seq, claim_id, claim_code, amount, bank_code, account_number,
    account_name, state, bank_reference, failure_reason, bank_time, resolved_at, result_file_id, check_result,
    check_name, check_source, checked_by, checked_at FROM disbursement_items;
DROP TABLE disbursement_items;
ALTER TABLE disbursement_items_old RENAME TO disbursement_items;
CREATE UNIQUE INDEX disbursement_items_one_open ON disbursement_items (claim_id) WHERE state = 'pending';
CREATE UNIQUE INDEX disbursement_items_paid_once ON disbursement_items (claim_id) WHERE state = 'paid';
CREATE INDEX disbursement_items_claim ON disbursement_items (claim_id, batch_id);
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_result_is_final BEFORE UPDATE ON disbursement_items WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'disbursement_items row is final: its result is recorded'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_no_delete BEFORE DELETE ON disbursement_items
BEGIN SELECT RAISE(ABORT, 'disbursement_items rows are never deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_payee_is_fixed BEFORE UPDATE ON disbursement_items
    WHEN NEW.claim_id <> OLD.claim_id OR NEW.claim_code <> OLD.claim_code OR NEW.amount <> OLD.amount
    OR NEW.bank_code <> OLD.bank_code OR NEW.account_number <> OLD.account_number OR NEW.account_name <> OLD.account_name
BEGIN SELECT RAISE(ABORT, 'the payee of a batch line is fixed'); END;
-- +goose StatementEnd
DROP TRIGGER disbursement_transfer_files_no_delete;
DROP TRIGGER disbursement_transfer_files_no_update;
DROP TABLE disbursement_transfer_files;
