-- Platform safety: user administration, sign-in throttling, API keys, idempotency keys,
-- and the append-only, hash-chained audit log.

ALTER TABLE users
    ADD COLUMN phone text CHECK (phone ~ '^\+?[0-9]{5,20}$'),
    ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- Failed and successful sign-ins, for throttling per account and per client address.
CREATE TABLE login_attempts (
    id          bigserial PRIMARY KEY,
    username    text NOT NULL,
    client_ip   text NOT NULL,
    succeeded   boolean NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_idx ON login_attempts (username, at) WHERE NOT succeeded;
CREATE INDEX login_attempts_ip_idx ON login_attempts (client_ip, at) WHERE NOT succeeded;

-- Keys for government systems. The secret is shown once; only its SHA-256 is kept, with a
-- visible prefix to find it and to recognise it in logs.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    prefix        text NOT NULL UNIQUE,
    key_hash      bytea NOT NULL,
    scopes        text[] NOT NULL CHECK (cardinality(scopes) > 0),
    area_id       uuid NOT NULL REFERENCES areas (id),
    created_by    uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Stored responses of requests sent with an Idempotency-Key, per principal.
CREATE TABLE idempotency_keys (
    principal        text NOT NULL,
    key              text NOT NULL,
    request_hash     bytea NOT NULL,
    response_status  integer NOT NULL,
    response_headers jsonb NOT NULL,
    response_body    bytea NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Append-only audit log. Each row's hash covers the previous row's hash and the row's
-- canonical form, so altering or removing any row breaks the chain from there on.
CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor_kind   text NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system')),
    actor_id     uuid,
    actor_name   text NOT NULL,
    action       text NOT NULL,
    object_type  text NOT NULL,
    object_id    text NOT NULL,
    area_path    text,
    before       jsonb,
    after        jsonb,
    client_ip    text,
    request_id   text,
    prev_hash    bytea NOT NULL,
    hash         bytea NOT NULL UNIQUE
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_area_idx ON audit_log (area_path text_pattern_ops);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
