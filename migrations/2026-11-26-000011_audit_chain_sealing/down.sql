CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP INDEX audit_log_unsealed_idx;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_sealed_whole;
-- The older scheme has no place for unsealed rows: seal them first (`linli serve` seals
-- within a second, and so does GET /api/v1/audit-log/verify), never drop them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_log WHERE chain_seq IS NULL) THEN
        RAISE EXCEPTION 'audit_log has unsealed rows; run the server (or verify the log) to seal them first';
    END IF;
END;
$$;
ALTER TABLE audit_log DROP COLUMN chain_seq,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
