-- +goose Up
-- The oldest claim of each status (how long a queue has waited, for
-- /metrics) is one index lookup per status, however many claims there are.
CREATE INDEX claims_status_updated ON claims (status, updated_at);

-- +goose Down
DROP INDEX claims_status_updated;
