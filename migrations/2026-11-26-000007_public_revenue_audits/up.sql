-- Public revenue (公共收益): a double-entry ledger per compound in integer fen, closed
-- months, CSV imports, vouchers and disclosures; special audits (专项审计): campaigns,
-- engagements, findings and their rectification.

CREATE TABLE ledger_accounts (
    id           uuid PRIMARY KEY,
    compound_id  uuid NOT NULL REFERENCES compounds (id),
    code         text NOT NULL CHECK (code ~ '^[0-9]{4,8}$'),
    name_zh      text NOT NULL CHECK (char_length(name_zh) BETWEEN 1 AND 40),
    name_en      text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 60),
    kind         text NOT NULL CHECK (kind IN ('asset', 'liability', 'income', 'expense')),
    -- Reporting category: parking, tidal_parking, advertising ... (see the domain's chart).
    category     text NOT NULL CHECK (category ~ '^[a-z_]{2,40}$'),
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_accounts_code_once UNIQUE (compound_id, code),
    -- Target of the lines' composite key: a line's account belongs to the line's compound.
    CONSTRAINT ledger_accounts_of_compound UNIQUE (id, compound_id)
);

CREATE TABLE ledger_imports (
    id           uuid PRIMARY KEY,
    compound_id  uuid NOT NULL REFERENCES compounds (id),
    sha256       bytea NOT NULL,
    file_name    text NOT NULL,
    row_count    integer NOT NULL,
    entry_count  integer NOT NULL,
    imported_by  uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- The same file imported twice for a compound is one import.
    CONSTRAINT ledger_imports_once UNIQUE (compound_id, sha256)
);

CREATE SEQUENCE ledger_entry_numbers;

CREATE TABLE ledger_entries (
    id           uuid PRIMARY KEY,
    number       bigint NOT NULL DEFAULT nextval('ledger_entry_numbers') UNIQUE,
    compound_id  uuid NOT NULL REFERENCES compounds (id),
    entry_date   date NOT NULL,
    memo         text NOT NULL CHECK (char_length(memo) BETWEEN 1 AND 200),
    voucher_no   text CHECK (char_length(voucher_no) <= 40),
    source       text NOT NULL CHECK (source IN ('manual', 'import', 'reversal')),
    reverses_id  uuid UNIQUE REFERENCES ledger_entries (id),
    import_id    uuid REFERENCES ledger_imports (id),
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_entries_of_compound UNIQUE (id, compound_id)
);
CREATE INDEX ledger_entries_journal_idx ON ledger_entries (compound_id, entry_date DESC, number DESC);

CREATE TABLE ledger_lines (
    id           bigserial PRIMARY KEY,
    entry_id     uuid NOT NULL,
    compound_id  uuid NOT NULL,
    account_id   uuid NOT NULL,
    debit_fen    bigint NOT NULL DEFAULT 0 CHECK (debit_fen >= 0),
    credit_fen   bigint NOT NULL DEFAULT 0 CHECK (credit_fen >= 0),
    CONSTRAINT ledger_lines_one_side CHECK ((debit_fen > 0) <> (credit_fen > 0)),
    CONSTRAINT ledger_lines_entry FOREIGN KEY (entry_id, compound_id) REFERENCES ledger_entries (id, compound_id),
    CONSTRAINT ledger_lines_account FOREIGN KEY (account_id, compound_id) REFERENCES ledger_accounts (id, compound_id)
);
CREATE INDEX ledger_lines_entry_idx ON ledger_lines (entry_id);
CREATE INDEX ledger_lines_account_idx ON ledger_lines (account_id);

CREATE TABLE ledger_periods (
    compound_id  uuid NOT NULL REFERENCES compounds (id),
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    closed_by    uuid,
    closed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (compound_id, month)
);

CREATE TABLE ledger_vouchers (
    id            uuid PRIMARY KEY,
    entry_id      uuid NOT NULL REFERENCES ledger_entries (id),
    content_type  text NOT NULL,
    size_bytes    integer NOT NULL,
    sha256        bytea NOT NULL,
    file_name     text NOT NULL,
    stored_path   text NOT NULL,
    uploaded_by   uuid,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_vouchers_entry_idx ON ledger_vouchers (entry_id);

-- Every entry balances, with at least two lines, when its transaction commits.
CREATE FUNCTION ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lines bigint;
    debits bigint;
    credits bigint;
BEGIN
    SELECT count(*), COALESCE(sum(debit_fen), 0), COALESCE(sum(credit_fen), 0)
      INTO lines, debits, credits FROM ledger_lines WHERE entry_id = NEW.id;
    IF lines < 2 OR debits <> credits THEN
        RAISE EXCEPTION 'ledger_unbalanced: entry % has % lines, debits % and credits %', NEW.id, lines, debits, credits
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_unbalanced';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balances();

-- Lines are written once, with their entry, in one statement: none may be added later.
CREATE FUNCTION ledger_lines_written_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM (SELECT entry_id, count(*) AS n FROM new_lines GROUP BY entry_id) fresh
         WHERE fresh.n <> (SELECT count(*) FROM ledger_lines l WHERE l.entry_id = fresh.entry_id)
    ) THEN
        RAISE EXCEPTION 'ledger_immutable: lines cannot be added to a posted entry'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_immutable';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_lines_once AFTER INSERT ON ledger_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_lines_written_once();

-- Posted entries and their lines never change: corrections are reversals.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_immutable: posted entries are corrected by reversal, never changed'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_immutable';
END $$;
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_lines_immutable BEFORE UPDATE OR DELETE ON ledger_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Nothing posts into a closed month.
CREATE FUNCTION ledger_period_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_periods p WHERE p.compound_id = NEW.compound_id
                  AND p.month = date_trunc('month', NEW.entry_date)::date) THEN
        RAISE EXCEPTION 'ledger_period_closed: % is closed for compound %', to_char(NEW.entry_date, 'YYYY-MM'), NEW.compound_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_period_closed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_entries_period_open BEFORE INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_period_open();

CREATE TABLE disclosures (
    id            uuid PRIMARY KEY,
    compound_id   uuid NOT NULL REFERENCES compounds (id),
    area_path     text NOT NULL,
    period_from   date NOT NULL CHECK (extract(day FROM period_from) = 1),
    period_to     date NOT NULL CHECK (extract(day FROM period_to) = 1),
    -- The figures as published: income and spending by category, balance owed to owners.
    summary       jsonb NOT NULL,
    note          text CHECK (char_length(note) <= 1000),
    published_by  uuid,
    publisher     text NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT disclosures_period_order CHECK (period_from <= period_to)
);
CREATE INDEX disclosures_compound_idx ON disclosures (compound_id, published_at DESC);

CREATE TABLE audit_campaigns (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    area_id      uuid NOT NULL REFERENCES areas (id),
    area_path    text NOT NULL,
    budget_fen   bigint NOT NULL CHECK (budget_fen > 0),
    description  text CHECK (char_length(description) <= 2000),
    created_by   uuid,
    version      bigint NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_campaign_firms (
    campaign_id  uuid NOT NULL REFERENCES audit_campaigns (id) ON DELETE CASCADE,
    firm_id      uuid NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (campaign_id, firm_id)
);

CREATE TABLE audit_engagements (
    id             uuid PRIMARY KEY,
    campaign_id    uuid NOT NULL REFERENCES audit_campaigns (id),
    compound_id    uuid NOT NULL REFERENCES compounds (id),
    area_path      text NOT NULL,
    firm_id        uuid NOT NULL,
    fee_fen        bigint NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
    scope          text NOT NULL CHECK (char_length(scope) BETWEEN 1 AND 1000),
    period_from    date NOT NULL,
    period_to      date NOT NULL,
    status         text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'fieldwork', 'draft_report', 'final_report', 'rectification', 'closed')),
    opinion        text CHECK (opinion IN ('unqualified', 'qualified', 'adverse', 'disclaimer')),
    report_summary text CHECK (char_length(report_summary) <= 4000),
    version        bigint NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_engagements_one_per_compound UNIQUE (campaign_id, compound_id),
    CONSTRAINT audit_engagements_firm_in_campaign FOREIGN KEY (campaign_id, firm_id) REFERENCES audit_campaign_firms (campaign_id, firm_id),
    CONSTRAINT audit_engagements_period_order CHECK (period_from <= period_to),
    CONSTRAINT audit_engagements_opinion_when_reported CHECK (opinion IS NOT NULL OR status IN ('planned', 'fieldwork', 'draft_report'))
);
CREATE INDEX audit_engagements_scope_idx ON audit_engagements (area_path text_pattern_ops);
CREATE INDEX audit_engagements_firm_idx ON audit_engagements (firm_id, status);

-- The fees of a campaign never exceed its budget: checked under the campaign's row lock,
-- so concurrent assignments queue and the last one that would overspend is refused.
CREATE FUNCTION audit_fees_within_budget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    budget bigint;
    committed bigint;
BEGIN
    -- NO KEY UPDATE: queues concurrent assignments without clashing with the foreign-key
    -- locks new engagements take on the campaign.
    SELECT budget_fen INTO budget FROM audit_campaigns WHERE id = NEW.campaign_id FOR NO KEY UPDATE;
    SELECT COALESCE(sum(fee_fen), 0) INTO committed FROM audit_engagements WHERE campaign_id = NEW.campaign_id;
    IF committed > budget THEN
        RAISE EXCEPTION 'audit_budget_exceeded: fees % exceed the budget % of campaign %', committed, budget, NEW.campaign_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_budget_exceeded';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_engagements_budget AFTER INSERT OR UPDATE OF fee_fen ON audit_engagements
    FOR EACH ROW EXECUTE FUNCTION audit_fees_within_budget();

CREATE TABLE audit_findings (
    id                  uuid PRIMARY KEY,
    engagement_id       uuid NOT NULL REFERENCES audit_engagements (id),
    area_path           text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('unrecorded_income', 'misappropriation', 'missing_voucher', 'unauthorised_expense', 'other')),
    title               text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    description         text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
    amount_fen          bigint NOT NULL CHECK (amount_fen >= 0),
    severity            text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    responsible_org_id  uuid REFERENCES organisations (id),
    evidence            text CHECK (char_length(evidence) <= 4000),
    status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    raised_by           uuid NOT NULL,
    closed_at           timestamptz,
    version             bigint NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_findings_engagement_idx ON audit_findings (engagement_id);
CREATE INDEX audit_findings_scope_idx ON audit_findings (area_path text_pattern_ops);

CREATE TABLE rectifications (
    id                   uuid PRIMARY KEY,
    finding_id           uuid NOT NULL REFERENCES audit_findings (id),
    action               text NOT NULL CHECK (char_length(action) BETWEEN 1 AND 1000),
    owner_org_id         uuid REFERENCES organisations (id),
    deadline             date NOT NULL,
    status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'verified')),
    completion_evidence  text CHECK (char_length(completion_evidence) <= 4000),
    completed_by         uuid,
    completed_at         timestamptz,
    verified_by          uuid,
    verified_at          timestamptz,
    verification_note    text CHECK (char_length(verification_note) <= 1000),
    overdue              boolean NOT NULL DEFAULT false,
    version              bigint NOT NULL DEFAULT 1,
    created_by           uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rectifications_evidence_when_done CHECK (status = 'pending' OR completion_evidence IS NOT NULL)
);
CREATE INDEX rectifications_finding_idx ON rectifications (finding_id);
CREATE INDEX rectifications_open_deadline_idx ON rectifications (deadline) WHERE status <> 'verified';
