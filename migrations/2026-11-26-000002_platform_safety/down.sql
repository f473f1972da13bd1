DROP TABLE audit_log;
DROP FUNCTION audit_log_is_append_only();
DROP TABLE idempotency_keys;
DROP TABLE api_keys;
DROP TABLE login_attempts;
ALTER TABLE users DROP COLUMN version, DROP COLUMN phone;
