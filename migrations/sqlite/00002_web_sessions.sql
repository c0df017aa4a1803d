-- +goose Up
-- Browser sessions are api_tokens of kind 'web': the cookie holds the token,
-- the table its hash. A web session also ends after a spell of inactivity,
-- measured from last_used_at (bumped at most once a minute per session, so
-- reading a page is not a write each time). API tokens ('api') keep only
-- their absolute expiry; last_used_at still says when one was last used.
ALTER TABLE api_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'api' CHECK (kind IN ('api', 'web'));
ALTER TABLE api_tokens ADD COLUMN last_used_at DATETIME;
UPDATE api_tokens SET last_used_at = created_at;

-- +goose Down
ALTER TABLE api_tokens DROP COLUMN last_used_at;
ALTER TABLE api_tokens DROP COLUMN kind;
