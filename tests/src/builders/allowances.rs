//! Builders for allowance payments: programmes and the post holders they pay.

use chrono::NaiveDate;
use linli_domain::registry::OrgKind;
use serde_json::json;
use uuid::Uuid;

use super::{code, id_of, unique};
use crate::TestApp;

impl TestApp {
    /// An allowance programme over `area` to build: 800 yuan a month to holders of the post
    /// 测试书记 in compound party branches assessed at least qualified, with a budget of a
    /// million yuan, created by the administrator unless told otherwise.
    pub fn programme(&self, area: Uuid) -> ProgrammeBuilder<'_> {
        ProgrammeBuilder {
            app: self,
            area,
            org_kind: OrgKind::CompoundPartyBranch,
            post_title: "测试书记".to_owned(),
            amount_fen: 80_000,
            budget_fen: 100_000_000,
            by: None,
        }
    }

    /// A person living in `home` (a compound) who holds a post in `organisation` to
    /// build: titled 测试书记, from 2020-01-01 with no end, not assessed and with no bank
    /// account unless told.
    pub fn post_holder(&self, organisation: Uuid, home: Uuid) -> PostHolderBuilder<'_> {
        PostHolderBuilder {
            app: self,
            organisation,
            home,
            name: unique("测试"),
            title: "测试书记".to_owned(),
            start: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default(),
            end: None,
            assessment: None,
            bank_account: None,
        }
    }
}

/// Builds a programme through `POST /api/v1/allowance-programmes`.
pub struct ProgrammeBuilder<'a> {
    app: &'a TestApp,
    area: Uuid,
    org_kind: OrgKind,
    post_title: String,
    amount_fen: i64,
    budget_fen: i64,
    by: Option<String>,
}

impl ProgrammeBuilder<'_> {
    setters! {
        /// Its annual budget in fen.
        budget(fen: i64) => budget_fen = fen;

        /// The monthly amount in fen.
        monthly(fen: i64) => amount_fen = fen;

        /// The title of the post it pays.
        for_post(title: &str) => post_title = title.to_owned();

        /// Created by the holder of `token` (default: the administrator).
        by(token: &str) => by = Some(token.to_owned());
    }

    /// Creates it and returns its id.
    pub async fn create(self) -> Uuid {
        let body = self
            .app
            .create_by(
                self.by,
                "/api/v1/allowance-programmes",
                &json!({
                    "name": unique("测试岗位津贴"), "area_id": self.area,
                    "org_kind": code(self.org_kind), "post_title": self.post_title,
                    "amount_fen_per_month": self.amount_fen, "required_result": "qualified",
                    "annual_budget_fen": self.budget_fen
                }),
                "programme",
            )
            .await;
        id_of(&body, "programme")
    }
}

/// Builds a post holder: a person through `POST /api/v1/people`, the post through
/// `POST /api/v1/posts`, then the assessment (`POST /api/v1/assessments`) and bank account
/// (`PUT /api/v1/people/{id}/bank-account`) when asked for.
pub struct PostHolderBuilder<'a> {
    app: &'a TestApp,
    organisation: Uuid,
    home: Uuid,
    name: String,
    title: String,
    start: NaiveDate,
    end: Option<NaiveDate>,
    assessment: Option<(String, i32, String, String)>,
    bank_account: Option<(String, String)>,
}

/// A built post holder.
#[derive(Debug, Clone)]
pub struct PostHolder {
    pub person: Uuid,
    pub name: String,
}

impl PostHolderBuilder<'_> {
    setters! {
        /// Their name (unique by default).
        named(name: &str) => name = name.to_owned();

        /// The post's title (default 测试书记).
        titled(title: &str) => title = title.to_owned();
    }

    /// The post's term: from `start`, until `end` (`None`: still in post).
    pub fn term(mut self, start: NaiveDate, end: Option<NaiveDate>) -> Self {
        (self.start, self.end) = (start, end);
        self
    }

    /// Assessed `result` (`qualified`, …) with `score` for the period `from`..=`to`
    /// (dates as text, `2026-07-01`), by the administrator.
    pub fn assessed(mut self, result: &str, score: i32, from: &str, to: &str) -> Self {
        self.assessment = Some((result.to_owned(), score, from.to_owned(), to.to_owned()));
        self
    }

    /// Paid into `account`, recorded by the finance officer holding `token`.
    pub fn bank_account(mut self, account: &str, token: &str) -> Self {
        self.bank_account = Some((account.to_owned(), token.to_owned()));
        self
    }

    /// Creates them and returns the person.
    pub async fn create(self) -> PostHolder {
        let app = self.app;
        let person = app
            .person(self.home)
            .named(&self.name)
            .party_member()
            .create()
            .await;
        let person = id_of(&person, "person");
        app.create_as_admin(
            "/api/v1/posts",
            &json!({
                "person_id": person, "organisation_id": self.organisation,
                "title": self.title, "start_date": self.start, "end_date": self.end
            }),
            "post",
        )
        .await;
        if let Some((result, score, from, to)) = self.assessment {
            app.create_as_admin(
                "/api/v1/assessments",
                &json!({
                    "person_id": person, "period_start": from, "period_end": to,
                    "score": score, "result": result, "assessor": "雨花区委组织部"
                }),
                "assessment",
            )
            .await;
        }
        if let Some((account, token)) = self.bank_account {
            let res = app
                .put_as(
                    &token,
                    &format!("/api/v1/people/{person}/bank-account"),
                    &json!({"bank_name": "长沙银行雨花支行", "account_no": account,
                        "account_name": self.name}),
                )
                .await;
            res.assert_status(200);
            assert!(res.text().contains("****"), "masked: {}", res.text());
        }
        PostHolder {
            person,
            name: self.name,
        }
    }
}
