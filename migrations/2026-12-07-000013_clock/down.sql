DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT table_name, column_name, column_default
      FROM information_schema.columns
     WHERE table_schema = 'public'
       AND column_default IN ('linli_now()', 'linli_today()')
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT %s',
                   c.table_name, c.column_name,
                   CASE c.column_default WHEN 'linli_now()' THEN 'now()' ELSE 'CURRENT_DATE' END);
  END LOOP;
END
$$;

DROP FUNCTION linli_today();
DROP FUNCTION linli_now();
