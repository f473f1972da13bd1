-- Volunteer service (志愿服务): party members reporting to compounds (进小区报到), team
-- membership, activities with sign-ups, check-ins and verified service hours, certificates.

-- The person record a user acts as (a volunteer signs in and checks in as themselves).
ALTER TABLE users ADD COLUMN person_id uuid UNIQUE REFERENCES people (id);

CREATE TABLE reports (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES people (id),
    compound_id     uuid NOT NULL REFERENCES compounds (id),
    area_path       text NOT NULL,
    -- The member's employer, for the quarterly feedback report (as it was when reporting).
    employer        text CHECK (char_length(employer) <= 100),
    status          text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'confirmed', 'declined', 'withdrawn', 'ended')),
    note            text CHECK (char_length(note) <= 500),
    decided_by      uuid,
    decided_at      timestamptz,
    decline_reason  text CHECK (char_length(decline_reason) <= 200),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 1
);
-- One active reporting (requested or confirmed) per person.
CREATE UNIQUE INDEX reports_one_active ON reports (person_id) WHERE status IN ('requested', 'confirmed');
CREATE INDEX reports_scope_idx ON reports (area_path text_pattern_ops, status);

CREATE TABLE team_members (
    team_id    uuid NOT NULL REFERENCES organisations (id),
    person_id  uuid NOT NULL REFERENCES people (id),
    role       text NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'member')),
    joined_on  date NOT NULL DEFAULT current_date,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_members_person_idx ON team_members (person_id);

CREATE TABLE activities (
    id           uuid PRIMARY KEY,
    title        text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    description  text CHECK (char_length(description) <= 2000),
    team_id      uuid REFERENCES organisations (id),
    centre_id    uuid REFERENCES neighbourhood_centres (id),
    compound_id  uuid REFERENCES compounds (id),
    area_path    text NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
    created_by   uuid,
    version      bigint NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activities_window CHECK (starts_at < ends_at AND ends_at <= starts_at + interval '24 hours'),
    CONSTRAINT activities_place CHECK ((centre_id IS NULL) <> (compound_id IS NULL))
);
CREATE INDEX activities_scope_idx ON activities (area_path text_pattern_ops, starts_at);
CREATE INDEX activities_time_idx ON activities (starts_at);

CREATE TABLE signups (
    activity_id  uuid NOT NULL REFERENCES activities (id),
    person_id    uuid NOT NULL REFERENCES people (id),
    status       text NOT NULL DEFAULT 'signed' CHECK (status IN ('signed', 'cancelled')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (activity_id, person_id)
);

-- Never more active sign-ups than places: checked under the activity's row lock.
CREATE FUNCTION signups_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    places integer;
    taken integer;
BEGIN
    -- NO KEY UPDATE: queues concurrent sign-ups without clashing with their foreign-key locks.
    SELECT capacity INTO places FROM activities WHERE id = NEW.activity_id FOR NO KEY UPDATE;
    SELECT count(*) INTO taken FROM signups WHERE activity_id = NEW.activity_id AND status = 'signed';
    IF taken > places THEN
        RAISE EXCEPTION 'activity_full: % places, % signed', places, taken
            USING ERRCODE = 'check_violation', CONSTRAINT = 'activity_full';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER signups_capacity AFTER INSERT OR UPDATE OF status ON signups
    FOR EACH ROW WHEN (NEW.status = 'signed') EXECUTE FUNCTION signups_within_capacity();

CREATE TABLE check_ins (
    id                  uuid PRIMARY KEY,
    person_id           uuid NOT NULL REFERENCES people (id),
    activity_id         uuid REFERENCES activities (id),
    centre_id           uuid REFERENCES neighbourhood_centres (id),
    compound_id         uuid REFERENCES compounds (id),
    area_path           text NOT NULL,
    method              text NOT NULL CHECK (method IN ('geofence', 'qr')),
    -- Uploaded later from an offline phone: the phone's own id for the record.
    client_id           text UNIQUE CHECK (char_length(client_id) BETWEEN 8 AND 64),
    checkout_client_id  text UNIQUE CHECK (char_length(checkout_client_id) BETWEEN 8 AND 64),
    checked_in_at       timestamptz NOT NULL,
    checked_out_at      timestamptz,
    lat                 double precision,
    lon                 double precision,
    accuracy_m          double precision,
    distance_m          double precision,
    minutes             integer CHECK (minutes >= 0),
    -- Closed by the sweeper (forgotten check-out), or otherwise worth a second look.
    flagged             boolean NOT NULL DEFAULT false,
    flag_reason         text,
    verification        text NOT NULL DEFAULT 'pending' CHECK (verification IN ('pending', 'verified', 'rejected')),
    verified_by         uuid,
    verified_at         timestamptz,
    received_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT check_ins_place CHECK (centre_id IS NOT NULL OR compound_id IS NOT NULL),
    CONSTRAINT check_ins_order CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
-- One open check-in per person.
CREATE UNIQUE INDEX check_ins_one_open ON check_ins (person_id) WHERE checked_out_at IS NULL;
CREATE INDEX check_ins_person_idx ON check_ins (person_id, checked_in_at DESC);
CREATE INDEX check_ins_scope_idx ON check_ins (area_path text_pattern_ops, checked_in_at DESC);
CREATE INDEX check_ins_open_idx ON check_ins (checked_in_at) WHERE checked_out_at IS NULL;

CREATE TABLE service_certificates (
    id             uuid PRIMARY KEY,
    code           text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{12}$'),
    person_id      uuid NOT NULL REFERENCES people (id),
    period_from    date NOT NULL,
    period_to      date NOT NULL,
    total_minutes  integer NOT NULL,
    activities     integer NOT NULL,
    issued_by      uuid,
    issued_at      timestamptz NOT NULL DEFAULT now()
);
