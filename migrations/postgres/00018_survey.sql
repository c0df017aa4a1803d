-- +goose Up
-- The satisfaction survey (SKM, Permenpan RB 14/2017) offered to the heir of
-- each paid claim. An invite is the claim's one chance to answer; its
-- tokens are the secrets of the links (the paid message's, without end;
-- the tracking page's, short-lived), stored as SHA-256 hashes.
CREATE TABLE survey_invites (
    id         BIGSERIAL PRIMARY KEY,
    claim_id   BIGINT      NOT NULL UNIQUE REFERENCES claims(id),
    created_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE TABLE survey_tokens (
    token_hash TEXT        PRIMARY KEY,
    invite_id  BIGINT      NOT NULL REFERENCES survey_invites(id),
    expires_at TIMESTAMPTZ
);
CREATE INDEX survey_tokens_invite ON survey_tokens (invite_id);
CREATE INDEX survey_tokens_expiry ON survey_tokens (expires_at);
-- The answers, anonymous: no claim, no invite, no time but the month
-- answered (period, YYYY-MM), and a random id, so that neither a column nor
-- the order of ids ties an answer to the invite marked used with it.
CREATE TABLE survey_answers (
    id                 TEXT     PRIMARY KEY,
    period             TEXT     NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    requirements       SMALLINT NOT NULL CHECK (requirements BETWEEN 1 AND 4),
    procedure          SMALLINT NOT NULL CHECK (procedure BETWEEN 1 AND 4),
    service_time       SMALLINT NOT NULL CHECK (service_time BETWEEN 1 AND 4),
    cost               SMALLINT NOT NULL CHECK (cost BETWEEN 1 AND 4),
    product            SMALLINT NOT NULL CHECK (product BETWEEN 1 AND 4),
    competence         SMALLINT NOT NULL CHECK (competence BETWEEN 1 AND 4),
    behaviour          SMALLINT NOT NULL CHECK (behaviour BETWEEN 1 AND 4),
    complaint_handling SMALLINT NOT NULL CHECK (complaint_handling BETWEEN 1 AND 4),
    facilities         SMALLINT NOT NULL CHECK (facilities BETWEEN 1 AND 4),
    comment            TEXT     NOT NULL DEFAULT ''
);
CREATE INDEX survey_answers_period ON survey_answers (period, id);

-- +goose Down
DROP TABLE survey_answers;
DROP TABLE survey_tokens;
DROP TABLE survey_invites;
