//! Generating a cycle's lines: candidates, decisions and explanations.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Integer, Nullable, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::allowance::{
    Assessed, AssessmentResult, Candidate, HeldPost, Reason, decide, month_end,
};
use serde_json::json;
use uuid::Uuid;

use super::Programme;
use crate::{
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

#[derive(QueryableByName)]
struct PostRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    post_id: Uuid,
    #[diesel(sql_type = Text)]
    organisation_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    compound_name: Option<String>,
    #[diesel(sql_type = Date)]
    start_date: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    end_date: Option<NaiveDate>,
}

#[derive(QueryableByName)]
struct AssessedRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = BigInt)]
    version: i64,
    #[diesel(sql_type = Date)]
    period_start: NaiveDate,
    #[diesel(sql_type = Date)]
    period_end: NaiveDate,
    #[diesel(sql_type = Integer)]
    score: i32,
    #[diesel(sql_type = Text)]
    result: crate::error::Code<AssessmentResult>,
}

#[derive(QueryableByName)]
struct CarriedRow {
    #[diesel(sql_type = SqlUuid)]
    payment_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = Date)]
    period_month: NaiveDate,
    #[diesel(sql_type = BigInt)]
    amount_fen: i64,
    #[diesel(sql_type = Text)]
    failure_reason: String,
    #[diesel(sql_type = Nullable<Text>)]
    organisation_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    compound_name: Option<String>,
}

#[derive(QueryableByName)]
struct PersonRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
}

/// Writes the lines of a cycle: every candidate with a decision and its explanation.
pub(super) async fn generate_in(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    programme: &Programme,
    cycle_id: Uuid,
    month: NaiveDate,
) -> StoreResult<()> {
    let last = month_end(month);
    let pattern = format!("{}%", programme.area_path);
    // Candidates: whoever held the post in the last year up to the month's end.
    let posts: Vec<PostRow> = crate::sql::query(
        "SELECT po.person_id, po.id AS post_id, o.name AS organisation_name, \
           (SELECT ca.name FROM organisation_compounds oc JOIN areas ca ON ca.id = oc.compound_id WHERE oc.organisation_id = o.id ORDER BY ca.name LIMIT 1) AS compound_name, \
           po.start_date, po.end_date \
         FROM posts po JOIN organisations o ON o.id = po.organisation_id JOIN areas oa ON oa.id = o.area_id \
         WHERE o.kind = $1 AND po.title = $2 AND oa.path LIKE $3 AND po.start_date <= $5 \
           AND (po.end_date IS NULL OR po.end_date >= ($4::date - interval '12 months'))",
    )
    .bind::<Text, _>(&programme.org_kind)
    .bind::<Text, _>(&programme.post_title)
    .bind::<Text, _>(&pattern)
    .bind::<Date, _>(month)
    .bind::<Date, _>(last)
    .load(tx)
    .await?;
    let mut people: Vec<Uuid> = posts.iter().map(|p| p.person_id).collect();
    people.sort_unstable();
    people.dedup();
    let assessed: Vec<AssessedRow> = crate::sql::query(
        "SELECT DISTINCT ON (s.person_id) s.person_id, s.id, s.version, s.period_start, s.period_end, s.score, s.result \
         FROM assessments s WHERE s.person_id = ANY($1) AND s.period_start <= $3 AND s.period_end >= $2 \
         ORDER BY s.person_id, s.period_end DESC",
    )
    .bind::<Array<SqlUuid>, _>(&people)
    .bind::<Date, _>(month)
    .bind::<Date, _>(last)
    .load(tx)
    .await?;
    let paid: Vec<PersonRow> = crate::sql::query(
        "SELECT d.person_id FROM disbursements d WHERE d.programme_id = $1 AND d.period_month = $2 AND d.status <> 'failed' \
         UNION SELECT l.person_id FROM payments l JOIN payment_cycles c ON c.id = l.cycle_id \
           WHERE l.programme_id = $1 AND l.period_month = $2 AND l.decision = 'included' AND c.id <> $3 \
             AND c.status IN ('submitted', 'approved')",
    )
    .bind::<SqlUuid, _>(programme.id)
    .bind::<Date, _>(month)
    .bind::<SqlUuid, _>(cycle_id)
    .load(tx)
    .await?;
    let banked: Vec<PersonRow> =
        crate::sql::query("SELECT person_id FROM bank_accounts WHERE person_id = ANY($1)")
            .bind::<Array<SqlUuid>, _>(&people)
            .load(tx)
            .await?;
    // Failed transfers of earlier months, not paid since and not already carried elsewhere.
    let carried: Vec<CarriedRow> = crate::sql::query(
        "SELECT DISTINCT ON (d.person_id, d.period_month) l.id AS payment_id, d.person_id, d.period_month, d.amount_fen, \
           COALESCE(d.failure_reason, '') AS failure_reason, l.organisation_name, l.compound_name \
         FROM disbursements d JOIN payments l ON l.id = d.payment_id \
         WHERE d.programme_id = $1 AND d.status = 'failed' AND d.period_month < $2 \
           AND NOT EXISTS (SELECT 1 FROM disbursements x WHERE x.programme_id = d.programme_id AND x.person_id = d.person_id \
                           AND x.period_month = d.period_month AND x.status <> 'failed') \
           AND NOT EXISTS (SELECT 1 FROM payments y JOIN payment_cycles yc ON yc.id = y.cycle_id WHERE y.carried_from IS NOT NULL \
                           AND y.programme_id = d.programme_id AND y.person_id = d.person_id AND y.period_month = d.period_month \
                           AND y.decision = 'included' AND yc.id <> $3 AND yc.status IN ('submitted', 'approved')) \
           AND EXISTS (SELECT 1 FROM bank_accounts b WHERE b.person_id = d.person_id) \
         ORDER BY d.person_id, d.period_month, d.created_at DESC",
    )
    .bind::<SqlUuid, _>(programme.id)
    .bind::<Date, _>(month)
    .bind::<SqlUuid, _>(cycle_id)
    .load(tx)
    .await?;
    // Holds survive regeneration.
    #[derive(QueryableByName)]
    struct Hold {
        #[diesel(sql_type = SqlUuid)]
        person_id: Uuid,
        #[diesel(sql_type = Date)]
        period_month: NaiveDate,
        #[diesel(sql_type = Text)]
        hold_reason: String,
    }
    let holds: Vec<Hold> = crate::sql::query(
        "SELECT person_id, period_month, hold_reason FROM payments WHERE cycle_id = $1 AND decision = 'held'",
    )
    .bind::<SqlUuid, _>(cycle_id)
    .load(tx)
    .await?;
    crate::sql::query("DELETE FROM payments WHERE cycle_id = $1")
        .bind::<SqlUuid, _>(cycle_id)
        .execute(tx)
        .await?;

    let paid: std::collections::HashSet<Uuid> = paid.into_iter().map(|p| p.person_id).collect();
    let banked: std::collections::HashSet<Uuid> = banked.into_iter().map(|p| p.person_id).collect();
    let assessed: HashMap<Uuid, AssessedRow> =
        assessed.into_iter().map(|a| (a.person_id, a)).collect();
    let mut by_person: HashMap<Uuid, Vec<&PostRow>> = HashMap::new();
    for p in &posts {
        by_person.entry(p.person_id).or_default().push(p);
    }
    let terms = programme.terms();
    let mut lines: Vec<NewLine> = Vec::new();
    for person in &people {
        let held = by_person.get(person).cloned().unwrap_or_default();
        let candidate = Candidate {
            person_id: *person,
            posts: held
                .iter()
                .map(|p| HeldPost {
                    post_id: p.post_id,
                    organisation_name: p.organisation_name.clone(),
                    start_date: p.start_date,
                    end_date: p.end_date,
                })
                .collect(),
            assessment: assessed.get(person).map(|a| Assessed {
                assessment_id: a.id,
                version: a.version,
                period_start: a.period_start,
                period_end: a.period_end,
                score: a.score,
                result: a.result.0,
            }),
            already_paid: paid.contains(person),
            has_bank_account: banked.contains(person),
        };
        let decision = decide(month, terms, &candidate);
        let compound_name = decision
            .post_id
            .and_then(|id| held.iter().find(|p| p.post_id == id))
            .or(held.as_slice().first())
            .and_then(|p| p.compound_name.clone());
        lines.push(NewLine {
            person_id: *person,
            period_month: month,
            included: decision.reason.pays(),
            reason: decision.reason,
            explanation: decision.explanation,
            amount_fen: decision.amount_fen,
            post_id: decision.post_id,
            organisation_name: decision.organisation_name,
            compound_name,
            assessment: decision.assessment,
            carried_from: None,
        });
    }
    for c in carried {
        lines.push(NewLine {
            person_id: c.person_id,
            period_month: c.period_month,
            included: true,
            reason: Reason::Carried,
            explanation: format!(
                "补发 {} 津贴：上次转账失败（{}） / carried: the transfer for {} failed ({})",
                c.period_month.format("%Y-%m"),
                c.failure_reason,
                c.period_month.format("%Y-%m"),
                c.failure_reason
            ),
            amount_fen: c.amount_fen,
            post_id: None,
            organisation_name: c.organisation_name,
            compound_name: c.compound_name,
            assessment: None,
            carried_from: Some(c.payment_id),
        });
    }
    lines.sort_by(|a, b| {
        (
            &a.compound_name,
            &a.organisation_name,
            a.period_month,
            a.person_id,
        )
            .cmp(&(
                &b.compound_name,
                &b.organisation_name,
                b.period_month,
                b.person_id,
            ))
    });
    let held: HashMap<(Uuid, NaiveDate), String> = holds
        .into_iter()
        .map(|h| ((h.person_id, h.period_month), h.hold_reason))
        .collect();
    insert_lines(tx, programme.id, cycle_id, &lines, &held).await?;
    crate::sql::query("UPDATE payment_cycles SET generated_at = linli_now(), assessments_changed = false, version = version + 1 WHERE id = $1")
        .bind::<SqlUuid, _>(cycle_id)
        .execute(tx)
        .await?;
    let included = lines.iter().filter(|l| l.included).count();
    let total: i64 = lines
        .iter()
        .filter(|l| l.included)
        .map(|l| l.amount_fen)
        .sum();
    journal::record(tx, ctx, Entry {
        action: "payment_cycle.generated",
        object_type: "payment_cycle",
        object_id: cycle_id.to_string(),
        area_path: Some(programme.area_path.clone()),
        before: None,
        after: Some(json!({"candidates": lines.len(), "included": included, "total_fen": total})),
        event_data: json!({"programme_id": programme.id, "month": month, "candidates": lines.len(),
            "included": included, "total_fen": total}),
    })
    .await
}

struct NewLine {
    person_id: Uuid,
    period_month: NaiveDate,
    included: bool,
    reason: Reason,
    explanation: String,
    amount_fen: i64,
    post_id: Option<Uuid>,
    organisation_name: Option<String>,
    compound_name: Option<String>,
    assessment: Option<(Uuid, i64)>,
    carried_from: Option<Uuid>,
}

async fn insert_lines(
    tx: &mut AsyncPgConnection,
    programme_id: Uuid,
    cycle_id: Uuid,
    lines: &[NewLine],
    holds: &HashMap<(Uuid, NaiveDate), String>,
) -> StoreResult<()> {
    // Column arrays, unnested by PostgreSQL: one statement per 5,000 lines whatever the
    // number of columns (the table is outside diesel's DSL schema).
    for (chunk_index, chunk) in lines.chunks(5_000).enumerate() {
        let mut ids = Vec::new();
        let mut people = Vec::new();
        let mut months = Vec::new();
        let mut decisions = Vec::new();
        let mut reasons = Vec::new();
        let mut explanations = Vec::new();
        let mut amounts = Vec::new();
        let mut posts = Vec::new();
        let mut organisations = Vec::new();
        let mut compounds = Vec::new();
        let mut assessments = Vec::new();
        let mut assessment_versions = Vec::new();
        let mut carried = Vec::new();
        let mut hold_reasons = Vec::new();
        let mut numbers = Vec::new();
        for (i, l) in chunk.iter().enumerate() {
            let hold = holds
                .get(&(l.person_id, l.period_month))
                .filter(|_| l.included);
            ids.push(Uuid::now_v7());
            people.push(l.person_id);
            months.push(l.period_month);
            decisions.push(match (l.included, hold) {
                (true, Some(_)) => "held",
                (true, None) => "included",
                (false, _) => "excluded",
            });
            reasons.push(l.reason.as_str());
            explanations.push(l.explanation.as_str());
            amounts.push(l.amount_fen);
            posts.push(l.post_id);
            organisations.push(l.organisation_name.as_deref());
            compounds.push(l.compound_name.as_deref());
            assessments.push(l.assessment.map(|a| a.0));
            assessment_versions.push(l.assessment.map(|a| a.1));
            carried.push(l.carried_from);
            hold_reasons.push(hold.map(String::as_str));
            numbers.push(i32::try_from(chunk_index * 5_000 + i + 1).unwrap_or(i32::MAX));
        }
        crate::sql::query(
            "INSERT INTO payments (id, cycle_id, programme_id, person_id, period_month, decision, reason, explanation, amount_fen, \
               post_id, organisation_name, compound_name, assessment_id, assessment_version, carried_from, hold_reason, line_no) \
             SELECT t.id, $1, $2, t.person_id, t.period_month, t.decision, t.reason, t.explanation, t.amount_fen, t.post_id, \
               t.organisation_name, t.compound_name, t.assessment_id, t.assessment_version, t.carried_from, t.hold_reason, t.line_no \
             FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::uuid[], \
               $11::text[], $12::text[], $13::uuid[], $14::bigint[], $15::uuid[], $16::text[], $17::int[]) \
               AS t(id, person_id, period_month, decision, reason, explanation, amount_fen, post_id, organisation_name, \
                    compound_name, assessment_id, assessment_version, carried_from, hold_reason, line_no)",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<SqlUuid, _>(programme_id)
        .bind::<Array<SqlUuid>, _>(&ids)
        .bind::<Array<SqlUuid>, _>(&people)
        .bind::<Array<Date>, _>(&months)
        .bind::<Array<Text>, _>(&decisions)
        .bind::<Array<Text>, _>(&reasons)
        .bind::<Array<Text>, _>(&explanations)
        .bind::<Array<BigInt>, _>(&amounts)
        .bind::<Array<Nullable<SqlUuid>>, _>(&posts)
        .bind::<Array<Nullable<Text>>, _>(&organisations)
        .bind::<Array<Nullable<Text>>, _>(&compounds)
        .bind::<Array<Nullable<SqlUuid>>, _>(&assessments)
        .bind::<Array<Nullable<BigInt>>, _>(&assessment_versions)
        .bind::<Array<Nullable<SqlUuid>>, _>(&carried)
        .bind::<Array<Nullable<Text>>, _>(&hold_reasons)
        .bind::<Array<Integer>, _>(&numbers)
        .execute(tx)
        .await?;
    }
    Ok(())
}
