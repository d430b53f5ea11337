-- Several hosts on one database: the once-per-deployment jobs' leases and the platforms' shared send budgets.
-- Neither holds personal data: a lease names a job and a host, a budget row is keyed by a hash of the bot token.

-- One row per job (retention, mailings, a channel's outbox sender, a channel's poller…). A host holds a job while
-- holder is its id and expires_at is ahead; it renews every few seconds, so a host that dies loses its jobs within
-- seconds and another host takes them over.
CREATE TABLE fleet_leases (
    job        text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);

-- One token bucket per bot token (SHA-256 of the token, never the token): every host takes its permits from it, a
-- small batch at a time. granted is what the last taker got (read back by RETURNING in the same statement).
CREATE TABLE fleet_send_budget (
    token_hash  text             PRIMARY KEY,
    tokens      double precision NOT NULL,
    refilled_at timestamptz      NOT NULL,
    granted     integer          NOT NULL
);

-- The bucket's level at $3: what was left at $2 plus $5 a second since, never above the capacity $4.
CREATE FUNCTION fleet_refill(double precision, timestamptz, timestamptz, double precision, double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT least($4, $1 + $5 * greatest(0, extract(epoch FROM $3 - $2))) $$;
