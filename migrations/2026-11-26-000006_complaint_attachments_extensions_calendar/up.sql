-- Photos on complaints, deadline extensions, and the configurable working-day calendar.

CREATE TABLE complaint_attachments (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    -- `report`: from the complainant or dispatcher; `result`: from the handler.
    purpose       text NOT NULL CHECK (purpose IN ('report', 'result')),
    -- Detected from the bytes, never taken from the client.
    content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    integer NOT NULL CHECK (size_bytes > 0),
    sha256        bytea NOT NULL,
    file_name     text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 120),
    -- Relative to LINLI_UPLOAD_DIR.
    stored_path   text NOT NULL UNIQUE,
    uploaded_by   uuid,
    uploader_name text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_attachments_complaint_idx ON complaint_attachments (complaint_id, created_at);

CREATE TABLE complaint_extensions (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    hours         integer NOT NULL CHECK (hours BETWEEN 1 AND 720),
    reason        text NOT NULL CHECK (char_length(reason) BETWEEN 4 AND 500),
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
    requested_by  uuid NOT NULL,
    requester_name text NOT NULL,
    decided_by    uuid,
    decider_name  text,
    decision_note text CHECK (char_length(decision_note) <= 500),
    created_at    timestamptz NOT NULL DEFAULT now(),
    decided_at    timestamptz
);
-- One pending request at a time per complaint.
CREATE UNIQUE INDEX complaint_extensions_one_pending ON complaint_extensions (complaint_id) WHERE status = 'pending';

-- Public holidays and make-up working days (weekdays and weekends are implied).
CREATE TABLE calendar_days (
    day   date PRIMARY KEY,
    kind  text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    note  text NOT NULL DEFAULT '' CHECK (char_length(note) <= 50)
);
INSERT INTO calendar_days (day, kind, note)
SELECT d::date, 'holiday', n FROM (VALUES
    ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')) AS h(f, t, n), generate_series(f::date, t::date, interval '1 day') AS d;
INSERT INTO calendar_days (day, kind, note) VALUES
    ('2026-01-04', 'workday', '元旦调休上班'), ('2026-02-14', 'workday', '春节调休上班'), ('2026-02-28', 'workday', '春节调休上班'),
    ('2026-05-09', 'workday', '劳动节调休上班'), ('2026-09-20', 'workday', '国庆节调休上班'), ('2026-10-10', 'workday', '国庆节调休上班');
