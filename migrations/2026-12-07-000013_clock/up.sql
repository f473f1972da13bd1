-- One clock for the server and the database. The server sets `linli.clock_offset` (whole
-- seconds) on each of its connections from its own clock; it is never set in production,
-- where these functions are now() and today's date in China. Every default that stamped
-- now() or current_date stamps the same clock instead, so demo and test runs with a shifted
-- clock (LINLI_CLOCK) see one consistent time in Rust and in SQL.

CREATE FUNCTION linli_now() RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT now() + coalesce(nullif(current_setting('linli.clock_offset', true), '')::bigint, 0)
                 * interval '1 second'
$$;

COMMENT ON FUNCTION linli_now() IS
  'now() shifted by the session''s linli.clock_offset (seconds; unset in production)';

CREATE FUNCTION linli_today() RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (linli_now() AT TIME ZONE 'Asia/Shanghai')::date
$$;

COMMENT ON FUNCTION linli_today() IS 'today''s date in China by linli_now()';

DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT table_name, column_name, column_default
      FROM information_schema.columns
     WHERE table_schema = 'public'
       AND column_default IN ('now()', 'CURRENT_DATE')
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT %s',
                   c.table_name, c.column_name,
                   CASE c.column_default WHEN 'now()' THEN 'linli_now()' ELSE 'linli_today()' END);
  END LOOP;
END
$$;
