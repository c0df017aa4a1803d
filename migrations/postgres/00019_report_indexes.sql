-- +goose Up
-- The head of office's reports read a month of the audit trail: the claims
-- with any event in the month are one range scan of this index (covering,
-- so the claim ids come without reading the events), and their trails then
-- come through the (claim_id, seq) key. Without it a month report would
-- read the whole trail, which grows by every step of every claim.
CREATE INDEX claim_events_at ON claim_events (at, claim_id);

-- +goose Down
DROP INDEX claim_events_at;
