-- The area tree, compounds, users and their role x area grants, refresh tokens.

CREATE TABLE areas (
    id          uuid PRIMARY KEY,
    parent_id   uuid REFERENCES areas (id),
    kind        text NOT NULL CHECK (kind IN ('district', 'subdistrict', 'community', 'compound', 'building')),
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    code        text UNIQUE CHECK (char_length(code) BETWEEN 1 AND 32),
    -- Materialised path '/<root id>/.../<own id>/': a subtree is a prefix match.
    path        text NOT NULL UNIQUE,
    depth       integer NOT NULL CHECK (depth >= 0),
    version     bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT areas_root_is_district CHECK ((parent_id IS NULL) = (kind = 'district')),
    CONSTRAINT areas_unique_name_per_parent UNIQUE (parent_id, name)
);
CREATE INDEX areas_path_prefix_idx ON areas (path text_pattern_ops);
CREATE INDEX areas_children_idx ON areas (parent_id, name, id);

CREATE TABLE compounds (
    id               uuid PRIMARY KEY REFERENCES areas (id) ON DELETE CASCADE,
    address          text NOT NULL CHECK (char_length(address) BETWEEN 1 AND 200),
    lat              double precision CHECK (lat BETWEEN -90 AND 90),
    lon              double precision CHECK (lon BETWEEN -180 AND 180),
    year_built       integer CHECK (year_built BETWEEN 1900 AND 2200),
    building_count   integer NOT NULL CHECK (building_count >= 0),
    household_count  integer NOT NULL CHECK (household_count >= 0),
    is_open          boolean NOT NULL DEFAULT false,
    governance_mode  text NOT NULL CHECK (governance_mode IN ('property_managed', 'entrusted', 'self_managed')),
    CONSTRAINT compounds_location_complete CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX compounds_mode_idx ON compounds (governance_mode);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name   text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
    password_hash  text NOT NULL,
    is_active      boolean NOT NULL DEFAULT true,
    token_version  integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_grants (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('district_admin', 'subdistrict_staff', 'community_staff',
                    'compound_secretary', 'committee_member', 'property_staff', 'auditor',
                    'finance_officer', 'resident', 'volunteer')),
    area_id     uuid NOT NULL REFERENCES areas (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_grants_unique UNIQUE (user_id, role, area_id)
);

-- Refresh tokens are random secrets; only their SHA-256 is kept. A family is every token
-- descended from one sign-in; re-use of a rotated token revokes the family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
