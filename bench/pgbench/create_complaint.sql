-- The SQL behind POST /api/v1/complaints (with an Idempotency-Key) for a district-wide
-- member of staff filing on a caller's behalf, statement for statement as the server sends
-- it (read off PostgreSQL's statement log): authentication, the compound, the category and
-- the routing candidates, then one transaction with the key's lock and lookup, the
-- complaint, its first timeline entry, the audit entry (unsealed: the server chains it
-- afterwards), the event, the response's reads and the stored response.
-- Variables (-D): user_id, compound_id, area_path.
\set n random(1, 2000000000)
SELECT 1;
SELECT users.id, users.username, users.display_name, users.is_active, users.token_version FROM users WHERE users.id = :user_id LIMIT 1;
SELECT user_grants.id, user_grants.role, areas.id, areas.path, areas.name, areas.kind FROM user_grants INNER JOIN areas ON user_grants.area_id = areas.id WHERE user_grants.user_id = :user_id ORDER BY areas.depth ASC, areas.name ASC, user_grants.role ASC;
SELECT 1;
SELECT c.id, cm.id AS community_id, cm.name AS community_name, sd.id AS subdistrict_id, sd.name AS subdistrict_name, a.name, c.address, c.lat, c.lon, c.year_built, c.building_count, c.household_count, c.is_open, c.governance_mode, a.path, a.version, a.created_at, a.updated_at FROM compounds c JOIN areas a ON a.id = c.id JOIN areas cm ON cm.id = a.parent_id JOIN areas sd ON sd.id = cm.parent_id WHERE c.id = :compound_id;
SELECT code, name_zh, name_en, sign_hours, resolve_hours, handler_rule, attributes, active, version FROM complaint_categories WHERE code = 'noise';
SELECT 'contract_company' AS role, sc.company_id AS id FROM contract_compounds cc JOIN service_contracts sc ON sc.id = cc.contract_id WHERE cc.compound_id = :compound_id AND current_date BETWEEN cc.start_date AND cc.end_date UNION ALL SELECT o.kind, o.id FROM organisation_compounds oc JOIN organisations o ON o.id = oc.organisation_id WHERE oc.compound_id = :compound_id AND o.kind IN ('residents_committee', 'owners_committee') UNION ALL SELECT o.kind, o.id FROM areas c JOIN areas cm ON cm.id = c.parent_id JOIN organisations o ON (o.kind = 'community_party_committee' AND o.area_id = cm.id) OR (o.kind = 'law_enforcement' AND o.area_id = cm.parent_id) WHERE c.id = :compound_id;
SELECT 1;
BEGIN;
SELECT pg_try_advisory_xact_lock(hashtextextended('user:' || :user_id || E'\n' || 'pgbench-' || :client_id || '-' || :n, 0)) AS locked;
SELECT request_hash, response_status, response_headers, response_body FROM idempotency_keys WHERE principal = 'user:' || :user_id AND key = 'pgbench-' || :client_id || '-' || :n AND created_at > now() - interval '48 hours' LIMIT 1;
SAVEPOINT diesel_savepoint_1;
SELECT 'LL' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('complaint_numbers')::text, 6, '0') AS number \gset
INSERT INTO complaints (id, number, compound_id, area_path, category_code, title, description, lat, lon, channel, anonymous, complainant_user_id, complainant_name, complainant_phone, filed_by, source_key_id, external_id, status, handler_org_id, routing_rule) VALUES (gen_random_uuid(), :number, :compound_id, :area_path, 'noise', '夜间噪音', '楼上夜间噪音影响休息', NULL, NULL, 'staff', false, NULL, '压测', '13700000000', :user_id, NULL, NULL, 'submitted', NULL, 'governance_mode/property_managed: 物业服务企业') RETURNING id AS complaint_id \gset
INSERT INTO complaint_events (complaint_id, action, from_status, to_status, actor_kind, actor_id, actor_name, note) VALUES (:complaint_id, 'submit', NULL, 'submitted', 'user', :user_id, 'admin', 'governance_mode/property_managed: 物业服务企业');
INSERT INTO audit_log (occurred_at, actor_kind, actor_id, actor_name, action, object_type, object_id, area_path, before, after, client_ip, request_id) VALUES (now(), 'user', :user_id, 'admin', 'complaint.created', 'complaint', :complaint_id, :area_path, NULL, jsonb_build_object('number', :number::text, 'channel', 'staff', 'category', 'noise', 'anonymous', false, 'compound_id', :compound_id::text, 'handler_org_id', NULL, 'routing_rule', 'governance_mode/property_managed'), '127.0.0.1', 'pgbench') RETURNING id;
INSERT INTO events (event_id, type, area_path, subject_type, subject_id, payload) VALUES (gen_random_uuid(), 'complaint.created', :area_path, 'complaint', :complaint_id, jsonb_build_object('number', :number::text, 'status', 'submitted', 'channel', 'staff', 'category', 'noise', 'compound_id', :compound_id::text, 'external_id', NULL, 'complaint_id', :complaint_id::text));
RELEASE SAVEPOINT diesel_savepoint_1;
SELECT c.id, c.number, c.compound_id, a.name AS compound_name, c.area_path, c.category_code, cat.name_zh AS category_name, c.title, c.description, c.lat, c.lon, c.channel, c.anonymous, c.complainant_user_id, c.complainant_name, c.complainant_phone, c.external_id, c.status, c.handler_org_id, o.name AS handler_org_name, c.routing_rule, c.reject_reason, c.return_reason, c.resolution, c.accepted_at, c.assigned_at, c.sign_by, c.signed_at, c.resolve_by, c.resolved_at, c.closed_at, c.rating, c.review_comment, c.reopen_count, c.escalation_level, c.overdue, c.duplicate_of, c.version, c.created_at, c.updated_at FROM complaints c JOIN areas a ON a.id = c.compound_id JOIN complaint_categories cat ON cat.code = c.category_code LEFT JOIN organisations o ON o.id = c.handler_org_id WHERE c.id = :complaint_id;
SELECT EXISTS (SELECT 1 FROM organisation_members WHERE user_id = :user_id AND organisation_id = gen_random_uuid()) AS ok;
SELECT action, from_status, to_status, actor_kind, actor_name, note, at FROM complaint_events WHERE complaint_id = :complaint_id ORDER BY id;
SELECT id, complaint_id, purpose, content_type, size_bytes, file_name, stored_path, uploader_name, created_at FROM complaint_attachments WHERE complaint_id = :complaint_id ORDER BY created_at ASC;
SELECT id, complaint_id, hours, reason, status, requester_name, decider_name, decision_note, created_at, decided_at FROM complaint_extensions WHERE complaint_id = :complaint_id ORDER BY created_at ASC;
INSERT INTO idempotency_keys (principal, key, request_hash, response_status, response_headers, response_body) VALUES ('user:' || :user_id, 'pgbench-' || :client_id || '-' || :n, sha256(convert_to(:complaint_id, 'UTF8')), 201, '[["content-type", "application/json"]]', convert_to(repeat('x', 1400), 'UTF8')) ON CONFLICT (principal, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status, response_headers = EXCLUDED.response_headers, response_body = EXCLUDED.response_body, created_at = CURRENT_TIMESTAMP;
COMMIT;
