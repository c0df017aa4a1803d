-- +goose Up
-- Messages to the heir (and one-time codes to a phone being checked): the
-- record of each message, written in the transaction of the event that
-- causes it; a river job in the same transaction delivers it afterwards.
-- One message per event and channel; one per caller's reference and channel
-- for a code. The phone and a code's text are erased once it is done.
CREATE TABLE notifications (
    id                  BIGSERIAL PRIMARY KEY,
    claim_id            BIGINT REFERENCES claims(id),
    event_id            BIGINT REFERENCES claim_events(id),
    ref                 TEXT,
    channel             TEXT NOT NULL,
    kind                TEXT NOT NULL,
    recipient           TEXT NOT NULL DEFAULT '',
    body                TEXT NOT NULL DEFAULT '',
    params              TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL CHECK (status IN ('queued','sent','failed','cancelled')),
    attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error          TEXT NOT NULL DEFAULT '',
    provider_message_id TEXT NOT NULL DEFAULT '',
    created_at          TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ,
    next_attempt_at     TIMESTAMPTZ,
    CHECK (claim_id IS NOT NULL OR ref IS NOT NULL)
);
CREATE UNIQUE INDEX notifications_one_per_event ON notifications (event_id, channel);
CREATE UNIQUE INDEX notifications_one_per_ref ON notifications (ref, channel);
CREATE INDEX notifications_claim ON notifications (claim_id, id);

-- +goose Down
DROP TABLE notifications;
