-- A month's credited seconds by resource kept as the days keep theirs (issue 19): [id, seconds, …] by id
-- (byte order, as byResourcePairs sorts), in a json column, instead of a jsonb object. A report reading
-- 20,000 people's year passes them through as they are: turning each object back into sorted pairs in
-- the server was a tenth of the organisation's annual summary's time (measured in
-- docs/postgresql-store.md#monthly-sums).

-- The months already kept, converted in place (a transform may not hold a subquery; a function may).
CREATE FUNCTION pg_temp.resource_pairs(by_resource jsonb) RETURNS json LANGUAGE sql IMMUTABLE
  RETURN (SELECT coalesce(('[' || string_agg(to_json(r.key)::text || ',' || r.value::text, ',' ORDER BY r.key COLLATE "C") || ']')::json, '[]')
            FROM jsonb_each(by_resource) r);
ALTER TABLE month_totals ALTER COLUMN by_resource TYPE json USING pg_temp.resource_pairs(by_resource);

-- Migration 095's function, writing the pairs.
CREATE OR REPLACE FUNCTION refresh_month_totals(persons text[], from_day int, to_day int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM month_totals WHERE person_id = ANY(persons) AND month BETWEEN month_start(from_day) AND to_day;
  WITH d AS (
    SELECT person_id, day, month_start(day) AS month, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds,
           outside_allowlist_seconds, invalid_seconds, by_resource
      FROM day_totals WHERE person_id = ANY(persons) AND day BETWEEN month_start(from_day) AND month_end(to_day)
  ), by_res AS (
    SELECT person_id, month, ('[' || string_agg(to_json(resource)::text || ',' || seconds, ',' ORDER BY resource COLLATE "C") || ']')::json AS by_resource FROM (
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
         s.invalid_seconds, coalesce(b.by_resource, '[]'), y.daily_credited
    FROM sums s LEFT JOIN by_res b USING (person_id, month) JOIN daily y USING (person_id, month);
END
$$;
