-- +goose Up
-- What proves a payment must not be edited or removed afterwards: decrees
-- and their recipients, the bank result files applied, the death register,
-- budget commitments once released, batches once closed. (PostgreSQL also
-- refuses TRUNCATE; SQLite has none.)
-- +goose StatementBegin
CREATE TRIGGER decrees_no_update BEFORE UPDATE ON decrees
BEGIN SELECT RAISE(ABORT, 'decrees is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER decrees_no_delete BEFORE DELETE ON decrees
BEGIN SELECT RAISE(ABORT, 'decrees is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER decree_items_no_update BEFORE UPDATE ON decree_items
BEGIN SELECT RAISE(ABORT, 'decree_items is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER decree_items_no_delete BEFORE DELETE ON decree_items
BEGIN SELECT RAISE(ABORT, 'decree_items is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_result_files_no_update BEFORE UPDATE ON disbursement_result_files
BEGIN SELECT RAISE(ABORT, 'disbursement_result_files is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_result_files_no_delete BEFORE DELETE ON disbursement_result_files
BEGIN SELECT RAISE(ABORT, 'disbursement_result_files is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER death_records_no_update BEFORE UPDATE ON death_records
BEGIN SELECT RAISE(ABORT, 'death_records is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER death_records_no_delete BEFORE DELETE ON death_records
BEGIN SELECT RAISE(ABORT, 'death_records is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER budget_commitments_no_delete BEFORE DELETE ON budget_commitments
BEGIN SELECT RAISE(ABORT, 'budget_commitments is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER budget_commitments_release_only BEFORE UPDATE ON budget_commitments
    WHEN OLD.released_at IS NOT NULL OR NEW.claim_id <> OLD.claim_id
    OR NEW.year <> OLD.year OR NEW.amount <> OLD.amount
BEGIN SELECT RAISE(ABORT, 'a budget commitment may only be released, once'); END;
-- +goose StatementEnd
-- The account a batch line pays is fixed when the batch is built.
-- +goose StatementBegin
CREATE TRIGGER disbursement_items_payee_is_fixed BEFORE UPDATE ON disbursement_items
    WHEN NEW.claim_id <> OLD.claim_id OR NEW.claim_code <> OLD.claim_code OR NEW.amount <> OLD.amount
    OR NEW.bank_code <> OLD.bank_code OR NEW.account_number <> OLD.account_number OR NEW.account_name <> OLD.account_name
BEGIN SELECT RAISE(ABORT, 'the payee of a batch line is fixed'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_batches_closed_is_final BEFORE UPDATE ON disbursement_batches
    WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed batch is final'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER disbursement_batches_no_delete BEFORE DELETE ON disbursement_batches
BEGIN SELECT RAISE(ABORT, 'disbursement_batches is append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER disbursement_batches_no_delete;
DROP TRIGGER disbursement_batches_closed_is_final;
DROP TRIGGER disbursement_items_payee_is_fixed;
DROP TRIGGER budget_commitments_release_only;
DROP TRIGGER budget_commitments_no_delete;
DROP TRIGGER death_records_no_delete;
DROP TRIGGER death_records_no_update;
DROP TRIGGER disbursement_result_files_no_delete;
DROP TRIGGER disbursement_result_files_no_update;
DROP TRIGGER decree_items_no_delete;
DROP TRIGGER decree_items_no_update;
DROP TRIGGER decrees_no_delete;
DROP TRIGGER decrees_no_update;
