// @generated automatically by Diesel CLI.

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        name -> Text,
        prefix -> Text,
        key_hash -> Bytea,
        scopes -> Array<Nullable<Text>>,
        area_id -> Uuid,
        created_by -> Uuid,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    areas (id) {
        id -> Uuid,
        parent_id -> Nullable<Uuid>,
        kind -> Text,
        name -> Text,
        code -> Nullable<Text>,
        path -> Text,
        depth -> Int4,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        occurred_at -> Timestamptz,
        actor_kind -> Text,
        actor_id -> Nullable<Uuid>,
        actor_name -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Text,
        area_path -> Nullable<Text>,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
        client_ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
        prev_hash -> Bytea,
        hash -> Bytea,
    }
}

diesel::table! {
    compounds (id) {
        id -> Uuid,
        address -> Text,
        lat -> Nullable<Float8>,
        lon -> Nullable<Float8>,
        year_built -> Nullable<Int4>,
        building_count -> Int4,
        household_count -> Int4,
        is_open -> Bool,
        governance_mode -> Text,
    }
}

diesel::table! {
    events (id) {
        id -> Int8,
        event_id -> Uuid,
        seq -> Nullable<Int8>,
        #[sql_name = "type"]
        type_ -> Text,
        occurred_at -> Timestamptz,
        area_path -> Nullable<Text>,
        subject_type -> Text,
        subject_id -> Text,
        payload -> Jsonb,
    }
}

diesel::table! {
    idempotency_keys (principal, key) {
        principal -> Text,
        key -> Text,
        request_hash -> Bytea,
        response_status -> Int4,
        response_headers -> Jsonb,
        response_body -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Int8,
        username -> Text,
        client_ip -> Text,
        succeeded -> Bool,
        at -> Timestamptz,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        expires_at -> Timestamptz,
        created_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    user_grants (id) {
        id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        area_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        is_active -> Bool,
        token_version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        phone -> Nullable<Text>,
        version -> Int8,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Int8,
        delivery_id -> Uuid,
        attempted_at -> Timestamptz,
        status_code -> Nullable<Int4>,
        latency_ms -> Int4,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        subscription_id -> Uuid,
        event_id -> Uuid,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
        last_status -> Nullable<Int4>,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        delivered_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> Uuid,
        url -> Text,
        description -> Text,
        event_types -> Array<Nullable<Text>>,
        area_id -> Uuid,
        active -> Bool,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_expires_at -> Nullable<Timestamptz>,
        owner_kind -> Text,
        owner_id -> Uuid,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(api_keys -> areas (area_id));
diesel::joinable!(api_keys -> users (created_by));
diesel::joinable!(compounds -> areas (id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(user_grants -> areas (area_id));
diesel::joinable!(user_grants -> users (user_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(webhook_subscriptions -> areas (area_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_keys,
    areas,
    audit_log,
    compounds,
    events,
    idempotency_keys,
    login_attempts,
    refresh_tokens,
    user_grants,
    users,
    webhook_attempts,
    webhook_deliveries,
    webhook_subscriptions,
);
