-- The governance registry: organisations, people and their posts, property service
-- contracts (bundles), joint meetings with their follow-up, neighbourhood centres.

-- Exclusion constraints over (id, date range) need GiST support for equality on uuid/text.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE organisations (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN (
                      'compound_party_branch', 'community_party_committee', 'owners_committee',
                      'supervisory_committee', 'property_company', 'property_company_party_org',
                      'residents_committee', 'volunteer_team', 'audit_firm', 'law_enforcement',
                      'partner')),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    -- The area the organisation belongs to (a compound, a community, a subdistrict...).
    area_id       uuid NOT NULL REFERENCES areas (id),
    -- E.g. a property company's party organisation belongs to the company.
    parent_id     uuid REFERENCES organisations (id),
    contact_phone text CHECK (contact_phone ~ '^\+?[0-9-]{5,20}$'),
    version       bigint NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organisations_unique_name UNIQUE (area_id, kind, name)
);
CREATE INDEX organisations_kind_idx ON organisations (kind, area_id);

-- Compounds an organisation serves: a compound party organisation may cover several
-- neighbouring compounds; an owners' committee covers its own.
CREATE TABLE organisation_compounds (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    compound_id     uuid NOT NULL REFERENCES compounds (id),
    PRIMARY KEY (organisation_id, compound_id)
);
CREATE INDEX organisation_compounds_compound_idx ON organisation_compounds (compound_id);

CREATE TABLE people (
    id               uuid PRIMARY KEY,
    name             text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
    phone            text CHECK (phone ~ '^\+?[0-9]{5,20}$'),
    id_number        text CHECK (id_number ~ '^[0-9]{17}[0-9Xx]$'),
    is_party_member  boolean NOT NULL DEFAULT false,
    -- In-service party members: the employer they report back to.
    employer         text CHECK (char_length(employer) <= 100),
    home_compound_id uuid REFERENCES compounds (id),
    version          bigint NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_home_idx ON people (home_compound_id);
CREATE INDEX people_name_idx ON people (name);

CREATE TABLE posts (
    id               uuid PRIMARY KEY,
    person_id        uuid NOT NULL REFERENCES people (id),
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    title            text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 50),
    -- One holder at a time (a branch secretary, a committee chair).
    single_holder    boolean NOT NULL DEFAULT false,
    start_date       date NOT NULL,
    end_date         date,
    version          bigint NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT posts_end_after_start CHECK (end_date IS NULL OR end_date > start_date),
    -- No two overlapping terms of a single-holder post.
    CONSTRAINT posts_single_holder_overlap EXCLUDE USING gist (
        organisation_id WITH =, title WITH =, daterange(start_date, end_date) WITH &&
    ) WHERE (single_holder),
    -- Nor the same person twice in one post at once.
    CONSTRAINT posts_person_overlap EXCLUDE USING gist (
        person_id WITH =, organisation_id WITH =, title WITH =, daterange(start_date, end_date) WITH &&
    )
);
CREATE INDEX posts_org_idx ON posts (organisation_id);
CREATE INDEX posts_person_idx ON posts (person_id);

CREATE TABLE service_contracts (
    id                uuid PRIMARY KEY,
    company_id        uuid NOT NULL REFERENCES organisations (id),
    title             text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    start_date        date NOT NULL,
    end_date          date NOT NULL,
    service_items     text[] NOT NULL DEFAULT '{}',
    -- Monthly fee per square metre of floor area, in fen (0 where residents pay nothing).
    fee_fen_per_sqm   bigint NOT NULL CHECK (fee_fen_per_sqm >= 0),
    version           bigint NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_contracts_term CHECK (end_date >= start_date)
);

-- The compounds a contract covers (several: a bundle). The contract's term is repeated
-- here so the database itself refuses two contracts for one compound on any date.
CREATE TABLE contract_compounds (
    contract_id  uuid NOT NULL REFERENCES service_contracts (id) ON DELETE CASCADE,
    compound_id  uuid NOT NULL REFERENCES compounds (id),
    start_date   date NOT NULL,
    end_date     date NOT NULL,
    PRIMARY KEY (contract_id, compound_id),
    CONSTRAINT contract_compounds_one_at_a_time EXCLUDE USING gist (
        compound_id WITH =, daterange(start_date, end_date, '[]') WITH &&
    )
);
CREATE INDEX contract_compounds_compound_idx ON contract_compounds (compound_id);

CREATE TABLE joint_meetings (
    id              uuid PRIMARY KEY,
    compound_id     uuid NOT NULL REFERENCES compounds (id),
    held_on         date NOT NULL,
    title           text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    location        text NOT NULL DEFAULT '' CHECK (char_length(location) <= 100),
    convener_org_id uuid NOT NULL REFERENCES organisations (id),
    -- Body minutes: attendance, agenda and resolutions, as structured JSON.
    minutes         jsonb NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalised')),
    finalised_at    timestamptz,
    finalised_by    uuid REFERENCES users (id),
    version         bigint NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_meetings_compound_idx ON joint_meetings (compound_id, held_on DESC);

CREATE TABLE action_items (
    id              uuid PRIMARY KEY,
    meeting_id      uuid NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
    resolution_no   integer,
    description     text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
    owner_org_id    uuid NOT NULL REFERENCES organisations (id),
    due_on          date NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    done_on         date,
    version         bigint NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT action_items_done CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX action_items_open_idx ON action_items (due_on) WHERE status = 'open';

-- Corrections to a finalised meeting record: the record stays as it was, the amendment
-- says what changed and why.
CREATE TABLE meeting_amendments (
    id          uuid PRIMARY KEY,
    meeting_id  uuid NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
    reason      text NOT NULL CHECK (char_length(reason) BETWEEN 4 AND 500),
    correction  text NOT NULL CHECK (char_length(correction) BETWEEN 1 AND 2000),
    created_by  uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE neighbourhood_centres (
    id                 uuid PRIMARY KEY,
    community_id       uuid NOT NULL REFERENCES areas (id),
    name               text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    address            text NOT NULL CHECK (char_length(address) BETWEEN 1 AND 200),
    lat                double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    geofence_radius_m  integer NOT NULL CHECK (geofence_radius_m BETWEEN 10 AND 2000),
    -- Per weekday (1 = Monday) opening and closing times, e.g. {"1": ["08:30", "20:00"]}.
    opening_hours      jsonb NOT NULL,
    services           text[] NOT NULL DEFAULT '{}',
    version            bigint NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT centres_unique_name UNIQUE (community_id, name)
);
