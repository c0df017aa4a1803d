-- +goose Up
-- One-time codes that prove an heir holds a phone, before an online
-- application (purpose 'apply') or an online correction of a returned
-- claim ('fix:<claim id>'). The phone is kept as is (normalised +62...):
-- the claim and the message outbox hold it in clear anyway, and a hash of a
-- 10-12 digit number is undone by enumeration, so it would only pretend;
-- rows are deleted a day after they were made. The code and the session
-- token are kept only as SHA-256 hashes.
CREATE TABLE phone_checks (
    id               TEXT        PRIMARY KEY,
    phone            TEXT        NOT NULL,
    purpose          TEXT        NOT NULL CHECK (purpose = 'apply' OR purpose LIKE 'fix:%'),
    code_hash        TEXT        NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    verified_at      TIMESTAMPTZ,
    token_hash       TEXT        UNIQUE,
    token_expires_at TIMESTAMPTZ,
    consumed_at      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
-- The per-phone limit counts a phone's recent checks.
CREATE INDEX phone_checks_phone ON phone_checks (phone, created_at);
CREATE INDEX phone_checks_created ON phone_checks (created_at);

-- The heir's own uploads online have no user behind them; the username
-- column names the applicant.
ALTER TABLE claim_documents ALTER COLUMN uploaded_by DROP NOT NULL;

-- +goose Down
-- Refused while an online applicant's document exists.
ALTER TABLE claim_documents ALTER COLUMN uploaded_by SET NOT NULL;
DROP TABLE phone_checks;
