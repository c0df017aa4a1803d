-- +goose Up
-- Every transfer file the treasurer took for the bank: the bank can only
-- pay a line it was sent, so a SUCCESS result is accepted only for a line
-- that a transfer file carried (disbursement_items.sent_in). A batch may have
-- several files: a line that becomes payable later (a corrected account-name
-- mismatch) goes in a new file; no line is ever in two. The file is not
-- stored: its lines are, and sha256 proves that a re-download rebuilt from
-- them is the very file that was sent.
CREATE TABLE disbursement_transfer_files (
    batch_id     BIGINT NOT NULL REFERENCES disbursement_batches(id),
    seq          INTEGER NOT NULL CHECK (seq > 0),
    sha256       TEXT NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count > 0),
    total_amount BIGINT NOT NULL CHECK (total_amount > 0),
    held_count   INTEGER NOT NULL CHECK (held_count >= 0),
    remark       TEXT NOT NULL,
    sent_by      BIGINT NOT NULL REFERENCES users(id),
    sent_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (batch_id, seq)
);
CREATE TRIGGER disbursement_transfer_files_append_only BEFORE UPDATE OR DELETE ON disbursement_transfer_files
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_transfer_files_no_truncate BEFORE TRUNCATE ON disbursement_transfer_files
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A line is sent in one file of its own batch, once. A line the bank was
-- never sent may be withdrawn from its batch (the claim goes back to
-- approved) or failed by the treasurer; resolved_by names who did it (a
-- bank result names its result file instead).
ALTER TABLE disbursement_items
    ADD COLUMN sent_in INTEGER,
    ADD COLUMN resolved_by BIGINT REFERENCES users(id),
    ADD CONSTRAINT disbursement_items_sent_in_fkey FOREIGN KEY (batch_id, sent_in)
        REFERENCES disbursement_transfer_files (batch_id, seq),
    DROP CONSTRAINT disbursement_items_state_check,
    ADD CONSTRAINT disbursement_items_state_check CHECK (state IN ('pending', 'paid', 'failed', 'withdrawn')),
    ADD CONSTRAINT disbursement_items_withdrawn_unsent CHECK (state <> 'withdrawn' OR (sent_in IS NULL AND resolved_by IS NOT NULL));
CREATE INDEX disbursement_items_sent_in ON disbursement_items (batch_id, sent_in, seq) WHERE sent_in IS NOT NULL;

ALTER TABLE disbursement_batches
    ADD COLUMN withdrawn_count INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn_count >= 0),
    ADD COLUMN withdrawn_amount BIGINT NOT NULL DEFAULT 0 CHECK (withdrawn_amount >= 0),
    ADD CONSTRAINT disbursement_batches_resolved_count CHECK (paid_count + failed_count + withdrawn_count <= claim_count),
    ADD CONSTRAINT disbursement_batches_resolved_amount CHECK (paid_amount + failed_amount + withdrawn_amount <= total_amount);

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
UPDATE disbursement_items i SET sent_in = 1
FROM disbursement_batches b
WHERE b.id = i.batch_id AND b.sent_at IS NOT NULL AND i.state = 'pending' AND i.check_result <> 'mismatch';

-- From now on, by the database: a line is paid only if it was sent; it is
-- sent once; and a line the bank has is not withdrawn.
-- +goose StatementBegin
CREATE FUNCTION refuse_unsent_payment() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'disbursement_items row %: only a line sent to the bank can be paid', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER disbursement_items_paid_was_sent BEFORE UPDATE ON disbursement_items
    FOR EACH ROW WHEN (NEW.state = 'paid' AND OLD.state <> 'paid' AND NEW.sent_in IS NULL)
    EXECUTE FUNCTION refuse_unsent_payment();
CREATE TRIGGER disbursement_items_sent_once BEFORE UPDATE ON disbursement_items
    FOR EACH ROW WHEN (OLD.sent_in IS NOT NULL AND NEW.sent_in IS DISTINCT FROM OLD.sent_in)
    EXECUTE FUNCTION refuse_change();

-- +goose Down
DROP TRIGGER disbursement_items_sent_once ON disbursement_items;
DROP TRIGGER disbursement_items_paid_was_sent ON disbursement_items;
DROP FUNCTION refuse_unsent_payment();
ALTER TABLE disbursement_batches
    DROP CONSTRAINT disbursement_batches_resolved_amount,
    DROP CONSTRAINT disbursement_batches_resolved_count,
    DROP COLUMN withdrawn_amount,
    DROP COLUMN withdrawn_count;
DROP INDEX disbursement_items_sent_in;
-- Fails while a line is withdrawn: the older schema has no such state.
ALTER TABLE disbursement_items
    DROP CONSTRAINT disbursement_items_withdrawn_unsent,
    DROP CONSTRAINT disbursement_items_state_check,
    ADD CONSTRAINT disbursement_items_state_check CHECK (state IN ('pending', 'paid', 'failed')),
    DROP CONSTRAINT disbursement_items_sent_in_fkey,
    DROP COLUMN resolved_by,
    DROP COLUMN sent_in;
DROP TRIGGER disbursement_transfer_files_no_truncate ON disbursement_transfer_files;
DROP TRIGGER disbursement_transfer_files_append_only ON disbursement_transfer_files;
DROP TABLE disbursement_transfer_files;
