-- The learning programme: one table per record kind, the record kept whole as json beside the columns
-- it is read by. Reference tables (organisation-wide): programme_settings, unit_defaults,
-- calendar_exceptions, holiday_arrangements, sessions, closed_years. Per person (distributed by person_id
-- in Citus, co-located with segments): personal_plans, attendance, field_visits, research_reports,
-- annual_notes, change_requests.
-- `ord` numbers rows in the order they were first written: lists the embedded store returns in that
-- order (exceptions, sessions, attendance, visits, reports, changes at the same instant) come back the same.

CREATE TABLE programme_settings (
  id int PRIMARY KEY CHECK (id = 1),
  value json NOT NULL
);

CREATE TABLE unit_defaults (
  unit_id text NOT NULL,
  year int NOT NULL,
  stage text NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (unit_id, year, stage)
);

CREATE TABLE calendar_exceptions (
  ord bigserial NOT NULL,
  date text PRIMARY KEY,
  record json NOT NULL
);

CREATE TABLE holiday_arrangements (
  year int PRIMARY KEY,
  record json NOT NULL
);

CREATE TABLE sessions (
  ord bigserial NOT NULL,
  id text PRIMARY KEY,
  date text NOT NULL,
  code text NOT NULL,
  standing boolean NOT NULL,
  unit_ids text[] NOT NULL,
  record json NOT NULL
);
CREATE INDEX sessions_date ON sessions (date) WHERE standing;
CREATE INDEX sessions_code ON sessions (code) WHERE standing;
CREATE INDEX sessions_units ON sessions USING gin (unit_ids) WHERE standing;

CREATE TABLE closed_years (
  year int PRIMARY KEY,
  record json NOT NULL
);

CREATE TABLE personal_plans (
  person_id text NOT NULL,
  year int NOT NULL,
  stage text NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (person_id, year, stage)
);

CREATE TABLE attendance (
  ord bigserial NOT NULL,
  person_id text NOT NULL,
  session_id text NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (person_id, session_id)
);
CREATE INDEX attendance_session ON attendance (session_id);

CREATE TABLE field_visits (
  ord bigserial NOT NULL,
  person_id text NOT NULL,
  id text NOT NULL,
  date text NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (person_id, id)
);
CREATE INDEX field_visits_id ON field_visits (id);
CREATE INDEX field_visits_date ON field_visits (date);

CREATE TABLE research_reports (
  ord bigserial NOT NULL,
  person_id text NOT NULL,
  id text NOT NULL,
  date text NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (person_id, id)
);
CREATE INDEX research_reports_id ON research_reports (id);
CREATE INDEX research_reports_date ON research_reports (date);

CREATE TABLE annual_notes (
  person_id text NOT NULL,
  year int NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (person_id, year)
);

CREATE TABLE change_requests (
  person_id text NOT NULL,
  id text NOT NULL,
  ord bigserial NOT NULL,
  state text NOT NULL,
  proposed_at text NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (person_id, id)
);
CREATE INDEX change_requests_id ON change_requests (id);
CREATE INDEX change_requests_state ON change_requests (state, proposed_at COLLATE "C");
