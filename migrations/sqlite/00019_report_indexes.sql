-- +goose Up
-- The head of office's reports read a month of the audit trail: the claims
-- with any event in the month are one range scan of this index (covering,
-- so the claim ids come without reading the events), and their trails then
-- come through the (claim_id, seq) key. Without it a month report would
-- read the whole trail, which grows by every step of every claim.
CREATE INDEX claim_events_at ON claim_events (at, claim_id);
-- The month's complaints are those filed, verified, first answered or
-- escalated in it: each a range of its own index (filed and escalated have
-- theirs, 00017).
CREATE INDEX complaints_verified ON complaints (verified_at) WHERE verified_at IS NOT NULL;
CREATE INDEX complaints_first_answered ON complaints (first_answered_at) WHERE first_answered_at IS NOT NULL;

-- +goose Down
DROP INDEX complaints_first_answered;
DROP INDEX complaints_verified;
DROP INDEX claim_events_at;
