// @generated automatically by Diesel CLI.

diesel::table! {
    action_items (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        resolution_no -> Nullable<Int4>,
        description -> Text,
        owner_org_id -> Uuid,
        due_on -> Date,
        status -> Text,
        done_on -> Nullable<Date>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    activities (id) {
        id -> Uuid,
        title -> Text,
        description -> Nullable<Text>,
        team_id -> Nullable<Uuid>,
        centre_id -> Nullable<Uuid>,
        compound_id -> Nullable<Uuid>,
        area_path -> Text,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        capacity -> Int4,
        status -> Text,
        created_by -> Nullable<Uuid>,
        version -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    allowance_programmes (id) {
        id -> Uuid,
        name -> Text,
        area_id -> Uuid,
        area_path -> Text,
        org_kind -> Text,
        post_title -> Text,
        amount_fen_per_month -> Int8,
        required_result -> Text,
        annual_budget_fen -> Int8,
        pro_rata -> Bool,
        active -> Bool,
        created_by -> Nullable<Uuid>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        name -> Text,
        prefix -> Text,
        key_hash -> Bytea,
        scopes -> Array<Nullable<Text>>,
        area_id -> Uuid,
        created_by -> Uuid,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    areas (id) {
        id -> Uuid,
        parent_id -> Nullable<Uuid>,
        kind -> Text,
        name -> Text,
        code -> Nullable<Text>,
        path -> Text,
        depth -> Int4,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    assessments (id) {
        id -> Uuid,
        person_id -> Uuid,
        period_start -> Date,
        period_end -> Date,
        score -> Int4,
        result -> Text,
        assessor -> Text,
        notes -> Nullable<Text>,
        recorded_by -> Nullable<Uuid>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    audit_campaign_firms (campaign_id, firm_id) {
        campaign_id -> Uuid,
        firm_id -> Uuid,
    }
}

diesel::table! {
    audit_campaigns (id) {
        id -> Uuid,
        name -> Text,
        year -> Int4,
        area_id -> Uuid,
        area_path -> Text,
        budget_fen -> Int8,
        description -> Nullable<Text>,
        created_by -> Nullable<Uuid>,
        version -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    audit_engagements (id) {
        id -> Uuid,
        campaign_id -> Uuid,
        compound_id -> Uuid,
        area_path -> Text,
        firm_id -> Uuid,
        fee_fen -> Int8,
        scope -> Text,
        period_from -> Date,
        period_to -> Date,
        status -> Text,
        opinion -> Nullable<Text>,
        report_summary -> Nullable<Text>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    audit_findings (id) {
        id -> Uuid,
        engagement_id -> Uuid,
        area_path -> Text,
        kind -> Text,
        title -> Text,
        description -> Text,
        amount_fen -> Int8,
        severity -> Text,
        responsible_org_id -> Nullable<Uuid>,
        evidence -> Nullable<Text>,
        status -> Text,
        raised_by -> Uuid,
        closed_at -> Nullable<Timestamptz>,
        version -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        occurred_at -> Timestamptz,
        actor_kind -> Text,
        actor_id -> Nullable<Uuid>,
        actor_name -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Text,
        area_path -> Nullable<Text>,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
        client_ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
        prev_hash -> Nullable<Bytea>,
        hash -> Nullable<Bytea>,
        chain_seq -> Nullable<Int8>,
    }
}

diesel::table! {
    bank_accounts (person_id) {
        person_id -> Uuid,
        bank_name -> Text,
        account_no -> Text,
        account_name -> Text,
        version -> Int8,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    calendar_days (day) {
        day -> Date,
        kind -> Text,
        note -> Text,
    }
}

diesel::table! {
    complaint_attachments (id) {
        id -> Uuid,
        complaint_id -> Uuid,
        purpose -> Text,
        content_type -> Text,
        size_bytes -> Int4,
        sha256 -> Bytea,
        file_name -> Text,
        stored_path -> Text,
        uploaded_by -> Nullable<Uuid>,
        uploader_name -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    complaint_categories (code) {
        code -> Text,
        name_zh -> Text,
        name_en -> Text,
        sign_hours -> Int4,
        resolve_hours -> Int4,
        handler_rule -> Text,
        attributes -> Jsonb,
        active -> Bool,
        position -> Int4,
        version -> Int8,
    }
}

diesel::table! {
    complaint_events (id) {
        id -> Int8,
        complaint_id -> Uuid,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        actor_kind -> Text,
        actor_id -> Nullable<Uuid>,
        actor_name -> Text,
        note -> Nullable<Text>,
        at -> Timestamptz,
    }
}

diesel::table! {
    complaint_extensions (id) {
        id -> Uuid,
        complaint_id -> Uuid,
        hours -> Int4,
        reason -> Text,
        status -> Text,
        requested_by -> Uuid,
        requester_name -> Text,
        decided_by -> Nullable<Uuid>,
        decider_name -> Nullable<Text>,
        decision_note -> Nullable<Text>,
        created_at -> Timestamptz,
        decided_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    compounds (id) {
        id -> Uuid,
        address -> Text,
        lat -> Nullable<Float8>,
        lon -> Nullable<Float8>,
        year_built -> Nullable<Int4>,
        building_count -> Int4,
        household_count -> Int4,
        is_open -> Bool,
        governance_mode -> Text,
    }
}

diesel::table! {
    contract_compounds (contract_id, compound_id) {
        contract_id -> Uuid,
        compound_id -> Uuid,
        start_date -> Date,
        end_date -> Date,
    }
}

diesel::table! {
    disbursements (id) {
        id -> Uuid,
        payment_id -> Uuid,
        cycle_id -> Uuid,
        programme_id -> Uuid,
        person_id -> Uuid,
        period_month -> Date,
        amount_fen -> Int8,
        bank_name -> Text,
        account_no -> Text,
        account_name -> Text,
        status -> Text,
        bank_reference -> Nullable<Text>,
        failure_reason -> Nullable<Text>,
        settled_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    disclosures (id) {
        id -> Uuid,
        compound_id -> Uuid,
        area_path -> Text,
        period_from -> Date,
        period_to -> Date,
        summary -> Jsonb,
        note -> Nullable<Text>,
        published_by -> Nullable<Uuid>,
        publisher -> Text,
        published_at -> Timestamptz,
    }
}

diesel::table! {
    events (id) {
        id -> Int8,
        event_id -> Uuid,
        seq -> Nullable<Int8>,
        #[sql_name = "type"]
        type_ -> Text,
        occurred_at -> Timestamptz,
        area_path -> Nullable<Text>,
        subject_type -> Text,
        subject_id -> Text,
        payload -> Jsonb,
    }
}

diesel::table! {
    idempotency_keys (principal, key) {
        principal -> Text,
        key -> Text,
        request_hash -> Bytea,
        response_status -> Int4,
        response_headers -> Jsonb,
        response_body -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    joint_meetings (id) {
        id -> Uuid,
        compound_id -> Uuid,
        held_on -> Date,
        title -> Text,
        location -> Text,
        convener_org_id -> Uuid,
        minutes -> Jsonb,
        status -> Text,
        finalised_at -> Nullable<Timestamptz>,
        finalised_by -> Nullable<Uuid>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    ledger_accounts (id) {
        id -> Uuid,
        compound_id -> Uuid,
        code -> Text,
        name_zh -> Text,
        name_en -> Text,
        kind -> Text,
        category -> Text,
        active -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    ledger_entries (id) {
        id -> Uuid,
        number -> Int8,
        compound_id -> Uuid,
        entry_date -> Date,
        memo -> Text,
        voucher_no -> Nullable<Text>,
        source -> Text,
        reverses_id -> Nullable<Uuid>,
        import_id -> Nullable<Uuid>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    ledger_imports (id) {
        id -> Uuid,
        compound_id -> Uuid,
        sha256 -> Bytea,
        file_name -> Text,
        row_count -> Int4,
        entry_count -> Int4,
        imported_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    ledger_lines (id) {
        id -> Int8,
        entry_id -> Uuid,
        compound_id -> Uuid,
        account_id -> Uuid,
        debit_fen -> Int8,
        credit_fen -> Int8,
    }
}

diesel::table! {
    ledger_periods (compound_id, month) {
        compound_id -> Uuid,
        month -> Date,
        closed_by -> Nullable<Uuid>,
        closed_at -> Timestamptz,
    }
}

diesel::table! {
    ledger_vouchers (id) {
        id -> Uuid,
        entry_id -> Uuid,
        content_type -> Text,
        size_bytes -> Int4,
        sha256 -> Bytea,
        file_name -> Text,
        stored_path -> Text,
        uploaded_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Int8,
        username -> Text,
        client_ip -> Text,
        succeeded -> Bool,
        at -> Timestamptz,
    }
}

diesel::table! {
    meeting_amendments (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        reason -> Text,
        correction -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    neighbourhood_centres (id) {
        id -> Uuid,
        community_id -> Uuid,
        name -> Text,
        address -> Text,
        lat -> Float8,
        lon -> Float8,
        geofence_radius_m -> Int4,
        opening_hours -> Jsonb,
        services -> Array<Nullable<Text>>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    organisation_compounds (organisation_id, compound_id) {
        organisation_id -> Uuid,
        compound_id -> Uuid,
    }
}

diesel::table! {
    organisation_members (user_id, organisation_id) {
        user_id -> Uuid,
        organisation_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    organisations (id) {
        id -> Uuid,
        kind -> Text,
        name -> Text,
        area_id -> Uuid,
        parent_id -> Nullable<Uuid>,
        contact_phone -> Nullable<Text>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    people (id) {
        id -> Uuid,
        name -> Text,
        phone -> Nullable<Text>,
        id_number -> Nullable<Text>,
        is_party_member -> Bool,
        employer -> Nullable<Text>,
        home_compound_id -> Nullable<Uuid>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    posts (id) {
        id -> Uuid,
        person_id -> Uuid,
        organisation_id -> Uuid,
        title -> Text,
        single_holder -> Bool,
        start_date -> Date,
        end_date -> Nullable<Date>,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    reconciliation_imports (cycle_id, sha256) {
        cycle_id -> Uuid,
        sha256 -> Bytea,
        row_count -> Int4,
        imported_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    rectifications (id) {
        id -> Uuid,
        finding_id -> Uuid,
        action -> Text,
        owner_org_id -> Nullable<Uuid>,
        deadline -> Date,
        status -> Text,
        completion_evidence -> Nullable<Text>,
        completed_by -> Nullable<Uuid>,
        completed_at -> Nullable<Timestamptz>,
        verified_by -> Nullable<Uuid>,
        verified_at -> Nullable<Timestamptz>,
        verification_note -> Nullable<Text>,
        overdue -> Bool,
        version -> Int8,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        expires_at -> Timestamptz,
        created_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    reports (id) {
        id -> Uuid,
        person_id -> Uuid,
        compound_id -> Uuid,
        area_path -> Text,
        employer -> Nullable<Text>,
        status -> Text,
        note -> Nullable<Text>,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
        decline_reason -> Nullable<Text>,
        requested_at -> Timestamptz,
        version -> Int8,
    }
}

diesel::table! {
    service_certificates (id) {
        id -> Uuid,
        code -> Text,
        person_id -> Uuid,
        period_from -> Date,
        period_to -> Date,
        total_minutes -> Int4,
        activities -> Int4,
        issued_by -> Nullable<Uuid>,
        issued_at -> Timestamptz,
    }
}

diesel::table! {
    service_contracts (id) {
        id -> Uuid,
        company_id -> Uuid,
        title -> Text,
        start_date -> Date,
        end_date -> Date,
        service_items -> Array<Nullable<Text>>,
        fee_fen_per_sqm -> Int8,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    signups (activity_id, person_id) {
        activity_id -> Uuid,
        person_id -> Uuid,
        status -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    team_members (team_id, person_id) {
        team_id -> Uuid,
        person_id -> Uuid,
        role -> Text,
        joined_on -> Date,
    }
}

diesel::table! {
    user_grants (id) {
        id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        area_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        is_active -> Bool,
        token_version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        phone -> Nullable<Text>,
        version -> Int8,
        person_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Int8,
        delivery_id -> Uuid,
        attempted_at -> Timestamptz,
        status_code -> Nullable<Int4>,
        latency_ms -> Int4,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        subscription_id -> Uuid,
        event_id -> Uuid,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
        last_status -> Nullable<Int4>,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        delivered_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> Uuid,
        url -> Text,
        description -> Text,
        event_types -> Array<Nullable<Text>>,
        area_id -> Uuid,
        active -> Bool,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_expires_at -> Nullable<Timestamptz>,
        owner_kind -> Text,
        owner_id -> Uuid,
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(action_items -> joint_meetings (meeting_id));
diesel::joinable!(action_items -> organisations (owner_org_id));
diesel::joinable!(api_keys -> areas (area_id));
diesel::joinable!(api_keys -> users (created_by));
diesel::joinable!(compounds -> areas (id));
diesel::joinable!(contract_compounds -> compounds (compound_id));
diesel::joinable!(contract_compounds -> service_contracts (contract_id));
diesel::joinable!(joint_meetings -> compounds (compound_id));
diesel::joinable!(joint_meetings -> organisations (convener_org_id));
diesel::joinable!(joint_meetings -> users (finalised_by));
diesel::joinable!(meeting_amendments -> joint_meetings (meeting_id));
diesel::joinable!(meeting_amendments -> users (created_by));
diesel::joinable!(neighbourhood_centres -> areas (community_id));
diesel::joinable!(organisation_compounds -> compounds (compound_id));
diesel::joinable!(organisation_compounds -> organisations (organisation_id));
diesel::joinable!(organisation_members -> organisations (organisation_id));
diesel::joinable!(organisation_members -> users (user_id));
diesel::joinable!(organisations -> areas (area_id));
diesel::joinable!(people -> compounds (home_compound_id));
diesel::joinable!(posts -> organisations (organisation_id));
diesel::joinable!(posts -> people (person_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(service_contracts -> organisations (company_id));
diesel::joinable!(user_grants -> areas (area_id));
diesel::joinable!(user_grants -> users (user_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(webhook_subscriptions -> areas (area_id));

diesel::allow_tables_to_appear_in_same_query!(
    action_items,
    activities,
    allowance_programmes,
    api_keys,
    areas,
    assessments,
    audit_campaign_firms,
    audit_campaigns,
    audit_engagements,
    audit_findings,
    audit_log,
    bank_accounts,
    calendar_days,
    complaint_attachments,
    complaint_categories,
    complaint_events,
    complaint_extensions,
    compounds,
    contract_compounds,
    disbursements,
    disclosures,
    events,
    idempotency_keys,
    joint_meetings,
    ledger_accounts,
    ledger_entries,
    ledger_imports,
    ledger_lines,
    ledger_periods,
    ledger_vouchers,
    login_attempts,
    meeting_amendments,
    neighbourhood_centres,
    organisation_compounds,
    organisation_members,
    organisations,
    people,
    posts,
    reconciliation_imports,
    rectifications,
    refresh_tokens,
    reports,
    service_certificates,
    service_contracts,
    signups,
    team_members,
    user_grants,
    users,
    webhook_attempts,
    webhook_deliveries,
    webhook_subscriptions,
);
