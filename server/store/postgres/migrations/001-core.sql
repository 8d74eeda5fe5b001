-- The core store: organisation, policy, sign-ins, audit, segments, day totals and notes.
--
-- Reference tables (organisation-wide, small, read by every request; in Citus: create_reference_table):
-- store_meta, settings, policy_versions, units, users, resources, audit.
-- Per-person tables (keyed and indexed person first; in Citus: create_distributed_table(…, 'person_id'),
-- all co-located): segments, refused_segments, day_totals, notes, tokens (by user_id).
-- Id claims (segment_ids, note_ids): one row per id sent, keyed by the id alone, so "this id is already
-- someone's" is one unique index; in Citus distributed by id, in their own co-location group. No query
-- joins them with the per-person tables.
-- Instants are kept as the ISO text the server wrote (round-trips exactly); *_ms columns hold the
-- epoch milliseconds that ranges are read by.

CREATE TABLE store_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE settings (
  id int PRIMARY KEY CHECK (id = 1),
  value json NOT NULL
);

CREATE TABLE policy_versions (
  version int PRIMARY KEY,
  at text NOT NULL,
  settings json NOT NULL,
  resources json NOT NULL
);

CREATE TABLE units (
  id text PRIMARY KEY,
  ord bigserial NOT NULL,
  name text NOT NULL,
  parent_id text,
  created_at text NOT NULL
);
CREATE INDEX units_ord ON units (ord);

CREATE TABLE users (
  id text PRIMARY KEY,
  ord bigserial NOT NULL,
  username text NOT NULL,
  username_key text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL,
  unit_id text,
  password_hash text NOT NULL,
  active boolean NOT NULL,
  created_at text NOT NULL,
  memberships json NOT NULL
);
CREATE INDEX users_ord ON users (ord);
CREATE INDEX users_unit ON users (unit_id, ord);

CREATE TABLE resources (
  id text PRIMARY KEY,
  ord bigserial NOT NULL,
  record json NOT NULL
);
CREATE INDEX resources_ord ON resources (ord);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at text NOT NULL,
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  details text NOT NULL,
  reason text,
  address text
);
CREATE INDEX audit_target ON audit (target, id);

CREATE TABLE tokens (
  user_id text NOT NULL,
  token_hash text NOT NULL,
  id text NOT NULL,
  ord bigserial NOT NULL,
  kind text NOT NULL,
  label text NOT NULL,
  device_id text,
  created_at text NOT NULL,
  last_used_at text,
  last_used_ms bigint,
  expires_at text,
  PRIMARY KEY (user_id, token_hash)
);
-- Every request finds its token by hash (a SHA-256 of a random secret: unique without a constraint).
CREATE INDEX tokens_hash ON tokens (token_hash);
CREATE INDEX tokens_id ON tokens (id);

CREATE TABLE segment_ids (
  id text PRIMARY KEY,
  person_id text NOT NULL
);

CREATE TABLE segments (
  person_id text NOT NULL,
  id text NOT NULL,
  device_id text NOT NULL,
  resource_id text NOT NULL,
  url text NOT NULL,
  title text NOT NULL,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL,
  mode text NOT NULL,
  policy_version int NOT NULL,
  received_ms bigint NOT NULL,
  PRIMARY KEY (person_id, id)
);
-- A person's segments over a range (reports, recounting a day: end_ms > from AND start_ms < to), and the retention fold.
CREATE INDEX segments_person_end ON segments (person_id, end_ms);
CREATE INDEX segments_end ON segments USING brin (end_ms);

CREATE TABLE refused_segments (
  person_id text NOT NULL,
  id text NOT NULL,
  device_id text NOT NULL,
  reason text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  content_hash text NOT NULL,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL,
  received_ms bigint NOT NULL,
  PRIMARY KEY (person_id, id)
);
CREATE INDEX refused_person_end ON refused_segments (person_id, end_ms);
CREATE INDEX refused_end ON refused_segments USING brin (end_ms);

CREATE TABLE day_totals (
  person_id text NOT NULL,
  day int NOT NULL,
  raw_seconds bigint NOT NULL,
  credited_seconds bigint NOT NULL,
  overlap_seconds bigint NOT NULL,
  daily_cap_seconds bigint NOT NULL,
  outside_allowlist_seconds bigint NOT NULL,
  invalid_seconds bigint NOT NULL,
  by_resource json NOT NULL,
  PRIMARY KEY (person_id, day)
);

CREATE TABLE note_ids (
  id text PRIMARY KEY,
  person_id text NOT NULL
);

-- The note is kept as the JSON text it arrived in (json, not jsonb): the merge rule's tie-break compares
-- JSON texts, so the keys' order must survive.
CREATE TABLE notes (
  person_id text NOT NULL,
  id text NOT NULL,
  note json NOT NULL,
  review json,
  seq bigint NOT NULL,
  created_at text NOT NULL,
  created_ms bigint NOT NULL,
  live boolean NOT NULL,
  resource_id text,
  tags text[] NOT NULL,
  search_text text NOT NULL,
  PRIMARY KEY (person_id, id)
);
CREATE SEQUENCE note_seq;
-- A person's changes since a cursor; the notes pages (by people, newest first); counts per person.
CREATE INDEX notes_person_seq ON notes (person_id, seq);
CREATE INDEX notes_person_created ON notes (person_id, created_at COLLATE "C" DESC, id COLLATE "C") WHERE live;
CREATE INDEX notes_created ON notes (created_at COLLATE "C" DESC, id COLLATE "C") WHERE live;
CREATE INDEX notes_id ON notes (id);
CREATE INDEX notes_tags ON notes USING gin (tags) WHERE live;
