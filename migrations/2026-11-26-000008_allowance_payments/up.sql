-- Allowance payments (岗位津贴): programmes, assessments (考评), bank details, payment
-- cycles (发放批次) with their lines (payments), the transfers made (disbursements) and
-- the bank's return files.

CREATE TABLE allowance_programmes (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    area_id               uuid NOT NULL REFERENCES areas (id),
    area_path             text NOT NULL,
    -- The eligible post: its organisation's kind and its title (e.g. compound_party_branch / 书记).
    org_kind              text NOT NULL,
    post_title            text NOT NULL CHECK (char_length(post_title) BETWEEN 1 AND 40),
    amount_fen_per_month  bigint NOT NULL CHECK (amount_fen_per_month > 0 AND amount_fen_per_month <= 10000000),
    required_result       text NOT NULL CHECK (required_result IN ('excellent', 'qualified')),
    annual_budget_fen     bigint NOT NULL CHECK (annual_budget_fen > 0),
    -- A post held for part of a month earns days held / days in the month, rounded down to the fen.
    pro_rata              boolean NOT NULL DEFAULT true,
    active                boolean NOT NULL DEFAULT true,
    created_by            uuid,
    version               bigint NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT allowance_programmes_name_once UNIQUE (name)
);

CREATE TABLE assessments (
    id            uuid PRIMARY KEY,
    person_id     uuid NOT NULL REFERENCES people (id),
    period_start  date NOT NULL,
    period_end    date NOT NULL,
    score         integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    result        text NOT NULL CHECK (result IN ('excellent', 'qualified', 'unqualified')),
    -- Who assessed (the body or person, as written on the assessment form).
    assessor      text NOT NULL CHECK (char_length(assessor) BETWEEN 1 AND 100),
    notes         text CHECK (char_length(notes) <= 1000),
    recorded_by   uuid,
    version       bigint NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assessments_period_order CHECK (period_start <= period_end),
    -- One assessment of a person covers any day.
    CONSTRAINT assessments_no_overlap EXCLUDE USING gist (
        person_id WITH =, daterange(period_start, period_end, '[]') WITH &&)
);
CREATE INDEX assessments_person_idx ON assessments (person_id, period_start);

CREATE TABLE bank_accounts (
    person_id     uuid PRIMARY KEY REFERENCES people (id),
    bank_name     text NOT NULL CHECK (char_length(bank_name) BETWEEN 2 AND 60),
    account_no    text NOT NULL CHECK (account_no ~ '^[0-9]{8,30}$'),
    account_name  text NOT NULL CHECK (char_length(account_name) BETWEEN 1 AND 50),
    version       bigint NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment_cycles (
    id                   uuid PRIMARY KEY,
    programme_id         uuid NOT NULL REFERENCES allowance_programmes (id),
    month                date NOT NULL CHECK (extract(day FROM month) = 1),
    area_path            text NOT NULL,
    status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'disbursed', 'reconciled', 'closed')),
    prepared_by          uuid NOT NULL,
    generated_at         timestamptz,
    submitted_at         timestamptz,
    approved_by          uuid,
    approved_at          timestamptz,
    disbursed_by         uuid,
    disbursed_at         timestamptz,
    reconciled_at        timestamptz,
    closed_at            timestamptz,
    -- An assessment the cycle used was changed afterwards (see the audit log).
    assessments_changed  boolean NOT NULL DEFAULT false,
    version              bigint NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    -- Four eyes, also in the database.
    CONSTRAINT payment_cycles_four_eyes CHECK (approved_by IS NULL OR approved_by <> prepared_by),
    CONSTRAINT payment_cycles_approved_before_paid CHECK (status IN ('draft', 'submitted') OR approved_by IS NOT NULL)
);

-- One line per candidate: included (with the amount), excluded or held, and why.
-- One cycle of a programme-month at a time until it is disbursed; a supplementary cycle for
-- the same month (补发) may follow, and sees who was paid already.
CREATE UNIQUE INDEX payment_cycles_one_open_per_month ON payment_cycles (programme_id, month)
    WHERE status IN ('draft', 'submitted', 'approved');

CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    cycle_id            uuid NOT NULL REFERENCES payment_cycles (id),
    programme_id        uuid NOT NULL REFERENCES allowance_programmes (id),
    person_id           uuid NOT NULL REFERENCES people (id),
    -- The month the money is for: the cycle's month, or an earlier one for a carried line.
    period_month        date NOT NULL CHECK (extract(day FROM period_month) = 1),
    decision            text NOT NULL CHECK (decision IN ('included', 'excluded', 'held')),
    reason              text NOT NULL,
    explanation         text NOT NULL,
    amount_fen          bigint NOT NULL CHECK (amount_fen >= 0),
    post_id             uuid,
    organisation_name   text,
    compound_name       text,
    assessment_id       uuid,
    assessment_version  bigint,
    carried_from        uuid REFERENCES payments (id),
    hold_reason         text CHECK (char_length(hold_reason) <= 200),
    line_no             integer NOT NULL,
    CONSTRAINT payments_once_per_cycle UNIQUE (cycle_id, person_id, period_month),
    CONSTRAINT payments_line_no_once UNIQUE (cycle_id, line_no),
    CONSTRAINT payments_held_has_reason CHECK (decision <> 'held' OR hold_reason IS NOT NULL)
);
CREATE INDEX payments_person_idx ON payments (person_id, period_month);

-- A transfer instructed to the bank for one line. A person is paid at most once per
-- programme and month, across cycles: a failed transfer frees the month for a retry.
CREATE TABLE disbursements (
    id              uuid PRIMARY KEY,
    payment_id      uuid NOT NULL UNIQUE REFERENCES payments (id),
    cycle_id        uuid NOT NULL REFERENCES payment_cycles (id),
    programme_id    uuid NOT NULL,
    person_id       uuid NOT NULL,
    period_month    date NOT NULL,
    amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
    bank_name       text NOT NULL,
    account_no      text NOT NULL,
    account_name    text NOT NULL,
    status          text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'paid', 'failed')),
    bank_reference  text,
    failure_reason  text,
    settled_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX disbursements_once_per_person_month ON disbursements (programme_id, person_id, period_month)
    WHERE status <> 'failed';
CREATE INDEX disbursements_cycle_idx ON disbursements (cycle_id);

CREATE TABLE reconciliation_imports (
    cycle_id     uuid NOT NULL REFERENCES payment_cycles (id),
    sha256       bytea NOT NULL,
    row_count    integer NOT NULL,
    imported_by  uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cycle_id, sha256)
);
