-- Complaints (诉求): catalogue, work orders, their timeline; and who acts for which
-- organisation (handlers are organisations; their staff are users).

CREATE TABLE organisation_members (
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX organisation_members_org_idx ON organisation_members (organisation_id);

CREATE TABLE complaint_categories (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
    name_zh        text NOT NULL CHECK (char_length(name_zh) BETWEEN 1 AND 50),
    name_en        text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 50),
    -- Working hours to sign for an assigned order, and to resolve a signed one.
    sign_hours     integer NOT NULL CHECK (sign_hours BETWEEN 1 AND 720),
    resolve_hours  integer NOT NULL CHECK (resolve_hours BETWEEN 1 AND 4320),
    -- Who handles it by default: by the compound's governance mode, or a fixed body.
    handler_rule   text NOT NULL CHECK (handler_rule IN ('governance_mode', 'law_enforcement', 'owners_committee', 'community')),
    -- Typed attributes (Open311 attribute model).
    attributes     jsonb NOT NULL DEFAULT '[]',
    active         boolean NOT NULL DEFAULT true,
    position       integer NOT NULL DEFAULT 0,
    version        bigint NOT NULL DEFAULT 1
);

CREATE SEQUENCE complaint_numbers;

CREATE TABLE complaints (
    id                  uuid PRIMARY KEY,
    -- Human-readable number for phone calls: LL + date + sequence.
    number              text NOT NULL UNIQUE,
    compound_id         uuid NOT NULL REFERENCES compounds (id),
    -- The compound's materialised path, copied so scoped lists use one index.
    area_path           text NOT NULL,
    category_code       text NOT NULL REFERENCES complaint_categories (code),
    title               text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    description         text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
    lat                 double precision CHECK (lat BETWEEN -90 AND 90),
    lon                 double precision CHECK (lon BETWEEN -180 AND 180),
    channel             text NOT NULL CHECK (channel IN ('app', 'staff', 'hotline', 'open311')),
    anonymous           boolean NOT NULL DEFAULT false,
    complainant_user_id uuid REFERENCES users (id),
    complainant_name    text CHECK (char_length(complainant_name) <= 50),
    complainant_phone   text CHECK (complainant_phone ~ '^\+?[0-9]{5,20}$'),
    filed_by            uuid,
    source_key_id       uuid REFERENCES api_keys (id),
    external_id         text CHECK (char_length(external_id) BETWEEN 1 AND 100),
    status              text NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected', 'assigned', 'signed',
                            'returned', 'in_progress', 'resolved', 'closed')),
    handler_org_id      uuid REFERENCES organisations (id),
    routing_rule        text NOT NULL,
    reject_reason       text,
    return_reason       text,
    resolution          text CHECK (char_length(resolution) <= 4000),
    accepted_at         timestamptz,
    assigned_at         timestamptz,
    sign_by             timestamptz,
    signed_at           timestamptz,
    resolve_by          timestamptz,
    resolved_at         timestamptz,
    closed_at           timestamptz,
    rating              smallint CHECK (rating BETWEEN 1 AND 5),
    review_comment      text CHECK (char_length(review_comment) <= 1000),
    reopen_count        integer NOT NULL DEFAULT 0,
    -- 0: none; 1: escalated to the subdistrict; 2: to the district (督办).
    escalation_level    integer NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
    overdue             boolean NOT NULL DEFAULT false,
    duplicate_of        uuid REFERENCES complaints (id),
    version             bigint NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT complaints_location_complete CHECK ((lat IS NULL) = (lon IS NULL)),
    CONSTRAINT complaints_external_once UNIQUE (source_key_id, external_id)
);
CREATE INDEX complaints_scope_idx ON complaints (area_path text_pattern_ops);
CREATE INDEX complaints_recent_idx ON complaints (created_at DESC, id DESC);
CREATE INDEX complaints_open_deadlines_idx ON complaints (status, sign_by, resolve_by) WHERE status IN ('assigned', 'signed', 'in_progress');
CREATE INDEX complaints_handler_idx ON complaints (handler_org_id, status);
CREATE INDEX complaints_complainant_idx ON complaints (complainant_user_id, created_at DESC);
CREATE INDEX complaints_duplicates_idx ON complaints (compound_id, category_code, created_at);

-- The timeline: every transition with who, when and a note.
CREATE TABLE complaint_events (
    id            bigserial PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    action        text NOT NULL,
    from_status   text,
    to_status     text NOT NULL,
    actor_kind    text NOT NULL,
    actor_id      uuid,
    actor_name    text NOT NULL,
    note          text CHECK (char_length(note) <= 2000),
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, id);

INSERT INTO complaint_categories (code, name_zh, name_en, sign_hours, resolve_hours, handler_rule, position, attributes) VALUES
    ('sanitation', '环境卫生', 'Sanitation', 4, 48, 'governance_mode', 1, '[]'),
    ('parking', '停车', 'Parking', 4, 72, 'governance_mode', 2, '[{"code":"plate","datatype":"string","required":false,"description":"车牌号 / licence plate"}]'),
    ('security', '治安', 'Security', 2, 24, 'governance_mode', 3, '[]'),
    ('repairs', '设施维修', 'Repairs', 4, 72, 'governance_mode', 4, '[{"code":"building","datatype":"string","required":false,"description":"楼栋 / building"}]'),
    ('elevator', '电梯', 'Elevator', 2, 24, 'governance_mode', 5, '[{"code":"building","datatype":"string","required":true,"description":"楼栋 / building"},{"code":"trapped","datatype":"singlevaluelist","required":true,"description":"是否困人 / is someone trapped","values":[{"key":"yes","name":"是 / yes"},{"key":"no","name":"否 / no"}]}]'),
    ('noise', '噪音', 'Noise', 4, 48, 'governance_mode', 6, '[]'),
    ('greening', '绿化', 'Greening', 8, 120, 'governance_mode', 7, '[]'),
    ('property_fees', '物业费', 'Property fees', 8, 120, 'governance_mode', 8, '[]'),
    ('illegal_construction', '违章搭建', 'Illegal construction', 8, 240, 'law_enforcement', 9, '[]'),
    ('public_revenue', '公共收益', 'Public revenue', 8, 240, 'owners_committee', 10, '[]'),
    ('owners_committee_conduct', '业委会履职', 'Owners'' committee conduct', 8, 240, 'community', 11, '[]'),
    ('other', '其他', 'Other', 8, 120, 'governance_mode', 12, '[]');
