-- +goose Up
-- What proves a payment must not be edited or removed afterwards: decrees
-- and their recipients, the bank result files applied, the death register,
-- budget commitments once released, batches once closed. And on PostgreSQL
-- a TRUNCATE skips row triggers, so every append-only table refuses it too.
CREATE TRIGGER decrees_append_only BEFORE UPDATE OR DELETE ON decrees
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decree_items_append_only BEFORE UPDATE OR DELETE ON decree_items
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_result_files_append_only BEFORE UPDATE OR DELETE ON disbursement_result_files
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER death_records_append_only BEFORE UPDATE OR DELETE ON death_records
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER budget_commitments_no_delete BEFORE DELETE ON budget_commitments
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
-- A commitment may only be released, once.
CREATE TRIGGER budget_commitments_release_only BEFORE UPDATE ON budget_commitments
    FOR EACH ROW WHEN (OLD.released_at IS NOT NULL OR NEW.claim_id <> OLD.claim_id
        OR NEW.year <> OLD.year OR NEW.amount <> OLD.amount)
    EXECUTE FUNCTION refuse_change();
-- The account a batch line pays is fixed when the batch is built: nobody may
-- redirect a transfer by editing the line.
CREATE TRIGGER disbursement_items_payee_is_fixed BEFORE UPDATE ON disbursement_items
    FOR EACH ROW WHEN (NEW.claim_id <> OLD.claim_id OR NEW.claim_code <> OLD.claim_code OR NEW.amount <> OLD.amount
        OR NEW.bank_code <> OLD.bank_code OR NEW.account_number <> OLD.account_number OR NEW.account_name <> OLD.account_name)
    EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_batches_closed_is_final BEFORE UPDATE ON disbursement_batches
    FOR EACH ROW WHEN (OLD.status = 'closed') EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_batches_no_delete BEFORE DELETE ON disbursement_batches
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TRIGGER claims_no_truncate BEFORE TRUNCATE ON claims FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER claim_events_no_truncate BEFORE TRUNCATE ON claim_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER document_blobs_no_truncate BEFORE TRUNCATE ON document_blobs FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER claim_documents_no_truncate BEFORE TRUNCATE ON claim_documents FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER document_access_log_no_truncate BEFORE TRUNCATE ON document_access_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER death_records_no_truncate BEFORE TRUNCATE ON death_records FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER budget_changes_no_truncate BEFORE TRUNCATE ON budget_changes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER budget_commitments_no_truncate BEFORE TRUNCATE ON budget_commitments FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decrees_no_truncate BEFORE TRUNCATE ON decrees FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decree_items_no_truncate BEFORE TRUNCATE ON decree_items FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_batches_no_truncate BEFORE TRUNCATE ON disbursement_batches FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_items_no_truncate BEFORE TRUNCATE ON disbursement_items FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disbursement_result_files_no_truncate BEFORE TRUNCATE ON disbursement_result_files FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- +goose Down
DROP TRIGGER disbursement_result_files_no_truncate ON disbursement_result_files;
DROP TRIGGER disbursement_items_no_truncate ON disbursement_items;
DROP TRIGGER disbursement_batches_no_truncate ON disbursement_batches;
DROP TRIGGER decree_items_no_truncate ON decree_items;
DROP TRIGGER decrees_no_truncate ON decrees;
DROP TRIGGER budget_commitments_no_truncate ON budget_commitments;
DROP TRIGGER budget_changes_no_truncate ON budget_changes;
DROP TRIGGER death_records_no_truncate ON death_records;
DROP TRIGGER document_access_log_no_truncate ON document_access_log;
DROP TRIGGER claim_documents_no_truncate ON claim_documents;
DROP TRIGGER document_blobs_no_truncate ON document_blobs;
DROP TRIGGER security_events_no_truncate ON security_events;
DROP TRIGGER claim_events_no_truncate ON claim_events;
DROP TRIGGER claims_no_truncate ON claims;
DROP TRIGGER disbursement_batches_no_delete ON disbursement_batches;
DROP TRIGGER disbursement_batches_closed_is_final ON disbursement_batches;
DROP TRIGGER disbursement_items_payee_is_fixed ON disbursement_items;
DROP TRIGGER budget_commitments_release_only ON budget_commitments;
DROP TRIGGER budget_commitments_no_delete ON budget_commitments;
DROP TRIGGER death_records_append_only ON death_records;
DROP TRIGGER disbursement_result_files_append_only ON disbursement_result_files;
DROP TRIGGER decree_items_append_only ON decree_items;
DROP TRIGGER decrees_append_only ON decrees;
