-- Who belonged to a unit over a range (Store.listUsers' belongedTo filter, a unit's report) without
-- reading every person's membership history: each person's units, kept with the row and indexed. users
-- is a reference table (in Citus: on every node), so this index is too.

-- Every unit a person's history names, or, with no history kept (a person stored before it was), their
-- current unit: the units userMatcher's belongedTo may match them by, whatever the range. A function so
-- that the stored column below may use it; immutable as it reads only its arguments.
CREATE FUNCTION membership_unit_ids(memberships json, unit_id text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN json_array_length(memberships) = 0 THEN array_remove(ARRAY[unit_id], NULL)
              ELSE ARRAY(SELECT DISTINCT m->>'unitId' FROM json_array_elements(memberships) m WHERE m->>'unitId' IS NOT NULL) END;

-- Computed by PostgreSQL at every insert and update, the rows already kept included (this statement
-- rewrites the table), so no write path can forget it.
ALTER TABLE users ADD COLUMN membership_units text[] GENERATED ALWAYS AS (membership_unit_ids(memberships, unit_id)) STORED;
CREATE INDEX users_membership_units ON users USING gin (membership_units);
