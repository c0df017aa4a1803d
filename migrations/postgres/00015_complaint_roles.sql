-- +goose Up
-- Two staff roles for the public's complaints (aduan): the complaint officer
-- (pengelola_pengaduan) and the head of office (office_head), who reads the
-- reports and hears of every complaint past its deadline.
ALTER TABLE users
    DROP CONSTRAINT users_role_check,
    ADD CONSTRAINT users_role_check CHECK (role IN ('admin','dukcapil_clerk','dinsos_officer','treasurer','auditor','pengelola_pengaduan','office_head'));

-- +goose Down
ALTER TABLE users
    DROP CONSTRAINT users_role_check,
    ADD CONSTRAINT users_role_check CHECK (role IN ('admin','dukcapil_clerk','dinsos_officer','treasurer','auditor'));
