-- +goose NO TRANSACTION
-- +goose Up
-- Pengajuan mandiri: an heir files a claim online (status 'applied') with
-- no staff user behind it, so created_by may be empty; the audit trail
-- names the applicant as actor. SQLite cannot change a CHECK or NOT NULL in
-- place, so the table is rebuilt as its documentation prescribes (ALTER
-- TABLE, "making other kinds of table schema changes"): foreign keys off
-- outside the transaction, copy, drop, rename, indexes and triggers again.
-- Other tables' references to claims(id) name the table, so they hold.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE claims_rebuilt (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    code                  TEXT NOT NULL UNIQUE,
    status                TEXT NOT NULL CHECK (status IN ('applied','submitted','returned','death_verified','approved','disbursing','paid','payment_failed','rejected','cancelled')),
    version               INTEGER NOT NULL CHECK (version > 0),
    amount                INTEGER NOT NULL CHECK (amount > 0),
    deceased_nik          TEXT NOT NULL,
    deceased_name         TEXT NOT NULL,
    date_of_death         DATE NOT NULL,
    place_of_death        TEXT NOT NULL,
    kk_number             TEXT NOT NULL,
    address               TEXT NOT NULL,
    village_code          TEXT NOT NULL,
    heir_nik              TEXT NOT NULL,
    heir_name             TEXT NOT NULL,
    heir_relationship     TEXT NOT NULL,
    heir_phone            TEXT NOT NULL,
    bank_code             TEXT NOT NULL,
    bank_account_number   TEXT NOT NULL,
    bank_account_name     TEXT NOT NULL,
    death_certificate_no  TEXT NOT NULL DEFAULT '',
    bank_reference        TEXT NOT NULL DEFAULT '',
    warnings              TEXT NOT NULL DEFAULT '',
    created_by            INTEGER REFERENCES users(id),
    created_at            DATETIME NOT NULL,
    updated_at            DATETIME NOT NULL
);
INSERT INTO claims_rebuilt SELECT * FROM claims;
DROP TABLE claims;
ALTER TABLE claims_rebuilt RENAME TO claims;
CREATE UNIQUE INDEX claims_one_live_per_deceased ON claims (deceased_nik)
    WHERE status NOT IN ('rejected', 'cancelled');
CREATE INDEX claims_queue ON claims (status, id);
CREATE INDEX claims_heir_nik ON claims (heir_nik);
CREATE INDEX claims_deceased_name ON claims (lower(deceased_name));
CREATE INDEX claims_deceased_nik ON claims (deceased_nik);
CREATE INDEX claims_status_updated ON claims (status, updated_at);
-- +goose StatementBegin
CREATE TRIGGER claims_paid_is_final BEFORE UPDATE ON claims WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'claims row is final: the claim is paid'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claims_paid_no_delete BEFORE DELETE ON claims WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'claims row is final: the claim is paid'); END;
-- +goose StatementEnd
COMMIT;
PRAGMA foreign_keys = ON;
-- The heir's consent to messages about the claim (ticked by the clerk on
-- the paper form's word, or by the heir online); audited like the rest.
ALTER TABLE claims ADD COLUMN heir_notify_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
-- Refused (the CHECK or NOT NULL fails) while an online application exists.
ALTER TABLE claims DROP COLUMN heir_notify_consent;
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE claims_rebuilt (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    code                  TEXT NOT NULL UNIQUE,
    status                TEXT NOT NULL CHECK (status IN ('submitted','returned','death_verified','approved','disbursing','paid','payment_failed','rejected','cancelled')),
    version               INTEGER NOT NULL CHECK (version > 0),
    amount                INTEGER NOT NULL CHECK (amount > 0),
    deceased_nik          TEXT NOT NULL,
    deceased_name         TEXT NOT NULL,
    date_of_death         DATE NOT NULL,
    place_of_death        TEXT NOT NULL,
    kk_number             TEXT NOT NULL,
    address               TEXT NOT NULL,
    village_code          TEXT NOT NULL,
    heir_nik              TEXT NOT NULL,
    heir_name             TEXT NOT NULL,
    heir_relationship     TEXT NOT NULL,
    heir_phone            TEXT NOT NULL,
    bank_code             TEXT NOT NULL,
    bank_account_number   TEXT NOT NULL,
    bank_account_name     TEXT NOT NULL,
    death_certificate_no  TEXT NOT NULL DEFAULT '',
    bank_reference        TEXT NOT NULL DEFAULT '',
    warnings              TEXT NOT NULL DEFAULT '',
    created_by            INTEGER NOT NULL REFERENCES users(id),
    created_at            DATETIME NOT NULL,
    updated_at            DATETIME NOT NULL
);
INSERT INTO claims_rebuilt SELECT * FROM claims;
DROP TABLE claims;
ALTER TABLE claims_rebuilt RENAME TO claims;
CREATE UNIQUE INDEX claims_one_live_per_deceased ON claims (deceased_nik)
    WHERE status NOT IN ('rejected', 'cancelled');
CREATE INDEX claims_queue ON claims (status, id);
CREATE INDEX claims_heir_nik ON claims (heir_nik);
CREATE INDEX claims_deceased_name ON claims (lower(deceased_name));
CREATE INDEX claims_deceased_nik ON claims (deceased_nik);
CREATE INDEX claims_status_updated ON claims (status, updated_at);
-- +goose StatementBegin
CREATE TRIGGER claims_paid_is_final BEFORE UPDATE ON claims WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'claims row is final: the claim is paid'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claims_paid_no_delete BEFORE DELETE ON claims WHEN OLD.status = 'paid'
BEGIN SELECT RAISE(ABORT, 'claims row is final: the claim is paid'); END;
-- +goose StatementEnd
COMMIT;
PRAGMA foreign_keys = ON;
