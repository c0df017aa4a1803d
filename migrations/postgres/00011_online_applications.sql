-- +goose Up
-- Pengajuan mandiri: an heir files a claim online (status 'applied') with
-- no staff user behind it, so created_by may be empty; the audit trail
-- names the applicant as actor.
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN ('applied','submitted','returned','death_verified','approved','disbursing','paid','payment_failed','rejected','cancelled'));
ALTER TABLE claims ALTER COLUMN created_by DROP NOT NULL;
-- The heir's consent to messages about the claim (ticked by the clerk on
-- the paper form's word, or by the heir online); audited like the rest.
ALTER TABLE claims ADD COLUMN heir_notify_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE claims DROP COLUMN heir_notify_consent;
ALTER TABLE claims ALTER COLUMN created_by SET NOT NULL;
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN ('submitted','returned','death_verified','approved','disbursing','paid','payment_failed','rejected','cancelled'));
