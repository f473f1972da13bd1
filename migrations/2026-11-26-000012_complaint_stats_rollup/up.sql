-- The dashboard's complaint statistics (GET /stats/complaints without a period) at
-- district scale.
--
-- Computed from the complaints, exact medians and p90s sort every complaint in the
-- caller's scope: 55 s for a district of 10 million. The all-time figures are now read
-- from a rollup kept beside the complaints:
--
--   complaint_stat_totals      per area, at every level from the district down to each
--                              compound, and per grouping key (all / category / handler):
--                              volume, accepted, resolved, open overdue, on time, rated...
--                              exact counts;
--   complaint_stat_histograms  for the same keys, how many acceptance and resolution times
--                              fall into each bucket of complaint_hours_bucket(): under a
--                              minute, then buckets 5 % wide; one row per key and measure
--                              with its buckets and counts as arrays, so a district's
--                              600 compounds are 1,200 rows to read. Medians and p90s are
--                              read off the merged histogram (within 5 % of the exact value).
--
-- A district admin's dashboard then reads one row per group and measure bucket instead
-- of every complaint: the rows at the level that matches the scope (the scope's own area
-- for category and handler, the subdistricts or compounds inside it otherwise).
--
-- Writers never update a shared counter (that would serialise every change in an area
-- until commit): statement triggers append one signed delta per changed signature to
-- complaint_stat_deltas, and complaint_stats_compact(), run by the server every few
-- seconds, folds them into the rollup in one statement. Readers add the deltas not yet
-- folded, so the figures are exact as of the reader's snapshot, compacted or not.

-- 0 = under a minute; b >= 1 covers [1.05^(b-1), 1.05^b) minutes. The same bounds are
-- in linli_domain::complaint_stats.
CREATE FUNCTION complaint_hours_bucket(hours double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN hours IS NULL THEN NULL
        WHEN hours * 60 < 1 THEN 0
        ELSE least(32767, 1 + floor(ln(hours * 60) / ln(1.05)))::smallint
    END
$$;

-- What a complaint contributes to the statistics. Complaints merged into another
-- (duplicate_of) contribute nothing, as in the exact computation.
-- Arguments: area_path, category_code, handler_org_id, created_at, accepted_at,
-- resolved_at, resolve_by, overdue, status, rating of one complaint.
CREATE FUNCTION complaint_stat_signature(
    text, text, uuid, timestamptz, timestamptz, timestamptz, timestamptz, boolean, text, smallint
) RETURNS TABLE (
    area_path text, category_code text, handler_key text, accept_bucket smallint,
    resolve_bucket smallint, open_overdue boolean, on_time boolean, timed boolean, rating smallint
) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT $1, $2, coalesce($3::text, ''),
        complaint_hours_bucket(extract(epoch FROM $5 - $4)::float8 / 3600.0),
        complaint_hours_bucket(extract(epoch FROM $6 - $4)::float8 / 3600.0),
        $8 AND $9 NOT IN ('closed', 'rejected'),
        coalesce($6 <= $7, false),
        $6 IS NOT NULL AND $7 IS NOT NULL,
        $10
$$;

CREATE TABLE complaint_stat_deltas (
    -- The compound's path.
    area_path       text NOT NULL,
    category_code   text NOT NULL,
    -- The handling organisation's id, '' while none.
    handler_key     text NOT NULL,
    -- NULL while not accepted / not resolved.
    accept_bucket   smallint,
    resolve_bucket  smallint,
    open_overdue    boolean NOT NULL,
    on_time         boolean NOT NULL,
    timed           boolean NOT NULL,
    rating          smallint,
    -- Signed: +1 for each complaint that now has this signature, -1 for each that had it.
    n               bigint NOT NULL
);

CREATE TABLE complaint_stat_totals (
    -- An area containing the complaints: district, subdistrict, community or compound.
    area_path     text NOT NULL,
    depth         integer NOT NULL,
    -- True for a compound's own row (complaints are filed on compounds).
    leaf          boolean NOT NULL,
    dim           text NOT NULL CHECK (dim IN ('all', 'category', 'handler')),
    -- '' for 'all'; the category code; the handler's id ('' while none).
    key           text NOT NULL,
    volume        bigint NOT NULL,
    accepted      bigint NOT NULL,
    resolved      bigint NOT NULL,
    open_overdue  bigint NOT NULL,
    on_time       bigint NOT NULL,
    timed         bigint NOT NULL,
    rating_sum    bigint NOT NULL,
    rated         bigint NOT NULL,
    PRIMARY KEY (area_path, dim, key)
);
CREATE INDEX complaint_stat_totals_level_idx ON complaint_stat_totals (dim, leaf, depth);

CREATE TABLE complaint_stat_histograms (
    area_path  text NOT NULL,
    depth      integer NOT NULL,
    leaf       boolean NOT NULL,
    dim        text NOT NULL CHECK (dim IN ('all', 'category', 'handler')),
    key        text NOT NULL,
    measure    text NOT NULL CHECK (measure IN ('accept', 'resolve')),
    -- Ascending bucket numbers and how many times fall into each (never 0).
    buckets    smallint[] NOT NULL,
    counts     bigint[] NOT NULL CHECK (cardinality(counts) = cardinality(buckets)),
    PRIMARY KEY (area_path, dim, key, measure)
);
CREATE INDEX complaint_stat_histograms_level_idx ON complaint_stat_histograms (dim, leaf, depth);

-- JIT off in these three: their estimates (thousands of levels per delta, by default)
-- would otherwise make PostgreSQL spend a second compiling each run of a few rows.
CREATE FUNCTION complaint_stat_deltas_apply() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_stat_deltas
        SELECT s.*, count(*)
        FROM new_rows c, complaint_stat_signature(c.area_path, c.category_code, c.handler_org_id, c.created_at,
            c.accepted_at, c.resolved_at, c.resolve_by, c.overdue, c.status, c.rating) s
        WHERE c.duplicate_of IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Most updates (notes, versions, assignment before acceptance...) change no
        -- signature: the two sides cancel and nothing is written.
        INSERT INTO complaint_stat_deltas
        SELECT s.*, sum(c.n)
        FROM (SELECT o.*, -1 AS n FROM old_rows o UNION ALL SELECT w.*, 1 FROM new_rows w) c,
            complaint_stat_signature(c.area_path, c.category_code, c.handler_org_id, c.created_at,
                c.accepted_at, c.resolved_at, c.resolve_by, c.overdue, c.status, c.rating) s
        WHERE c.duplicate_of IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        HAVING sum(c.n) <> 0;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO complaint_stat_deltas
        SELECT s.*, -count(*)
        FROM old_rows c, complaint_stat_signature(c.area_path, c.category_code, c.handler_org_id, c.created_at,
            c.accepted_at, c.resolved_at, c.resolve_by, c.overdue, c.status, c.rating) s
        WHERE c.duplicate_of IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
    ELSE
        DELETE FROM complaint_stat_deltas;
        DELETE FROM complaint_stat_totals;
        DELETE FROM complaint_stat_histograms;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER complaint_stat_deltas_insert AFTER INSERT ON complaints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_stat_deltas_apply();
CREATE TRIGGER complaint_stat_deltas_update AFTER UPDATE ON complaints
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_stat_deltas_apply();
CREATE TRIGGER complaint_stat_deltas_delete AFTER DELETE ON complaints
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_stat_deltas_apply();
CREATE TRIGGER complaint_stat_deltas_truncate AFTER TRUNCATE ON complaints
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_stat_deltas_apply();

-- Folds the deltas into the rollup. Counted first per compound and grouping key (the
-- grouping sets), then into every area above the compound: paths are '/<id>/<id>/.../'
-- with 36-character ids, so the ancestors are prefixes. A compound's own rows hold only
-- the 'all' grouping (a scope that is a single compound is small enough to count exactly
-- by category or handler; see linli_persistence::complaint_stats). One statement: it
-- deletes only the deltas its snapshot sees and adds them to the rollup, so a reader sees
-- the deltas or their sums, never both; deltas committed meanwhile wait for the next run.
-- One compaction at a time.
CREATE FUNCTION complaint_stats_compact() RETURNS bigint LANGUAGE sql SET jit = off AS $$
    SELECT pg_advisory_xact_lock(hashtext('complaint_stats_compact'));
    WITH gone AS (DELETE FROM complaint_stat_deltas RETURNING *),
    cells AS (
        SELECT area_path,
               CASE WHEN GROUPING(category_code) = 0 THEN 'category' WHEN GROUPING(handler_key) = 0 THEN 'handler' ELSE 'all' END AS dim,
               coalesce(category_code, handler_key, '') AS key,
               sum(n) AS volume,
               coalesce(sum(n) FILTER (WHERE accept_bucket IS NOT NULL), 0) AS accepted,
               coalesce(sum(n) FILTER (WHERE resolve_bucket IS NOT NULL), 0) AS resolved,
               coalesce(sum(n) FILTER (WHERE open_overdue), 0) AS open_overdue,
               coalesce(sum(n) FILTER (WHERE on_time), 0) AS on_time,
               coalesce(sum(n) FILTER (WHERE timed), 0) AS timed,
               coalesce(sum(n * rating) FILTER (WHERE rating IS NOT NULL), 0) AS rating_sum,
               coalesce(sum(n) FILTER (WHERE rating IS NOT NULL), 0) AS rated
        FROM gone
        GROUP BY GROUPING SETS ((area_path), (area_path, category_code), (area_path, handler_key))
    ),
    bucket_cells AS (
        SELECT area_path,
               CASE WHEN GROUPING(category_code) = 0 THEN 'category' WHEN GROUPING(handler_key) = 0 THEN 'handler' ELSE 'all' END AS dim,
               coalesce(category_code, handler_key, '') AS key, m.measure, m.bucket, sum(n) AS n
        FROM gone CROSS JOIN LATERAL (VALUES ('accept', accept_bucket), ('resolve', resolve_bucket)) m (measure, bucket)
        WHERE m.bucket IS NOT NULL
        GROUP BY GROUPING SETS ((area_path, m.measure, m.bucket), (area_path, category_code, m.measure, m.bucket),
                                (area_path, handler_key, m.measure, m.bucket))
    ),
    totals AS (
        INSERT INTO complaint_stat_totals AS t (area_path, depth, leaf, dim, key, volume, accepted,
            resolved, open_overdue, on_time, timed, rating_sum, rated)
        SELECT left(c.area_path, 1 + 37 * k), k - 1, 1 + 37 * k = length(c.area_path), c.dim, c.key,
               sum(volume), sum(accepted), sum(resolved), sum(open_overdue), sum(on_time), sum(timed),
               sum(rating_sum), sum(rated)
        FROM cells c CROSS JOIN generate_series(1, (length(c.area_path) - 1) / 37) k
        WHERE c.dim = 'all' OR 1 + 37 * k < length(c.area_path)
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (area_path, dim, key) DO UPDATE SET
            volume = t.volume + excluded.volume, accepted = t.accepted + excluded.accepted,
            resolved = t.resolved + excluded.resolved, open_overdue = t.open_overdue + excluded.open_overdue,
            on_time = t.on_time + excluded.on_time, timed = t.timed + excluded.timed,
            rating_sum = t.rating_sum + excluded.rating_sum, rated = t.rated + excluded.rated
        RETURNING 1
    ),
    histograms AS (
        INSERT INTO complaint_stat_histograms AS h (area_path, depth, leaf, dim, key, measure, buckets, counts)
        SELECT path, depth, leaf, dim, key, measure, array_agg(bucket ORDER BY bucket), array_agg(n ORDER BY bucket)
        FROM (
            SELECT left(c.area_path, 1 + 37 * k) AS path, k - 1 AS depth, 1 + 37 * k = length(c.area_path) AS leaf,
                   c.dim, c.key, c.measure, c.bucket, sum(c.n)::bigint AS n
            FROM bucket_cells c CROSS JOIN generate_series(1, (length(c.area_path) - 1) / 37) k
            WHERE c.dim = 'all' OR 1 + 37 * k < length(c.area_path)
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            HAVING sum(c.n) <> 0
        ) per_bucket
        GROUP BY path, depth, leaf, dim, key, measure
        -- Adds the new counts bucket by bucket; buckets that reach 0 are dropped.
        ON CONFLICT (area_path, dim, key, measure) DO UPDATE SET (buckets, counts) = (
            SELECT coalesce(array_agg(b ORDER BY b), '{}'), coalesce(array_agg(n ORDER BY b), '{}')
            FROM (
                SELECT b, sum(n)::bigint AS n
                FROM unnest(h.buckets || excluded.buckets, h.counts || excluded.counts) u (b, n)
                GROUP BY b HAVING sum(n) <> 0
            ) merged
        )
        RETURNING 1
    )
    SELECT count(*) FROM gone;
$$;

-- Recounts from the complaints themselves: after a bulk load that bypassed the triggers,
-- or to prove the rollup right (the result must equal what triggers and compaction
-- give). The same counting as compaction, straight from the complaints, so ten million of
-- them are one pass each for counts and histograms rather than ten million deltas.
CREATE FUNCTION complaint_stats_rebuild() RETURNS bigint LANGUAGE plpgsql SET jit = off SET work_mem = '256MB' AS $$
DECLARE
    counted bigint;
BEGIN
    LOCK TABLE complaints IN SHARE MODE;
    PERFORM pg_advisory_xact_lock(hashtext('complaint_stats_compact'));
    DELETE FROM complaint_stat_deltas;
    DELETE FROM complaint_stat_totals;
    DELETE FROM complaint_stat_histograms;
    INSERT INTO complaint_stat_totals (area_path, depth, leaf, dim, key, volume, accepted, resolved,
        open_overdue, on_time, timed, rating_sum, rated)
    SELECT left(c.area_path, 1 + 37 * k), k - 1, 1 + 37 * k = length(c.area_path), c.dim, c.key,
           sum(volume), sum(accepted), sum(resolved), sum(open_overdue), sum(on_time), sum(timed),
           sum(rating_sum), sum(rated)
    FROM (
        SELECT area_path,
               CASE WHEN GROUPING(category_code) = 0 THEN 'category' WHEN GROUPING(handler_key) = 0 THEN 'handler' ELSE 'all' END AS dim,
               coalesce(category_code, handler_key, '') AS key,
               sum(volume) AS volume, sum(accepted) AS accepted, sum(resolved) AS resolved,
               sum(open_overdue) AS open_overdue, sum(on_time) AS on_time, sum(timed) AS timed,
               sum(rating_sum) AS rating_sum, sum(rated) AS rated
        FROM (
            SELECT a.path AS area_path, s.category_code, s.handler_key, count(*) AS volume,
                   count(s.accept_bucket) AS accepted, count(s.resolve_bucket) AS resolved,
                   count(*) FILTER (WHERE s.open_overdue) AS open_overdue,
                   count(*) FILTER (WHERE s.on_time) AS on_time, count(*) FILTER (WHERE s.timed) AS timed,
                   coalesce(sum(s.rating), 0) AS rating_sum, count(s.rating) AS rated
            FROM complaints x, complaint_stat_signature(x.compound_id::text, x.category_code, x.handler_org_id,
                x.created_at, x.accepted_at, x.resolved_at, x.resolve_by, x.overdue, x.status, x.rating) s,
                areas a
            WHERE x.duplicate_of IS NULL AND a.id = s.area_path::uuid
            GROUP BY a.path, s.area_path, s.category_code, s.handler_key
        ) per_compound
        GROUP BY GROUPING SETS ((area_path), (area_path, category_code), (area_path, handler_key))
    ) c CROSS JOIN generate_series(1, (length(c.area_path) - 1) / 37) k
    WHERE c.dim = 'all' OR 1 + 37 * k < length(c.area_path)
    GROUP BY 1, 2, 3, 4, 5;
    GET DIAGNOSTICS counted = ROW_COUNT;
    INSERT INTO complaint_stat_histograms (area_path, depth, leaf, dim, key, measure, buckets, counts)
    SELECT path, depth, leaf, dim, key, measure, array_agg(bucket ORDER BY bucket), array_agg(n ORDER BY bucket)
    FROM (
    SELECT left(c.area_path, 1 + 37 * k) AS path, k - 1 AS depth, 1 + 37 * k = length(c.area_path) AS leaf,
           c.dim, c.key, c.measure, c.bucket, sum(c.n)::bigint AS n
    FROM (
        SELECT area_path,
               CASE WHEN GROUPING(category_code) = 0 THEN 'category' WHEN GROUPING(handler_key) = 0 THEN 'handler' ELSE 'all' END AS dim,
               coalesce(category_code, handler_key, '') AS key, measure, bucket, sum(n) AS n
        FROM (
            SELECT a.path AS area_path, b.category_code, b.handler_key, b.measure, b.bucket, b.n
            FROM (
                SELECT s.area_path AS compound_id, s.category_code, s.handler_key, m.measure, m.bucket, count(*) AS n
                FROM complaints x, complaint_stat_signature(x.compound_id::text, x.category_code, x.handler_org_id,
                    x.created_at, x.accepted_at, x.resolved_at, x.resolve_by, x.overdue, x.status, x.rating) s
                CROSS JOIN LATERAL (VALUES ('accept', s.accept_bucket), ('resolve', s.resolve_bucket)) m (measure, bucket)
                WHERE x.duplicate_of IS NULL AND m.bucket IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5
            ) b JOIN areas a ON a.id = b.compound_id::uuid
        ) per_compound
        GROUP BY GROUPING SETS ((area_path, measure, bucket), (area_path, category_code, measure, bucket),
                                (area_path, handler_key, measure, bucket))
    ) c CROSS JOIN generate_series(1, (length(c.area_path) - 1) / 37) k
    WHERE c.dim = 'all' OR 1 + 37 * k < length(c.area_path)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ) per_bucket
    GROUP BY path, depth, leaf, dim, key, measure;
    ANALYZE complaint_stat_totals, complaint_stat_histograms;
    RETURN counted;
END $$;

SELECT complaint_stats_rebuild();
