// @generated automatically by Diesel CLI.

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
    }
}

diesel::joinable!(compounds -> areas (id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(user_grants -> areas (area_id));
diesel::joinable!(user_grants -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    areas,
    compounds,
    refresh_tokens,
    user_grants,
    users,
);
