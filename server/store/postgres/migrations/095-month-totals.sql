-- Each person's daily totals summed by calendar month (issue 19): the annual summary and the whole
-- months of a unit's report read 12 rows a person for a year instead of about 250. A month row is the
-- sum of that person's day_totals rows in that month, always: every write of day_totals refreshes the
-- months it touched in the same transaction, with refresh_month_totals below (the sync sends it with its
-- days' upsert and the COMMIT, migrate-store after copying the days, an erasure deletes the person's
-- rows), and this migration fills it from the days already kept. Per person, keyed person first (in
-- Citus: distributed by person_id, co-located with day_totals). Numbered after 090 so that other
-- changes' migrations keep their numbers.

-- A day number (days since 1970-01-01, shared/time/day-numbers.ts) → its month's first day number.
-- Calendar arithmetic on a date, so no time zone setting enters it.
CREATE FUNCTION month_start(day int) RETURNS int LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (date_trunc('month', (DATE '1970-01-01' + day)::timestamp)::date - DATE '1970-01-01');

-- The month's last day number.
CREATE FUNCTION month_end(day int) RETURNS int LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ((date_trunc('month', (DATE '1970-01-01' + day)::timestamp) + interval '1 month')::date - DATE '1970-01-01') - 1;

CREATE TABLE month_totals (
  person_id text NOT NULL,
  -- The month's first day number.
  month int NOT NULL,
  -- How many day_totals rows the month sums (a month with none keeps no row).
  days int NOT NULL,
  raw_seconds bigint NOT NULL,
  credited_seconds bigint NOT NULL,
  overlap_seconds bigint NOT NULL,
  daily_cap_seconds bigint NOT NULL,
  outside_allowlist_seconds bigint NOT NULL,
  invalid_seconds bigint NOT NULL,
  -- Credited seconds by resource id: {"res1": 5400, …} (the days keep [id, seconds, …] arrays).
  by_resource jsonb NOT NULL,
  -- Credited seconds on each day of the month, its first day first (0 where it has no total): a unit's
  -- daily trend reads a month of a person from this one row.
  daily_credited bigint[] NOT NULL,
  PRIMARY KEY (person_id, month)
);

-- Makes the month rows of `persons` for every month that meets [from_day, to_day] the sums of their
-- day_totals rows again (a month left with no days loses its row). Reads only those people's days in
-- those months: a sync's call reads at most a month or two of one person's days. PL/pgSQL so that a
-- connection plans its two statements once (an SQL function plans them at every call: about 3 ms of a
-- sync, measured).
CREATE FUNCTION refresh_month_totals(persons text[], from_day int, to_day int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM month_totals WHERE person_id = ANY(persons) AND month BETWEEN month_start(from_day) AND to_day;
  WITH d AS (
    SELECT person_id, day, month_start(day) AS month, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds,
           outside_allowlist_seconds, invalid_seconds, by_resource
      FROM day_totals WHERE person_id = ANY(persons) AND day BETWEEN month_start(from_day) AND month_end(to_day)
  ), by_res AS (
    SELECT person_id, month, jsonb_object_agg(resource, seconds) AS by_resource FROM (
      SELECT d.person_id, d.month, d.by_resource->>(2 * i) AS resource, sum((d.by_resource->>(2 * i + 1))::bigint) AS seconds
        FROM d, generate_series(0, json_array_length(d.by_resource) / 2 - 1) AS i
       GROUP BY 1, 2, 3
    ) r GROUP BY 1, 2
  ), sums AS (
    SELECT person_id, month, count(*) AS days, sum(raw_seconds) AS raw_seconds, sum(credited_seconds) AS credited_seconds,
           sum(overlap_seconds) AS overlap_seconds, sum(daily_cap_seconds) AS daily_cap_seconds,
           sum(outside_allowlist_seconds) AS outside_allowlist_seconds, sum(invalid_seconds) AS invalid_seconds
      FROM d GROUP BY 1, 2
  ), daily AS (
    SELECT m.person_id, m.month, array_agg(coalesce(d.credited_seconds, 0) ORDER BY g.day) AS daily_credited
      FROM (SELECT DISTINCT person_id, month FROM d) m
      CROSS JOIN LATERAL generate_series(m.month, month_end(m.month)) AS g(day)
      LEFT JOIN d ON d.person_id = m.person_id AND d.day = g.day
     GROUP BY 1, 2
  )
  INSERT INTO month_totals (person_id, month, days, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource, daily_credited)
  SELECT s.person_id, s.month, s.days, s.raw_seconds, s.credited_seconds, s.overlap_seconds, s.daily_cap_seconds, s.outside_allowlist_seconds,
         s.invalid_seconds, coalesce(b.by_resource, '{}'), y.daily_credited
    FROM sums s LEFT JOIN by_res b USING (person_id, month) JOIN daily y USING (person_id, month);
END
$$;

-- The days kept before this migration, summed once, 1,000 people a call.
SELECT refresh_month_totals(array_agg(person_id), (SELECT min(day) FROM day_totals), (SELECT max(day) FROM day_totals))
  FROM (SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1) / 1000 AS batch FROM (SELECT DISTINCT person_id FROM day_totals) p) b
 GROUP BY batch;
