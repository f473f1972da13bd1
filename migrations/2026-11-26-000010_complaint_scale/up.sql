-- Complaints at district scale (10 million rows, bench/scale.sh).
--
-- Inbox badges (GET /complaints/counts) counted every visible complaint on each call:
--    a district admin's badges read all 10 million rows (seconds). They are now summed
--    from `complaint_status_counts`, complaints per (compound path, handler, status) with
--    their overdue ones, kept exact by triggers in the same statement as every insert,
--    update and delete of complaints.
--    The triggers only ever INSERT signed deltas (one row per key a statement changed),
--    never update a shared counter: a counter row per compound would serialise every
--    creation and transition in that compound until commit. Readers sum the rows;
--    `complaint_status_counts_compact()` (run by the SLA sweeper every minute) folds the
--    deltas into one row per key, atomically, so the sums never change by compacting.
--
-- Pages filtered by status (each inbox) or about one compound were found by walking the
--    district's newest complaints and filtering: a compound holds ~0.2% of them, so a page
--    read thousands of rows, and deeper pages of a rare status more. These indexes give
--    both in page order, for the first page and for every keyset page after it.
CREATE INDEX complaints_status_recent_idx ON complaints (status, created_at DESC, id DESC);
CREATE INDEX complaints_compound_recent_idx ON complaints (compound_id, created_at DESC, id DESC);
-- A compound's inbox by status (its handler's "to sign", "in progress"...).
CREATE INDEX complaints_compound_status_recent_idx ON complaints (compound_id, status, created_at DESC, id DESC);
-- One category in an area ("noise in my community"): newest of the category first, the
-- area filtered from those, not from everything.
CREATE INDEX complaints_category_recent_idx ON complaints (category_code, created_at DESC, id DESC);

CREATE TABLE complaint_status_counts (
    area_path       text NOT NULL,
    -- The nil uuid stands for "no handler" so deltas of that key fold together.
    handler_key     uuid NOT NULL,
    status          text NOT NULL,
    total           bigint NOT NULL,
    overdue         bigint NOT NULL
);

CREATE FUNCTION complaint_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_status_counts (area_path, handler_key, status, total, overdue)
        SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000'), status,
               count(*), count(*) FILTER (WHERE overdue)
        FROM new_rows GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Most updates (notes, deadlines, versions) move no key: nothing is written then.
        INSERT INTO complaint_status_counts (area_path, handler_key, status, total, overdue)
        SELECT area_path, handler_key, status, sum(d), sum(o)
        FROM (
            SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000') AS handler_key,
                   status, -1 AS d, -overdue::int AS o FROM old_rows
            UNION ALL
            SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000'),
                   status, 1, overdue::int FROM new_rows
        ) x
        GROUP BY 1, 2, 3 HAVING sum(d) <> 0 OR sum(o) <> 0;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO complaint_status_counts (area_path, handler_key, status, total, overdue)
        SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000'), status,
               -count(*), -count(*) FILTER (WHERE overdue)
        FROM old_rows GROUP BY 1, 2, 3;
    ELSE
        DELETE FROM complaint_status_counts;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER complaint_status_counts_insert AFTER INSERT ON complaints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_status_counts_apply();
CREATE TRIGGER complaint_status_counts_update AFTER UPDATE ON complaints
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_status_counts_apply();
CREATE TRIGGER complaint_status_counts_delete AFTER DELETE ON complaints
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_status_counts_apply();
CREATE TRIGGER complaint_status_counts_truncate AFTER TRUNCATE ON complaints
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_status_counts_apply();

-- Folds the deltas into one row per key. Deletes only rows its snapshot sees and inserts
-- their sums in the same statement: deltas committed meanwhile stay, and readers see
-- either the rows before or the sums after, never both.
CREATE FUNCTION complaint_status_counts_compact() RETURNS bigint LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM complaint_status_counts RETURNING *),
    folded AS (
        INSERT INTO complaint_status_counts (area_path, handler_key, status, total, overdue)
        SELECT area_path, handler_key, status, sum(total), sum(overdue) FROM gone
        GROUP BY 1, 2, 3 HAVING sum(total) <> 0 OR sum(overdue) <> 0
        RETURNING 1
    )
    SELECT count(*) FROM folded;
$$;

-- Recounts from the complaints themselves (after a bulk load that bypassed triggers, or
-- to prove the rollup right: the result must equal what compaction gives).
CREATE FUNCTION complaint_status_counts_rebuild() RETURNS bigint LANGUAGE sql AS $$
    LOCK TABLE complaints IN SHARE MODE;
    DELETE FROM complaint_status_counts;
    INSERT INTO complaint_status_counts (area_path, handler_key, status, total, overdue)
    SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000'), status,
           count(*), count(*) FILTER (WHERE overdue)
    FROM complaints GROUP BY 1, 2, 3;
    SELECT count(*) FROM complaint_status_counts;
$$;

SELECT complaint_status_counts_rebuild();
