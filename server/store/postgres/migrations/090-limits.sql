-- Sign-in throttling and sync rate limits, counted here so that every server process on this database
-- counts against the same rows (server/store/postgres/postgres-limiter.ts). Numbered well after the
-- store's own migrations so theirs keep their order. UNLOGGED: they are written on every sync, and a
-- crash or a failover that forgets them only restarts the counting, as a restart of one embedded server
-- does (see docs/deployment.md).

-- One row per sign-in attempt against a key ('account:<name>' or 'address:<ip>'): pending while its
-- password is checked, then kept (a wrong guess, until it leaves the window) or deleted.
CREATE UNLOGGED TABLE limit_attempts (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  at_ms bigint NOT NULL,
  pending boolean NOT NULL DEFAULT true
);
CREATE INDEX limit_attempts_by_key ON limit_attempts (key, at_ms);

-- One token bucket per sync key (a token's hash): tokens left at at_ms; granted says whether the last
-- take got one, so one upsert both decides and answers.
CREATE UNLOGGED TABLE limit_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  at_ms bigint NOT NULL,
  granted boolean NOT NULL
);
