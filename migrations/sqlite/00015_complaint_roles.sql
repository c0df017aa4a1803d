-- +goose NO TRANSACTION
-- +goose Up
-- Two staff roles for the public's complaints (aduan): the complaint officer
-- (pengelola_pengaduan) and the head of office (office_head). SQLite cannot
-- change a CHECK in place, so users is rebuilt as its documentation
-- prescribes (see 00011); other tables' references to users(id) name the
-- table, so they hold.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE users_rebuilt (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin','dukcapil_clerk','dinsos_officer','treasurer','auditor','pengelola_pengaduan','office_head')),
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL,
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO users_rebuilt SELECT id, username, full_name, role, password_hash, active, created_at, updated_at, password_change_required FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
-- Back to 00001's table text and 00006's added column, so the schema is
-- exactly what it was.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE users_rebuilt (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin','dukcapil_clerk','dinsos_officer','treasurer','auditor')),
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
ALTER TABLE users_rebuilt ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
INSERT INTO users_rebuilt SELECT id, username, full_name, role, password_hash, active, created_at, updated_at, password_change_required FROM users WHERE role NOT IN ('pengelola_pengaduan','office_head');
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
COMMIT;
PRAGMA foreign_keys = ON;
