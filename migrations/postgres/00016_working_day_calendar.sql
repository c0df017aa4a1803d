-- +goose Up
-- The working-day calendar (hari kerja) as data an admin keeps: the
-- weekdays offices are closed (national holidays, joint leave, regional
-- days). Saturdays and Sundays need no row. Seeded here, once, with the
-- 2026 SKB (workdays/hari-libur-2026.csv; a test checks they agree), so an
-- admin's later removal of a seeded day stays removed.
CREATE TABLE non_working_days (
    day         DATE PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('libur_nasional','cuti_bersama','libur_daerah')),
    name        TEXT NOT NULL,
    created_by  BIGINT,
    created_by_username TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    changed_by  BIGINT,
    changed_by_username TEXT NOT NULL DEFAULT '',
    changed_at  TIMESTAMPTZ
);

-- Every addition and removal, who, when and why; append-only.
CREATE TABLE non_working_day_changes (
    id             BIGSERIAL PRIMARY KEY,
    day            DATE NOT NULL,
    change         TEXT NOT NULL CHECK (change IN ('add','remove')),
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    actor_id       BIGINT,
    actor_username TEXT NOT NULL DEFAULT '',
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX non_working_day_changes_day ON non_working_day_changes (day, id);

-- One row whose version grows with every change of the calendar: a server
-- keeps the calendar in memory and rereads it when the version moved, so
-- several servers on one database agree. A transition that sets a due date
-- reads it under a share lock, so it never computes with a calendar that a
-- concurrent change is replacing.
CREATE TABLE calendar_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO calendar_state (id, version) VALUES (1, 1);
INSERT INTO non_working_days (day, kind, name, created_by_username, created_at) VALUES
    (DATE '2026-01-01', 'libur_nasional', 'Tahun Baru 2026 Masehi', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-01-16', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-02-16', 'cuti_bersama', 'Tahun Baru Imlek 2577 Kongzili', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-02-17', 'libur_nasional', 'Tahun Baru Imlek 2577 Kongzili', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-18', 'cuti_bersama', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-19', 'libur_nasional', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-20', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-21', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-22', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-23', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-24', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-04-03', 'libur_nasional', 'Wafat Yesus Kristus', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-04-05', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-01', 'libur_nasional', 'Hari Buruh Internasional', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-14', 'libur_nasional', 'Kenaikan Yesus Kristus', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-15', 'cuti_bersama', 'Kenaikan Yesus Kristus', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-27', 'libur_nasional', 'Idul Adha 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-28', 'cuti_bersama', 'Idul Adha 1447 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-31', 'libur_nasional', 'Hari Raya Waisak 2570 BE', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-06-01', 'libur_nasional', 'Hari Lahir Pancasila', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-06-16', 'libur_nasional', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-08-17', 'libur_nasional', 'Proklamasi Kemerdekaan', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-08-25', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-12-24', 'cuti_bersama', 'Kelahiran Yesus Kristus', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-12-25', 'libur_nasional', 'Kelahiran Yesus Kristus', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00');
INSERT INTO non_working_day_changes (day, change, kind, name, reason, actor_username, at) VALUES
    (DATE '2026-01-01', 'add', 'libur_nasional', 'Tahun Baru 2026 Masehi', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-01-16', 'add', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-02-16', 'add', 'cuti_bersama', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-02-17', 'add', 'libur_nasional', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-18', 'add', 'cuti_bersama', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-19', 'add', 'libur_nasional', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-20', 'add', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-21', 'add', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-22', 'add', 'libur_nasional', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-23', 'add', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-03-24', 'add', 'cuti_bersama', 'Idul Fitri 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-04-03', 'add', 'libur_nasional', 'Wafat Yesus Kristus', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-04-05', 'add', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-01', 'add', 'libur_nasional', 'Hari Buruh Internasional', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-14', 'add', 'libur_nasional', 'Kenaikan Yesus Kristus', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-15', 'add', 'cuti_bersama', 'Kenaikan Yesus Kristus', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-27', 'add', 'libur_nasional', 'Idul Adha 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-28', 'add', 'cuti_bersama', 'Idul Adha 1447 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-05-31', 'add', 'libur_nasional', 'Hari Raya Waisak 2570 BE', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-06-01', 'add', 'libur_nasional', 'Hari Lahir Pancasila', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-06-16', 'add', 'libur_nasional', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-08-17', 'add', 'libur_nasional', 'Proklamasi Kemerdekaan', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-08-25', 'add', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-12-24', 'add', 'cuti_bersama', 'Kelahiran Yesus Kristus', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00'),
    (DATE '2026-12-25', 'add', 'libur_nasional', 'Kelahiran Yesus Kristus', 'SKB 2026', 'seed', TIMESTAMPTZ '2026-01-01 00:00:00+00');
CREATE TRIGGER non_working_day_changes_append_only BEFORE UPDATE OR DELETE ON non_working_day_changes
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER non_working_day_changes_no_truncate BEFORE TRUNCATE ON non_working_day_changes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Each claim's current stage: when it entered it and the working day it is
-- due (NULL: the claim waits on no office: returned to the heir, or final).
-- An engine event hook keeps them in the transition's transaction; the
-- queues read them in due order.
ALTER TABLE claims ADD COLUMN stage_started_at TIMESTAMPTZ;
ALTER TABLE claims ADD COLUMN stage_due_on DATE;
CREATE INDEX claims_status_due ON claims (status, stage_due_on, id);

-- +goose Down
DROP INDEX claims_status_due;
ALTER TABLE claims DROP COLUMN stage_due_on;
ALTER TABLE claims DROP COLUMN stage_started_at;
DROP TRIGGER non_working_day_changes_no_truncate ON non_working_day_changes;
DROP TRIGGER non_working_day_changes_append_only ON non_working_day_changes;
DROP TABLE calendar_state;
DROP INDEX non_working_day_changes_day;
DROP TABLE non_working_day_changes;
DROP TABLE non_working_days;
