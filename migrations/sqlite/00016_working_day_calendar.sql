-- +goose Up
-- The working-day calendar (hari kerja) as data an admin keeps: the
-- weekdays offices are closed (national holidays, joint leave, regional
-- days). Saturdays and Sundays need no row. Seeded here, once, with the
-- 2026 SKB (workdays/hari-libur-2026.csv; a test checks they agree), so an
-- admin's later removal of a seeded day stays removed.
-- Dates are written as the SQLite driver writes a UTC midnight time, so
-- that the seed and the application's rows compare and collide alike.
CREATE TABLE non_working_days (
    day         DATE PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('libur_nasional','cuti_bersama','libur_daerah')),
    name        TEXT NOT NULL,
    created_by  INTEGER,
    created_by_username TEXT NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL,
    changed_by  INTEGER,
    changed_by_username TEXT NOT NULL DEFAULT '',
    changed_at  DATETIME
);

-- Every addition and removal, who, when and why; append-only.
CREATE TABLE non_working_day_changes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    day            DATE NOT NULL,
    change         TEXT NOT NULL CHECK (change IN ('add','remove')),
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    actor_id       INTEGER,
    actor_username TEXT NOT NULL DEFAULT '',
    at             DATETIME NOT NULL
);
CREATE INDEX non_working_day_changes_day ON non_working_day_changes (day, id);

-- One row whose version grows with every change of the calendar: a server
-- keeps the calendar in memory and rereads it when the version moved, so
-- several servers on one database agree. A transition that sets a due date
-- reads it under a share lock, so it never computes with a calendar that a
-- concurrent change is replacing.
CREATE TABLE calendar_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO calendar_state (id, version) VALUES (1, 1);
INSERT INTO non_working_days (day, kind, name, created_by_username, created_at) VALUES
    ('2026-01-01 00:00:00+00:00', 'libur_nasional', 'Tahun Baru 2026 Masehi', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-01-16 00:00:00+00:00', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-02-16 00:00:00+00:00', 'cuti_bersama', 'Tahun Baru Imlek 2577 Kongzili', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-02-17 00:00:00+00:00', 'libur_nasional', 'Tahun Baru Imlek 2577 Kongzili', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-18 00:00:00+00:00', 'cuti_bersama', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-19 00:00:00+00:00', 'libur_nasional', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-20 00:00:00+00:00', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-21 00:00:00+00:00', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-22 00:00:00+00:00', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-23 00:00:00+00:00', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-24 00:00:00+00:00', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-04-03 00:00:00+00:00', 'libur_nasional', 'Wafat Yesus Kristus', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-04-05 00:00:00+00:00', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-01 00:00:00+00:00', 'libur_nasional', 'Hari Buruh Internasional', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-14 00:00:00+00:00', 'libur_nasional', 'Kenaikan Yesus Kristus', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-15 00:00:00+00:00', 'cuti_bersama', 'Kenaikan Yesus Kristus', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-27 00:00:00+00:00', 'libur_nasional', 'Idul Adha 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-28 00:00:00+00:00', 'cuti_bersama', 'Idul Adha 1447 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-31 00:00:00+00:00', 'libur_nasional', 'Hari Raya Waisak 2570 BE', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-06-01 00:00:00+00:00', 'libur_nasional', 'Hari Lahir Pancasila', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-06-16 00:00:00+00:00', 'libur_nasional', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-08-17 00:00:00+00:00', 'libur_nasional', 'Proklamasi Kemerdekaan', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-08-25 00:00:00+00:00', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-12-24 00:00:00+00:00', 'cuti_bersama', 'Kelahiran Yesus Kristus', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-12-25 00:00:00+00:00', 'libur_nasional', 'Kelahiran Yesus Kristus', 'seed', '2026-01-01 00:00:00+00:00');
INSERT INTO non_working_day_changes (day, change, kind, name, reason, actor_username, at) VALUES
    ('2026-01-01 00:00:00+00:00', 'add', 'libur_nasional', 'Tahun Baru 2026 Masehi', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-01-16 00:00:00+00:00', 'add', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-02-16 00:00:00+00:00', 'add', 'cuti_bersama', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-02-17 00:00:00+00:00', 'add', 'libur_nasional', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-18 00:00:00+00:00', 'add', 'cuti_bersama', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-19 00:00:00+00:00', 'add', 'libur_nasional', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-20 00:00:00+00:00', 'add', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-21 00:00:00+00:00', 'add', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-22 00:00:00+00:00', 'add', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-23 00:00:00+00:00', 'add', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-03-24 00:00:00+00:00', 'add', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-04-03 00:00:00+00:00', 'add', 'libur_nasional', 'Wafat Yesus Kristus', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-04-05 00:00:00+00:00', 'add', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-01 00:00:00+00:00', 'add', 'libur_nasional', 'Hari Buruh Internasional', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-14 00:00:00+00:00', 'add', 'libur_nasional', 'Kenaikan Yesus Kristus', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-15 00:00:00+00:00', 'add', 'cuti_bersama', 'Kenaikan Yesus Kristus', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-27 00:00:00+00:00', 'add', 'libur_nasional', 'Idul Adha 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-28 00:00:00+00:00', 'add', 'cuti_bersama', 'Idul Adha 1447 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-05-31 00:00:00+00:00', 'add', 'libur_nasional', 'Hari Raya Waisak 2570 BE', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-06-01 00:00:00+00:00', 'add', 'libur_nasional', 'Hari Lahir Pancasila', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-06-16 00:00:00+00:00', 'add', 'libur_nasional', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-08-17 00:00:00+00:00', 'add', 'libur_nasional', 'Proklamasi Kemerdekaan', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-08-25 00:00:00+00:00', 'add', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-12-24 00:00:00+00:00', 'add', 'cuti_bersama', 'Kelahiran Yesus Kristus', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00'),
    ('2026-12-25 00:00:00+00:00', 'add', 'libur_nasional', 'Kelahiran Yesus Kristus', 'SKB 2026', 'seed', '2026-01-01 00:00:00+00:00');
-- +goose StatementBegin
CREATE TRIGGER non_working_day_changes_no_update BEFORE UPDATE ON non_working_day_changes
BEGIN SELECT RAISE(ABORT, 'non_working_day_changes is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER non_working_day_changes_no_delete BEFORE DELETE ON non_working_day_changes
BEGIN SELECT RAISE(ABORT, 'non_working_day_changes is append-only'); END;
-- +goose StatementEnd

-- Each claim's current stage: when it entered it and the working day it is
-- due (NULL: the claim waits on no office: returned to the heir, or final).
-- An engine event hook keeps them in the transition's transaction; the
-- queues read them in due order.
ALTER TABLE claims ADD COLUMN stage_started_at DATETIME;
ALTER TABLE claims ADD COLUMN stage_due_on DATE;
CREATE INDEX claims_status_due ON claims (status, stage_due_on, id);

-- +goose Down
DROP INDEX claims_status_due;
ALTER TABLE claims DROP COLUMN stage_due_on;
ALTER TABLE claims DROP COLUMN stage_started_at;
DROP TRIGGER non_working_day_changes_no_delete;
DROP TRIGGER non_working_day_changes_no_update;
DROP TABLE calendar_state;
DROP INDEX non_working_day_changes_day;
DROP TABLE non_working_day_changes;
DROP TABLE non_working_days;
