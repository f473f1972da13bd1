-- The SQL behind POST /api/v1/check-ins (geofence, with an Idempotency-Key) for a party
-- member at a neighbourhood centre, statement for statement as the server sends it (read
-- off PostgreSQL's statement log): authentication, then one transaction with the key's lock
-- and lookup, the member's person record, the centre, the check-in, the audit entry
-- (unsealed), the event, the response's read and the stored response.
-- The first statement only picks the client's next prepared member (`burst-<n>`, made by
-- tests/examples/checkin_burst.rs; one open check-in per person) in place of the token the
-- phone would send.
-- Variables (-D): centre_id, lat, lon, members, clients (= -c), k=0.
\set k :k + 1
\set member (:client_id + :clients * (:k - 1)) % :members + 1
SELECT id AS member_id FROM users WHERE username = 'burst-' || :member \gset
SELECT 1;
SELECT users.id, users.username, users.display_name, users.is_active, users.token_version FROM users WHERE users.id = :member_id LIMIT 1;
SELECT user_grants.id, user_grants.role, areas.id, areas.path, areas.name, areas.kind FROM user_grants INNER JOIN areas ON user_grants.area_id = areas.id WHERE user_grants.user_id = :member_id ORDER BY areas.depth ASC, areas.name ASC, user_grants.role ASC;
SELECT 1;
BEGIN;
SELECT pg_try_advisory_xact_lock(hashtextextended('user:' || :member_id || E'\n' || 'pgbench-checkin-' || :member_id, 0)) AS locked;
SELECT request_hash, response_status, response_headers, response_body FROM idempotency_keys WHERE principal = 'user:' || :member_id AND key = 'pgbench-checkin-' || :member_id || '-' || random() AND created_at > now() - interval '48 hours' LIMIT 1;
SELECT users.person_id FROM users WHERE users.id = :member_id LIMIT 1 \gset
SELECT NULL::uuid AS activity_id, nc.id AS centre_id, NULL::uuid AS compound_id, nc.name, ca.path AS area_path, nc.lat, nc.lon, nc.geofence_radius_m AS radius_m, nc.opening_hours, NULL::timestamptz AS starts_at, NULL::timestamptz AS ends_at, NULL::text AS activity_status FROM neighbourhood_centres nc JOIN areas ca ON ca.id = nc.community_id WHERE nc.id = :centre_id \gset
SAVEPOINT diesel_savepoint_1;
INSERT INTO check_ins (id, person_id, activity_id, centre_id, compound_id, area_path, method, client_id, checked_in_at, lat, lon, accuracy_m, distance_m) VALUES (gen_random_uuid(), :person_id, NULL, :centre_id, NULL, :area_path, 'geofence', NULL, now(), :lat, :lon, 10, 5.5) RETURNING id AS check_in_id \gset
INSERT INTO audit_log (occurred_at, actor_kind, actor_id, actor_name, action, object_type, object_id, area_path, before, after, client_ip, request_id) VALUES (now(), 'user', :member_id, 'burst', 'check_in.recorded', 'check_in', :check_in_id, :area_path, NULL, jsonb_build_object('at', now()::text, 'method', 'geofence', 'centre_id', :centre_id::text, 'client_id', NULL, 'person_id', :person_id::text, 'distance_m', 5.5, 'activity_id', NULL), '127.0.0.1', 'pgbench') RETURNING id;
INSERT INTO events (event_id, type, area_path, subject_type, subject_id, payload) VALUES (gen_random_uuid(), 'check_in.recorded', :area_path, 'check_in', :check_in_id, jsonb_build_object('method', 'geofence', 'centre_id', :centre_id::text, 'person_id', :person_id::text, 'activity_id', NULL));
RELEASE SAVEPOINT diesel_savepoint_1;
SELECT c.id, c.person_id, pe.name AS person_name, c.activity_id, a.title AS activity_title, a.team_id, c.centre_id, c.compound_id, COALESCE(nc.name, ca.name, '') AS place_name, c.area_path, c.method, c.client_id, c.checked_in_at, c.checked_out_at, c.distance_m, c.minutes, c.flagged, c.flag_reason, c.verification, c.verified_at FROM check_ins c JOIN people pe ON pe.id = c.person_id LEFT JOIN activities a ON a.id = c.activity_id LEFT JOIN neighbourhood_centres nc ON nc.id = c.centre_id LEFT JOIN areas ca ON ca.id = c.compound_id WHERE c.id = :check_in_id AND (c.area_path LIKE ANY('{}'::text[]) OR c.person_id = :person_id);
INSERT INTO idempotency_keys (principal, key, request_hash, response_status, response_headers, response_body) VALUES ('user:' || :member_id, 'pgbench-checkin-' || :check_in_id, sha256(convert_to(:check_in_id::text, 'UTF8')), 201, '[["content-type", "application/json"]]', convert_to(repeat('x', 600), 'UTF8')) ON CONFLICT (principal, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status, response_headers = EXCLUDED.response_headers, response_body = EXCLUDED.response_body, created_at = CURRENT_TIMESTAMP;
COMMIT;
