-- +goose Up
-- A password an admin sets (at creation or reset), or the bootstrap admin's,
-- is one-time: its holder must replace it at the next login.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;

-- Failed logins count per username and client (an IPv4 address, or the /64
-- of an IPv6 one), so a stranger locks out only their own client; the row
-- with client '*' counts a username's failures from every client and slows
-- strangers down past a ceiling. last_success_at marks a client the user
-- signed in from, which that slowing spares. Locks in flight are dropped:
-- they were minutes long.
DROP TABLE login_lockouts;
CREATE TABLE login_throttle (
    username        TEXT NOT NULL,
    client          TEXT NOT NULL,
    failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    window_start    DATETIME,
    last_failure_at DATETIME,
    blocked_until   DATETIME,
    last_success_at DATETIME,
    PRIMARY KEY (username, client)
);

-- The security log is hash-chained like the claim trail: hash is SHA-256
-- over prev_hash and the event's canonical JSON. Events written before this
-- migration keep hash '' and are folded into the chain by the first append
-- after it (auth/security_chain.go). reason is a stable code (why a login
-- failed, the role of a created user) that pages translate.
ALTER TABLE security_events ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE security_events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE security_events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
-- The auditor's page filters by account and pages newest first by id.
CREATE INDEX security_events_username_id ON security_events (username, id);

-- +goose Down
DROP INDEX security_events_username_id;
ALTER TABLE security_events DROP COLUMN hash;
ALTER TABLE security_events DROP COLUMN prev_hash;
ALTER TABLE security_events DROP COLUMN reason;
DROP TABLE login_throttle;
CREATE TABLE login_lockouts (
    username     TEXT PRIMARY KEY,
    locked_until DATETIME NOT NULL
);
ALTER TABLE users DROP COLUMN password_change_required;
