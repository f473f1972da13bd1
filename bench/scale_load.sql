-- Loads one batch of synthetic complaints and their timeline entries for bench/scale.sh.
-- Variables (psql -v): lo, hi (row numbers [lo, hi) of n), n (total rows).
-- Rows are generated in filing order (row g is filed at t0 + g/n of three years), so the
-- primary key (a v7-style uuid made from the filing time), the number and the time-ordered
-- indexes grow at their right edge as they do in production.
WITH ins AS (
    INSERT INTO complaints (id, number, compound_id, area_path, category_code, title, description, channel,
        anonymous, complainant_user_id, complainant_name, complainant_phone, filed_by, status, handler_org_id,
        routing_rule, reject_reason, return_reason, resolution, accepted_at, assigned_at, sign_by, signed_at,
        resolve_by, resolved_at, closed_at, rating, review_comment, reopen_count, escalation_level, overdue,
        version, created_at, updated_at)
    SELECT
        (lpad(to_hex((extract(epoch FROM t.created_at) * 1000)::bigint), 12, '0') || '7' || substr(t.h, 1, 3)
            || '8' || substr(t.h, 4, 15))::uuid,
        'LL' || to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
            || lpad(t.seq::text, greatest(6, length(t.seq::text)), '0'),
        t.compound_id, t.path, t.code,
        t.name_zh || '问题反映',
        t.compound_name || '：' || t.name_zh || '问题，居民反映已持续多日，请尽快处理。（批量压测数据 #' || t.g || '）',
        t.channel, t.channel = 'app' AND t.r2 < 0.1,
        CASE WHEN t.channel = 'app' THEN t.resident END,
        CASE WHEN t.channel = 'hotline' THEN '市民' || (t.g % 1000) END,
        CASE WHEN t.channel = 'hotline' THEN '139' || lpad((t.g % 100000000)::text, 8, '0') END,
        CASE WHEN t.channel = 'staff' THEN t.staff END,
        t.status,
        CASE WHEN t.status IN ('submitted', 'accepted', 'rejected') THEN NULL ELSE t.handler END,
        t.routing_rule,
        CASE WHEN t.status = 'rejected' THEN '不属于受理范围 / outside our remit' END,
        CASE WHEN t.status = 'returned' THEN '非本单位职责 / not ours to handle' END,
        CASE WHEN t.status IN ('resolved', 'closed') THEN '已处理完毕 / done' END,
        CASE WHEN t.status NOT IN ('submitted', 'rejected') THEN t.accepted_at END,
        CASE WHEN t.status NOT IN ('submitted', 'rejected', 'accepted') THEN t.assigned_at END,
        CASE WHEN t.status NOT IN ('submitted', 'rejected', 'accepted', 'returned') THEN t.sign_by END,
        CASE WHEN t.status IN ('signed', 'in_progress', 'resolved', 'closed') THEN t.signed_at END,
        CASE WHEN t.status IN ('signed', 'in_progress', 'resolved', 'closed') THEN t.resolve_by END,
        CASE WHEN t.status IN ('resolved', 'closed') THEN t.resolved_at END,
        CASE WHEN t.status = 'closed' THEN t.closed_at END,
        CASE WHEN t.status = 'closed' AND t.r2 < 0.8 THEN (5 - floor(power(t.r3, 2.5) * 5))::smallint END,
        CASE WHEN t.status = 'closed' AND t.r2 < 0.1 THEN '满意 / satisfied' END,
        0,
        CASE WHEN t.overdue THEN 1 ELSE 0 END,
        t.overdue,
        1, t.created_at, greatest(t.created_at, coalesce(
            CASE t.status WHEN 'closed' THEN t.closed_at WHEN 'resolved' THEN t.resolved_at
                WHEN 'in_progress' THEN t.signed_at WHEN 'signed' THEN t.signed_at
                WHEN 'assigned' THEN t.assigned_at WHEN 'returned' THEN t.assigned_at
                WHEN 'accepted' THEN t.accepted_at END, t.created_at))
    FROM (
        SELECT s.*,
            -- Open work past its deadline is overdue (the sweeper would have flagged it);
            -- so is finished work resolved after its deadline.
            CASE
                WHEN s.status = 'assigned' THEN s.sign_by < now()
                WHEN s.status IN ('signed', 'in_progress') THEN s.resolve_by < now()
                WHEN s.status IN ('resolved', 'closed') THEN s.resolved_at > s.resolve_by
                ELSE false
            END AS overdue
        FROM (
            SELECT d.*,
                least(now(), d.created_at + d.acc_h * interval '1 hour') AS accepted_at,
                least(now(), d.created_at + (d.acc_h + d.asg_h) * interval '1 hour') AS assigned_at,
                d.created_at + (d.acc_h + d.asg_h + d.sign_hours) * interval '1 hour' AS sign_by,
                least(now(), d.created_at + (d.acc_h + d.asg_h + d.sig_h) * interval '1 hour') AS signed_at,
                d.created_at + (d.acc_h + d.asg_h + d.sig_h + d.resolve_hours) * interval '1 hour' AS resolve_by,
                least(now(), d.created_at + (d.acc_h + d.asg_h + d.sig_h + d.res_h) * interval '1 hour') AS resolved_at,
                least(now(), d.created_at + (d.acc_h + d.asg_h + d.sig_h + d.res_h + d.cls_h) * interval '1 hour') AS closed_at,
                CASE
                    -- Older than a month: nearly all finished, a few stuck.
                    WHEN d.created_at < now() - interval '30 days' THEN CASE
                        WHEN d.r1 < 0.915 THEN 'closed' WHEN d.r1 < 0.945 THEN 'rejected'
                        WHEN d.r1 < 0.97 THEN 'resolved' WHEN d.r1 < 0.98 THEN 'in_progress'
                        WHEN d.r1 < 0.985 THEN 'returned' WHEN d.r1 < 0.99 THEN 'signed'
                        WHEN d.r1 < 0.995 THEN 'assigned' ELSE 'accepted' END
                    -- The last month: work in every stage.
                    ELSE CASE
                        WHEN d.r1 < 0.10 THEN 'submitted' WHEN d.r1 < 0.15 THEN 'accepted'
                        WHEN d.r1 < 0.18 THEN 'rejected' WHEN d.r1 < 0.28 THEN 'assigned'
                        WHEN d.r1 < 0.30 THEN 'returned' WHEN d.r1 < 0.40 THEN 'signed'
                        WHEN d.r1 < 0.55 THEN 'in_progress' WHEN d.r1 < 0.70 THEN 'resolved'
                        ELSE 'closed' END
                END AS status
            FROM (
                SELECT g, md5(g::text) AS h, random() AS r1, random() AS r2, random() AS r3,
                    nextval('complaint_numbers') AS seq,
                    :'t0'::timestamptz + (g + random()) * (:'span'::interval / :n) AS created_at,
                    bc.compound_id, bc.path, bc.compound_name, bc.resident, bc.staff,
                    cat.code, cat.name_zh, cat.sign_hours, cat.resolve_hours,
                    CASE cat.handler_rule
                        WHEN 'law_enforcement' THEN coalesce(bc.law, bc.community)
                        WHEN 'owners_committee' THEN coalesce(bc.owners, bc.community)
                        WHEN 'community' THEN bc.community
                        ELSE bc.handler END AS handler,
                    CASE cat.handler_rule
                        WHEN 'law_enforcement' THEN 'law_enforcement: 街道综合行政执法队（经社区派单）'
                        WHEN 'owners_committee' THEN 'owners_committee: 小区业主委员会'
                        WHEN 'community' THEN 'community: 社区党总支'
                        ELSE bc.handler_rule END AS routing_rule,
                    CASE WHEN random() < 0.6 THEN 'hotline' WHEN random() < 0.9 THEN 'staff' ELSE 'app' END AS channel,
                    -- Working-hour spans, drawn so most orders are quick and a tail is slow.
                    0.1 + power(random(), 3) * 24 AS acc_h,
                    0.1 + power(random(), 3) * 8 AS asg_h,
                    power(random(), 2) * cat.sign_hours * 1.3 AS sig_h,
                    power(random(), 2) * cat.resolve_hours * 1.2 AS res_h,
                    random() * 72 AS cls_h
                FROM generate_series(:lo::bigint, :hi::bigint - 1) AS g
                JOIN bench_compounds bc ON bc.i = (floor(power(((g * 7919) % 100003) / 100003.0, 1.4) * :ncompounds))::int
                JOIN bench_categories cat ON cat.i = (floor(power(((g * 104729) % 99991) / 99991.0, 1.6) * :ncategories))::int
            ) d
        ) s
    ) t
    RETURNING id, status, created_at, accepted_at, assigned_at, signed_at, resolved_at, closed_at, routing_rule
)
INSERT INTO complaint_events (complaint_id, action, from_status, to_status, actor_kind, actor_id, actor_name, note, at)
SELECT ins.id, e.action, e.from_status, e.to_status, e.actor_kind,
    CASE WHEN e.actor_kind = 'user' THEN :'admin'::uuid END, e.actor_name, e.note, e.at
FROM ins CROSS JOIN LATERAL (VALUES
    -- Up to four entries per complaint: the filing and the last transitions that led
    -- to its status.
    ('submit', NULL, 'submitted', 'user', '区级管理员', ins.routing_rule, ins.created_at,
        true),
    ('reject', 'submitted', 'rejected', 'user', '区级管理员', '不属于受理范围', ins.created_at + interval '2 hours',
        ins.status = 'rejected'),
    ('accept', 'submitted', 'accepted', 'user', '区级管理员', NULL, ins.accepted_at,
        ins.status IN ('accepted', 'assigned', 'returned', 'signed')),
    ('assign', 'accepted', 'assigned', 'user', '区级管理员', NULL, ins.assigned_at,
        ins.status IN ('assigned', 'returned', 'signed', 'in_progress', 'resolved', 'closed')),
    ('return', 'assigned', 'returned', 'user', '承办单位', '非本单位职责', ins.assigned_at + interval '1 hour',
        ins.status = 'returned'),
    ('sign', 'assigned', 'signed', 'user', '承办单位', NULL, ins.signed_at,
        ins.status IN ('signed', 'in_progress', 'resolved')),
    ('start', 'signed', 'in_progress', 'user', '承办单位', NULL, ins.signed_at,
        ins.status = 'in_progress'),
    ('resolve', 'in_progress', 'resolved', 'user', '承办单位', '已处理完毕', ins.resolved_at,
        ins.status IN ('resolved', 'closed')),
    ('review', 'resolved', 'closed', 'system', '诉求人评价', NULL, ins.closed_at,
        ins.status = 'closed')
) AS e (action, from_status, to_status, actor_kind, actor_name, note, at, applies)
WHERE e.applies;
