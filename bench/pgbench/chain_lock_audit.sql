-- How create_complaint.sql recorded its audit entry before migration 000011: under one
-- chain-wide lock, held until the transaction commits. bench/run.sh puts these lines in
-- place of create_complaint.sql's audit INSERT to measure what that lock cost
-- (BENCH_CHAIN_LOCK=0 skips it).
SELECT pg_advisory_xact_lock(4301110003);
SELECT hash AS prev_hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1 \gset
SELECT nextval('audit_log_id_seq') AS audit_id \gset
INSERT INTO audit_log (id, occurred_at, actor_kind, actor_id, actor_name, action, object_type, object_id, area_path, before, after, client_ip, request_id, prev_hash, hash, chain_seq) VALUES (:audit_id, now(), 'user', :user_id, 'admin', 'complaint.created', 'complaint', :complaint_id, :area_path, NULL, jsonb_build_object('number', :number::text, 'channel', 'staff', 'category', 'noise', 'anonymous', false, 'compound_id', :compound_id::text, 'handler_org_id', NULL, 'routing_rule', 'governance_mode/property_managed'), '127.0.0.1', 'pgbench', :prev_hash::bytea, sha256(convert_to(:audit_id::text || :complaint_id::text, 'UTF8')), (SELECT coalesce(max(chain_seq), 0) + 1 FROM audit_log));
