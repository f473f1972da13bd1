-- Events (the transactional outbox), webhook subscriptions, deliveries and their attempts.

-- An event row is written in the same transaction as the change it reports. `seq` is
-- assigned after commit by a single sequencer (under an advisory lock), so readers that
-- page by `seq` see events in a total order with no gaps: an event still uncommitted
-- when others are sequenced simply gets a later `seq`.
CREATE SEQUENCE events_seq AS bigint;
CREATE TABLE events (
    id            bigserial PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    seq           bigint UNIQUE,
    type          text NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    area_path     text,
    subject_type  text NOT NULL,
    subject_id    text NOT NULL,
    payload       jsonb NOT NULL
);
CREATE INDEX events_unsequenced_idx ON events (id) WHERE seq IS NULL;

CREATE TABLE webhook_subscriptions (
    id                   uuid PRIMARY KEY,
    url                  text NOT NULL CHECK (char_length(url) BETWEEN 8 AND 2000),
    description          text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200),
    -- Exact types (`compound.updated`), module wildcards (`compound.*`) or `*`.
    event_types          text[] NOT NULL CHECK (cardinality(event_types) > 0),
    area_id              uuid NOT NULL REFERENCES areas (id),
    active               boolean NOT NULL DEFAULT true,
    disabled_reason      text,
    secret               text NOT NULL,
    previous_secret      text,
    previous_expires_at  timestamptz,
    owner_kind           text NOT NULL CHECK (owner_kind IN ('user', 'api_key')),
    owner_id             uuid NOT NULL,
    version              bigint NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id         uuid NOT NULL REFERENCES events (event_id),
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- A relay's lease: while it lies in the future no other relay sends this delivery.
    locked_until     timestamptz,
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC);

CREATE TABLE webhook_attempts (
    id            bigserial PRIMARY KEY,
    delivery_id   uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    status_code   integer,
    latency_ms    integer NOT NULL,
    error         text
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);
